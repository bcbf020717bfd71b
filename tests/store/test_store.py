"""The store: one copy per text, a document and its facts all or nothing, search, facts with metadata."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kizuna.document import Document
from kizuna.errors import StoreError
from kizuna.records import EntityRef, Evidence, Meeting, Record, Role, Statistic
from kizuna.store import Store

TEXT = ("Bắc Ninh Provincial Party Secretary Nguyễn Anh Tuấn received Governor Kuroiwa Yuji of Kanagawa.\n\n"
        "Japan has 2,000 projects in Bac Ninh worth US$1.2 billion.")


def document(text: str = TEXT, doc_id: str = "a.txt", **extra: object) -> Document:
    fields: dict[str, object] = {"published": date(2023, 11, 30), "date_source": "byline", "title": "Bac Ninh meets Kanagawa"}
    fields.update(extra)
    return Document(doc_id=doc_id, text=text, origin=f"/in/{doc_id}", **fields)  # type: ignore[arg-type]


def evidence(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start, start + len(phrase), phrase)


def records(doc: Document) -> list[Record]:
    kanagawa = EntityRef("Kanagawa", "prefecture", "JP")
    return [
        Role(doc=doc.doc_id, evidence=evidence(doc.text, "Governor Kuroiwa Yuji of Kanagawa"), person="Kuroiwa Yuji",
             title="Governor", org=kanagawa, country="JP", extractor="roles"),
        Meeting(doc=doc.doc_id, evidence=evidence(doc.text, "received Governor"), date=None, location=None,
                kind="reception", participants=()),
        Statistic(doc=doc.doc_id, evidence=evidence(doc.text, "Japan has 2,000 projects in Bac Ninh"),
                  metric="fdi_projects", subject=EntityRef("Japan", "country", "JP"),
                  target=EntityRef("Bac Ninh", "province", "VN"), value=2000, unit="count"),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "k.db")
    yield opened
    opened.close()


def test_a_document_is_stored_once_whatever_its_name_or_whitespace(store: Store) -> None:
    first = document()
    assert store.add_document(first, records(first)) is True
    again = document(text="\ufeff" + TEXT.replace("\n\n", "\n  \n") + "\n", doc_id="copy.txt")
    assert store.add_document(again, records(again)) is False
    assert store.counts() == {"documents": 1, "facts": 3, "facts_by_type": {"meeting": 1, "role": 1, "statistic": 1}}


def test_documents_lists_metadata_and_fact_counts(store: Store) -> None:
    store.add_document(document(), records(document()))
    (row,) = store.documents()
    assert row["doc_id"] == "a.txt" and row["published"] == "2023-11-30" and row["date_source"] == "byline"
    assert row["facts"] == 3 and row["key"] == document().content_hash and row["ingested_at"]
    full = store.document("a.txt")
    assert full is not None and full["text"] == TEXT


def test_facts_are_contract_dicts_plus_document_metadata(store: Store) -> None:
    doc = document(url="https://x.example/a", source="VNA")
    store.add_document(doc, records(doc))
    facts = list(store.facts())
    assert [fact["type"] for fact in facts] == ["role", "meeting", "statistic"]
    for fact, record in zip(facts, records(doc)):
        contract = record.to_contract()
        assert {key: fact[key] for key in contract} == contract
        assert fact["published"] == "2023-11-30" and fact["source"] == "VNA" and fact["url"] == "https://x.example/a"
        assert fact["document_title"] == "Bac Ninh meets Kanagawa" and isinstance(fact["fact_id"], int)
    assert facts[0]["title"] == "Governor"  # a role's own title is never overwritten by the document's
    assert facts[1]["title"] == "Bac Ninh meets Kanagawa"
    assert [fact["type"] for fact in store.facts(["statistic", "role"])] == ["role", "statistic"]
    assert list(store.records({"meeting"})) == [records(doc)[1].to_contract()]


def test_evidence_that_does_not_slice_the_text_is_refused_and_nothing_is_written(store: Store) -> None:
    doc = document()
    bad = Statistic(doc=doc.doc_id, evidence=Evidence(0, 5, "Japan"), metric="x", subject=None, target=None,
                    value=1, unit="count")
    with pytest.raises(StoreError, match="does not match"):
        store.add_document(doc, [*records(doc), bad])
    assert store.counts()["documents"] == 0


def test_a_failure_inside_the_transaction_leaves_no_half_document(store: Store) -> None:
    store.add_document(document(text="An earlier article about Gunma.", doc_id="old.txt"), [])
    before = store.counts()
    # A real database-level failure after the document row and the first fact are written.
    store.connection.execute("CREATE TRIGGER fail_statistics BEFORE INSERT ON facts WHEN new.type = 'statistic' "
                             "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    doc = document()
    with pytest.raises(StoreError, match="injected failure"):
        store.add_document(doc, records(doc))
    assert store.counts() == before
    assert store.search("Kuroiwa") == []
    store.connection.execute("DROP TRIGGER fail_statistics")
    assert store.add_document(doc, records(doc)) is True  # a re-run completes it
    assert store.counts()["facts"] == 3


def test_search_ignores_diacritics_ranks_and_snippets(store: Store) -> None:
    store.add_document(document(), [])
    store.add_document(document(text="Đà Nẵng welcomes 60 Gunma businesses.", doc_id="b.txt", title="Gunma in Da Nang"), [])
    (hit,) = store.search("bac ninh")
    assert hit["doc_id"] == "a.txt" and "[Bắc]" in hit["snippet"]
    assert [h["doc_id"] for h in store.search("Đà Nẵng")] == ["b.txt"]
    assert [h["doc_id"] for h in store.search("da nang")] == ["b.txt"]
    assert [h["doc_id"] for h in store.search("gunm*")] == ["b.txt"]
    assert store.search('"unbalanced AND (') == [] and store.search("  ") == []
    assert len(store.search("Kanagawa OR Gunma", limit=1)) <= 1


def test_wal_mode_and_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "k.db"
    with Store.open(path) as store:
        store.add_document(document(), records(document()))
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store.open(path) as store:
        assert store.counts()["facts"] == 3
        assert store.summary()["published"] == {"first": "2023-11-30", "last": "2023-11-30"}


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store.open(path)


def test_connection_is_usable_by_other_modules(store: Store) -> None:
    assert isinstance(store.connection, sqlite3.Connection)
    names = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "facts", "documents_fts", "schema_migrations"} <= names
