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
