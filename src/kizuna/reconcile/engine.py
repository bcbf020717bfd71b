"""The reconcile entry point: per-article facts in, a knowledge base out.

``reconcile(facts)`` is a pure function of the facts, the gazetteer and the user's
decisions. ``update(state, facts)`` gives the same result incrementally, doing work in
proportion to what changed:

1. only new facts have their entity mentions read (each fact's mentions are cached);
2. entity resolution reruns over the *distinct* mentions (cheap), and only facts naming a
   mention whose entity changed are annotated again;
3. only blocks whose membership or annotations changed are re-clustered; facts of other
   blocks naming a renamed entity get the new canonical name;
4. conflicts are recomputed only for the statistics groups (target entity) that changed;
   lineage (small) is rebuilt.

    kb = reconcile(facts)                 # from scratch
    state = update(State(), facts_a)      # incrementally ...
    state = update(state, facts_a + facts_b)
    assert state.knowledge() == reconcile(facts_a + facts_b)   # ... same result

The algorithm (``advance``) runs over a ``Backend``: ``State`` keeps everything in memory,
``dbstate.DatabaseState`` keeps it in the store's ``rc_*`` tables.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from ..gazetteer import Gazetteer, default
from . import lineage as lineage_module
from .blocks import Annotated, block_key, explode
from .conflicts import cross_conflicts, value_conflicts
from .entities import Mention, Resolution, UserDecision, resolve
from .facts import Cluster, cluster_block, member_id
from .lineage import Link
from .refs import entity_ids_in, mention_key, mentions_in
from .state import KnowledgeBase, State, conflict_group
from .summary import summarise

__all__ = ["Backend", "KnowledgeBase", "Progress", "State", "advance", "annotate", "reconcile", "update"]

MemberRow = tuple[str, Any, str, str]  # member id, fact id, block, its entities (text)


class Backend(Protocol):
    """Where reconciliation keeps its state between runs (memory or database)."""

    def forget(self, fact_ids: set[Any]) -> set[str]:
        """Drop facts, their mentions and members; the blocks they were in."""

    def remember(self, facts: list[dict[str, Any]], mentions: list[list[tuple[str, str, Mention]]]) -> None:
        """Cache new facts with their (path, mention key, mention) lists."""

    def mentions(self) -> dict[str, Mention]:
        """Every distinct mention still named by a fact, by key."""

    def entity_of(self) -> dict[str, str | None]:
        """The entity each mention key resolved to last time."""

    def entity_labels(self) -> dict[str, tuple[str, str]]:
        """Last run's entities: id → (name, kind)."""

    def set_resolution(self, resolution: Resolution, entity_of: dict[str, str | None]) -> None: ...

    def facts_naming(self, keys: set[str]) -> set[Any]:
        """Ids of facts with a mention among ``keys``."""

    def annotated(self, fact_ids: Iterable[Any], entity_of: Mapping[str, str | None]) -> dict[Any, Annotated]:
        """The facts with ``_entities`` from their cached mentions and ``entity_of``."""

    def members(self, member_ids: list[str]) -> dict[str, tuple[str, str]]:
        """Known members among ``member_ids``: id → (block, entities text)."""

    def put_members(self, rows: list[MemberRow]) -> None: ...

    def block_members(self, blocks: set[str]) -> dict[str, list[tuple[str, Any]]]:
        """Each block's (member id, fact id) pairs."""

    def block_summaries(self, blocks: set[str]) -> dict[str, list[dict[str, Any]]]:
        """The reconciled facts stored for each block."""

    def blocks_naming(self, entity_ids: set[str]) -> set[str]:
        """Blocks holding a reconciled fact that refers to one of ``entity_ids``."""

    def write_blocks(self, blocks: dict[str, list[dict[str, Any]]], removed: list[dict[str, Any]],
                     added: list[dict[str, Any]]) -> None:
        """Store each block's reconciled facts (``removed``/``added``: what differs from before)."""

    def statistics_in(self, groups: set[str]) -> list[dict[str, Any]]:
        """Reconciled statistics of the given conflict groups, by id."""

    def replace_conflicts(self, owners: set[str], conflicts: list[tuple[str, dict[str, Any]]]) -> None:
        """Drop the conflicts of ``owners`` and store ``(owner, conflict)`` pairs."""

    def succession_facts(self) -> list[dict[str, Any]]: ...

    def set_lineage(self, links: list[Link]) -> None: ...


