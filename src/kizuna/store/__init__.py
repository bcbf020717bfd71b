"""The store: documents and their fact records in an embedded SQLite database.

Documents are keyed by a hash of their normalised text (``Document.content_hash``), so the
same article read twice, from anywhere, is stored once. A document and all its facts are
written in one transaction: a crash or a failed insert never leaves half a document.

    with Store.open("kizuna.db") as store:
        store.add_document(document, records)   # True if new
        store.search("Bac Ninh")                 # ranked, with a snippet
        for fact in store.facts({"statistic"}):  # contract dict + fact_id, published, ...
            ...

Other modules add their own tables through their own migration files in
``store/migrations/`` and use ``store.connection``.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from ..document import Document
from ..errors import StoreError
from ..records import Record
from ..settings import value
from .dialect import Dialect, dialect_for
from .migrate import migrate

__all__ = ["Store"]

# Document metadata added to each fact dict by ``Store.facts`` (``title`` only when the record has none).
FACT_EXTRAS = ("fact_id", "document_key", "published", "date_source", "source", "url", "document_title", "title")


class Store:
    """A kizuna database. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, dialect: Dialect, path: str):
        self.connection = connection
        self.dialect = dialect
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        target = str(path) if path is not None else str(value("db"))
        dialect, location = dialect_for(target)
        try:
            connection = dialect.connect(location)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open database {location}: {error}") from error
        try:
            migrate(connection, dialect)
        except (StoreError, sqlite3.Error) as error:
            connection.close()
            if isinstance(error, StoreError):
                raise
            raise StoreError(f"cannot prepare database {location}: {error}") from error
        return cls(connection, dialect, location)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def has_document(self, key: str) -> bool:
        """Whether a document with this content hash is stored."""
        return self.connection.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone() is not None

    def add_document(self, document: Document, records: Sequence[Record]) -> bool:
        """Store a document with its facts in one transaction; False (and nothing written) if already known.

        Raises ``StoreError`` when a record's evidence does not slice the document's text
        exactly, or when the database refuses a row; nothing is then written.
        """
        fact_rows = [_fact_row(document, record) for record in records]
        key = document.content_hash
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            if connection.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone():
                connection.execute("ROLLBACK")
                return False
            cursor = connection.execute(
                "INSERT INTO documents (key, doc_id, origin, title, url, source, published, date_source, furniture, "
                "text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, document.doc_id, document.origin, document.title, document.url, document.source,
                 document.published.isoformat() if document.published else None, document.date_source,
                 json.dumps([list(span) for span in document.furniture]), document.text, _now()),
            )
            connection.executemany(
                "INSERT INTO facts (document_id, type, doc, evidence_start, evidence_end, extractor, confidence, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(cursor.lastrowid, *row) for row in fact_rows],
            )
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"{document.origin}: database refused the document: {error}") from error
            raise
        return True

    # -- reading -----------------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document's metadata (no text), in the order they were stored, with its fact count."""
        rows = self.connection.execute(
            "SELECT d.key, d.doc_id, d.origin, d.title, d.url, d.source, d.published, d.date_source, d.ingested_at, "
            "length(d.text) AS characters, (SELECT count(*) FROM facts f WHERE f.document_id = d.id) AS facts "
            "FROM documents d ORDER BY d.id"
        )
        return [dict(row) for row in rows]

    def document(self, doc: str) -> dict[str, Any] | None:
        """One document with its text and furniture spans, by content key or by ``doc_id`` (latest stored)."""
        row = self.connection.execute(
            "SELECT key, doc_id, origin, title, url, source, published, date_source, ingested_at, furniture, text "
            "FROM documents WHERE key = ? OR doc_id = ? ORDER BY (key = ?) DESC, id DESC LIMIT 1",
            (doc, doc, doc),
        ).fetchone()
        if row is None:
            return None
        found = dict(row)
        found["furniture"] = [tuple(span) for span in json.loads(found["furniture"])]
        return found

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents matching every word of ``query`` (accents ignored), best first, with a snippet."""
        match = self.dialect.fts_query(query)
        if not match:
            return []
        try:
            rows = self.connection.execute(self.dialect.search_sql(), (match, limit)).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"search failed for {query!r}: {error}") from error
        return [{**dict(row), "snippet": " ".join(row["snippet"].split()), "rank": round(row["rank"], 4)} for row in rows]

    def facts(self, types: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored facts in storage order: each is the contract dict plus its document's metadata.

        Added keys: ``fact_id``, ``document_key``, ``published`` (ISO date or None),
        ``date_source``, ``source``, ``url``, ``document_title``, and ``title`` = the
        document title unless the record has its own ``title`` (a role's office).
        """
        for contract, metadata in self.fact_rows(types):
            fact = {**contract, **metadata}
            fact.setdefault("title", metadata["document_title"])
            yield fact

    def fact_rows(self, types: Iterable[str] | None = None) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """Stored facts as (contract dict, document metadata) pairs, kept apart so no key can clash."""
        sql = ("SELECT f.id, f.record, d.key, d.published, d.date_source, d.source, d.url, d.title "
               "FROM facts f JOIN documents d ON d.id = f.document_id")
        where, params = _type_filter("f.type", types)
        for row in self.connection.execute(sql + where + " ORDER BY f.id", params):
            yield json.loads(row["record"]), {
                "fact_id": row["id"], "document_key": row["key"], "published": row["published"],
                "date_source": row["date_source"], "source": row["source"], "url": row["url"],
                "document_title": row["title"]}

    def records(self, types: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored facts exactly in contract shape, as ``kizuna extract`` printed them."""
        where, params = _type_filter("type", types)
        for row in self.connection.execute("SELECT record FROM facts" + where + " ORDER BY id", params):
            yield json.loads(row["record"])

    def counts(self) -> dict[str, Any]:
        """How many documents and facts are stored, and facts per type."""
        by_type = dict(self.connection.execute("SELECT type, count(*) FROM facts GROUP BY type ORDER BY type").fetchall())
        documents = self.connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        return {"documents": documents, "facts": sum(by_type.values()), "facts_by_type": by_type}

    def summary(self) -> dict[str, Any]:
        """Counts plus the span of publication dates and where dates and documents came from."""
        first, last = self.connection.execute(
            "SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL").fetchone()
        date_sources = dict(self.connection.execute(
            "SELECT date_source, count(*) FROM documents GROUP BY date_source ORDER BY date_source").fetchall())
        sources = dict(self.connection.execute(
            "SELECT coalesce(source, '(unknown)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
        return {"database": self.path, **self.counts(), "published": {"first": first, "last": last},
                "date_sources": date_sources, "sources": sources}


def _fact_row(document: Document, record: Record) -> tuple[Any, ...]:
    """A facts row for ``record``; ``StoreError`` unless its evidence slices the document exactly."""
    evidence = record.evidence
    if document.text[evidence.start:evidence.end] != evidence.text:
        raise StoreError(f"{document.origin}: {record.type} record from {record.extractor or 'an extractor'} has "
                         f"evidence [{evidence.start}:{evidence.end}] that does not match the document text")
    contract = record.to_contract()
    return (record.type, record.doc, evidence.start, evidence.end, record.extractor, contract.get("confidence"),
            json.dumps(contract, ensure_ascii=False))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _type_filter(column: str, types: Iterable[str] | None) -> tuple[str, tuple[str, ...]]:
    """A ``WHERE column IN (...)`` clause and its parameters, or nothing when every type is wanted."""
    if types is None:
        return "", ()
    wanted = tuple(sorted(set(types)))
    return f" WHERE {column} IN ({', '.join('?' for _ in wanted)})", wanted
