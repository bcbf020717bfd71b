"""Build analysed articles from test sentences with the bundled gazetteer."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kizuna.document import Document
from kizuna.extract import Article, analyse
from kizuna.gazetteer import default

GOLDEN = Path(__file__).parent / "golden"


def article(text: str, published: str | None = "2024-03-15", doc_id: str = "t") -> Article:
    return analyse(Document(doc_id, text, published=date.fromisoformat(published) if published else None), default())


def golden_cases(name: str) -> list[dict]:
    with (GOLDEN / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def golden_params(name: str) -> list:
    """The cases of ``golden/<name>`` as pytest parameters named by outlet style (when given) and text."""
    return [pytest.param(case, id=(f"{case['style']}: " if "style" in case else "") + case["text"][:40])
            for case in golden_cases(name)]
