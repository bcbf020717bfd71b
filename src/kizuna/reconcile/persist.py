"""Keeping reconciliation in the store's database (tables of ``0100_reconcile.sql``).

``run(store)`` reads every stored fact, loads the previous state, reconciles incrementally
and writes back only the blocks that changed (entities, conflicts and lineage are small and
rewritten whole). User decisions live in ``rc_user_decisions`` and are applied every run.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any

from ..gazetteer import Gazetteer
from ..text import key
from .engine import State, update
from .entities import UserDecision
from .names import person_key


def user_decisions(connection: sqlite3.Connection) -> list[UserDecision]:
    """The user's merge/split decisions, oldest first."""
    rows = connection.execute("SELECT action, name, other FROM rc_user_decisions ORDER BY id")
    return [UserDecision(action, name, other) for action, name, other in rows]


def add_user_decision(connection: sqlite3.Connection, decision: UserDecision) -> None:
    """Record a decision (a split cancels earlier merges naming the same name, and vice versa)."""
    with connection:
        if decision.action == "split":
            connection.execute("DELETE FROM rc_user_decisions WHERE action = 'merge' AND (name = ? OR other = ?)",
                               (decision.name, decision.name))
        else:
            connection.execute("DELETE FROM rc_user_decisions WHERE action = 'split' AND name IN (?, ?)",
                               (decision.name, decision.other))
        connection.execute("INSERT INTO rc_user_decisions (action, name, other, created_at) VALUES (?, ?, ?, ?)",
                           (decision.action, decision.name, decision.other,
                            datetime.now(timezone.utc).isoformat(timespec="seconds")))


def load_state(connection: sqlite3.Connection) -> State:
    """The state the last run left."""
    members = {mid: (block, entities) for mid, block, entities in
               connection.execute("SELECT member_id, block, entities FROM rc_members")}
    blocks: dict[str, list[dict[str, Any]]] = {}
    for block, body in connection.execute("SELECT block, body FROM rc_facts ORDER BY id"):
        blocks.setdefault(block, []).append(json.loads(body))
    return State(members, blocks)


def _marker(connection: sqlite3.Connection) -> tuple[int, int | None, int]:
    facts, max_id = connection.execute("SELECT count(*), max(id) FROM facts").fetchone()
    decisions = connection.execute("SELECT count(*) FROM rc_user_decisions").fetchone()[0]
    return facts, max_id, decisions


def is_stale(connection: sqlite3.Connection) -> bool:
    """Whether facts or user decisions changed since the last run."""
    last = connection.execute("SELECT facts_seen, max_fact_id, decisions FROM rc_runs ORDER BY id DESC LIMIT 1").fetchone()
    return last is None or tuple(last) != _marker(connection)


def run(store: Any, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Reconcile everything stored; returns counts of what was (re)computed."""
    connection: sqlite3.Connection = store.connection
    marker = _marker(connection)
    before = load_state(connection)
    after = update(before, store.facts(), gazetteer, user_decisions(connection))
    save(connection, before, after)
    with connection:
        connection.execute("INSERT INTO rc_runs (finished_at, facts_seen, max_fact_id, decisions) VALUES (?, ?, ?, ?)",
                           (datetime.now(timezone.utc).isoformat(timespec="seconds"), *marker))
    kb = after.knowledge()
    return {"facts": len(kb.facts), "entities": len(kb.resolution.entities),
            "conflicts": sum(1 for c in kb.conflicts if c["severity"] == "conflict"),
            "blocks_recomputed": after.recomputed_blocks, "blocks": len(after.block_facts)}


def entity_ids_in(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        if isinstance(value.get("entity_id"), str):
            found.add(value["entity_id"])
        for name, inner in value.items():
            if name not in ("sources", "match_reasons"):
                entity_ids_in(inner, found)
    elif isinstance(value, list):
        for inner in value:
            entity_ids_in(inner, found)
    return found


def save(connection: sqlite3.Connection, before: State, after: State) -> None:
    """Write the new state: changed blocks, members, and the small derived tables."""
    kb = after.knowledge()
    changed = {b for b, facts in after.block_facts.items() if before.block_facts.get(b) != facts}
    changed |= set(before.block_facts) - set(after.block_facts)
    with connection:
        for block in sorted(changed):
            connection.execute("DELETE FROM rc_fact_sources WHERE fact_id IN (SELECT id FROM rc_facts WHERE block = ?)",
                               (block,))
            connection.execute("DELETE FROM rc_fact_entities WHERE fact_id IN (SELECT id FROM rc_facts WHERE block = ?)",
                               (block,))
            connection.execute("DELETE FROM rc_facts WHERE block = ?", (block,))
            for fact in after.block_facts.get(block, []):
                _insert_fact(connection, block, fact)
        gone = set(before.member_blocks) - set(after.member_blocks)
        connection.executemany("DELETE FROM rc_members WHERE member_id = ?", [(m,) for m in sorted(gone)])
        connection.executemany(
            "INSERT OR REPLACE INTO rc_members (member_id, block, entities) VALUES (?, ?, ?)",
            [(m, b, e) for m, (b, e) in after.member_blocks.items() if before.member_blocks.get(m) != (b, e)])
        for table in ("rc_aliases", "rc_entities", "rc_merge_decisions", "rc_conflicts", "rc_lineage"):
            connection.execute(f"DELETE FROM {table}")
        for entity in kb.resolution.entities.values():
            connection.execute("INSERT INTO rc_entities VALUES (?, ?, ?, ?, ?)",
                               (entity.entity_id, entity.name, entity.kind, entity.country, entity.gazetteer_key))
            connection.executemany("INSERT INTO rc_aliases VALUES (?, ?, ?, ?)",
                                   [(entity.entity_id, a, key(a), person_key(a)) for a in sorted(entity.aliases | {entity.name})])
        connection.executemany("INSERT INTO rc_merge_decisions VALUES (?, ?, ?, ?)",
                               [(d.entity_id, d.name, d.rule, json.dumps(d.features, sort_keys=True))
                                for d in kb.resolution.decisions])
        connection.executemany("INSERT INTO rc_conflicts VALUES (?, ?, ?, ?, ?)",
                               [(c["id"], c["rule"], c["severity"], c.get("metric"), json.dumps(c, ensure_ascii=False))
                                for c in kb.conflicts])
        connection.executemany("INSERT INTO rc_lineage VALUES (?, ?, ?, ?, ?, ?)",
                               [(l.predecessor, l.successor, l.kind, l.since, l.origin, json.dumps(list(l.docs)))
                                for l in kb.lineage.links])


def _insert_fact(connection: sqlite3.Connection, block: str, fact: dict[str, Any]) -> None:
    connection.execute("INSERT INTO rc_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (fact["id"], block, fact["type"], fact.get("metric"), fact.get("as_of") or fact.get("date"),
                        fact["n_sources"], fact["independent_sources"], json.dumps(fact, ensure_ascii=False)))
    connection.executemany("INSERT OR IGNORE INTO rc_fact_entities VALUES (?, ?)",
                           [(fact["id"], e) for e in sorted(entity_ids_in(fact, set()))])
    connection.executemany("INSERT INTO rc_fact_sources VALUES (?, ?, ?, ?, ?, ?)",
                           [(fact["id"], s["fact_id"], s.get("doc"), s.get("source"), s.get("published"),
                             (s.get("evidence") or {}).get("text")) for s in fact["sources"]])
