"""Rows for people: the answers of ``views.py`` flattened into table rows (``--table``).

Each function returns ``(title, rows, columns)`` sections; the JSON output keeps the full
answers, these only choose and format what a person reads first.
"""
from __future__ import annotations

from typing import Any

from .views import PROFILE_SECTIONS, figure, headline, when

Section = tuple[str, Any, tuple[str, ...]]

FACT_COLUMNS = ("when", "what", "inherited", "sources", "from")
SECTION_TITLES = {"roles": "Roles", "meetings": "Meetings", "agreements": "Agreements",
                  "investments": "Investments", "statistics": "Statistics", "sectors": "Sectors"}


def origins(sources: list[dict[str, Any]]) -> str:
    """Documents and outlets of a fact's sources, briefly: ``h001 (VnExpress); h002 (VOV)``."""
    seen: dict[str, str] = {}
    for source in sources or []:
        doc = str(source.get("doc"))
        seen.setdefault(doc, f"{doc} ({source['source']})" if source.get("source") else doc)
    return "; ".join(seen.values())


def _inherited(fact: dict[str, Any]) -> str:
    link = fact.get("inherited_from")
    if not link:
        return ""
    return f"from {link['name']} ({link.get('kind') or 'merged'} {link.get('since') or 'date unknown'})"


def fact_row(fact: dict[str, Any]) -> dict[str, Any]:
    """One reconciled fact as a profile row."""
    return {"when": when(fact) or "", "what": headline(fact), "inherited": _inherited(fact),
            "sources": fact.get("independent_sources"), "from": origins(fact.get("sources") or [])}


def profile_sections(profile: dict[str, Any]) -> list[Section]:
    """An entity's profile: who it is and its aliases, its lineage, then each kind of fact."""
    entity = profile["entity"]
    counts = {s: len(profile[s]) for s in PROFILE_SECTIONS}
    head = {"name": entity["name"], "kind": entity.get("kind"), "country": entity.get("country"),
            "id": entity["entity_id"], f"aliases ({len(entity.get('aliases') or [])})": ", ".join(entity.get("aliases") or []),
            "facts": ", ".join(f"{SECTION_TITLES[s].lower()} {n}" for s, n in counts.items())}
    if profile.get("also_matches"):
        head["also matches"] = ", ".join(e["name"] for e in profile["also_matches"])
    inherited: dict[str, int] = {}
    for name in PROFILE_SECTIONS:
        for fact in profile[name]:
            if fact.get("inherited_from"):
                source = fact["inherited_from"]["entity_id"]
                inherited[source] = inherited.get(source, 0) + 1
    lineage = [{"relation": "predecessor", "entity": l["predecessor_name"], "kind": l["kind"], "since": l["since"],
                "origin": l["origin"], "inherited facts": inherited.get(l["predecessor"], 0),
                "documents": ", ".join(l.get("docs") or [])} for l in profile["lineage"]["predecessors"]]
    lineage += [{"relation": "successor", "entity": l["successor_name"], "kind": l["kind"], "since": l["since"],
                 "origin": l["origin"], "inherited facts": "", "documents": ", ".join(l.get("docs") or [])}
                for l in profile["lineage"]["successors"]]
    sections: list[Section] = [
        (entity["name"], head, ()),
        (f"Lineage ({len(lineage)})", lineage,
         ("relation", "entity", "kind", "since", "origin", "inherited facts", "documents")),
    ]
    for name in PROFILE_SECTIONS:
        facts = profile[name]
        from_predecessors = sum(1 for f in facts if f.get("inherited_from"))
        title = f"{SECTION_TITLES[name]} ({len(facts)}" + (
            f", {from_predecessors} inherited)" if from_predecessors else ")")
        sections.append((title, [fact_row(f) for f in facts], FACT_COLUMNS))
    return sections


def series_rows(series: dict[str, Any]) -> list[dict[str, Any]]:
    """Points of a series, dated first then undated."""
    return [{"as_of": p.get("as_of") or "undated", "value": figure(p.get("value")), "unit": p.get("unit"),
             "qualifier": p.get("qualifier"), "domain": p.get("domain"),
             "agree": "yes" if p.get("consistent") else "no", "sources": p.get("independent_sources"),
             "from": origins(p.get("sources") or [])}
            for p in series["points"] + series["undated"]]


def series_columns(rows: list[dict[str, Any]]) -> tuple[str, ...]:
    """The series columns, without ``domain`` when no point has one."""
    return tuple(c for c in ("as_of", "value", "unit", "qualifier", "domain", "agree", "sources", "from")
                 if c != "domain" or any(r.get("domain") for r in rows))


def latest_row(point: dict[str, Any]) -> dict[str, Any]:
    """The latest point with the sentence it was read from."""
    evidence = next((s.get("evidence") for s in point.get("sources") or [] if s.get("evidence")), "")
    return {"metric": point["metric"], "subject": point.get("subject"), "target": point.get("target"),
            "as_of": point.get("as_of"), "value": figure(point.get("value")), "unit": point.get("unit"),
            "qualifier": point.get("qualifier"), "sources": point.get("independent_sources"),
            "from": origins(point.get("sources") or []), "evidence": evidence}


def conflict_rows(conflicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each conflict with the figures compared and where each comes from."""
    rows = []
    for c in conflicts:
        figures = "; ".join(f"{figure(s.get('value'))} ({s.get('doc')})" for s in c["sources"])
        reason = c.get("reason") or {}
        rows.append({"severity": c["severity"], "rule": c["rule"], "metric": c.get("metric"),
                     "between": f"{(c.get('subject') or {}).get('name', '?')} → {(c.get('target') or {}).get('name', '?')}",
                     "as_of": reason.get("as_of") or "", "figures": figures})
    return rows


CONFLICT_COLUMNS = ("severity", "rule", "metric", "between", "as_of", "figures")


def timeline_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"when": r["when"], "type": r["type"], "what": r["what"], "sources": r["independent_sources"],
             "from": ", ".join(dict.fromkeys(str(d) for d in r["docs"]))} for r in rows]


TIMELINE_COLUMNS = ("when", "type", "what", "sources", "from")
