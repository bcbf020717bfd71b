"""Reading paths: files, directories recursively, standard input; bad files named, batch goes on."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kizuna.document import Document
from kizuna.errors import InputError
from kizuna.reading import Source, list_sources, read_paths, read_source


def test_examples_directory_reads_every_kind(examples: Path) -> None:
    items = list(read_paths([str(examples)]))
    assert all(isinstance(item, Document) for item in items), items
    ids = [item.doc_id for item in items if isinstance(item, Document)]
    assert "000_c3504e878577d2a8.txt" in ids and "005_example_page.html" in ids
    assert {"example-feed-001", "006_example_feed.jsonl:2"} <= set(ids)
    assert len(ids) == 8


def test_directories_are_read_recursively_and_hidden_or_foreign_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Japan invests in Bac Ninh.", encoding="utf-8")
    (tmp_path / "top.TXT").write_text("Kanagawa meets Hanoi.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    assert sorted(item.doc_id for item in read_paths([str(tmp_path)])) == ["deep.txt", "top.TXT"]


def test_missing_and_empty_inputs_are_errors_not_crashes(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    items = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path / "blank.txt")]))
    assert all(isinstance(item, InputError) for item in items)
    assert [item.reason for item in items] == ["no such file or directory", "directory holds no .txt, .html or .jsonl files",
                                               "file is empty"]


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 300, encoding="utf-8")
    (error,) = read_paths([str(big)], max_bytes=1000)
    assert isinstance(error, InputError) and "over the 1,000-byte limit" in error.reason
    (document,) = read_paths([str(big)], max_bytes=2000)
    assert isinstance(document, Document)


@pytest.mark.parametrize(("data", "kind"), [
    ("Japan's Gunma prefecture sends 60 firms to Da Nang.".encode(), "text"),
    (b'{"id": "s1", "text": "From stdin."}\n', "jsonl"),
])
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (source,) = list_sources(["-"])
    (document,) = read_source(source)
    assert isinstance(source, Source) and source.label == "<stdin>"
    assert isinstance(document, Document)
    assert document.doc_id == ("stdin" if kind == "text" else "s1")


def test_text_offsets_index_the_decoded_file(tmp_path: Path) -> None:
    text = "Đà Nẵng – Gunma\r\n\r\nViệt Nam hosts 60 businesses."
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (document,) = read_paths([str(path)])
    assert isinstance(document, Document) and document.text == text
