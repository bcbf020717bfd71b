"""Golden tests for the succession extractor (``golden/successions.jsonl``)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kizuna.document import Document
from kizuna.extract import analyse, successions
from kizuna.gazetteer import load

GOLDEN = Path(__file__).parent / "golden"
CASES = [json.loads(line) for line in (GOLDEN / "successions.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def gazetteer():
    return load(GOLDEN / "mini_gazetteer")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_sentences(case, gazetteer):
    document = Document("t", case["text"], published=date(2025, 11, 17))
    records = successions.extract(analyse(document, gazetteer))
    got = [(r.predecessor.name, r.successor.name, r.kind, r.date) for r in records]
    want = [(e["predecessor"], e["successor"], e["kind"], e["date"]) for e in case["expect"]]
    assert got == want
    for record in records:
        assert document.text[record.evidence.start:record.evidence.end] == record.evidence.text
