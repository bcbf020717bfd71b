"""Blocking: the coarse key that decides which facts may ever be the same fact.

Facts in different blocks are never compared, so a block can be re-reconciled on its own:
that is what makes incremental reconciliation equal to reconciling from scratch.
A sector interest names several sectors; it is split into one claim per sector first.
"""
from __future__ import annotations

from typing import Any

from .names import title_key

Annotated = dict[str, Any]  # a fact dict plus "_entities": {path: entity id}


def entity(fact: Annotated, path: str) -> str | None:
    """The resolved entity id at ``path`` of an annotated fact."""
    return fact.get("_entities", {}).get(path)


def year_of(fact: Annotated) -> str:
    """The year a meeting happened in: its date's year, else its article's, else ``undated``."""
    when = fact.get("date") or fact.get("published") or ""
    return when[:4] if when else "undated"


def block_key(fact: Annotated) -> str:
    """The block of a fact (a string, so it can be stored)."""
    kind = fact.get("type")
    if kind == "statistic":
        parts = [fact.get("metric"), entity(fact, "subject"), entity(fact, "target"),
                 fact.get("domain"), fact.get("unit")]
    elif kind == "meeting":
        parts = [year_of(fact)]
    elif kind == "agreement":
        parties = sorted(entity(fact, f"parties.{i}") or "?" for i in range(len(fact.get("parties") or [])))
        parts = [fact.get("kind"), *parties]
    elif kind == "investment":
        parts = [entity(fact, "investor"), entity(fact, "host")]
    elif kind == "role":
        parts = [entity(fact, "person") or fact.get("person"), entity(fact, "org"), title_key(fact.get("title"))]
    elif kind == "sector_interest":
        parts = [entity(fact, "actor"), fact.get("stance"), fact.get("sector")]
    elif kind == "succession":
        parts = [entity(fact, "predecessor"), entity(fact, "successor"), fact.get("kind")]
    else:
        parts = [str(fact.get("fact_id"))]
    return "|".join([str(kind), *("" if p is None else str(p) for p in parts)])


def explode(fact: Annotated) -> list[Annotated]:
    """Sector interests become one claim per sector; every other fact stays whole."""
    if fact.get("type") != "sector_interest":
        return [fact]
    return [{**fact, "sector": sector} for sector in sorted(set(fact.get("sectors") or []))]
