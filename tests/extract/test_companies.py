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


@pytest.mark.parametrize("text, surface, name, known_as", [
    ("LG Innotek will invest an additional $1 billion", "LG Innotek", "LG Innotek", "LG"),
    ("Canon Vietnam operates two printer factories", "Canon Vietnam", "Canon Vietnam", "Canon"),
    ("Samsung Chairman Lee Jae-yong said", "Samsung", "Samsung", "Samsung"),
    ("Denso opened a new centre in March", "Denso", "Denso", "Denso"),
])
def test_brand_units_keep_the_written_name(text, surface, name, known_as):
    from kizuna.gazetteer import default

    (company,) = find_companies(text, gazetteer=default())
    assert (company.surface, company.name, company.known_as) == (surface, name, known_as)


def test_new_head_words_find_unknown_makers():
    assert [c.name for c in find_companies("Osaka-based Kansai Paint will invest")] == ["Kansai Paint"]


@pytest.mark.parametrize("text, names", [
    ("Hisamitsu and Ajinomoto operate factories in the province", ["Hisamitsu", "Ajinomoto"]),
    ("Canon, Brother Industries and Mabuchi run plants there", ["Canon", "Brother Industries", "Mabuchi"]),
    ("Dong Nai and Canon officials met", ["Canon"]),
    ("Governor Omura and Canon executives met", ["Canon"]),
])
def test_names_joined_to_a_company_are_companies(text, names):
    from kizuna.gazetteer import default

    assert [c.name for c in find_companies(text, gazetteer=default())] == names


def test_tyre_makers_are_companies():
    assert [c.name for c in find_companies("Korean group Nexen Tire opened a plant")] == ["Nexen Tire"]


def test_head_words_regex_matches_like_a_plain_alternation():
    import re

    from kizuna.extract import companies

    vocab = companies.words()
    ordered = sorted(vocab.heads | set(vocab.legal), key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(companies._flexible(w) for w in ordered) + r")(?![\w-])")
    texts = [w + " " + w.lower() + " x" + w + " " + w + "s, " + w for w in ordered]
    texts.append("Meitoku Engineering Co., Ltd and Sojitz Corporation opened a Hotel Group office; pre-Company talks.")
    for text in texts:
        assert [m.span() for m in vocab.head_pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
