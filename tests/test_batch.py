"""Extraction over a stream (``kizuna.batch``): worker processes give what one process gives, in order."""
from __future__ import annotations

import json
import pickle
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kizuna import gazetteer
from kizuna.batch import Extraction, available_jobs, extract_stream
from kizuna.cli import main
from kizuna.document import Document
from kizuna.errors import GazetteerError, InputError
from kizuna.ingest import ingest
from kizuna.reading import list_sources, read_paths
from kizuna.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def example_documents() -> list[Document]:
    return [d for d in read_paths([str(EXAMPLES)]) if isinstance(d, Document)]


def contract(extraction: Extraction) -> list[dict[str, Any]]:
    return [record.to_contract() for record in extraction.records]


def test_two_workers_give_the_records_of_one_process_in_input_order() -> None:
    documents = example_documents()
    items: list[Document | str] = []
    for index, document in enumerate(documents):
        items += [f"marker {index}", document]  # non-documents pass through in place
    one = list(extract_stream(items, gazetteer.default(), jobs=1))
    two = list(extract_stream(items, gazetteer.default(), jobs=2))
    assert [type(i) for i in one] == [type(i) for i in two] == [str, Extraction] * len(documents)
    assert [i for i in two if isinstance(i, str)] == [f"marker {n}" for n in range(len(documents))]
    pairs = [(a, b) for a, b in zip(one, two, strict=True) if isinstance(a, Extraction) and isinstance(b, Extraction)]
    assert [b.document.doc_id for _, b in pairs] == [d.doc_id for d in documents]
    assert all(contract(a) == contract(b) for a, b in pairs)
    assert sum(len(b.records) for _, b in pairs) > 50


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_an_extractor_fails_on_is_an_error_and_the_rest_go_on(jobs: int) -> None:
    good = example_documents()[0]
    broken = Document("broken.txt", None)  # type: ignore[arg-type]  # no text at all: every extractor fails
    first, second, third = extract_stream([good, broken, good], gazetteer.default(), jobs=jobs)
    assert isinstance(second, Extraction) and second.records == ()
    assert second.error is not None and second.error.startswith("extraction failed (") and "broken" not in second.error
    assert isinstance(first, Extraction) and isinstance(third, Extraction)
    assert first.error is None and first.records and contract(first) == contract(third)


def test_jobs_zero_means_one_per_core_and_negative_jobs_are_refused() -> None:
    assert available_jobs() >= 1
    assert len(list(extract_stream(example_documents()[:2], gazetteer.default(), jobs=0))) == 2
    with pytest.raises(ValueError, match="jobs must be 0"):
        list(extract_stream(example_documents()[:1], gazetteer.default(), jobs=-1))


def test_errors_keep_their_fields_across_processes() -> None:
    bad_rows = pickle.loads(pickle.dumps(GazetteerError(["places.csv:3: no name", "places.csv:9: bad kind"])))
    assert isinstance(bad_rows, GazetteerError) and bad_rows.problems == ["places.csv:3: no name", "places.csv:9: bad kind"]
    unreadable = pickle.loads(pickle.dumps(InputError("feed.jsonl:2", "not JSON")))
    assert (unreadable.source, unreadable.reason, str(unreadable)) == ("feed.jsonl:2", "not JSON", "feed.jsonl:2: not JSON")


def stored_facts(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT d.doc_id, f.record FROM facts f JOIN documents d ON d.id = f.document_id "
                                  "ORDER BY f.id").fetchall()
    return [(doc_id, record) for doc_id, record in rows]


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"not text\x00\x01")
    duplicate = tmp_path / "in" / "again.txt"  # the same text as an example: known, stored once
    duplicate.write_text((EXAMPLES / "001_1f433c327f2d1f6c.txt").read_text(encoding="utf-8"), encoding="utf-8")
    paths = [str(EXAMPLES), str(tmp_path / "in")]
    reports = []
    for jobs in (1, 2):
        with Store.open(tmp_path / f"jobs{jobs}.db") as store:
            reports.append(ingest(list_sources(paths), store, gazetteer.default(), max_bytes=10**6, jobs=jobs))
    one, two = reports
    assert one.as_dict() == two.as_dict()
    assert two.new == 8 and two.known == 1 and [f.source for f in two.failures] == [str(tmp_path / "in" / "bad.txt")]
    assert stored_facts(tmp_path / "jobs1.db") == stored_facts(tmp_path / "jobs2.db") != []


def test_cli_jobs_option_prints_the_same_records(tmp_path: Path) -> None:
    runner = CliRunner()
    serial = runner.invoke(main, ["extract", str(EXAMPLES)], catch_exceptions=False)
    parallel = runner.invoke(main, ["extract", "--jobs", "2", str(EXAMPLES)], catch_exceptions=False)
    assert serial.exit_code == parallel.exit_code == 0
    assert serial.stdout == parallel.stdout and len(parallel.stdout.splitlines()) > 50
    summary = runner.invoke(main, ["ingest", "-j", "2", str(EXAMPLES), "--db", str(tmp_path / "k.db"), "--json"])
    assert summary.exit_code == 0 and json.loads(summary.stdout)["new"] == 8
