"""Answers for people: an entity's profile, a time series, the latest value, conflicts, a timeline.

Every function takes a reader (``readers.py``) and returns plain JSON-ready dicts in which
each fact keeps its sources (document, outlet, date, evidence sentence, names as written).
"""
from __future__ import annotations

from typing import Any

from ..errors import EntityNotFound
from .lineage import Lineage
from .refs import entity_ids_in

PROFILE_SECTIONS = ("roles", "meetings", "agreements", "investments", "statistics", "sectors")
_SECTION_OF = {"role": "roles", "meeting": "meetings", "agreement": "agreements", "investment": "investments",
               "statistic": "statistics", "sector_interest": "sectors"}


def pick_entity(reader: Any, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The entity a name means (gazetteer entries first, then the one with most facts) and the others."""
    found = reader.find_entities(name)
    if not found:
        raise EntityNotFound(f"no entity answers to {name!r}")
    ranked = sorted(found, key=lambda e: (e.get("gazetteer_key") is None,
                                          -len(reader.facts_of({e["entity_id"]})), e["entity_id"]))
    return ranked[0], ranked[1:]


def cite(fact: dict[str, Any]) -> list[dict[str, Any]]:
    """The sources of a reconciled fact, briefly."""
    return [{"doc": s.get("doc"), "source": s.get("source"), "published": s.get("published"), "url": s.get("url"),
             "evidence": (s.get("evidence") or {}).get("text")} for s in fact.get("sources") or []]


def brief(fact: dict[str, Any]) -> dict[str, Any]:
    """A reconciled fact without its bookkeeping, with short citations."""
    out = {k: v for k, v in fact.items() if k not in ("sources", "match_reasons", "block")}
    out["sources"] = cite(fact)
    return out


def profile(reader: Any, name: str) -> dict[str, Any]:
    """Aliases, lineage, merge reasons and facts (own and inherited from predecessors) of an entity."""
    entity, others = pick_entity(reader, name)
    lineage = Lineage(reader.links())
    entity_id = entity["entity_id"]
    ancestors = lineage.predecessors(entity_id)
    since = {link.predecessor: link for link in ancestors}
    sections: dict[str, list[dict[str, Any]]] = {s: [] for s in PROFILE_SECTIONS}
    own = set(f["id"] for f in reader.facts_of({entity_id}))
    for fact in reader.facts_of({entity_id, *since}):
        item = brief(fact)
        if fact["id"] not in own:
            via = sorted(entity_ids_in(fact, set()) & set(since))
            link = since[via[0]]
            predecessor = reader.entity(link.predecessor) or {"name": link.predecessor}
            item["inherited_from"] = {"entity_id": link.predecessor, "name": predecessor["name"],
                                      "since": link.since, "kind": link.kind}
        section = _SECTION_OF.get(fact["type"])
        if section:
            sections[section].append(item)
    for section_items in sections.values():
        section_items.sort(key=lambda f: (str(when(f) or ""), f["id"]))
    return {"entity": entity, "also_matches": others, "merge_reasons": reader.merge_decisions(entity_id),
            "lineage": {"predecessors": [_link(reader, l) for l in ancestors],
                        "successors": [_link(reader, l) for l in lineage.successors(entity_id)]},
            **sections}


def _link(reader: Any, link: Any) -> dict[str, Any]:
    out = link.to_dict()
    for end in ("predecessor", "successor"):
        known = reader.entity(out[end])
        out[f"{end}_name"] = known["name"] if known else out[end]
    return out


def when(fact: dict[str, Any]) -> str | None:
    """The date a fact is placed at on a timeline."""
    for field in ("date", "as_of", "first_seen", "year", "date_hint", "reported"):
        if fact.get(field):
            return str(fact[field])
    return None


def _ids(reader: Any, name: str | None) -> set[str] | None:
    if not name:
        return None
    return {e["entity_id"] for e in reader.find_entities(name)} or {"(unknown)"}


def series(reader: Any, metric: str, subject: str | None = None, target: str | None = None,
           domain: str | None = None) -> dict[str, Any]:
    """Points of (metric, subject, target) ordered by as-of date, one per as-of, with sources."""
    subjects, targets = _ids(reader, subject), _ids(reader, target)
    points: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    for fact in reader.facts("statistic", metric):
        if subjects is not None and (fact.get("subject") or {}).get("entity_id") not in subjects:
            continue
        if targets is not None and (fact.get("target") or {}).get("entity_id") not in targets:
            continue
        if domain and fact.get("domain") != domain:
            continue
        point = {"as_of": fact.get("as_of"), "period": fact.get("period"), "value": fact.get("value"),
                 "unit": fact.get("unit"), "qualifier": fact.get("qualifier"), "domain": fact.get("domain"),
                 "subject": (fact.get("subject") or {}).get("name"), "target": (fact.get("target") or {}).get("name"),
                 "consistent": fact.get("consistent"), "statements": fact.get("statements"),
                 "independent_sources": fact.get("independent_sources"), "fact": fact["id"], "sources": cite(fact)}
        (points if fact.get("as_of") else undated).append(point)
    points.sort(key=lambda p: (str(p["as_of"]), str((p["period"] or {}).get("start") or ""), str(p["domain"])))
    return {"metric": metric, "subject": subject, "target": target, "points": points, "undated": undated}


def latest(reader: Any, metric: str, subject: str | None = None, target: str | None = None,
           domain: str | None = None) -> dict[str, Any] | None:
    """The point with the latest as-of date, with its source sentences (None if no dated point)."""
    points = series(reader, metric, subject, target, domain)["points"]
    return {"metric": metric, **points[-1]} if points else None


def conflicts(reader: Any, include: tuple[str, ...] = ("conflict",)) -> list[dict[str, Any]]:
    """Stored conflicts of the given severities."""
    return [c for c in reader.conflicts() if c["severity"] in include]


def timeline(reader: Any, name: str | None = None) -> list[dict[str, Any]]:
    """Dated facts (for one entity and its predecessors, or all), oldest first."""
    if name:
        entity, _ = pick_entity(reader, name)
        ids = {entity["entity_id"], *(l.predecessor for l in Lineage(reader.links()).predecessors(entity["entity_id"]))}
        facts = reader.facts_of(ids)
    else:
        facts = reader.facts()
    rows = []
    for fact in facts:
        placed = when(fact)
        if placed:
            rows.append({"when": placed, "type": fact["type"], "fact": fact["id"], "what": headline(fact),
                         "independent_sources": fact.get("independent_sources"),
                         "docs": [s.get("doc") for s in fact.get("sources") or []]})
    return sorted(rows, key=lambda r: (r["when"], r["fact"]))


SCALE_WORDS = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def figure(value: Any) -> str:
    """A number as a person writes it: ``5,722``; ``78.9 bn``; ``12.37 bn``; ``2.5``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    for scale, word in SCALE_WORDS:
        if abs(value) >= scale:
            short = f"{value / scale:.6g}"
            if abs(float(short) * scale - value) <= abs(value) * 1e-12:
                return f"{short} {word}"
            break
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def _name(ref: dict[str, Any] | None) -> str:
    return (ref or {}).get("name") or "?"


def headline(fact: dict[str, Any]) -> str:
    """One line saying what a reconciled fact states."""
    kind = fact["type"]
    if kind == "statistic":
        return (f"{fact.get('metric')} {_name(fact.get('subject'))} → {_name(fact.get('target'))}: "
                f"{figure(fact.get('value'))} {fact.get('unit')}" + (f" ({fact['domain']})" if fact.get("domain") else ""))
    if kind == "meeting":
        people = ", ".join(_name(p.get("entity")) for p in fact.get("participants") or [])
        return f"{fact.get('kind')} at {_name(fact.get('place'))}: {people}"
    if kind == "agreement":
        return f"{fact.get('kind')} {fact.get('status')}: " + " – ".join(_name(p) for p in fact.get("parties") or [])
    if kind == "investment":
        return f"{_name(fact.get('investor'))} in {_name(fact.get('host'))} ({fact.get('status')})"
    if kind == "role":
        return f"{_name(fact.get('person'))}, {fact.get('title')}, {_name(fact.get('org'))}"
    if kind == "sector_interest":
        return f"{_name(fact.get('actor'))} {fact.get('stance')} {fact.get('sector')}"
    if kind == "succession":
        return f"{_name(fact.get('predecessor'))} {fact.get('kind')} into {_name(fact.get('successor'))}"
    return kind
