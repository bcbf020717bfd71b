"""Golden tests for the sector-interest extractor (``golden/sector_interests.jsonl``)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kizuna.document import Document
from kizuna.extract import analyse, sector_interests
from kizuna.gazetteer import load

GOLDEN = Path(__file__).parent / "golden"
CASES = [json.loads(line) for line in (GOLDEN / "sector_interests.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def gazetteer():
    return load(GOLDEN / "mini_gazetteer")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_sentences(case, gazetteer):
    document = Document("t", case["text"], published=date(2024, 1, 1))
    records = sector_interests.extract(analyse(document, gazetteer))
    got = {(r.actor.name, r.stance): sorted(r.sectors) for r in records}
    want = {(e["actor"], e["stance"]): sorted(e["sectors"]) for e in case["expect"]}
    assert got == want
    for record in records:
        assert document.text[record.evidence.start:record.evidence.end] == record.evidence.text


def test_every_cue_has_a_known_stance_and_rule():
    for cue in sector_interests.cues():
        assert cue.stance in sector_interests.STANCES
        assert cue.actor in sector_interests.ACTOR_RULES