@dataclass(frozen=True)
class Progress:
    """What one run did."""

    added: int
    removed: int
    reannotated: int
    recomputed_blocks: int
    renamed_blocks: int
    changed_facts: int
    conflict_groups: int


def annotate(fact: dict[str, Any], resolution: Resolution) -> Annotated:
    """The fact with ``_entities``: the resolved entity id of each of its mentions."""
    entities = {}
    for path, mention in mentions_in(fact):
        entity_id = resolution.resolve(mention)
        if entity_id:
            entities[path] = entity_id
    return {**fact, "_entities": entities}


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector: a run allocates millions of small acyclic dicts, and
    the collector's repeated scans of them took half the time. Restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def advance(backend: Backend, added: list[dict[str, Any]], removed: set[Any], gazetteer: Gazetteer,
            decisions: list[UserDecision]) -> Progress:
    """Bring ``backend`` from its last run to the facts it held plus ``added`` minus ``removed``."""
    with _without_cycle_collection():
        return _advance(backend, added, removed, gazetteer, decisions)


def _advance(backend: Backend, added: list[dict[str, Any]], removed: set[Any], gazetteer: Gazetteer,
             decisions: list[UserDecision]) -> Progress:
    touched = backend.forget(removed) if removed else set()
    backend.remember(added, [[(path, mention_key(m), m) for path, m in mentions_in(f)] for f in added])
    mentions = backend.mentions()
    resolution = resolve(mentions.values(), gazetteer, decisions)
    entity_of = {k: resolution.entity_of.get(m.signature) for k, m in mentions.items()}
    before = backend.entity_of()
    changed_keys = {k for k, e in entity_of.items() if before.get(k) != e}
    labels = backend.entity_labels()
    renamed = {e.entity_id for e in resolution.entities.values()
               if labels.get(e.entity_id, (e.name, e.kind)) != (e.name, e.kind)}
    backend.set_resolution(resolution, entity_of)

    refresh = {f["fact_id"] for f in added} | backend.facts_naming(changed_keys)
    annotated = backend.annotated(refresh, entity_of)
    changed_members, blocks = _place_members(backend, annotated)
    touched |= blocks
    renamed_blocks = backend.blocks_naming(renamed) - touched if renamed else set()
    old = backend.block_summaries(touched | renamed_blocks)
    members = backend.block_members(touched)
    annotated.update(backend.annotated({fid for pairs in members.values() for _, fid in pairs
                                        if fid not in annotated}, entity_of))
    new: dict[str, list[dict[str, Any]]] = {}
    for block in touched:
        reusable = {f["id"]: f for f in old.get(block, [])}
        new[block] = [_summary(cluster, resolution, reusable, changed_members, renamed)
                      for cluster in cluster_block(block, _block_members(block, members, annotated))]
    for block in renamed_blocks:
        new[block] = [_renamed(f, resolution) if entity_ids_in(f, set()) & renamed else f for f in old[block]]
    gone, fresh = _differences(old, new)
    backend.write_blocks(new, gone, fresh)
    groups = _refresh_conflicts(backend, gone, fresh)
    links = lineage_module.build(resolution, gazetteer, backend.succession_facts())
    backend.set_lineage(links.links)
    return Progress(len(added), len(removed), len(refresh), len(touched), len(renamed_blocks),
                    len(fresh), len(groups))


def _block_members(block: str, members: dict[str, list[tuple[str, Any]]],
                   annotated: dict[Any, Annotated]) -> list[Annotated]:
    wanted = {mid for mid, _ in members.get(block, [])}
    return [m for fid in {fid for _, fid in members.get(block, [])}
            for m in explode(annotated[fid]) if member_id(m) in wanted]


def _summary(cluster: Cluster, resolution: Resolution, reusable: dict[str, dict[str, Any]],
             changed_members: set[str], renamed: set[str]) -> dict[str, Any]:
    """The cluster's reconciled fact: last run's when the same unchanged members form it again."""
    previous = reusable.get(cluster.fact_id)
    if previous is None or any(member_id(m) in changed_members for m in cluster.members):
        return summarise(cluster, resolution)
    return _renamed(previous, resolution) if renamed and entity_ids_in(previous, set()) & renamed else previous


