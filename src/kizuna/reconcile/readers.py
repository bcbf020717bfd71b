"""Two readers of reconciled knowledge with one interface: in memory and in the database.

Views (``views.py``) only ask a reader for entities by name, facts by entity or metric,
lineage links and conflicts, so they work the same on a fresh ``KnowledgeBase`` and on the
tables written by ``persist.py``.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..text import key
from .state import KnowledgeBase
from .lineage import Link
from .names import person_key
from .refs import entity_ids_in


class MemoryReader:
    """Reads a ``KnowledgeBase`` held in memory."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.kb.resolution.find(name)]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        found = self.kb.resolution.entities.get(entity_id)
        return found.to_dict() if found else None

    def merge_decisions(self, entity_id: str) -> list[dict[str, Any]]:
        return [d.to_dict() for d in self.kb.resolution.decisions if d.entity_id == entity_id]

    def facts_of(self, entity_ids: set[str]) -> list[dict[str, Any]]:
        return [f for f in self.kb.facts.values() if entity_ids_in(f, set()) & entity_ids]

    def facts(self, kind: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
        return [f for f in self.kb.facts.values()
                if (kind is None or f["type"] == kind) and (metric is None or f.get("metric") == metric)]

    def links(self) -> list[Link]:
        return list(self.kb.lineage.links)

    def conflicts(self) -> list[dict[str, Any]]:
        return list(self.kb.conflicts)


class DatabaseReader:
    """Reads the ``rc_*`` tables of a store's connection."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def _entity_rows(self, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        out = []
        for entity_id, name, kind, country, gazetteer_key in self.connection.execute(sql, params):
            aliases = [a for (a,) in self.connection.execute(
                "SELECT alias FROM rc_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
            out.append({"entity_id": entity_id, "name": name, "kind": kind, "country": country,
                        "gazetteer_key": gazetteer_key, "aliases": aliases})
        return out

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        return self._entity_rows(
            "SELECT entity_id, name, kind, country, gazetteer_key FROM rc_entities WHERE entity_id IN "
            "(SELECT entity_id FROM rc_aliases WHERE alias_key = ? OR person_key = ?) ORDER BY entity_id",
            (key(name), person_key(name)))

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        rows = self._entity_rows("SELECT entity_id, name, kind, country, gazetteer_key FROM rc_entities "
                                 "WHERE entity_id = ?", (entity_id,))
        return rows[0] if rows else None

    def merge_decisions(self, entity_id: str) -> list[dict[str, Any]]:
        rows = self.connection.execute("SELECT entity_id, name, rule, features FROM rc_merge_decisions "
                                       "WHERE entity_id = ? ORDER BY name, rule", (entity_id,))
        return [{"entity_id": e, "name": n, "rule": r, "features": json.loads(f)} for e, n, r, f in rows]

    def facts_of(self, entity_ids: set[str]) -> list[dict[str, Any]]:
        if not entity_ids:
            return []
        marks = ", ".join("?" for _ in entity_ids)
        rows = self.connection.execute(
            f"SELECT body FROM rc_facts WHERE id IN (SELECT fact_id FROM rc_fact_entities WHERE entity_id IN ({marks})) "
            "ORDER BY id", tuple(sorted(entity_ids)))
        return [json.loads(body) for (body,) in rows]

    def facts(self, kind: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT body FROM rc_facts WHERE 1 = 1"
        params: list[str] = []
        if kind:
            sql, params = sql + " AND type = ?", params + [kind]
        if metric:
            sql, params = sql + " AND metric = ?", params + [metric]
        return [json.loads(body) for (body,) in self.connection.execute(sql + " ORDER BY id", params)]

    def links(self) -> list[Link]:
        rows = self.connection.execute("SELECT predecessor, successor, kind, since, origin, docs FROM rc_lineage "
                                       "ORDER BY successor, predecessor")
        return [Link(p, s, k, since, origin, tuple(json.loads(docs))) for p, s, k, since, origin, docs in rows]

    def conflicts(self) -> list[dict[str, Any]]:
        return [json.loads(body) for (body,) in self.connection.execute("SELECT body FROM rc_conflicts ORDER BY id")]
