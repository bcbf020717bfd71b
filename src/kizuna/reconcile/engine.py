"""The reconcile entry point: per-article facts in, a knowledge base out.

``reconcile(facts)`` is a pure function of the facts, the gazetteer and the user's
decisions. ``update(state, facts)`` gives the same result incrementally: it re-resolves
entities (cheap, and a new article can change what an old name means), then re-clusters
only the blocks whose membership changed, and recomputes conflicts and lineage.

    kb = reconcile(facts)                 # from scratch
    state = update(State(), facts_a)      # incrementally ...
    state = update(state, facts_a + facts_b)
    assert state.knowledge() == reconcile(facts_a + facts_b)   # ... same result
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..gazetteer import Gazetteer, default
from . import lineage as lineage_module
from .blocks import Annotated, block_key, explode
from .conflicts import find_conflicts
from .entities import Resolution, UserDecision, resolve
from .facts import cluster_block, member_id
from .lineage import Lineage
from .refs import mentions_in
from .summary import summarise


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
    """What an incremental run keeps: each member's block and entities, each block's facts."""

    member_blocks: dict[str, tuple[str, str]] = field(default_factory=dict)  # member id -> (block, entities json)
    block_facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    knowledge_base: KnowledgeBase | None = None
    recomputed_blocks: int = 0

    def knowledge(self) -> KnowledgeBase:
        if self.knowledge_base is None:
            raise ValueError("nothing reconciled yet")
        return self.knowledge_base


def annotate(fact: dict[str, Any], resolution: Resolution) -> Annotated:
    """The fact with ``_entities``: the resolved entity id of each of its mentions."""
    entities = {}
    for path, mention in mentions_in(fact):
        entity_id = resolution.resolve(mention)
        if entity_id:
            entities[path] = entity_id
    return {**fact, "_entities": entities}


def _prepare(facts: list[dict[str, Any]], gazetteer: Gazetteer,
             decisions: Iterable[UserDecision]) -> tuple[Resolution, dict[str, tuple[str, Annotated]]]:
    resolution = resolve((m for fact in facts for _, m in mentions_in(fact)), gazetteer, decisions)
    members: dict[str, tuple[str, Annotated]] = {}
    for fact in facts:
        for member in explode(annotate(fact, resolution)):
            members[member_id(member)] = (block_key(member), member)
    return resolution, members


def update(state: State, facts: Iterable[dict[str, Any]], gazetteer: Gazetteer | None = None,
           decisions: Iterable[UserDecision] = ()) -> State:
    """Reconcile ``facts`` (all of them, old and new), reusing unchanged blocks of ``state``."""
    gazetteer = gazetteer or default()
    facts = list(facts)
    resolution, members = _prepare(facts, gazetteer, list(decisions))
    now = {mid: (block, json.dumps(member["_entities"], sort_keys=True)) for mid, (block, member) in members.items()}
    touched = {block for mid, (block, sig) in now.items() if state.member_blocks.get(mid) != (block, sig)}
    touched |= {block for mid, (block, _) in state.member_blocks.items() if now.get(mid, (None,))[0] != block}
    by_block: dict[str, list[Annotated]] = {}
    for block, member in members.values():
        if block in touched:
            by_block.setdefault(block, []).append(member)
    block_facts = {b: fs for b, fs in state.block_facts.items() if b not in touched}
    for block, block_members in by_block.items():
        block_facts[block] = [summarise(c, resolution) for c in cluster_block(block, block_members)]
    # summaries name entities canonically: refresh those whose entity names changed
    _refresh_names(block_facts, resolution, touched)
    reconciled = {f["id"]: f for fs in block_facts.values() for f in fs}
    links = lineage_module.build(resolution, gazetteer, (f for f in facts if f.get("type") == "succession"))
    kb = KnowledgeBase(resolution, links, reconciled, find_conflicts(reconciled.values()))
    return State(now, block_facts, kb, len(by_block))


def _refresh_names(block_facts: dict[str, list[dict[str, Any]]], resolution: Resolution, touched: set[str]) -> None:
    for block, facts in block_facts.items():
        if block not in touched:
            block_facts[block] = [_renamed(fact, resolution) for fact in facts]


def _renamed(value: Any, resolution: Resolution) -> Any:
    """``value`` with canonical entity names refreshed; the same object when nothing changed."""
    if isinstance(value, dict):
        out = value
        known = resolution.entities.get(value.get("entity_id")) if isinstance(value.get("entity_id"), str) else None
        if known is not None and value.get("name") != known.name:
            out = {**value, "name": known.name}
        for key_, inner in value.items():
            if key_ in ("sources", "match_reasons"):
                continue
            new = _renamed(inner, resolution)
            if new is not inner:
                out = out if out is not value else dict(value)
                out[key_] = new
        return out
    if isinstance(value, list):
        items = [_renamed(inner, resolution) for inner in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    return value


def reconcile(facts: Iterable[dict[str, Any]], gazetteer: Gazetteer | None = None,
              decisions: Iterable[UserDecision] = ()) -> KnowledgeBase:
    """Reconcile from scratch."""
    return update(State(), facts, gazetteer, decisions).knowledge()
