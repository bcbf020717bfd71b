"""The statistics vocabulary: checked on load, aligned with the contract's metrics."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kizuna.errors import VocabularyError
from kizuna.extract.stat_vocab import VOCAB_DIR, default, load

CONTRACT = Path("/work/shared/contract/metrics.csv")


def test_bundled_vocabulary_loads_once() -> None:
    assert default() is default()
    assert "registered_capital" in default().metrics


@pytest.mark.skipif(not CONTRACT.exists(), reason="contract not available")
def test_metrics_align_with_contract() -> None:
    with CONTRACT.open(encoding="utf-8") as handle:
        contract = {row["metric"]: row["unit"] for row in csv.DictReader(handle)}
    ours = {name: spec.unit for name, spec in default().metrics.items()}
    assert ours == contract


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    for name in ("metrics.csv", "stat_qualifiers.csv", "stat_cues.csv"):
        shutil.copy(VOCAB_DIR / name, tmp_path / name)
    with (tmp_path / "stat_qualifiers.csv").open("a", encoding="utf-8") as handle:
        handle.write("roughly speaking,sort_of\n")
    with (tmp_path / "stat_cues.csv").open("a", encoding="utf-8") as handle:
        handle.write("nonsense,word,\ndomain,shipping,logistics\n")
    with pytest.raises(VocabularyError) as error:
        load(tmp_path)
    assert len(error.value.problems) == 3


def test_qualifier_before() -> None:
    vocab = default()
    text = "reached more than us$22.9 billion"
    assert vocab.qualifier_before(text, text.index("22.9")) == "more_than"
    assert vocab.qualifier_before("up 2.9", 3) == "exact"


def test_after_cues_must_name_a_money_metric(tmp_path: Path) -> None:
    for name in ("metrics.csv", "stat_qualifiers.csv", "stat_cues.csv"):
        shutil.copy(VOCAB_DIR / name, tmp_path / name)
    with (tmp_path / "stat_cues.csv").open("a", encoding="utf-8") as handle:
        handle.write("after_cue,fresh fdi,no_such_metric\nafter_cue,fresh projects,active_projects\n")
    with pytest.raises(VocabularyError) as error:
        load(tmp_path)
    assert len(error.value.problems) == 2
    assert default().after_cues["fdi"] == "registered_capital"


def test_qualifier_is_the_longest_phrase_ending_on_a_word() -> None:
    vocab = default()
    assert vocab.qualifier_before("nearly reaching $5", len("nearly reaching ")) == "approx"
    assert vocab.qualifier_before("more than us$5", len("more than ")) == "more_than"
    assert vocab.qualifier_before("hover 5", len("hover ")) == "exact"  # "over" inside a word is no qualifier
    assert vocab.qualifier_before("the over 430,000", len("the over ")) == "more_than"


def test_one_company_and_deficit_groups_are_loaded() -> None:
    vocab = default()
    assert vocab.has("company_mark", "kato farm co. has invested")
    assert vocab.has("one_project", "on march 3 inaugurated its factory")
    assert not vocab.has("company_mark", "the cooperation between the two sides")
    assert [m.group() for m in vocab.find("deficit", "a trade deficit with japan")] == ["trade deficit"]


# texts that put phrases at the edges, glued to words, hyphens and underscores, and overlapping
_EDGE_TEXTS = (
    "", "target", "targets", "retargeted the plan", "the target-setting", "a_target", "target_", "-target",
    "it aims to reach", "aims toward", "the goals", "goal.", "foreign direct investment", "fdi projects",
    "plans to build the plant, aiming to", "the forum drew 80 firms", "existing projects and new ones",
    "vietnamese workers in japan", "co. ltd. jsc", "trade deficit with japan", "  goal  ",
)


def test_has_answers_as_the_group_pattern() -> None:
    vocab = default()
    for group in vocab.groups:
        phrases = vocab.group(group)
        texts = _EDGE_TEXTS + tuple(f"x {p} y" for p in phrases[:5]) + tuple(f"{p}s" for p in phrases[:5]) \
            + tuple(f"{p}-{p}" for p in phrases[:3]) + tuple(p for p in phrases[:5])
        for text in texts:
            expected = vocab.patterns[group].search(text) is not None
            assert vocab.has(group, text) is expected, (group, text)


def test_count_nouns_in_keeps_the_vocabulary_order() -> None:
    vocab = default()
    text = "new projects by fdi enterprises, 300 vietnamese workers and technical interns, localities"
    found = [(spec.metric, noun) for spec, noun, _ in vocab.count_nouns_in(text)]
    expected = [(spec.metric, noun) for spec, noun, _ in vocab.count_nouns if noun in text]
    assert found == expected and found
    assert list(vocab.count_nouns_in("no nouns here")) == []
