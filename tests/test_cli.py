"""The command line, end to end, with real SQLite files."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kizuna.cli import main
from kizuna.records import RECORD_TYPES

GOOD = "Governor Kuroiwa Yuji of Japan's Kanagawa prefecture met Bac Ninh leaders in Hanoi on November 14, 2023."
OTHER = "Gunma Bank president Akihiko Fukai said Da Nang offers a young, well-trained workforce."


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def dump(db: Path) -> list[tuple[object, ...]]:
    """Every stored row, to prove a failed batch changed nothing already stored."""
    with sqlite3.connect(db) as connection:
        docs = connection.execute("SELECT key, doc_id, text, ingested_at FROM documents ORDER BY id").fetchall()
        facts = connection.execute("SELECT id, document_id, record FROM facts ORDER BY id").fetchall()
    return docs + facts


def check_contract(record: dict[str, object], text: str) -> None:
    assert record["type"] in RECORD_TYPES
    evidence = record["evidence"]
    assert isinstance(evidence, dict) and text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert set(record) >= {"type", "doc", "evidence"}


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["summary"], ["documents"], ["search"], ["export"]])
def test_every_command_help_shows_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Example" in result.stdout


def test_every_registered_command_help_shows_an_example() -> None:
    """Including the commands other modules register (``cli_knowledge.COMMANDS``) and their subcommands."""
    missing = []
    for name, command in main.commands.items():
        paths = [[name]] + [[name, sub] for sub in getattr(command, "commands", {})]
        missing += [" ".join(path) for path in paths if "Example" not in run(*path, "--help").stdout]
    assert not missing, f"--help without an example: {missing}"


def test_extract_seeds_prints_contract_records_named_by_file(shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    result = run("extract", *map(str, seeds))
    assert result.exit_code == 0, result.stderr
    texts = {seed.name: seed.read_bytes().decode("utf-8-sig") for seed in seeds}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert record["doc"] in texts
        check_contract(record, texts[record["doc"]])


def test_extract_touches_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert run("extract", "a.txt").exit_code == 0
    assert not (tmp_path / "kizuna.db").exists()


def test_ingesting_the_seeds_twice_stores_five_documents(shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    first = run("ingest", str(shared / "seeds"), "--db", db, "--json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["new"] == 5
    before = dump(tmp_path / "k.db")
    second = run("ingest", str(shared / "seeds"), "--db", db, "--json")
    summary = json.loads(second.stdout)
    assert (summary["read"], summary["new"], summary["already_known"], summary["failed"]) == (5, 0, 5, 0)
    assert dump(tmp_path / "k.db") == before
    assert len(json.loads(run("documents", "--db", db).stdout)) == 5


def test_ingest_examples_then_documents_search_export(examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("ingest", str(examples))
    assert result.exit_code == 0, result.stderr
    assert "articles read  8" in result.stdout and "new            8" in result.stdout
    assert (tmp_path / "kizuna.db").exists()  # the default database in the working directory
    documents = json.loads(run("documents").stdout)
    assert len(documents) == 8 and {"doc_id", "title", "published", "date_source", "facts"} <= set(documents[0])
    hits = json.loads(run("search", "Quảng", "Ninh").stdout)
    assert [hit["doc_id"] for hit in hits] == ["005_example_page.html"]
    assert json.loads(run("search", "quang", "ninh").stdout) == hits
    assert "005_exampl" in run("search", "Shizuoka", "--table").stdout
    assert len(run("documents", "--nl").stdout.splitlines()) == 8
    summary = json.loads(run("summary").stdout)
    assert summary["documents"] == 8
    lines = run("export").stdout.splitlines()
    assert len(lines) == summary["facts"]
    for line in lines:
        record = json.loads(line)
        assert "fact_id" not in record and "published" not in record
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert len(rows) == summary["facts"]


def test_ingest_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    result = run("ingest", "-", "--db", db, "--json", stdin=GOOD)
    assert result.exit_code == 0 and json.loads(result.stdout)["new"] == 1
    assert json.loads(run("documents", "--db", db).stdout)[0]["doc_id"] == "stdin"


BAD_INPUTS = {
    "empty file": ("empty.txt", b"", "empty"),
    "binary file named .txt": ("binary.txt", bytes(range(256)) * 20, "binary"),
    "invalid UTF-8": ("broken.txt", ("Đà Nẵng hosts Gunma firms. " * 20).encode()[:-3] + b"\xc3\x28 tail", "invalid UTF-8"),
    "malformed HTML": ("broken.html", b"<html><body><div><p>Tokyo <<<</div></p>>>", "HTML"),
    "JSON Lines line not JSON": ("feed.jsonl", b'{"id": "j1", "text": "Japan and Vietnam."}\n{oops\n', "feed.jsonl:2"),
    "JSON Lines line without text": ("feed.jsonl", b'{"id": "j1", "text": "Japan and Vietnam."}\n{"id": "j2"}\n', "feed.jsonl:2"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_named_on_stderr_and_the_batch_goes_on(case: str, tmp_path: Path) -> None:
    name, data, reason = BAD_INPUTS[case]
    db = tmp_path / "k.db"
    (tmp_path / "earlier.txt").write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(tmp_path / "earlier.txt"), "--db", str(db)).exit_code == 0
    before = dump(db)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / name).write_bytes(data)
    (inputs / "later.txt").write_text(OTHER, encoding="utf-8")
    result = run("ingest", str(inputs / name), str(inputs / "later.txt"), "--db", str(db), "--json")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, errors
    assert name in errors[0] and reason in errors[0]
    summary = json.loads(result.stdout)
    assert summary["failed"] == 1 and summary["failures"][0]["reason"]
    assert set(before) <= set(dump(db))  # nothing already stored changed
    stored = [d["doc_id"] for d in json.loads(run("documents", "--db", str(db)).stdout)]
    assert "earlier.txt" in stored and "later.txt" in stored


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(OTHER * 50, encoding="utf-8")
    result = run("ingest", str(big), "--db", str(tmp_path / "k.db"), "--max-bytes", "1000")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "big.txt" in line and "over the 1,000-byte limit" in line
    assert "failed         1" in result.stdout


def test_missing_path_fails_but_others_are_stored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run("ingest", str(tmp_path / "missing.txt"), str(tmp_path / "a.txt"), "--db", str(tmp_path / "k.db"))
    assert result.exit_code == 1 and "missing.txt: no such file" in result.stderr
    assert "new            1" in result.stdout


def test_a_bad_bundled_vocabulary_is_a_clean_error_and_stored_documents_stay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kizuna.extract import agreements
    from kizuna.extract.sectors import VOCAB_DIR

    db = tmp_path / "k.db"
    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(first), "--db", str(db)).exit_code == 0
    before = dump(db)

    bad_dir = tmp_path / "vocab"
    bad_dir.mkdir()
    bad = (VOCAB_DIR / "agreement_cues.csv").read_text(encoding="utf-8") + "(unclosed,kind,mou\n"
    (bad_dir / "agreement_cues.csv").write_text(bad, encoding="utf-8")
    real_cues = agreements.cues
    monkeypatch.setattr(agreements, "cues", lambda vocab_dir=bad_dir: real_cues(vocab_dir))  # the real loader, a bad file
    second = tmp_path / "second.txt"
    second.write_text("Quang Ninh and Shizuoka signed a memorandum of understanding on tourism on May 4.",
                      encoding="utf-8")

    for args in (["extract", str(second)], ["ingest", str(second), "--db", str(db)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert "agreement_cues.csv" in result.output and "bad pattern" in result.output
        assert "Traceback" not in result.output
    assert dump(db) == before
