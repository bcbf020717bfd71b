"""Golden tests for the sector-interest extractor (``golden/sector_interests.jsonl``)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from kizuna.document import Document
from kizuna.gazetteer import default
from kizuna.extract import analyse, sector_interests
from kizuna.extract.sector_interests import _POSSESSIVE, _trailing_run

from ._articles import golden_params


@pytest.mark.parametrize("case", golden_params("sector_interests.jsonl"))
def test_golden_sentences(case, mini_gazetteer):
    _check(case, mini_gazetteer)


@pytest.mark.parametrize("case", golden_params("sector_interests_styles.jsonl"))  # against the bundled gazetteer
def test_outlet_style_sentences(case):
    _check(case, default())


def _check(case, gazetteer):
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


@given(st.text(alphabet="ab s’'-,.(\u00a0\n", max_size=80))
def test_the_possessive_is_searched_from_its_trailing_run_with_the_same_result(text):
    everywhere = _POSSESSIVE.search(text)
    from_run = _POSSESSIVE.search(text, _trailing_run(text))
    assert (everywhere and everywhere.span("owner")) == (from_run and from_run.span("owner"))
