"""Ingesting: evidence always slices the text, ingesting twice changes nothing, kill -9 leaves no half document."""
from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kizuna import gazetteer
from kizuna.document import Document
from kizuna.extract.registry import extract_document
from kizuna.ingest import ingest
from kizuna.reading import list_sources, make_document, read_paths
from kizuna.store import Store
from kizuna.text import sentences

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
FURNITURE = ["Skip to content", "Share on Facebook", "(Photo: VNA)", "The image shows a signing ceremony.", "Latest",
             "Minister Nguyen Van Thang (right) receives Governor Kuroiwa Yuji"]
BATCH = 150  # articles in the kill -9 batch: enough to be mid-batch when killed, small enough to be quick
STAMPS = ["", " date 2025-11-17 ", "8:26:38 AM | 11/30/2023\n\n", "HÀ NỘI, September 8 — ", "Hanoi, July 10 (VNA) – "]


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """Every sentence of the bundled seed articles: real news prose in the styles kizuna reads."""
    found: list[str] = []
    for document in read_paths([str(EXAMPLES)]):
        assert isinstance(document, Document)
        found.extend(span.text for span in sentences(document.text))
    return tuple(found)


@st.composite
def articles(draw: st.DrawFn) -> str:
    pool = seed_sentences()
    picks = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=14))
    parts = [draw(st.sampled_from(STAMPS))]
    for index in picks:
        if draw(st.integers(0, 6)) == 0:
            parts.append(draw(st.sampled_from(FURNITURE)) + "\n")
        parts.append(pool[index] + draw(st.sampled_from([" ", "\n", "\n\n", "\r\n", "  "])))
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles())
def test_evidence_offsets_always_slice_the_text_exactly(text: str) -> None:
    document = make_document("generated.txt", text, guess_title=True)
    for record in extract_document(document, gazetteer.default()):
        evidence = record.evidence
        assert 0 <= evidence.start <= evidence.end <= len(text)
        assert text[evidence.start:evidence.end] == evidence.text, record
        assert record.doc == "generated.txt"
        contract = record.to_contract()
        assert json.loads(json.dumps(contract)) == contract


def snapshot(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return (connection.execute("SELECT * FROM documents ORDER BY id").fetchall()
                + connection.execute("SELECT * FROM facts ORDER BY id").fetchall())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(articles(), min_size=1, max_size=5))
def test_ingesting_twice_changes_nothing(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, text in enumerate(texts):
            (root / f"{number}.txt").write_text(text, encoding="utf-8")
        db = root / "k.db"
        with Store.open(db) as store:
            first = ingest(list_sources([folder]), store, gazetteer.default(), max_bytes=10**6)
        before = snapshot(db)
        with Store.open(db) as store:
            second = ingest(list_sources([folder]), store, gazetteer.default(), max_bytes=10**6)
        assert snapshot(db) == before
        assert second.new == 0 and second.known == first.read == len(texts) and not second.failures
        assert first.new == len({make_document("x", text).content_hash for text in texts})


def write_batch(folder: Path, count: int) -> None:
    pool = seed_sentences()
    chooser = random.Random(7)
    for number in range(count):
        body = "\n\n".join(chooser.sample(pool, 6))
        (folder / f"{number:04d}.txt").write_text(f"Article {number}\n\n{body}\n", encoding="utf-8")


def ingest_process(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    code = "from kizuna.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", str(folder), "--db", str(db), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def stored_documents(db: Path) -> Iterator[tuple[str, list[str]]]:
    with sqlite3.connect(db) as connection:
        for doc_id, origin, document_id in connection.execute("SELECT doc_id, origin, id FROM documents"):
            rows = connection.execute("SELECT record FROM facts WHERE document_id = ? ORDER BY id", (document_id,))
            yield origin, [row[0] for row in rows]


def test_kill_9_mid_batch_leaves_no_half_document_and_a_rerun_completes(tmp_path: Path) -> None:
    folder, db = tmp_path / "batch", tmp_path / "k.db"
    folder.mkdir()
    write_batch(folder, BATCH)
    process = ingest_process(folder, db)
    deadline = time.monotonic() + 60
    while stored_count(db) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "the batch finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    killed_at = stored_count(db)
    assert 3 <= killed_at < BATCH

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    gaz = gazetteer.default()
    for origin, facts in stored_documents(db):
        (document,) = read_paths([origin])
        assert isinstance(document, Document)
        expected = [json.dumps(r.to_contract(), ensure_ascii=False) for r in extract_document(document, gaz)]
        assert facts == expected, f"{origin} is stored without all of its facts"

    rerun = ingest_process(folder, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    summary = json.loads(out)
    assert (summary["new"], summary["already_known"]) == (BATCH - killed_at, killed_at)
    assert stored_count(db) == BATCH
