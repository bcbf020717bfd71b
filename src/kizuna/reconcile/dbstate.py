"""Reconciliation state kept in the store's ``rc_*`` tables: the ``Backend`` behind ``persist.run``.

Each fact's mentions are cached once (``rc_fact_mentions``, ``rc_mentions`` with the entity
each resolved to), so a run reads only new facts and the facts of the blocks it recomputes.
Every method reads or writes only the rows it is asked about; the caller owns the transaction.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..text import key
from .blocks import Annotated
from .entities import Mention, Resolution
from .lineage import Link
from .names import person_key
from .refs import entity_ids_in, mention_from_json, mention_to_json
from .state import conflict_group

CHUNK = 500  # ids per ``IN (...)``: well under SQLite's variable limit
FACT_SQL = ("SELECT f.id, f.record, d.key, d.published, d.date_source, d.source, d.url, d.title "
            "FROM facts f JOIN documents d ON d.id = f.document_id")


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    """``values`` sorted, in lists of at most ``CHUNK``."""
    ordered = sorted(values, key=str)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def fact_from_row(row: Sequence[Any]) -> dict[str, Any]:
    """A stored fact as ``Store.facts`` yields it: the contract dict plus its document's metadata."""
    fact_id, record, document_key, published, date_source, source, url, title = row
    fact = {**json.loads(record), "fact_id": fact_id, "document_key": document_key, "published": published,
            "date_source": date_source, "source": source, "url": url, "document_title": title}
    fact.setdefault("title", title)
    return fact


