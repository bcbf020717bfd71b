"""Figures in text: values in base units, units, qualifiers, and what is never a quantity."""
from __future__ import annotations

from pathlib import Path

import pytest

from kizuna.errors import VocabularyError
from kizuna.extract.numbers import CURRENCY_COUNTRY, cardinal_value, find_quantities, load_currencies, ordinal_value
from kizuna.extract.stat_vocab import default
from kizuna.text import fold


def _read(text: str) -> list[tuple[float, str, str]]:
    folded = fold(text)
    return [(q.value, q.unit, q.qualifier) for q in find_quantities(folded, 0, len(folded), default())]


@pytest.mark.parametrize("text, expected", [
    ("Japan had 5,681 active projects", [(5681, "count", "exact")]),
    ("total registered capital of $78.9 billion", [(78.9e9, "USD", "exact")]),
    ("an investment capital of US$1.67 billion", [(1.67e9, "USD", "exact")]),
    ("reached USD34.6 million", [(34.6e6, "USD", "exact")]),
    ("its $35-million centre", [(35e6, "USD", "exact")]),
    ("worth 76.76 billion USD", [(76.76e9, "USD", "exact")]),
    ("poured VND4,927 billion into", [(4.927e12, "VND", "exact")]),
    ("1.2 trillion yen", [(1.2e12, "JPY", "exact")]),
    ("the over 430,000-strong community", [(430000, "count", "more_than")]),
    ("up 2.9 per cent on-year", [(2.9, "percent", "exact")]),
    ("up 2.9% on-year", [(2.9, "percent", "exact")]),
    ("a rise of 1.7 percent", [(1.7, "percent", "exact")]),
    ("more than 108 localities", [(108, "count", "more_than")]),
    ("surpassed $51.43 billion", [(51.43e9, "USD", "more_than")]),
    ("nearly 90 pairs", [(90, "count", "approx")]),
    ("was estimated at US$22.94 billion", [(22.94e9, "USD", "approx")]),
    ("at least 20 firms", [(20, "count", "at_least")]),
    ("less than 5 per cent", [(5, "percent", "less_than")]),
    ("up to 100 projects", [(100, "count", "less_than")]),
    ("100-plus projects", [(100, "count", "more_than")]),
    ("no more than 40 firms", [(40, "count", "less_than")]),
    ("some 10.5 percent", [(10.5, "percent", "approx")]),
    ("S$2.5 billion", [(2.5e9, "SGD", "exact")]),
    ("5.3 billion U.S. dollars", [(5.3e9, "USD", "exact")]),
    ("nearly US$20bil", [(20e9, "USD", "approx")]),
    ("over 1.000 projects", [(1000, "count", "more_than")]),
    ("5.681 valid projects", [(5681, "count", "exact")]),
    ("5G networks and 3rd-generation chips", []),
])
def test_quantities(text: str, expected: list[tuple[float, str, str]]) -> None:
    found = _read(text)
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == found


@pytest.mark.parametrize("text", [
    "in 2024", "the 2012-13 season", "during the 2005-2012 period", "on October 31", "31 October 2025",
    "covering 19,100 sq.m", "the first 10 months", "for 20 years", "Covid-19", "2.5 percentage points",
    "Japan ranked No. 3", "the No.1 investor",
])
def test_not_quantities(text: str) -> None:
    assert _read(text) == []


def test_offsets_index_the_text() -> None:
    text = "Đà Nẵng drew US$1 billion"
    folded = fold(text)
    (quantity,) = find_quantities(folded, 0, len(folded), default())
    assert text[quantity.start:quantity.end] == "US$1 billion"


@pytest.mark.parametrize("word, value", [
    ("fourth", 4), ("31st", 31), ("2nd", 2), ("top", 1), ("biggest", 1), ("third", 3), ("anniversary", None),
    ("no. 3", 3), ("no.1", 1), ("no 12", 12), ("no.", None),
])
def test_ordinals(word: str, value: int | None) -> None:
    assert ordinal_value(word) == value


def test_cardinals() -> None:
    assert cardinal_value("109") == 109
    assert cardinal_value("1,200") == 1200
    assert cardinal_value("three") == 3
    assert cardinal_value("many") is None


@pytest.mark.parametrize("text, expected", [
    ("VND7.5 trillion (US$295 million) in 2024", [(7.5e12, "VND", "exact")]),
    ("45 billion yen, or about $290 million,", [(45e9, "JPY", "exact")]),
    ("Rp 4.1 trillion (about US$260 million)", [(4.1e12, "IDR", "exact")]),
    ("$35 million and VND120 billion", [(35e6, "USD", "exact"), (120e9, "VND", "exact")]),
])
def test_a_sum_in_two_currencies_is_one_figure(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == _read(text)


@pytest.mark.parametrize("text", ["the top 10 localities", "among the top-5 investors", "Japan's top 20 firms"])
def test_a_top_list_is_no_figure(text: str) -> None:
    assert _read(text) == []


def test_counts_in_words_only_when_asked_and_never_after_a_determiner() -> None:
    text = fold("It has ties with seven Japanese localities, and the two countries signed twenty-one deals.")
    assert find_quantities(text, 0, len(text), default()) == []
    spelled = find_quantities(text, 0, len(text), default(), spelled=True)
    assert [(q.text, q.value, q.spelled) for q in spelled] == [("seven", 7, True), ("twenty-one", 21, True)]


@pytest.mark.parametrize("text, expected", [
    ("approved 12.3 billion ringgit", [(12.3e9, "MYR", "exact")]),
    ("RM2.5 billion in approved investment", [(2.5e9, "MYR", "exact")]),
    ("HK$3 billion", [(3e9, "HKD", "exact")]),
    ("NT$40 billion", [(40e9, "TWD", "exact")]),
    ("290 billion baht", [(290e9, "THB", "exact")]),
    ("1.2 trillion won", [(1.2e12, "KRW", "exact")]),
    ("S$2.1 billion", [(2.1e9, "SGD", "exact")]),
])
def test_other_currencies_keep_their_own_unit(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert _read(text) == expected


def test_every_currency_has_a_home_or_is_shared() -> None:
    assert CURRENCY_COUNTRY["THB"] == "TH" and CURRENCY_COUNTRY["KRW"] == "KR" and CURRENCY_COUNTRY["USD"] == ""


def test_currency_file_is_checked_on_load(tmp_path: Path) -> None:
    bad = tmp_path / "stat_currencies.csv"
    bad.write_text("code,country,prefixes,suffixes\nbaht,TH,,baht\nKRW,KR,,won\nXYZ,XY,,won\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        load_currencies(bad)
    assert "stat_currencies.csv:2" in str(error.value) and "'won'" in str(error.value)


@pytest.mark.parametrize("text, value", [("sixty Japanese localities", 60), ("ninety-two pairs", 92)])
def test_spelled_tens_up_to_ninety(text: str, value: float) -> None:
    folded = fold(text)
    found = find_quantities(folded, 0, len(folded), default(), spelled=True)
    assert [q.value for q in found] == [value]


def test_round_words_read_only_as_a_dozen_or_a_hundred() -> None:
    text = "a dozen localities, nearly a hundred pairs, hundreds of firms and a hundred thousand people"
    found = [(q.text, q.value, q.qualifier) for q in find_quantities(text, 0, len(text), default(), spelled=True)]
    assert found == [("a dozen", 12.0, "approx"), ("a hundred", 100.0, "approx")]
