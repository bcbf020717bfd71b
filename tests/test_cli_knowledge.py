"""The knowledge commands on real databases: one holding the seed gold facts, and one built by
``kizuna ingest`` from the shared seeds and dev articles (real extraction), on which the
issue's "done when" is checked end to end through the command line."""
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
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "250"})  # tables wide enough not to wrap
    assert result.exit_code == 0, result.output
    return result.output


def test_series_and_latest(db: str):
    data = json.loads(run("series", "active_projects", "--subject", "Japan", "--target", "Vietnam", "--db", db))
    assert [(p["as_of"], p["value"]) for p in data["points"]] == [("2025-10-31", 5681), ("2026-01", 5722)]
    latest = json.loads(run("latest", "registered_capital", "--subject", "Japan", "--target", "Vietnam", "--db", db))
    assert latest["as_of"] == "2026-01" and latest["value"] == 78.9e9
    table = run("series", "active_projects", "--subject", "Japan", "--target", "Vietnam", "--db", db, "--table")
    assert "2026-01" in table and "5,722" in table and "┃ as_of" in table  # a rich table


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


# -- end to end: `kizuna ingest` on the shared articles, then the knowledge commands ----------

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _shared_inputs() -> list[str]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (seeds, dev articles) is not beside the repository")
    return [str(SHARED / "seeds"), str(SHARED / "gold" / "dev" / "dev.articles.jsonl")]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("ingested") / "kizuna.db")
    out = run("ingest", *_shared_inputs(), "--db", path)
    assert "reconciled" in out and "conflicts" in out
    return path


def test_ingest_prints_a_reconcile_summary_and_leaves_the_base_reconciled(ingested: str):
    from kizuna.reconcile import persist
    with Store.open(ingested) as store:
        assert not persist.is_stale(store.connection)
        counts = persist.counts(store.connection)
    assert counts["multi_source_facts"] >= 3 and counts["conflicts"] >= 2
    summary = json.loads(run("ingest", *_shared_inputs(), "--db", ingested, "--json"))
    assert summary["new"] == 0 and summary["reconciled"] == {k: counts[k] for k in summary["reconciled"]}


def test_seed_series_through_the_cli(ingested: str):
    projects = json.loads(run("series", "active_projects", "--subject", "Japan", "--target", "Vietnam", "--db", ingested))
    assert [(p["as_of"], p["value"]) for p in projects["points"]] == [("2025-10-31", 5681), ("2026-01", 5722)]
    capital = json.loads(run("series", "registered_capital", "--subject", "Japan", "--target", "Viet Nam",
                             "--db", ingested))
    assert [(p["as_of"], p["value"]) for p in capital["points"]] == [("2025-10-31", 78.9e9), ("2026-01", 78.9e9)]
    latest = json.loads(run("latest", "active_projects", "--subject", "Japan", "--target", "Vietnam", "--db", ingested))
    assert latest["value"] == 5722 and "5,722" in latest["sources"][0]["evidence"]


def test_kanagawa_profile_has_both_kuroiwa_meetings(ingested: str):
    profile = json.loads(run("entity", "Kanagawa", "--db", ingested))
    kuroiwa = [m for m in profile["meetings"]
               if any(p["entity"] and p["entity"]["name"] == "Kuroiwa Yuji" for p in m["participants"])]
    assert sorted((m["place"]["name"], (m["date"] or m["date_hint"])[:4]) for m in kuroiwa) == [
        ("Bac Ninh", "2023"), ("Hanoi", "2025")]
    assert any(m["date"] == "2025-11-14" for m in kuroiwa)
    table = run("entity", "Kanagawa", "--db", ingested, "--table")
    for heading in ("aliases", "Lineage", "Roles", "Meetings (", "Agreements", "Investments", "Statistics", "Sectors"):
        assert heading in table
    assert "Kuroiwa Yuji" in table and "2025-11-14" in table


