"""Golden tests for the succession extractor (``golden/successions.jsonl``)."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.document import Document
from kizuna.extract import analyse, successions

from ._articles import article, golden_cases, golden_params

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


@pytest.mark.parametrize("case", golden_params("successions_styles.jsonl"))  # against the bundled gazetteer
def test_golden_sentences_in_many_styles(case):
    """Mergers told as asides ("now merged into", "(MPI), now part of") or as the news, in outlet wording;
    appointments ("replacing Ho Duc Phoc") and company mergers are no succession of organisations."""
    art = article(case["text"], case["published"])
    got = [(r.predecessor.name, r.successor.name, r.kind, r.date) for r in successions.extract(art)]
    assert sorted(got) == sorted((e["predecessor"], e["successor"], e["kind"], e["date"]) for e in case["expect"])
