"""Reconciliation state held in memory: the ``Backend`` the engine runs on for ``update``/``reconcile``.

Besides the reconciled facts it keeps what makes the next run cheap: each fact's mentions,
a count of how many facts name each distinct mention, each member's block, and indexes from
mentions to facts and from entities to blocks.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .blocks import Annotated
from .entities import Mention, Resolution
from .lineage import Lineage, Link
from .refs import entity_ids_in


def conflict_group(fact: dict[str, Any]) -> str:
    """Statistics that a conflict rule may compare share their target entity: that is the group."""
    return str((fact.get("target") or {}).get("entity_id") or "")


@dataclass
class KnowledgeBase:
    """Reconciled facts (by id), entities, lineage and conflicts."""

    resolution: Resolution
    lineage: Lineage
    facts: dict[str, dict[str, Any]]
    conflicts: list[dict[str, Any]]

    def comparable(self) -> dict[str, Any]:
        """A plain, order-free view used to compare two knowledge bases."""
        return {"facts": {k: _plain(v) for k, v in sorted(self.facts.items())},
                "conflicts": [_plain(c) for c in self.conflicts],
                "entities": {k: v.to_dict() for k, v in sorted(self.resolution.entities.items())},
                "decisions": [d.to_dict() for d in self.resolution.decisions],
                "lineage": [link.to_dict() for link in self.lineage.links]}


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, sort_keys=True, default=str))


@dataclass
class State:
    """Everything an incremental run needs, in memory."""

    facts: dict[Any, dict[str, Any]] = field(default_factory=dict)
    fact_mentions: dict[Any, list[tuple[str, str]]] = field(default_factory=dict)
    mention_of: dict[str, Mention] = field(default_factory=dict)
    mention_uses: dict[str, set[Any]] = field(default_factory=lambda: defaultdict(set))
    resolved: dict[str, str | None] = field(default_factory=dict)
    resolution: Resolution | None = None
    member_blocks: dict[str, tuple[str, str, Any]] = field(default_factory=dict)  # member → (block, entities, fact)
    members_of_block: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    block_facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    facts_of_entity: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))  # → {fact: block}
    facts_of_group: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    conflicts_of_owner: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # fact:… / group:…
    links: list[Link] = field(default_factory=list)
    recomputed_blocks: int = 0

    def knowledge(self) -> KnowledgeBase:
        """The knowledge base as of the last run."""
        if self.resolution is None:
            raise ValueError("nothing reconciled yet")
        conflicts = sorted((c for cs in self.conflicts_of_owner.values() for c in cs), key=lambda c: c["id"])
        facts = {f["id"]: f for fs in self.block_facts.values() for f in fs}
        return KnowledgeBase(self.resolution, Lineage(list(self.links)), facts, conflicts)

    # -- Backend ---------------------------------------------------------------------------

    def forget(self, fact_ids: set[Any]) -> set[str]:
        blocks: set[str] = set()
        gone = {mid for mid, (_, _, fid) in self.member_blocks.items() if fid in fact_ids}
        for mid in gone:
            block = self.member_blocks.pop(mid)[0]
            self.members_of_block[block].discard(mid)
            blocks.add(block)
        for fid in fact_ids:
            self.facts.pop(fid, None)
            for _, key in self.fact_mentions.pop(fid, []):
                self.mention_uses[key].discard(fid)
                if not self.mention_uses[key]:
                    del self.mention_uses[key]
                    self.mention_of.pop(key, None)
        return blocks

    def remember(self, facts: list[dict[str, Any]], mentions: list[list[tuple[str, str, Mention]]]) -> None:
        for fact, found in zip(facts, mentions):
            fid = fact["fact_id"]
            self.facts[fid] = fact
            self.fact_mentions[fid] = [(path, key) for path, key, _ in found]
            for _, key, mention in found:
                self.mention_of.setdefault(key, mention)
                self.mention_uses[key].add(fid)

    def mentions(self) -> dict[str, Mention]:
        return dict(self.mention_of)

    def entity_of(self) -> dict[str, str | None]:
        return self.resolved

    def entity_labels(self) -> dict[str, tuple[str, str]]:
        if self.resolution is None:
            return {}
        return {e.entity_id: (e.name, e.kind) for e in self.resolution.entities.values()}

    def set_resolution(self, resolution: Resolution, entity_of: dict[str, str | None]) -> None:
        self.resolution, self.resolved = resolution, dict(entity_of)

    def facts_naming(self, keys: set[str]) -> set[Any]:
        return {fid for key in keys for fid in self.mention_uses.get(key, ())}

    def annotated(self, fact_ids: Iterable[Any], entity_of: Mapping[str, str | None]) -> dict[Any, Annotated]:
        out = {}
        for fid in fact_ids:
            entities = {path: entity_of[key] for path, key in self.fact_mentions[fid] if entity_of.get(key)}
            out[fid] = {**self.facts[fid], "_entities": entities}
        return out

    def members(self, member_ids: list[str]) -> dict[str, tuple[str, str]]:
        return {mid: self.member_blocks[mid][:2] for mid in member_ids if mid in self.member_blocks}

    def put_members(self, rows: list[tuple[str, Any, str, str]]) -> None:
        for mid, fid, block, entities in rows:
            old = self.member_blocks.get(mid)
            if old is not None:
                self.members_of_block[old[0]].discard(mid)
            self.member_blocks[mid] = (block, entities, fid)
            self.members_of_block[block].add(mid)

    def block_members(self, blocks: set[str]) -> dict[str, list[tuple[str, Any]]]:
        return {b: [(mid, self.member_blocks[mid][2]) for mid in sorted(self.members_of_block.get(b, ()))]
                for b in blocks}

    def write_blocks(self, blocks: dict[str, list[dict[str, Any]]], removed: list[dict[str, Any]],
                     added: list[dict[str, Any]]) -> None:
        for fact in removed:
            for entity_id in entity_ids_in(fact, set()):
                self.facts_of_entity[entity_id].pop(fact["id"], None)
            if fact["type"] == "statistic":
                self.facts_of_group[conflict_group(fact)].pop(fact["id"], None)
        for fact in added:
            for entity_id in entity_ids_in(fact, set()):
                self.facts_of_entity[entity_id][fact["id"]] = fact["block"]
            if fact["type"] == "statistic":
                self.facts_of_group[conflict_group(fact)][fact["id"]] = fact["block"]
        for block, facts in blocks.items():
            if facts:
                self.block_facts[block] = facts
            else:
                self.block_facts.pop(block, None)
                self.members_of_block.pop(block, None)

    def blocks_naming(self, entity_ids: set[str]) -> set[str]:
        return {b for e in entity_ids for b in self.facts_of_entity.get(e, {}).values()}

    def block_summaries(self, blocks: set[str]) -> dict[str, list[dict[str, Any]]]:
        return {b: self.block_facts[b] for b in blocks if b in self.block_facts}

    def statistics_in(self, groups: set[str]) -> list[dict[str, Any]]:
        blocks = {b for g in groups for b in self.facts_of_group.get(g, {}).values()}
        found = [f for b in blocks for f in self.block_facts.get(b, [])
                 if f["type"] == "statistic" and conflict_group(f) in groups]
        return sorted(found, key=lambda f: f["id"])

    def replace_conflicts(self, owners: set[str], conflicts: list[tuple[str, dict[str, Any]]]) -> None:
        for owner in owners:
            self.conflicts_of_owner.pop(owner, None)
        for owner, conflict in conflicts:
            self.conflicts_of_owner.setdefault(owner, []).append(conflict)

    def succession_facts(self) -> list[dict[str, Any]]:
        return [f for f in self.facts.values() if f.get("type") == "succession"]

    def set_lineage(self, links: list[Link]) -> None:
        self.links = list(links)
