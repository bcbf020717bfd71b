"""Schema migrations: every ``NNNN_name.sql`` file in ``migrations/`` runs once, in name order.

Each file runs in its own transaction together with its row in ``schema_migrations``, so a
migration is either wholly applied and recorded or not at all. Other modules add tables by
dropping a later-numbered file into the directory (``0100_reconcile.sql``).
"""
from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from ..errors import StoreError
from .dialect import Dialect

MIGRATION_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")
MIGRATIONS_DIR = Path(str(resources.files("kizuna.store") / "migrations"))


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[Path]:
    """The migration files in name order; a ``.sql`` file with a bad name is an error, not skipped."""
    files = sorted(directory.glob("*.sql"))
    bad = [f.name for f in files if not MIGRATION_NAME.match(f.name)]
    if bad:
        raise StoreError(f"migration files must be named NNNN_name.sql: {', '.join(bad)}")
    return files


def applied(connection: sqlite3.Connection) -> set[str]:
    """Names of the migrations already applied."""
    connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return {row[0] for row in connection.execute("SELECT name FROM schema_migrations")}


def migrate(connection: sqlite3.Connection, dialect: Dialect, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply the pending migrations; the names applied now, in order."""
    done = applied(connection)
    newly: list[str] = []
    for file in migration_files(directory):
        if file.name in done:
            continue
        statements = dialect.statements(file.read_text(encoding="utf-8"))
        connection.execute("BEGIN IMMEDIATE")
        try:
            if connection.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (file.name,)).fetchone():
                connection.execute("ROLLBACK")  # another process applied it while we waited
                continue
            for statement in statements:
                connection.execute(statement)
            connection.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                               (file.name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise StoreError(f"migration {file.name} failed: {error}") from error
        newly.append(file.name)
    return newly
