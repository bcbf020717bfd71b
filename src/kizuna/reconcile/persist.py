"""Keeping reconciliation in the store's database (``0100_reconcile.sql``, ``0101_reconcile_incremental.sql``).

``run(store)`` reconciles incrementally: it reads only the facts stored since the last run
(and notices deleted ones), lets the engine redo what they change through
``dbstate.DatabaseState``, and commits it all in one transaction — a failed run leaves the
previous knowledge base as it was. User decisions live in ``rc_user_decisions`` and are
applied every run.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from ..gazetteer import Gazetteer, default
from .dbstate import DatabaseState, new_facts, removed_facts
from .engine import advance
from .entities import UserDecision
from .refs import entity_ids_in

__all__ = ["add_user_decision", "counts", "entity_ids_in", "is_stale", "run", "transaction", "user_decisions"]



@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (the store's connection is in autocommit mode): all or nothing."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def user_decisions(connection: sqlite3.Connection) -> list[UserDecision]:
    """The user's merge/split decisions, oldest first."""
    rows = connection.execute("SELECT action, name, other FROM rc_user_decisions ORDER BY id")
    return [UserDecision(action, name, other) for action, name, other in rows]


def add_user_decision(connection: sqlite3.Connection, decision: UserDecision) -> None:
    """Record a decision (a split cancels earlier merges naming the same name, and vice versa)."""
    with transaction(connection):
        if decision.action == "split":
            connection.execute("DELETE FROM rc_user_decisions WHERE action = 'merge' AND (name = ? OR other = ?)",
                               (decision.name, decision.name))
        else:
            connection.execute("DELETE FROM rc_user_decisions WHERE action = 'split' AND name IN (?, ?)",
                               (decision.name, decision.other))
        connection.execute("INSERT INTO rc_user_decisions (action, name, other, created_at) VALUES (?, ?, ?, ?)",
                           (decision.action, decision.name, decision.other,
                            datetime.now(timezone.utc).isoformat(timespec="seconds")))


def _marker(connection: sqlite3.Connection) -> tuple[int, int | None, int]:
    facts, max_id = connection.execute("SELECT count(*), max(id) FROM facts").fetchone()
    decisions = connection.execute("SELECT count(*) FROM rc_user_decisions").fetchone()[0]
    return facts, max_id, decisions


def is_stale(connection: sqlite3.Connection) -> bool:
    """Whether facts or user decisions changed since the last run."""
    last = connection.execute("SELECT facts_seen, max_fact_id, decisions FROM rc_runs ORDER BY id DESC LIMIT 1").fetchone()
    return last is None or tuple(last) != _marker(connection)


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    """What the reconciled knowledge base holds."""
    def one(sql: str) -> int:
        return int(connection.execute(sql).fetchone()[0])

    return {"entities": one("SELECT count(*) FROM rc_entities"), "facts": one("SELECT count(*) FROM rc_facts"),
            "multi_source_facts": one("SELECT count(*) FROM rc_facts WHERE n_sources > 1"),
            "conflicts": one("SELECT count(*) FROM rc_conflicts WHERE severity = 'conflict'"),
            "blocks": one("SELECT count(DISTINCT block) FROM rc_facts")}


def run(store: Any, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Reconcile what changed since the last run; counts of the result and of the work done."""
    connection: sqlite3.Connection = store.connection
    gazetteer = gazetteer or default()
    with transaction(connection):
        marker = _marker(connection)
        added, removed = new_facts(connection), removed_facts(connection)
        progress = advance(DatabaseState(connection), added, removed, gazetteer, user_decisions(connection))
        connection.execute("INSERT INTO rc_runs (finished_at, facts_seen, max_fact_id, decisions) VALUES (?, ?, ?, ?)",
                           (datetime.now(timezone.utc).isoformat(timespec="seconds"), *marker))
    return {**counts(connection), "facts_added": progress.added, "facts_removed": progress.removed,
            "blocks_recomputed": progress.recomputed_blocks}
