"""Golden tests for the statistics extractor: sentences in many outlets' styles, expected records side by side.

``golden/statistics.jsonl`` holds one case per line: ``text``, ``published`` and the
``expected`` statistics (an empty list means nothing may be extracted). Every case must
match exactly: no missing record, no extra one.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kizuna import gazetteer
from kizuna.document import Document
from kizuna.extract import analyse, statistics
from kizuna.records import Statistic
from kizuna.text import key

GOLDEN = Path(__file__).parent / "golden" / "statistics.jsonl"
# sentences in the styles of other outlets and country pairs (VNA, VnExpress, NHK, Nikkei, Yonhap, Bangkok Post…)
STYLES = Path(__file__).parent / "golden" / "statistics_styles.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
STYLE_CASES = [json.loads(line) for line in STYLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _extract(text: str, published: str | None) -> list[Statistic]:
    doc = Document("case", text, published=date.fromisoformat(published) if published else None)
    records = statistics.extract(analyse(doc, gazetteer.default()))
    assert all(isinstance(r, Statistic) for r in records)
    return records  # type: ignore[return-value]


def _in_order(shapes) -> list[tuple]:
    """Shapes sorted, whatever mix of None and values a field holds across them."""
    return sorted(shapes, key=lambda shape: [(value is not None, str(value)) for value in shape])


def _shape(record: dict) -> tuple:
    return (record["metric"], key(record["subject"]["name"] if isinstance(record["subject"], dict) else record["subject"]),
            key(record["target"]["name"] if isinstance(record["target"], dict) else record["target"]),
            round(float(record["value"]), 2), record["unit"], record["qualifier"],
            record["period"]["start"], record["period"]["end"], record.get("rank_of"), record.get("domain"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict) -> None:
    found = _in_order(_shape(r.to_contract()) for r in _extract(case["text"], case["published"]))
    expected = _in_order(_shape(e) for e in case["expected"])
    assert found == expected


def test_golden_has_enough_cases_and_negatives() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if not c["expected"]) >= 10


@pytest.mark.parametrize("case", STYLE_CASES, ids=[c["name"] for c in STYLE_CASES])
def test_outlet_styles(case: dict) -> None:
    found = _in_order(_shape(r.to_contract()) for r in _extract(case["text"], case["published"]))
    expected = _in_order(_shape(e) for e in case["expected"])
    assert found == expected
    for record in _extract(case["text"], case["published"]):
        assert case["text"][record.evidence.start:record.evidence.end] == record.evidence.text


def test_outlet_styles_have_enough_cases_and_negatives() -> None:
    assert len(STYLE_CASES) >= 40
    assert sum(1 for c in STYLE_CASES if not c["expected"]) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_evidence_slices_text(case: dict) -> None:
    for record in _extract(case["text"], case["published"]):
        assert case["text"][record.evidence.start:record.evidence.end] == record.evidence.text
        assert record.evidence.text


def test_extracting_twice_gives_the_same_records() -> None:
    text = CASES[0]["text"]
    assert _extract(text, "2025-11-20") == _extract(text, "2025-11-20")


def test_clause_evidence_for_a_stock_and_its_capital() -> None:
    text = "As of October 31, Japan had 5,681 active projects in Vietnam, with total registered capital of $78.9 billion."
    records = _extract(text, "2025-11-17")
    assert [r.evidence.text for r in records] == [
        "As of October 31, Japan had 5,681 active projects in Vietnam",
        "with total registered capital of $78.9 billion",
    ]


def test_unknown_publication_leaves_present_period_open() -> None:
    records = _extract("Vietnam currently has 128 active outbound projects in Japan.", None)
    assert len(records) == 1 and records[0].period.end is None
