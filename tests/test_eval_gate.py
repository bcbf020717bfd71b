"""Corpus-level evaluation gate: per-type F1 floors on seeds, dev and the held-out set.

The pipeline runs for real (reading, every extractor, the bundled gazetteer) and the shared
scorer (``../shared/eval/score.py``) scores it. Floors live in ``data/eval_baseline.json``
and only ever go up; when a change lifts a score, raise the floor a little below it. Tests
that need the shared directory skip when it is absent; the held-out gold is checked always.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "tests" / "data" / "eval_baseline.json"
HELDOUT = REPO / "tests" / "data" / "heldout"


def _report_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kizuna_eval_report", REPO / "benchmarks" / "eval_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


REPORT = _report_module()
FLOORS: dict[str, dict[str, float]] = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    module = REPORT.load_scorer(REPORT.shared_dir())
    if module is None:
        pytest.skip("the shared scorer (../shared/eval/score.py) is not beside the repository")
    return module


@pytest.fixture(scope="module")
def reports(scorer: ModuleType) -> dict[str, dict[str, Any]]:
    return {s.name: REPORT.evaluate(scorer, s)[0] for s in REPORT.eval_sets(REPORT.shared_dir())}


@pytest.mark.parametrize("set_name, kind", [(s, k) for s, floors in FLOORS.items() for k in floors])
def test_f1_stays_above_floor(reports: dict[str, dict[str, Any]], set_name: str, kind: str) -> None:
    if set_name not in reports:
        pytest.skip(f"evaluation set {set_name} is not available")
    row = reports[set_name][kind]
    assert row["f1"] >= FLOORS[set_name][kind], (
        f"{set_name} {kind}: F1 {row['f1']} fell below the floor {FLOORS[set_name][kind]} "
        f"(P {row['precision']}, R {row['recall']}, gold {row['gold']}, pred {row['pred']}); "
        "run benchmarks/eval_report.py --misses")


def test_baseline_covers_every_type_with_floors_in_range() -> None:
    for set_name, floors in FLOORS.items():
        assert set(floors) == set(REPORT.TYPES) | {"all"}, set_name
        assert all(0.0 <= value <= 1.0 for value in floors.values()), set_name


def test_heldout_gold_evidence_slices_the_text() -> None:
    texts = {a["id"]: a["text"] for a in REPORT.load_jsonl(HELDOUT / "articles.jsonl")}
    gold = REPORT.load_jsonl(HELDOUT / "gold.jsonl")
    assert gold and {g["doc"] for g in gold} == set(texts), "every held-out article has gold records"
    for record in gold:
        evidence = record["evidence"]
        assert texts[record["doc"]][evidence["start"]:evidence["end"]] == evidence["text"], record


def test_heldout_articles_are_news_sized_and_dated() -> None:
    for article in REPORT.load_jsonl(HELDOUT / "articles.jsonl"):
        assert 150 <= len(article["text"].split()) <= 400, article["id"]
        assert article["title"] and article["source"] and article["published"], article["id"]


def test_heldout_gold_has_contract_shape() -> None:
    required = {
        "statistic": {"metric", "subject", "target", "value", "unit", "qualifier", "period", "rank_of"},
        "meeting": {"date", "location", "kind", "participants", "topics"},
        "agreement": {"kind", "status", "parties", "date", "topics"},
        "investment": {"investor", "origin", "host", "site", "project", "amount", "sectors", "year", "status"},
        "role": {"person", "title", "org", "country", "as_of"},
        "sector_interest": {"actor", "stance", "sectors"},
        "succession": {"predecessor", "successor", "kind", "date"},
    }
    for record in REPORT.load_jsonl(HELDOUT / "gold.jsonl"):
        assert required[record["type"]] <= set(record), record