def test_hcmc_profile_inherits_the_binh_duong_yamaguchi_mou(ingested: str):
    for name in ("Ho Chi Minh City", "HCMC"):
        profile = json.loads(run("entity", name, "--db", ingested))
        (mou,) = [a for a in profile["agreements"] if {p["name"] for p in a["parties"]} == {"Binh Duong", "Yamaguchi"}]
        assert mou["inherited_from"]["name"] == "Binh Duong" and mou["inherited_from"]["since"] == "2025-07-01"
    table = run("entity", "HCMC", "--db", ingested, "--table")
    assert "from Binh Duong (merged 2025-07-01)" in table


def _facts_by_docs(db: str, kind: str) -> dict[tuple[str, ...], list[dict]]:
    found: dict[tuple[str, ...], list[dict]] = {}
    for row in json.loads(run("timeline", "--db", db)):
        if row["type"] == kind:
            found.setdefault(tuple(sorted(set(row["docs"]))), []).append(row)
    return found


def test_dev_pairs_on_one_event_become_single_facts_with_two_sources(ingested: str):
    meetings = _facts_by_docs(ingested, "meeting")
    assert [m["independent_sources"] for m in meetings[("h001", "h002")]] == [2]
    investments = json.loads(run("entity", "Meitoku Engineering", "--db", ingested))["investments"]
    opening = [i for i in investments if {s["doc"] for s in i["sources"]} == {"h021", "h022"}]
    assert [i["independent_sources"] for i in opening] == [2]
    trade = {row["what"].split()[0] for row in _facts_by_docs(ingested, "statistic").get(("h026", "h027"), [])}
    assert {"exports", "imports", "trade_turnover"} <= trade


def test_conflicts_flag_truncated_trade_figures(ingested: str):
    conflicts = json.loads(run("conflicts", "--db", ingested))
    figures = {c["metric"]: sorted(s["value"] for s in c["sources"]) for c in conflicts}
    assert figures["exports"] == [12.3e9, 12.37e9] and figures["imports"] == [10.5e9, 10.57e9]
    assert all({s["doc"] for s in c["sources"]} == {"h026", "h027"} for c in conflicts
               if c["metric"] in ("exports", "imports"))
    table = run("conflicts", "--db", ingested, "--table")
    assert "12.37 bn" in table and "10.5 bn" in table


def test_ingesting_in_two_batches_gives_the_same_knowledge(ingested: str, tmp_path: Path):
    seeds, dev = _shared_inputs()
    db = str(tmp_path / "two.db")
    run("ingest", seeds, "--db", db)
    run("ingest", dev, "--db", db)
    strip = lambda rows: sorted((r["when"], r["type"], r["what"], r["independent_sources"], tuple(r["docs"]))  # noqa: E731
                                for r in rows)
    assert strip(json.loads(run("timeline", "--db", db))) == strip(json.loads(run("timeline", "--db", ingested)))
    assert len(json.loads(run("conflicts", "--all", "--db", db))) == len(json.loads(run("conflicts", "--all",
                                                                                        "--db", ingested)))


def test_a_failed_reconciliation_keeps_the_stored_documents(tmp_path: Path):
    seeds, _ = _shared_inputs()
    db = tmp_path / "broken.db"
    with Store.open(db) as store:
        store.connection.execute("DROP TABLE rc_lineage")  # reconciliation will fail to write lineage
    result = CliRunner().invoke(main, ["ingest", seeds, "--db", str(db), "--json"])
    assert result.exit_code == 1 and "reconciliation failed" in result.stderr
    summary = json.loads(result.stdout)
    assert summary["new"] == 5 and summary["reconciled"] is None
    assert len(json.loads(run("documents", "--db", str(db)))) == 5
    with Store.open(db) as store:  # the failed run left nothing half-written
        assert store.connection.execute("SELECT count(*) FROM rc_facts").fetchone()[0] == 0


@pytest.mark.parametrize("command", [["entity", "Kanagawa"], ["series", "active_projects"], ["conflicts", "--all"],
                                     ["timeline"], ["latest", "active_projects"]])
def test_knowledge_commands_share_the_output_options(ingested: str, command: list[str]):
    lines = run(*command, "--db", ingested, "--nl").splitlines()
    assert lines and all(json.loads(line) is not None for line in lines)
    assert "┏" in run(*command, "--db", ingested, "--table") or "┌" in run(*command, "--db", ingested, "-t")
