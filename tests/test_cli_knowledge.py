"""The knowledge commands on a real database holding the seed gold facts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kizuna.cli import main
from kizuna.reconcile.loader import as_facts, read_jsonl
from kizuna.store import Store

SEEDS = Path("/work/shared/gold/seeds.jsonl")
DATES = {"000_c3504e878577d2a8.txt": "2025-11-17", "001_1f433c327f2d1f6c.txt": "2023-11-30",
         "002_d83e82a190b96c83.txt": "2023-09-08"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "kizuna.db"
    records = list(read_jsonl(SEEDS))
    with Store.open(path) as store, store.connection:
        for doc in sorted({r["doc"] for r in records}):
            cursor = store.connection.execute(
                "INSERT INTO documents (key, doc_id, origin, source, published, date_source, text, ingested_at) "
                "VALUES (?, ?, ?, NULL, ?, 'metadata', ?, '2025-01-01T00:00:00')",
                (f"k-{doc}", doc, doc, DATES.get(doc), doc))
            for record in (r for r in records if r["doc"] == doc):
                store.connection.execute(
                    "INSERT INTO facts (document_id, type, doc, evidence_start, evidence_end, record) VALUES (?, ?, ?, ?, ?, ?)",
                    (cursor.lastrowid, record["type"], doc, record["evidence"]["start"], record["evidence"]["end"],
                     json.dumps(record)))
    assert as_facts(records)  # the loader reads the same file
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_series_and_latest(db: str):
    data = json.loads(run("series", "active_projects", "--subject", "Japan", "--target", "Vietnam", "--db", db))
    assert [(p["as_of"], p["value"]) for p in data["points"]] == [("2025-10-31", 5681), ("2026-01", 5722)]
    latest = json.loads(run("latest", "registered_capital", "--subject", "Japan", "--target", "Vietnam", "--db", db))
    assert latest["as_of"] == "2026-01" and latest["value"] == 78.9e9
    table = run("series", "active_projects", "--subject", "Japan", "--target", "Vietnam", "--db", db, "--table")
    assert "2026-01" in table and "5722" in table


def test_entity_profile_json_and_table(db: str):
    profile = json.loads(run("entity", "HCMC", "--db", db))
    assert profile["agreements"][0]["inherited_from"]["name"] == "Binh Duong"
    table = run("entity", "Kanagawa", "--db", db, "--table")
    assert "Kuroiwa Yuji" in table and "Bac Ninh" in table and "Hanoi" in table


def test_timeline_conflicts_and_decisions(db: str):
    rows = json.loads(run("timeline", "--entity", "Kanagawa", "--db", db))
    assert rows == sorted(rows, key=lambda r: (r["when"], r["fact"]))
    assert json.loads(run("conflicts", "--db", db)) == []
    out = json.loads(run("entities", "split", "Kuroiwa Yuji", "--db", db))
    assert out["decision"] == "split"
    profile = json.loads(run("entity", "Kuroiwa Yuji", "--db", db))
    assert any(d["rule"] == "user_split" for d in profile["merge_reasons"])


def test_unknown_entity_fails_cleanly(db: str):
    result = CliRunner().invoke(main, ["entity", "Atlantis", "--db", db])
    assert result.exit_code == 1 and "no entity answers" in result.output


@pytest.mark.parametrize("command", ["entity", "series", "latest", "conflicts", "timeline", "reconcile"])
def test_help_shows_an_example(command: str):
    assert "Example:" in run(command, "--help")
