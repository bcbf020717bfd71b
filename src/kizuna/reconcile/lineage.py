"""Lineage: entities that became others (ministry mergers, the 2025 province mergers).

Links come from two places: the gazetteer (``Entry.successor`` / ``successor_since``) and
extracted ``succession`` records (with their documents as sources). A successor's profile
shows its predecessors' facts as inherited, with the date the predecessor became part of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..gazetteer import Gazetteer
from .entities import Resolution
from .refs import ref_mention


@dataclass(frozen=True)
class Link:
    """``predecessor`` became (part of) ``successor`` on ``since``."""

    predecessor: str
    successor: str
    kind: str
    since: str | None
    origin: str  # "gazetteer" or "article"
    docs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"predecessor": self.predecessor, "successor": self.successor, "kind": self.kind,
                "since": self.since, "origin": self.origin, "docs": list(self.docs)}


@dataclass
class Lineage:
    """All links, looked up in both directions."""

    links: list[Link] = field(default_factory=list)

    def successors(self, entity_id: str) -> list[Link]:
        return [link for link in self.links if link.predecessor == entity_id]

    def predecessors(self, entity_id: str) -> list[Link]:
        """Direct and indirect predecessors, nearest first (cycles are cut)."""
        found: list[Link] = []
        seen = {entity_id}
        frontier = [entity_id]
        while frontier:
            current = frontier.pop(0)
            for link in self.links:
                if link.successor == current and link.predecessor not in seen:
                    seen.add(link.predecessor)
                    found.append(link)
                    frontier.append(link.predecessor)
        return found


def build(resolution: Resolution, gazetteer: Gazetteer, succession_facts: Iterable[dict[str, Any]]) -> Lineage:
    """Links for every resolved entity known to the gazetteer, plus article successions."""
    links: dict[tuple[str, str], Link] = {}
    for entity in resolution.entities.values():
        entry = gazetteer.get(entity.gazetteer_key) if entity.gazetteer_key else None
        successor = gazetteer.successor_of(entry) if entry else None
        if entry is not None and successor is not None:
            succ_id = f"gz:{successor.key}"
            links[(entity.entity_id, succ_id)] = Link(entity.entity_id, succ_id, "merged",
                                                      entry.successor_since, "gazetteer")
    for fact in sorted(succession_facts, key=lambda f: str(f.get("fact_id"))):
        pred = resolution.resolve(ref_mention(fact.get("predecessor")))
        succ = resolution.resolve(ref_mention(fact.get("successor")))
        if not pred or not succ or pred == succ:
            continue
        old = links.get((pred, succ))
        docs = tuple(sorted({*(old.docs if old else ()), fact.get("doc", "")}))
        since = (old.since if old and old.since else None) or fact.get("date")
        links[(pred, succ)] = Link(pred, succ, fact.get("kind") or "merged", since,
                                   old.origin if old else "article", docs)
    return Lineage(sorted(links.values(), key=lambda link: (link.successor, link.predecessor)))
