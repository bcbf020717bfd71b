"""JSON Lines: one article per line; every bad line is named with its number and reason."""
from __future__ import annotations

import json
from datetime import date

from kizuna.document import Document
from kizuna.errors import InputError
from kizuna.reading.jsonl import read_jsonl


def lines(*items: object) -> bytes:
    return "\n".join(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items).encode()


def test_ids_metadata_and_fallback_doc_names() -> None:
    data = lines({"id": "h001", "text": "Bắc Ninh met Kanagawa.", "title": "T", "url": "u", "published": "2023-07-10",
                  "source": "VNA"}, "", {"text": "No id here."})
    first, second = read_jsonl("feed.jsonl", "feed.jsonl", data)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.title, first.url, first.source) == ("h001", "T", "u", "VNA")
    assert (first.published, first.date_source, first.origin) == (date(2023, 7, 10), "metadata", "feed.jsonl:1")
    assert first.text == "Bắc Ninh met Kanagawa."
    assert second.doc_id == "feed.jsonl:3"


def test_bad_lines_are_reported_and_the_rest_is_read() -> None:
    data = lines({"id": "a", "text": "Good one."}, "{not json", {"id": "b"}, {"id": "c", "text": "  "}, "[1, 2]",
                 {"id": "d", "text": 5}) + b"\n" + b'{"id": "e", "text": "caf\xe9"}' + b"\n" + lines({"id": "f", "text": "Good too."})
    items = list(read_jsonl("f.jsonl", "f.jsonl", data))
    errors = [item for item in items if isinstance(item, InputError)]
    assert [item.doc_id for item in items if isinstance(item, Document)] == ["a", "f"]
    assert [error.source for error in errors] == ["f.jsonl:2", "f.jsonl:3", "f.jsonl:4", "f.jsonl:5", "f.jsonl:6", "f.jsonl:7"]
    assert "not valid JSON" in errors[0].reason
    assert "no 'text'" in errors[1].reason
    assert "object" in errors[3].reason
    assert "UTF-8" in errors[5].reason


def test_bom_is_skipped() -> None:
    (document,) = read_jsonl("f", "f", b"\xef\xbb\xbf" + lines({"id": "x", "text": "Body."}))
    assert isinstance(document, Document) and document.doc_id == "x"
