"""Cue vocabularies are checked on load: every bad row is reported with its file and line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kizuna.errors import VocabularyError
from kizuna.extract import agreements, investments, sector_interests
from kizuna.extract.cue_files import load_cues
from kizuna.extract.sectors import VOCAB_DIR


def _keep_known(pattern, cells):
    return (pattern, cells["kind"]) if cells.get("kind") in {"a", "b"} else None


def test_rows_become_cues_in_file_order(tmp_path: Path):
    path = tmp_path / "cues.csv"
    path.write_text("pattern,kind\n\\bfoo\\b, a \nbar,b\n", encoding="utf-8")
    loaded = load_cues(path, _keep_known, checked="kind")
    # each led by a look-ahead for its first characters (``prefilter.led_by_first_chars``)
    assert [(p.pattern, kind) for p, kind in loaded] == [("(?=[f])(?:\\bfoo\\b)", "a"), ("(?=[b])(?:bar)", "b")]


def test_every_bad_row_is_named(tmp_path: Path):
    path = tmp_path / "cues.csv"
    path.write_text("pattern,kind\n(unclosed,a\nok,z\n,a\nfine,b\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as raised:
        load_cues(path, _keep_known, checked="kind")
    message = str(raised.value)
    assert "cues.csv:2: bad pattern" in message
    assert "cues.csv:3: bad kind/pattern" in message
    assert "cues.csv:4: bad kind/pattern" in message
    assert "cues.csv:5" not in message


@pytest.mark.parametrize(("module", "file_name"), [
    (agreements, "agreement_cues.csv"),
    (investments, "investment_cues.csv"),
    (sector_interests, "interest_cues.csv"),
])
def test_extractor_cue_files_reject_an_unknown_value(tmp_path: Path, module, file_name: str):
    shutil.copy(VOCAB_DIR / file_name, tmp_path / file_name)
    with (tmp_path / file_name).open("a", encoding="utf-8") as handle:
        handle.write("\\bnever\\b," + ",".join(["no-such-value"] * 3) + "\n")
    # The loaders are cached per directory; a fresh directory is read afresh.
    with pytest.raises(VocabularyError, match=file_name):
        module.cues(tmp_path)
    assert module.cues()  # the bundled file still loads
