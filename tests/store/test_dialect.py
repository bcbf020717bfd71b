"""The SQLite dialect: script splitting and safe full-text queries."""
from __future__ import annotations

import pytest

from kizuna.errors import StoreError
from kizuna.store.dialect import SQLiteDialect, dialect_for


def test_statements_keep_trigger_bodies_whole() -> None:
    script = ("-- comment\nCREATE TABLE t (x);\nCREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n"
              "  INSERT INTO t VALUES (1);\n  SELECT 1;\nEND;\n-- trailing comment\n")
    statements = SQLiteDialect().statements(script)
    assert len(statements) == 2 and statements[1].endswith("END;")


def test_incomplete_script_is_an_error() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        SQLiteDialect().statements("CREATE TABLE t (x)")


@pytest.mark.parametrize(("query", "expected"), [
    ("Bắc Ninh", '"Bắc" "Ninh"'),
    ('say "hi" AND (', '"say" "hi" "AND"'),
    ("semicon*", '"semicon"*'),
    ("Japan's FDI", '"Japan\'s" "FDI"'),
    ("---", ""),
])
def test_fts_query_quotes_every_word(query: str, expected: str) -> None:
    assert SQLiteDialect().fts_query(query) == expected


def test_dialect_for_paths_and_urls() -> None:
    assert dialect_for("sqlite:///tmp/x.db")[1] == "tmp/x.db"
    assert dialect_for("x.db")[0].name == "sqlite"
    with pytest.raises(StoreError, match="PostgreSQL"):
        dialect_for("postgresql://localhost/kizuna")
