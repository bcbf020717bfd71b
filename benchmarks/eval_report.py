"""Per-type extraction scores on the three evaluation sets: seeds, dev and held-out.

    .venv/bin/python benchmarks/eval_report.py [--shared ../shared] [--misses]

Runs the real pipeline (``read_paths`` → ``extract_document`` with the bundled gazetteer)
and scores it with the shared scorer (``<shared>/eval/score.py``). Seeds and dev come from
the shared directory; the held-out set is ``tests/data/heldout`` (articles nobody tuned on).
``tests/test_eval_gate.py`` uses the same functions and holds the F1 floors of
``tests/data/eval_baseline.json``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from kizuna.errors import InputError
from kizuna.extract.registry import extract_document
from kizuna.gazetteer import default
from kizuna.reading import read_paths

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "data" / "heldout"
BASELINE = REPO / "tests" / "data" / "eval_baseline.json"
TYPES = ("statistic", "meeting", "agreement", "investment", "role", "sector_interest", "succession")


@dataclass(frozen=True)
class EvalSet:
    """Articles to read and the gold records they are scored against."""

    name: str
    inputs: tuple[Path, ...]
    gold: Path


def shared_dir() -> Path:
    """``$KIZUNA_SHARED`` or ``../shared`` beside the repository."""
    return Path(os.environ.get("KIZUNA_SHARED", REPO.parent / "shared"))


def load_scorer(shared: Path) -> ModuleType | None:
    """The shared scorer module, or None when ``<shared>/eval/score.py`` is absent."""
    path = shared / "eval" / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("kizuna_shared_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def eval_sets(shared: Path) -> list[EvalSet]:
    """The sets whose files exist: seeds and dev (shared), held-out (this repository)."""
    sets = [
        EvalSet("seeds", tuple(sorted((shared / "seeds").glob("*.txt"))), shared / "gold" / "seeds.jsonl"),
        EvalSet("dev", (shared / "gold" / "dev" / "dev.articles.jsonl",), shared / "gold" / "dev" / "dev.gold.jsonl"),
        EvalSet("heldout", (HELDOUT / "articles.jsonl",), HELDOUT / "gold.jsonl"),
    ]
    return [s for s in sets if s.inputs and all(p.is_file() for p in s.inputs) and s.gold.is_file()]


def predict(paths: tuple[Path, ...]) -> list[dict[str, Any]]:
    """Contract records the pipeline extracts from the articles at ``paths``."""
    gazetteer = default()
    records: list[dict[str, Any]] = []
    for item in read_paths([str(p) for p in paths]):
        if isinstance(item, InputError):
            raise item
        records.extend(r.to_contract() for r in extract_document(item, gazetteer))
    return records


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(scorer: ModuleType, eval_set: EvalSet) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """The scorer's report and misses for one set."""
    return scorer.score(load_jsonl(eval_set.gold), predict(eval_set.inputs))


def table(reports: dict[str, dict[str, Any]]) -> str:
    """Per-type F1 (and precision/recall) for each set, one row per type."""
    names = list(reports)
    lines = [f"{'type':<16}" + "".join(f"{n + ' P/R/F1':>24}" for n in names)]
    for kind in (*TYPES, "all"):
        cells = []
        for name in names:
            row = reports[name][kind]
            cells.append(f"{row['precision']:.2f}/{row['recall']:.2f}/{row['f1']:.3f} ({row['gold']:>3})".rjust(24))
        lines.append(f"{kind:<16}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=shared_dir(), help="the shared directory (scorer, seeds, dev)")
    parser.add_argument("--misses", action="store_true", help="list missed gold and spurious predictions")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    if scorer is None:
        print(f"eval_report: no scorer at {args.shared / 'eval' / 'score.py'}", file=sys.stderr)
        return 2
    reports = {}
    for eval_set in eval_sets(args.shared):
        report, misses = evaluate(scorer, eval_set)
        reports[eval_set.name] = report
        if args.misses:
            for why, record in misses:
                print(f"{eval_set.name:<8} {why:<9} {record.get('doc')}: {scorer.describe(record)}")
    print(table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
