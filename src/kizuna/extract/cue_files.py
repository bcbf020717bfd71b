"""Cue vocabularies: CSV files with a regular-expression ``pattern`` column, checked on load.

Each extractor keeps its cues (``vocab/agreement_cues.csv``, ``investment_cues.csv``,
``interest_cues.csv``) as data; this module reads such a file, compiles every pattern (led by a look-ahead for the
characters its matches start with, when they are few: ``prefilter.led_by_first_chars``) and lets
the extractor check the other cells, reporting every bad row at once.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kizuna.errors import VocabularyError

from .prefilter import led_by_first_chars

Cue = TypeVar("Cue")


def load_cues(path: Path, build: Callable[[re.Pattern[str], dict[str, str]], Cue | None],
              *, checked: str, flags: int = 0) -> tuple[Cue, ...]:
    """The cues of ``path`` in file order; ``build`` turns a compiled pattern and its row into a cue,
    or returns None when the row's other cells (named in ``checked``) are invalid."""
    problems: list[str] = []
    found: list[Cue] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            cells = {name: (value or "").strip() for name, value in row.items() if name}
            try:
                pattern = led_by_first_chars(row.get("pattern") or "", flags)
            except re.error as error:
                problems.append(f"{path.name}:{number}: bad pattern ({error})")
                continue
            cue = build(pattern, cells) if pattern.pattern else None
            if cue is None:
                problems.append(f"{path.name}:{number}: bad {checked}/pattern")
                continue
            found.append(cue)
    if problems:
        raise VocabularyError(problems)
    return tuple(found)
