"""Golden tests for the investment extractor (``golden/investments.jsonl``) and amount parsing."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.document import Document
from kizuna.gazetteer import default
from kizuna.extract import analyse, investments

from ._articles import golden_params


@pytest.mark.parametrize("case", golden_params("investments.jsonl"))
def test_golden_sentences(case, mini_gazetteer):
    _check(case, mini_gazetteer)


@pytest.mark.parametrize("case", golden_params("investments_styles.jsonl"))  # against the bundled gazetteer
def test_outlet_style_sentences(case):
    _check(case, default())


def _check(case, gazetteer):
    document = Document("t", case["text"], published=date(2024, 1, 1))
    records = investments.extract(analyse(document, gazetteer))
    assert sorted(r.investor.name for r in records) == sorted(e["investor"] for e in case["expect"])
    for expected in case["expect"]:
        record = next(r for r in records if r.investor.name == expected["investor"])
        assert record.host is not None and record.host.name == expected["host"]
        assert record.status == expected["status"]
        if "origin" in expected:
            assert record.origin is not None and record.origin.name == expected["origin"]
        if "amount" in expected:
            assert record.amount is not None and record.amount.value == expected["amount"]
        for field in ("site", "year", "project"):
            if field in expected:
                assert getattr(record, field) == expected[field]
        if "sectors" in expected:
            assert list(record.sectors) == expected["sectors"]
    for record in records:
        assert document.text[record.evidence.start:record.evidence.end] == record.evidence.text


@pytest.mark.parametrize("text, value, currency", [
    ("its $168.16 million resort", 168160000.0, "USD"),
    ("its $35-million centre", 35000000.0, "USD"),
    ("a total investment of 5 million USD", 5000000.0, "USD"),
    ("a total investment of US$5 million", 5000000.0, "USD"),
    ("worth 10 billion yen", 10000000000.0, "JPY"),
    ("capital of US$1,200 million", 1200000000.0, "USD"),
    ("a 70-million-USD factory", 70000000.0, "USD"),
    ("a S$1.2 billion data centre", 1.2e9, "SGD"),
    ("a 2 trillion won plant", 2e12, "KRW"),
])
def test_amounts_are_exact(text, value, currency):
    found = investments.parse_amount(text)
    assert found is not None
    assert (found[0].value, found[0].currency) == (value, currency)


def test_trade_figures_are_not_project_amounts():
    assert investments.parse_amount("exports to Japan totalling $650 million") is None


@pytest.mark.parametrize("text, value", [
    ("will invest 15 billion yen (US$98 million) in a plant", 98000000.0),
    ("a 9 billion yen (about $60 million) factory", 60000000.0),
    ("3,000 billion VND (around US$118 million)", 118000000.0),
    ("VND2.4 trillion, or about US$95 million, for the park", 95000000.0),
])
def test_a_dollar_equivalent_beats_the_local_currency(text, value):
    found = investments.parse_amount(text)
    assert found is not None
    assert (found[0].value, found[0].currency) == (value, "USD")


def test_local_currency_stays_without_a_dollar_equivalent():
    found = investments.parse_amount("plans to invest 50 billion baht (over five years) in Chachoengsao")
    assert found is not None and found[0].currency == "THB"
