"""Golden tests for the agreement extractor (``golden/agreements.jsonl``) and its cue file."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.document import Document
from kizuna.gazetteer import default
from kizuna.extract import analyse, agreements

from ._articles import golden_cases, golden_params

CASES = golden_cases("agreements.jsonl")


@pytest.mark.parametrize("case", golden_params("agreements.jsonl"))
def test_golden_sentences(case, mini_gazetteer):
    _check(case, mini_gazetteer)


@pytest.mark.parametrize("case", golden_params("agreements_styles.jsonl"))  # against the bundled gazetteer
def test_outlet_style_sentences(case):
    _check(case, default())


def _check(case, gazetteer):
    document = Document("t", case["text"], published=date.fromisoformat(case["published"]))
    records = agreements.extract(analyse(document, gazetteer))
    got = [(r.kind, r.status, sorted(p.name for p in r.parties)) for r in records]
    want = [(e["kind"], e["status"], sorted(e["parties"])) for e in case["expect"]]
    assert sorted(got) == sorted(want)
    for expected in case["expect"]:
        record = next(r for r in records if sorted(p.name for p in r.parties) == sorted(expected["parties"]))
        if "date" in expected:
            assert record.date == expected["date"]
        if "topics" in expected:
            assert list(record.topics) == expected["topics"]
    for record in records:
        assert document.text[record.evidence.start:record.evidence.end] == record.evidence.text
        assert 0 < record.confidence <= 1


def test_predecessor_named_party_keeps_successor_as_alt(mini_gazetteer):
    document = Document("t", CASES[0]["text"], published=date(2025, 11, 17))
    (record,) = agreements.extract(analyse(document, mini_gazetteer))
    ministry = next(p for p in record.parties if p.kind == "organisation")
    assert ministry.alt == ("Ministry of Finance",)


def test_cue_file_loads_in_priority_order():
    fields = [cue.field for cue in agreements.cues()]
    assert fields.index("kind") < fields.index("status")
    assert [c.value for c in agreements.cues() if c.field == "status"][0] == "proposed"
