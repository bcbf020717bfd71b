from kizuna.extract.numbers import find_quantities
from kizuna.extract.ranks import find_ranks
from kizuna.extract.stat_vocab import default
from kizuna.text import fold


def _ranks(text: str) -> list[tuple[str, int, int | None]]:
    folded = fold(text)
    return [(h.metric, h.value, h.rank_of) for h in find_ranks(folded, 0, len(folded), default())]


def test_ranking_verbs_with_word_and_numeric_ordinals() -> None:
    assert _ranks("Japan ranked first among 140 countries and territories investing in Vietnam.") == \
        [("investor_rank", 1, 140)]
    assert _ranks("Vietnam ranks 31st among the 85 countries receiving Japanese investment.") == \
        [("destination_rank", 31, 85)]


def test_partner_list_items() -> None:
    found = _ranks("Japan is Vietnam's top partner in ODA, the third-largest investor and the fourth-largest "
                   "partner in trade.")
    assert found == [("partner_rank", 1, None), ("partner_rank", 3, None), ("partner_rank", 4, None)]


def test_no_ordinal_no_rank_and_no_digit_no_quantity() -> None:
    text = fold("The two sides ranked cooperation among their priorities for many years.")
    assert find_ranks(text, 0, len(text), default()) == []
    assert find_quantities(text, 0, len(text), default()) == []
    money = fold("Japan invested $5.2 billion in 2024.")
    assert [q.value for q in find_quantities(money, 0, len(money), default())] == [5_200_000_000]


def test_of_the_n_countries_is_an_investor_rank_with_its_field() -> None:
    assert _ranks("Thailand is the fifth largest of the 33 countries and territories investing in Hai Duong.") == \
        [("investor_rank", 5, 33)]


def test_league_verbs_need_investment_wording() -> None:
    assert _ranks("Hong Kong came second with $1.9 billion in registered capital.") == [("investor_rank", 2, None)]
    assert _ranks("Malaysia led with $800 million of FDI.") == [("investor_rank", 1, None)]
    assert _ranks("The team came second with 12 points.") == []


def test_league_verbs_follow_the_article_when_told() -> None:
    folded = fold("Hong Kong came second with $1.9 billion.")
    assert [(h.metric, h.value) for h in find_ranks(folded, 0, len(folded), default(), about_investment=True)] == \
        [("investor_rank", 2)]
    assert find_ranks(folded, 0, len(folded), default()) == []


def test_among_countries_counts_when_the_sentence_is_about_investors() -> None:
    assert _ranks("Its investors hold 900 projects, ranking sixth among 110 countries and territories.") == \
        [("investor_rank", 6, 110)]


def test_a_league_counts_on_after_followed_by_and_takes_its_size_from_among() -> None:
    folded = fold("Among 57 countries and territories investing in Korea, the US led with $4.4 billion, "
                  "followed by Japan with $1.7 billion and China with $1.1 billion.")
    hits = find_ranks(folded, 0, len(folded), default())
    assert [(h.metric, h.value, h.rank_of, h.league) for h in hits] == [
        ("investor_rank", 1, 57, True), ("investor_rank", 2, 57, True), ("investor_rank", 3, 57, True)]
    assert [folded[h.start:h.end] for h in hits[1:]] == ["japan", "china"]


def test_followed_by_without_a_league_is_no_rank() -> None:
    assert _ranks("Manufacturing attracted $13 billion in investment, followed by real estate with $2 billion.") == []


def test_largest_among_foreign_investors_has_no_count() -> None:
    assert _ranks("Japan is the largest among foreign investors in the province.") == [("investor_rank", 1, None)]


def test_an_apposition_with_its_names_no_partner() -> None:
    assert _ranks("Thailand's exports to China, its largest market, rose 5 percent.") == []
    assert _ranks("Japan remains Vietnam's top ODA provider and its third-largest investor.") == \
        [("partner_rank", 1, None), ("partner_rank", 3, None)]


def test_its_after_a_comma_goes_on_a_list_of_ranks() -> None:
    assert _ranks("Japan is Vietnam's fourth-largest trading partner, its third-largest investor and the largest "
                  "provider of ODA.") == [("partner_rank", 4, None), ("partner_rank", 3, None), ("partner_rank", 1, None)]


def test_rank_hints_find_words_inside_a_stretch() -> None:
    from kizuna.extract.ranks import RankHints
    folded = fold("Trade grew. Japan ranked third. Exports rose.")
    hints = RankHints(folded)
    assert hints.within(12, 31) and not hints.within(0, 11) and not hints.within(32, len(folded))


def test_out_of_counts_like_among() -> None:
    assert _ranks("Japan ranks third out of 147 countries and territories investing in Vietnam.") == \
        [("investor_rank", 3, 147)]


def test_a_bare_market_yields_to_the_domain_the_item_names() -> None:
    folded = fold("Japan remains the largest market for Vietnamese guest workers.")
    assert [(h.value, h.domain) for h in find_ranks(folded, 0, len(folded), default())] == [(1, "labour")]
    folded = fold("Vietnam is South Korea's third-largest export market.")
    assert [(h.value, h.domain) for h in find_ranks(folded, 0, len(folded), default())] == [(3, "trade")]


def test_items_without_a_determiner_go_on_a_list_only() -> None:
    assert _ranks("Japan is Vietnam's largest ODA provider, second-largest labour partner, third-largest investor "
                  "and fourth-largest trading partner.") == \
        [("partner_rank", 1, None), ("partner_rank", 2, None), ("partner_rank", 3, None), ("partner_rank", 4, None)]
    assert _ranks("In Hanoi, second-largest investor Japan opened an office.") == []
