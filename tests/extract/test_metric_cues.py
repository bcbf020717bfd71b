"""Which metric a figure measures, from the words around it."""
from __future__ import annotations

import pytest

from kizuna.extract.metric_cues import choose_metric
from kizuna.extract.numbers import find_quantities
from kizuna.extract.stat_vocab import default
from kizuna.text import fold


def _metrics(text: str) -> list[tuple[str, float]]:
    folded = fold(text)
    vocab = default()
    earlier: list = []
    out: list[tuple[str, float]] = []
    for quantity in find_quantities(folded, 0, len(folded), vocab):
        choice = choose_metric(folded, 0, len(folded), quantity, earlier, vocab)
        if choice is not None:
            earlier.append((quantity, choice.metric, choice.reach))
            out.append((choice.metric, choice.value))
    return out


@pytest.mark.parametrize("text, expected", [
    ("Realised Japanese investment in Indonesia reached US$3.5 billion in 2024, down 25% from a year earlier.",
     [("disbursed_capital", 3.5e9)]),
    ("Japanese FDI into Thailand fell 30 percent to 45 billion baht.",
     [("capital_growth", -30.0), ("registered_capital", 45e9)]),
    ("Foreign direct investment pledges to Vietnam rose 3% to $38.2 billion.",
     [("capital_growth", 3.0), ("registered_capital", 38.2e9)]),
    ("Korean investment applications to Thailand's BOI totalled 12 billion baht.", [("registered_capital", 12e9)]),
    ("Japan has been Thailand's top investor, with cumulative investment of over 7 trillion baht.",
     [("registered_capital", 7e12)]),
])
def test_investment_as_the_subject_of_a_clause(text: str, expected: list[tuple[str, float]]) -> None:
    assert _metrics(text) == expected


def test_a_change_without_the_sum_it_leads_to_is_no_growth() -> None:
    assert _metrics("Foreign investment in Vietnam rose 10 percent.") == []


def test_a_sum_after_a_ranked_investor_is_its_capital() -> None:
    assert _metrics("Japan was Indonesia's second-largest investor in 2024 with US$4.7 billion.") == \
        [("registered_capital", 4.7e9)]
    assert _metrics("Japan was the second-largest exporter in 2024 with US$4.7 billion.") == []


def test_the_largest_group_of_people_names_what_is_counted() -> None:
    assert _metrics("Vietnamese made up the largest group of foreign workers in Japan at 570,708.") == \
        [("workers", 570708.0)]
    assert _metrics("The number of foreign workers in Japan rose to 2.3 million, with Vietnamese making up the "
                    "largest group at 570,708.") == [("workers", 2.3e6), ("workers", 570708.0)]
    assert _metrics("Toyota was the largest group of companies at the fair at 120.") == []


def test_grown_is_growth() -> None:
    assert _metrics("Trade between Vietnam and Japan has grown by an average of 8 percent a year.") == \
        [("trade_growth", 8.0)]
