"""Database dialects: what differs between SQLite and (later) PostgreSQL, in one place.

The store speaks through a ``Dialect``: how to connect, how to run a migration script, how
to turn a user's words into a full-text query and how to ask for ranked matches with a
snippet. Only SQLite exists today; a PostgreSQL dialect would implement the same methods
(``tsvector``/``websearch_to_tsquery``) with its own migrations directory.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Protocol

from ..errors import StoreError

_FTS_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


class Dialect(Protocol):
    """The operations the store needs from a database engine."""

    name: str
    migrations_subdir: str

    def connect(self, path: str) -> sqlite3.Connection: ...

    def statements(self, script: str) -> list[str]: ...

    def fts_query(self, query: str) -> str: ...

    def search_sql(self) -> str: ...


class SQLiteDialect:
    """SQLite 3 with FTS5: WAL journal, foreign keys on, explicit transactions."""

    name = "sqlite"
    migrations_subdir = ""  # SQLite migrations live directly in ``store/migrations/``

    def connect(self, path: str) -> sqlite3.Connection:
        if path != ":memory:":
            Path(path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        return connection

    def statements(self, script: str) -> list[str]:
        """A script split into complete statements (trigger bodies kept whole)."""
        found: list[str] = []
        pending = ""
        for line in script.splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                if _strip_comments(pending).strip():
                    found.append(pending.strip())
                pending = ""
        if _strip_comments(pending).strip():
            raise ValueError(f"incomplete SQL statement at the end of the script: {pending.strip()[:80]!r}")
        return found

    def fts_query(self, query: str) -> str:
        """Words of ``query`` as an FTS5 query: each word quoted, all required; ``word*`` keeps its prefix star."""
        terms = []
        for match in _FTS_WORD.finditer(query):
            star = "*" if query[match.end():match.end() + 1] == "*" else ""
            terms.append('"' + match.group().replace('"', '""') + '"' + star)
        return " ".join(terms)

    def search_sql(self) -> str:
        return (
            "SELECT d.id AS id, d.key AS key, d.doc_id AS doc_id, d.title AS title, d.url AS url, "
            "d.source AS source, d.published AS published, "
            "snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet, bm25(documents_fts, 5.0, 1.0) AS rank "
            "FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
        )


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def dialect_for(url: str) -> tuple[Dialect, str]:
    """The dialect and connection target for a database path or URL (``sqlite:///x.db`` or ``x.db``)."""
    if url.startswith(("postgres://", "postgresql://")):
        raise StoreError("PostgreSQL is not supported yet; give a SQLite file path")
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteDialect(), url
