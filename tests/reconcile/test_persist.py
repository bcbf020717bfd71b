"""Reconciliation kept in a real SQLite store: incremental runs, user decisions that survive re-ingest."""
from __future__ import annotations

import json
from typing import Any

from kizuna.reconcile import persist, views
from kizuna.reconcile.entities import UserDecision
from kizuna.reconcile.readers import DatabaseReader
from kizuna.store import Store

META = ("fact_id", "published", "source", "url", "document_title", "title")


def add_facts(store: Store, doc: str, facts: list[dict[str, Any]], published: str | None, source: str | None) -> None:
    """Store a document row and its contract records (the text is a stand-in)."""
    with store.connection:
        cursor = store.connection.execute(
            "INSERT INTO documents (key, doc_id, origin, title, url, source, published, date_source, furniture, text, "
            "ingested_at) VALUES (?, ?, ?, NULL, NULL, ?, ?, 'metadata', '[]', ?, '2025-01-01T00:00:00')",
            (f"key-{doc}", doc, doc, source, published, doc))
        for record in facts:
            contract = {k: v for k, v in record.items() if k not in META}
            store.connection.execute(
                "INSERT INTO facts (document_id, type, doc, evidence_start, evidence_end, record) VALUES (?, ?, ?, ?, ?, ?)",
                (cursor.lastrowid, contract["type"], doc, contract["evidence"]["start"], contract["evidence"]["end"],
                 json.dumps(contract)))


def _ingest(store: Store, facts: list[dict[str, Any]], docs: set[str]) -> None:
    for doc in sorted(docs):
        mine = [f for f in facts if f["doc"] == doc]
        add_facts(store, doc, mine, mine[0].get("published"), mine[0].get("source"))


def _snapshot(store: Store) -> dict[str, Any]:
    reader = DatabaseReader(store.connection)
    return {"facts": {(f["id"]): f for f in reader.facts()}, "conflicts": reader.conflicts(),
            "links": [l.to_dict() for l in reader.links()]}


def test_incremental_runs_in_the_store_equal_one_run(tmp_path, seed_facts, dev_facts):
    everything = seed_facts + dev_facts
    docs = sorted({f["doc"] for f in everything})
    with Store.open(tmp_path / "a.db") as store:
        _ingest(store, everything, set(docs[:8]))
        persist.run(store)
        assert not persist.is_stale(store.connection)
        _ingest(store, everything, set(docs[8:]))
        assert persist.is_stale(store.connection)
        counts = persist.run(store)
        assert 0 < counts["blocks_recomputed"] < counts["blocks"]
        incremental = _snapshot(store)
    with Store.open(tmp_path / "b.db") as store:
        _ingest(store, everything, set(docs))
        persist.run(store)
        assert _snapshot(store) == incremental


def test_user_decisions_survive_reingest(tmp_path, dev_facts):
    h001_h002 = [f for f in dev_facts if f["doc"] in ("h001", "h002")]
    with Store.open(tmp_path / "k.db") as store:
        _ingest(store, h001_h002, {"h002"})
        persist.add_user_decision(store.connection, UserDecision("merge", "Pham", "Pham Minh Chinh"))
        persist.add_user_decision(store.connection, UserDecision("split", "Shiota Koichi"))
        persist.run(store)
        _ingest(store, h001_h002, {"h001"})  # a later article arrives
        persist.run(store)
        reader = DatabaseReader(store.connection)
        pham = views.profile(reader, "Pham Minh Chinh")
        assert "Pham" in pham["entity"]["aliases"]
        assert any(d["rule"] in ("user_merge", "short_form") for d in pham["merge_reasons"])
        shiota = views.profile(reader, "Shiota Koichi")
        assert any(d["rule"] == "user_split" for d in shiota["merge_reasons"])
        persist.add_user_decision(store.connection, UserDecision("split", "Pham"))
        persist.run(store)
        assert "Pham" not in views.profile(reader, "Pham Minh Chinh")["entity"]["aliases"]


def test_a_deleted_document_leaves_the_knowledge_base(tmp_path, seed_facts, dev_facts):
    everything = seed_facts + dev_facts
    docs = sorted({f["doc"] for f in everything})
    with Store.open(tmp_path / "a.db") as store:
        _ingest(store, everything, set(docs))
        persist.run(store)
        with persist.transaction(store.connection):
            store.connection.execute("DELETE FROM documents WHERE doc_id IN ('h002', 'h027')")
        assert persist.is_stale(store.connection)
        counts = persist.run(store)
        assert counts["facts_removed"] > 0
        after_delete = _snapshot(store)
    with Store.open(tmp_path / "b.db") as store:
        _ingest(store, everything, set(docs) - {"h002", "h027"})
        persist.run(store)
        fresh = _snapshot(store)
    strip = lambda snapshot: sorted((f["type"], f["block"], f["n_sources"], sorted(s["doc"] for s in f["sources"]))  # noqa: E731
                                    for f in snapshot["facts"].values())
    assert strip(after_delete) == strip(fresh)
    assert len(after_delete["conflicts"]) == len(fresh["conflicts"])
