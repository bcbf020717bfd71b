"""What a reconciled fact says, drawn from its members, with every source listed.

Entity references become ``{"entity_id", "name"}`` with the canonical name; each source keeps
the names its article used (``as_written``) and its evidence sentence.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from .blocks import Annotated, entity
from .entities import Resolution
from .facts import Cluster, independent_sources, is_implicit, member_id
from .values import Interval, amount_interval, fact_interval

SOURCE_FIELDS = ("doc", "source", "url", "published", "title", "document_title")
META_FIELDS = {"fact_id", "document_key", "published", "date_source", "source", "url", "document_title",
               "_entities", "_people", "evidence", "doc", "confidence", "type", "sector"}


def ref(resolution: Resolution, entity_id: str | None) -> dict[str, Any] | None:
    """A canonical entity reference."""
    if not entity_id:
        return None
    known = resolution.entities.get(entity_id)
    return {"entity_id": entity_id, "name": known.name if known else entity_id,
            "kind": known.kind if known else None}


def _most_precise(values: list[str | None]) -> str | None:
    present = sorted({str(v) for v in values if v}, key=lambda v: (-len(v), v))
    return present[0] if present else None


def _union(members: list[Annotated], name: str) -> list[str]:
    return sorted({item for m in members for item in (m.get(name) or [])})


def _common(values: list[Any]) -> Any:
    counted = Counter(v for v in values if v is not None)
    return min(counted, key=lambda v: (-counted[v], str(v))) if counted else None


def sources(cluster: Cluster) -> list[dict[str, Any]]:
    """Every member as a source, with the fact exactly as its article wrote it."""
    out = []
    for member in cluster.members:
        written = {k: v for k, v in member.items() if k not in META_FIELDS and k != "title" or
                   (k == "title" and member.get("type") == "role")}
        out.append({"fact_id": member_id(member), **{k: member.get(k) for k in SOURCE_FIELDS},
                    "evidence": member.get("evidence"), "as_written": written})
    return out


def summarise(cluster: Cluster, resolution: Resolution) -> dict[str, Any]:
    """The reconciled fact as one dict: what it says, its sources and how they were joined."""
    members = cluster.members
    body = SUMMARISERS[cluster.type](members, resolution)
    docs = sorted({str(m.get("doc")) for m in members})
    return {"id": cluster.fact_id, "type": cluster.type, "block": cluster.block, **body,
            "n_sources": len(docs), "independent_sources": independent_sources(members),
            "sources": sources(cluster), "match_reasons": cluster.reasons}


def _width(interval: Interval | None) -> float:
    """How wide a range of values is; a fact without one ranks after every fact with one."""
    return interval.width if interval is not None else float("inf")


def _statistic(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    first = members[0]
    statements: dict[tuple[Any, ...], dict[str, Any]] = {}
    for m in members:
        entry = statements.setdefault((m.get("value"), m.get("qualifier")), {
            "value": m.get("value"), "qualifier": m.get("qualifier"), "docs": []})
        if m.get("doc") not in entry["docs"]:
            entry["docs"].append(m.get("doc"))
    intervals = [fact_interval(m) for m in members]
    known = [i for i in intervals if i is not None]
    consistent = all(a.meets(b) for a in known for b in known)
    best = min(members, key=lambda m: (_width(fact_interval(m)),
                                       m.get("qualifier") != "exact", str(m.get("doc"))))
    agreed = None
    if known and consistent:
        agreed = known[0]
        for other in known[1:]:
            agreed = agreed.intersect(other)
    periods = sorted({(m.get("period") or {}).get("end") or "" for m in members})
    period = dict(first.get("period") or {})
    if all(is_implicit(m) for m in members) and periods:
        period["end"] = periods[0]
    return {"metric": first.get("metric"), "subject": ref(resolution, entity(first, "subject")),
            "target": ref(resolution, entity(first, "target")), "domain": first.get("domain"),
            "unit": first.get("unit"), "period": period, "as_of": period.get("end"),
            "as_of_from_publication": all(is_implicit(m) for m in members),
            "value": best.get("value"), "qualifier": best.get("qualifier"), "rank_of": best.get("rank_of"),
            "consistent": consistent, "agreed_range": agreed.to_list() if agreed else None,
            "statements": list(statements.values())}


def _participants(members: list[Annotated], resolution: Resolution) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for m in members:
        for index, p in enumerate(m.get("participants") or []):
            entity_id = entity(m, f"participants.{index}") or entity(m, f"participants.{index}.org") or p.get("name")
            slot = found.setdefault(entity_id, {"entity": ref(resolution, entity_id), "names_used": [],
                                                "titles": [], "org": ref(resolution, entity(m, f"participants.{index}.org")),
                                                "role": p.get("role")})
            for key_, value in (("names_used", p.get("name")), ("titles", p.get("title"))):
                if value and value not in slot[key_]:
                    slot[key_].append(value)
    return [found[k] for k in sorted(found, key=str)]


def _meeting(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    participants = _participants(members, resolution)
    location = _common([entity(m, "location") for m in members])
    place, place_source = ref(resolution, location), "location" if location else None
    if place is None:
        for p in participants:
            org = p.get("org")
            if p.get("role") == "host" and org and org.get("kind") in ("province", "city", "prefecture"):
                place, place_source = org, "host_organisation"
                break
    date = _most_precise([m.get("date") for m in members])
    published = sorted(m["published"] for m in members if m.get("published"))
    return {"date": date, "date_hint": None if date else (published[0] if published else None),
            "date_hint_source": None if date or not published else "earliest_publication",
            "location": ref(resolution, location), "place": place, "place_source": place_source,
            "kind": _common([m.get("kind") for m in members]), "participants": participants,
            "topics": _union(members, "topics")}


def _agreement(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    first = members[0]
    parties = [ref(resolution, entity(first, f"parties.{i}")) for i in range(len(first.get("parties") or []))]
    published = sorted(m["published"] for m in members if m.get("published"))
    return {"kind": first.get("kind"), "status": first.get("status"), "parties": parties,
            "date": _most_precise([m.get("date") for m in members]),
            "reported": published[0] if published else None, "topics": _union(members, "topics")}


def _investment(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    first = members[0]
    amounts = [m.get("amount") for m in members if m.get("amount")]
    best = min(amounts, key=lambda a: _width(amount_interval(a))) if amounts else None
    latest = max(members, key=lambda m: (m.get("published") or "", str(m.get("doc"))))
    return {"investor": ref(resolution, entity(first, "investor")), "origin": ref(resolution, _common(
        [entity(m, "origin") for m in members])), "host": ref(resolution, entity(first, "host")),
        "site": _most_precise([m.get("site") for m in members]),
        "project": _common([m.get("project") for m in members]), "amount": best,
        "sectors": _union(members, "sectors"), "year": _most_precise([m.get("year") for m in members]),
        "status": latest.get("status")}


def _role(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    dates = sorted(d for d in ((m.get("as_of") or m.get("published")) for m in members) if d)
    return {"person": ref(resolution, entity(members[0], "person")), "title": _common([m.get("title") for m in members]),
            "titles_used": sorted({m.get("title") for m in members if m.get("title")}),
            "org": ref(resolution, entity(members[0], "org")), "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None}


def _sector_interest(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    first = members[0]
    return {"actor": ref(resolution, entity(first, "actor")), "stance": first.get("stance"), "sector": first.get("sector")}


def _succession(members: list[Annotated], resolution: Resolution) -> dict[str, Any]:
    first = members[0]
    return {"predecessor": ref(resolution, entity(first, "predecessor")),
            "successor": ref(resolution, entity(first, "successor")), "kind": first.get("kind"),
            "date": _most_precise([m.get("date") for m in members])}


SUMMARISERS = {"statistic": _statistic, "meeting": _meeting, "agreement": _agreement, "investment": _investment,
               "role": _role, "sector_interest": _sector_interest, "succession": _succession}
