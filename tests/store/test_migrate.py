"""Migrations: every NNNN_name.sql once, in name order, each all or nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from kizuna.errors import StoreError
from kizuna.store import Store
from kizuna.store.dialect import SQLiteDialect
from kizuna.store.migrate import MIGRATIONS_DIR, migrate, migration_files


def test_bundled_migrations_are_well_named_and_applied_once(tmp_path: Path) -> None:
    names = [f.name for f in migration_files()]
    assert names and names[0] == "0001_initial.sql" and names == sorted(names)
    with Store.open(tmp_path / "k.db") as store:
        recorded = [row[0] for row in store.connection.execute("SELECT name FROM schema_migrations ORDER BY name")]
        assert recorded == names
        assert migrate(store.connection, store.dialect) == []


def test_extra_migrations_run_in_name_order_once(tmp_path: Path) -> None:
    directory = tmp_path / "migrations"
    directory.mkdir()
    (directory / "0002_b.sql").write_text("INSERT INTO log VALUES ('b');", encoding="utf-8")
    (directory / "0001_a.sql").write_text("-- the log\nCREATE TABLE log (step TEXT);\nINSERT INTO log VALUES ('a');\n",
                                          encoding="utf-8")
    dialect = SQLiteDialect()
    connection = dialect.connect(str(tmp_path / "m.db"))
    assert migrate(connection, dialect, directory) == ["0001_a.sql", "0002_b.sql"]
    assert migrate(connection, dialect, directory) == []
    assert [row[0] for row in connection.execute("SELECT step FROM log")] == ["a", "b"]


def test_a_failing_migration_is_rolled_back_and_not_recorded(tmp_path: Path) -> None:
    directory = tmp_path / "migrations"
    directory.mkdir()
    (directory / "0001_ok.sql").write_text("CREATE TABLE one (x);", encoding="utf-8")
    (directory / "0002_bad.sql").write_text("CREATE TABLE two (x);\nINSERT INTO missing VALUES (1);", encoding="utf-8")
    dialect = SQLiteDialect()
    connection = dialect.connect(str(tmp_path / "m.db"))
    with pytest.raises(StoreError, match="0002_bad.sql"):
        migrate(connection, dialect, directory)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "one" in tables and "two" not in tables
    assert [row[0] for row in connection.execute("SELECT name FROM schema_migrations")] == ["0001_ok.sql"]


def test_badly_named_migration_files_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "reconcile.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match="NNNN_name.sql"):
        migration_files(tmp_path)


def test_migrations_directory_is_inside_the_package() -> None:
    assert MIGRATIONS_DIR.is_dir() and (MIGRATIONS_DIR / "0001_initial.sql").is_file()