def _differences(old: dict[str, list[dict[str, Any]]], new: dict[str, list[dict[str, Any]]]
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Reconciled facts that disappeared or changed, and those that are new or changed."""
    gone, fresh = [], []
    for block in old.keys() | new.keys():
        before = {f["id"]: f for f in old.get(block, [])}
        after = {f["id"]: f for f in new.get(block, [])}
        gone += [f for i, f in before.items() if i not in after or (after[i] is not f and after[i] != f)]
        fresh += [f for i, f in after.items() if i not in before or (before[i] is not f and before[i] != f)]
    return gone, fresh


def _refresh_conflicts(backend: Backend, gone: list[dict[str, Any]], fresh: list[dict[str, Any]]) -> set[str]:
    """Value conflicts of changed statistics, and cross-statistic conflicts of their groups."""
    gone_stats = [f for f in gone if f["type"] == "statistic"]
    fresh_stats = [f for f in fresh if f["type"] == "statistic"]
    groups = {conflict_group(f) for f in gone_stats + fresh_stats}
    owners = {f"fact:{f['id']}" for f in gone_stats + fresh_stats} | {f"group:{g}" for g in groups}
    pairs = [(f"fact:{f['id']}", c) for f in fresh_stats for c in value_conflicts(f)]
    if groups:
        pairs += [(f"group:{conflict_group(c)}", c) for c in cross_conflicts(backend.statistics_in(groups))]
    if owners:
        backend.replace_conflicts(owners, pairs)
    return groups


def _place_members(backend: Backend, annotated: dict[Any, Annotated]) -> tuple[set[str], set[str]]:
    """Store each fact's members with their block; the members that changed and the blocks they touch."""
    rows: list[MemberRow] = []
    for fact_id, fact in annotated.items():
        for member in explode(fact):
            rows.append((member_id(member), fact_id, block_key(member), repr(sorted(member["_entities"].items()))))
    known = backend.members([row[0] for row in rows])
    touched: set[str] = set()
    changed: set[str] = set()
    for mid, _, block, entities in rows:
        old = known.get(mid)
        if old != (block, entities):
            changed.add(mid)
            touched.add(block)
            if old is not None:
                touched.add(old[0])
    backend.put_members([row for row in rows if row[0] in changed])
    return changed, touched


def _renamed(value: Any, resolution: Resolution) -> Any:
    """``value`` with canonical entity names and kinds refreshed."""
    if isinstance(value, dict):
        out = dict(value)
        known = resolution.entities.get(value["entity_id"]) if isinstance(value.get("entity_id"), str) else None
        if known is not None and "name" in value:
            out["name"] = known.name
            if "kind" in value:
                out["kind"] = known.kind
        for key_, inner in value.items():
            if key_ not in ("sources", "match_reasons"):
                out[key_] = _renamed(inner, resolution)
        return out
    if isinstance(value, list):
        return [_renamed(inner, resolution) for inner in value]
    return value


def update(state: State, facts: Iterable[dict[str, Any]], gazetteer: Gazetteer | None = None,
           decisions: Iterable[UserDecision] = ()) -> State:
    """Reconcile ``facts`` (all of them, old and new), redoing only what they changed in ``state``.

    A fact is known by its ``fact_id``; one whose content changed counts as removed and added.
    """
    gazetteer = gazetteer or default()
    current = {f["fact_id"]: f for f in facts}
    removed = {fid for fid, old in state.facts.items() if fid not in current or
               (current[fid] is not old and current[fid] != old)}
    added = [f for fid, f in current.items() if fid not in state.facts or fid in removed]
    progress = advance(state, added, removed, gazetteer, list(decisions))
    state.recomputed_blocks = progress.recomputed_blocks
    return state


def reconcile(facts: Iterable[dict[str, Any]], gazetteer: Gazetteer | None = None,
              decisions: Iterable[UserDecision] = ()) -> KnowledgeBase:
    """Reconcile from scratch."""
    return update(State(), facts, gazetteer, decisions).knowledge()
