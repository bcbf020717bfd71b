"""Golden tests for the succession extractor (``golden/successions.jsonl``)."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.document import Document
from kizuna.extract import analyse, successions

from ._articles import golden_cases

CASES = golden_cases("successions.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_sentences(case, mini_gazetteer):
    document = Document("t", case["text"], published=date(2025, 11, 17))
    records = successions.extract(analyse(document, mini_gazetteer))
    got = [(r.predecessor.name, r.successor.name, r.kind, r.date) for r in records]
    want = [(e["predecessor"], e["successor"], e["kind"], e["date"]) for e in case["expect"]]
    assert got == want
    for record in records:
        assert document.text[record.evidence.start:record.evidence.end] == record.evidence.text
