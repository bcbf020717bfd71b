"""Shared builders: contract fact dicts as the store yields them, and the gold corpora."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kizuna.reconcile.loader import article_metadata, as_facts, read_jsonl

SHARED = Path("/work/shared")
SEED_DATES = {"000_c3504e878577d2a8.txt": {"published": "2025-11-17"},
              "001_1f433c327f2d1f6c.txt": {"published": "2023-11-30"},
              "002_d83e82a190b96c83.txt": {"published": "2023-09-08"}}


def ref(name: str, kind: str, country: str | None) -> dict[str, Any]:
    return {"name": name, "kind": kind, "country": country}


def fact(fact_type: str, doc: str, evidence: str, number: int = 1, published: str | None = None,
         source: str | None = None, **fields: Any) -> dict[str, Any]:
    """One per-article fact with document metadata, as ``Store.facts`` yields it."""
    return {"type": fact_type, **fields, "doc": doc, "evidence": {"start": 0, "end": len(evidence), "text": evidence},
            "fact_id": f"{doc}#{number}", "published": published, "source": source}


def stat(doc: str, metric: str, subject: dict, target: dict, value: float, unit: str, period: dict,
         qualifier: str = "exact", number: int = 1, published: str | None = None, source: str | None = None,
         evidence: str = "a figure", domain: str | None = None) -> dict[str, Any]:
    extra = {"domain": domain} if domain else {}
    return fact("statistic", doc, evidence, number, published, source, metric=metric, subject=subject,
                target=target, value=value, unit=unit, qualifier=qualifier, period=period, rank_of=None, **extra)


@pytest.fixture(scope="session")
def seed_facts() -> list[dict[str, Any]]:
    return as_facts(read_jsonl(SHARED / "gold" / "seeds.jsonl"), SEED_DATES)


@pytest.fixture(scope="session")
def dev_facts() -> list[dict[str, Any]]:
    return as_facts(read_jsonl(SHARED / "gold" / "dev" / "dev.gold.jsonl"),
                    article_metadata(SHARED / "gold" / "dev" / "dev.articles.jsonl"))
