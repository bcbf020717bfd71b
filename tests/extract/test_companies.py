"""Tests for the company-name grammar."""
from __future__ import annotations

import pytest

from kizuna.extract.companies import find_companies, normalise


@pytest.mark.parametrize("text, names", [
    ("Two Japanese investors — Tokyo Keiki Precision Technology Inc and Niwa Foundry — were the first",
     ["Tokyo Keiki Precision Technology", "Niwa Foundry"]),
    ("Mikazuki Hotel Group of Japan is one of the most successful investors", ["Mikazuki Hotel Group"]),
    ("Japan’s Meitoku Engineering Co., Ltd put into operation a factory", ["Meitoku Engineering"]),
    ("The Japanese-funded Meitoku Engineering Viet Nam Co., Ltd., on September 28", ["Meitoku Engineering Vietnam"]),
    ("San-Ei Technology Việt Nam, a steel recycling company", ["San-Ei Technology Vietnam"]),
    ("Companies like Toshiba Asia Industrial Products are already investing", ["Toshiba Asia Industrial Products"]),
    ("major Japanese businesses operating in Viet Nam such as Aeon Mall and Akuruhi.", ["Aeon Mall", "Akuruhi"]),
    ("Japanese projects, especially those by Nippon, Asahi, Sojitz, among others.", ["Nippon", "Asahi", "Sojitz"]),
    ("Korea’s Hyosung Corporation and LG Display opened plants", ["Hyosung"]),
    ("the Ministry of Industry and Trade and the Japan Chamber of Commerce and Industry met", []),
    ("the Meet Gunma Enterprises event in Da Nang Hi-tech Park", []),
])
def test_company_names(text, names):
    assert [c.name for c in find_companies(text)] == names


def test_listed_companies_are_marked():
    found = find_companies("firms such as Aeon Mall and Akuruhi")
    assert [c.listed for c in found] == [True, True]


def test_normalise_strips_legal_suffixes():
    assert normalise("Fujikin Incorporated") == "Fujikin"
    assert normalise("Samsung Electronics Viet Nam Co., Ltd.") == "Samsung Electronics Vietnam"
    assert normalise("Sojitz Corporation") == "Sojitz"