def new_facts(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Stored facts no run has seen yet, in storage order."""
    rows = connection.execute(FACT_SQL + " WHERE NOT EXISTS (SELECT 1 FROM rc_seen_facts s WHERE s.fact_id = f.id) "
                              "ORDER BY f.id")
    return [fact_from_row(tuple(row)) for row in rows]


def removed_facts(connection: sqlite3.Connection) -> set[int]:
    """Facts seen by an earlier run that are no longer stored (their document was deleted)."""
    rows = connection.execute("SELECT fact_id FROM rc_seen_facts s WHERE NOT EXISTS "
                              "(SELECT 1 FROM facts f WHERE f.id = s.fact_id)")
    return {fact_id for (fact_id,) in rows}


class DatabaseState:
    """The engine's ``Backend`` over a SQLite connection."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self.loaded: dict[Any, dict[str, Any]] = {}  # facts read during this run

    def _rows(self, sql: str, values: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        """``sql`` with ``{}`` standing for a list of placeholders, run over ``values`` in chunks."""
        for part in chunks(values):
            yield from (tuple(row) for row in self.connection.execute(sql.format(marks(part)), part))

    def forget(self, fact_ids: set[Any]) -> set[str]:
        blocks = {block for (block,) in self._rows("SELECT DISTINCT block FROM rc_members WHERE fact_id IN ({})",
                                                    fact_ids)}
        for part in chunks(fact_ids):
            for table in ("rc_members", "rc_fact_mentions", "rc_seen_facts"):
                self.connection.execute(f"DELETE FROM {table} WHERE fact_id IN ({marks(part)})", part)
        self.connection.execute("DELETE FROM rc_mentions WHERE mention_key NOT IN "
                                "(SELECT mention_key FROM rc_fact_mentions)")
        return blocks

    def remember(self, facts: list[dict[str, Any]], mentions: list[list[tuple[str, str, Mention]]]) -> None:
        self.loaded.update((f["fact_id"], f) for f in facts)
        self.connection.executemany("INSERT OR IGNORE INTO rc_seen_facts (fact_id) VALUES (?)",
                                    [(f["fact_id"],) for f in facts])
        self.connection.executemany(
            "INSERT OR REPLACE INTO rc_fact_mentions (fact_id, path, mention_key) VALUES (?, ?, ?)",
            [(f["fact_id"], path, mkey) for f, found in zip(facts, mentions) for path, mkey, _ in found])
        distinct = {mkey: mention for found in mentions for _, mkey, mention in found}
        self.connection.executemany("INSERT OR IGNORE INTO rc_mentions (mention_key, mention) VALUES (?, ?)",
                                    [(mkey, mention_to_json(m)) for mkey, m in distinct.items()])

    def mentions(self) -> dict[str, Mention]:
        return {mkey: mention_from_json(text) for mkey, text in
                self.connection.execute("SELECT mention_key, mention FROM rc_mentions")}

    def entity_of(self) -> dict[str, str | None]:
        return dict(self.connection.execute("SELECT mention_key, entity_id FROM rc_mentions").fetchall())

    def entity_labels(self) -> dict[str, tuple[str, str]]:
        return {e: (n, k) for e, n, k in self.connection.execute("SELECT entity_id, name, kind FROM rc_entities")}

    def set_resolution(self, resolution: Resolution, entity_of: dict[str, str | None]) -> None:
        before = self.entity_of()
        self.connection.executemany("UPDATE rc_mentions SET entity_id = ? WHERE mention_key = ?",
                                    [(e, k) for k, e in entity_of.items() if before.get(k) != e])
        for table in ("rc_aliases", "rc_entities", "rc_merge_decisions"):
            self.connection.execute(f"DELETE FROM {table}")
        entities = list(resolution.entities.values())
        self.connection.executemany("INSERT INTO rc_entities VALUES (?, ?, ?, ?, ?)",
                                    [(e.entity_id, e.name, e.kind, e.country, e.gazetteer_key) for e in entities])
        self.connection.executemany("INSERT INTO rc_aliases VALUES (?, ?, ?, ?)",
                                    [(e.entity_id, a, key(a), person_key(a))
                                     for e in entities for a in sorted(e.aliases | {e.name})])
        self.connection.executemany("INSERT INTO rc_merge_decisions VALUES (?, ?, ?, ?)",
                                    [(d.entity_id, d.name, d.rule, json.dumps(d.features, sort_keys=True))
                                     for d in resolution.decisions])

    def facts_naming(self, keys: set[str]) -> set[Any]:
        return {fid for (fid,) in self._rows("SELECT DISTINCT fact_id FROM rc_fact_mentions "
                                             "WHERE mention_key IN ({})", keys)}

    def annotated(self, fact_ids: Iterable[Any], entity_of: Mapping[str, str | None]) -> dict[Any, Annotated]:
        wanted = set(fact_ids)
        missing = wanted - self.loaded.keys()
        for row in self._rows(FACT_SQL + " WHERE f.id IN ({})", missing):
            self.loaded[row[0]] = fact_from_row(row)
        entities: dict[Any, dict[str, str]] = {fid: {} for fid in wanted}
        for fid, path, mkey in self._rows("SELECT fact_id, path, mention_key FROM rc_fact_mentions "
                                          "WHERE fact_id IN ({})", wanted):
            entity_id = entity_of.get(mkey)
            if entity_id:
                entities[fid][path] = entity_id
        return {fid: {**self.loaded[fid], "_entities": entities[fid]} for fid in wanted}

    def members(self, member_ids: list[str]) -> dict[str, tuple[str, str]]:
        return {mid: (block, ents) for mid, block, ents in
                self._rows("SELECT member_id, block, entities FROM rc_members WHERE member_id IN ({})", member_ids)}

    def put_members(self, rows: list[tuple[str, Any, str, str]]) -> None:
        self.connection.executemany(
            "INSERT OR REPLACE INTO rc_members (member_id, fact_id, block, entities) VALUES (?, ?, ?, ?)", rows)

    def block_members(self, blocks: set[str]) -> dict[str, list[tuple[str, Any]]]:
        out: dict[str, list[tuple[str, Any]]] = {b: [] for b in blocks}
        for block, mid, fid in self._rows("SELECT block, member_id, fact_id FROM rc_members WHERE block IN ({})",
                                          blocks):
            out[block].append((mid, fid))
        return out

    def block_summaries(self, blocks: set[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for block, body in self._rows("SELECT block, body FROM rc_facts WHERE block IN ({})", blocks):
            out.setdefault(block, []).append(json.loads(body))
        return out

    def blocks_naming(self, entity_ids: set[str]) -> set[str]:
        return {block for (block,) in self._rows(
            "SELECT DISTINCT f.block FROM rc_fact_entities e JOIN rc_facts f ON f.id = e.fact_id "
            "WHERE e.entity_id IN ({})", entity_ids)}

    def write_blocks(self, blocks: dict[str, list[dict[str, Any]]], removed: list[dict[str, Any]],
                     added: list[dict[str, Any]]) -> None:
        for part in chunks({f["id"] for f in removed}):
            for table, column in (("rc_fact_sources", "fact_id"), ("rc_fact_entities", "fact_id"), ("rc_facts", "id")):
                self.connection.execute(f"DELETE FROM {table} WHERE {column} IN ({marks(part)})", part)
        self.connection.executemany(
            "INSERT INTO rc_facts (id, block, type, metric, as_of, n_sources, independent_sources, body, grp) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f["id"], f["block"], f["type"], f.get("metric"), f.get("as_of") or f.get("date"), f["n_sources"],
              f["independent_sources"], json.dumps(f, ensure_ascii=False),
              conflict_group(f) if f["type"] == "statistic" else None) for f in added])
        self.connection.executemany("INSERT OR IGNORE INTO rc_fact_entities VALUES (?, ?)",
                                    [(f["id"], e) for f in added for e in sorted(entity_ids_in(f, set()))])
        self.connection.executemany("INSERT INTO rc_fact_sources VALUES (?, ?, ?, ?, ?, ?)",
                                    [(f["id"], s["fact_id"], s.get("doc"), s.get("source"), s.get("published"),
                                      (s.get("evidence") or {}).get("text")) for f in added for s in f["sources"]])

    def statistics_in(self, groups: set[str]) -> list[dict[str, Any]]:
        found = [json.loads(body) for (body,) in self._rows(
            "SELECT body FROM rc_facts WHERE type = 'statistic' AND grp IN ({})", groups)]
        return sorted(found, key=lambda f: f["id"])

    def replace_conflicts(self, owners: set[str], conflicts: list[tuple[str, dict[str, Any]]]) -> None:
        for part in chunks(owners):
            self.connection.execute(f"DELETE FROM rc_conflicts WHERE owner IN ({marks(part)})", part)
        self.connection.executemany(
            "INSERT OR REPLACE INTO rc_conflicts (id, rule, severity, metric, body, owner) VALUES (?, ?, ?, ?, ?, ?)",
            [(c["id"], c["rule"], c["severity"], c.get("metric"), json.dumps(c, ensure_ascii=False), owner)
             for owner, c in conflicts])

    def succession_facts(self) -> list[dict[str, Any]]:
        return [fact_from_row(tuple(row)) for row in
                self.connection.execute(FACT_SQL + " WHERE f.type = 'succession' ORDER BY f.id")]

    def set_lineage(self, links: list[Link]) -> None:
        self.connection.execute("DELETE FROM rc_lineage")
        self.connection.executemany("INSERT INTO rc_lineage VALUES (?, ?, ?, ?, ?, ?)",
                                    [(l.predecessor, l.successor, l.kind, l.since, l.origin, json.dumps(list(l.docs)))
                                     for l in links])
