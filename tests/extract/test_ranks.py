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
