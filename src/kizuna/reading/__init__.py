"""Reading articles from files, directories and standard input.

``read_paths`` yields a ``Document`` for every article it can read and an ``InputError``
(naming the file, and line for JSON Lines, and the reason) for every one it cannot; a
bad file never stops the batch.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .dates import find_publication_date
from .furniture import furniture_spans

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
               now: datetime | None = None) -> Iterator[Document | InputError]:
    """Every article under ``paths`` (files, directories read recursively, ``-`` for stdin)."""
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from _read_bytes("<stdin>", "stdin", data, _sniff_kind(data), max_bytes, now)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(str(path), "directory holds no .txt, .html or .jsonl files")
            for file in files:
                yield from read_file(file, max_bytes, now)
        elif path.exists():
            yield from read_file(path, max_bytes, now)
        else:
            yield InputError(str(path), "no such file or directory")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              now: datetime | None = None) -> Iterator[Document | InputError]:
    """The articles in one file, or the reason it cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")
        return
    suffix = path.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "jsonl" if suffix in JSONL_SUFFIXES else "text"
    yield from _read_bytes(str(path), path.name, data, kind, max_bytes, now)


def _sniff_kind(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_bytes(origin: str, name: str, data: bytes, kind: str, max_bytes: int,
                now: datetime | None) -> Iterator[Document | InputError]:
    from .encoding import decode  # local import keeps start-up light
    if len(data) > max_bytes:
        yield InputError(origin, f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
        return
    if not data.strip():
        yield InputError(origin, "file is empty")
        return
    try:
        text = decode(data)
    except InputError as error:
        yield InputError(origin, error.reason)
        return
    if kind == "jsonl":
        yield from _read_jsonl(origin, name, text, now)
    elif kind == "html":
        from .html import read_html
        try:
            yield read_html(origin, name, text, now)
        except InputError as error:
            yield InputError(origin, error.reason)
    else:
        yield make_document(name, text, origin=origin, now=now)


def _read_jsonl(origin: str, name: str, text: str, now: datetime | None) -> Iterator[Document | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"not valid JSON ({error.msg})")
            continue
        if not isinstance(item, dict):
            yield InputError(where, "a JSON Lines article must be an object")
            continue
        body = item.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "no 'text' field (or it is empty)")
            continue
        doc_id = str(item["id"]) if item.get("id") not in (None, "") else f"{name}:{number}"
        yield make_document(doc_id, body, origin=where, title=_str(item.get("title")), url=_str(item.get("url")),
                            source=_str(item.get("source")), published=_str(item.get("published")), now=now)


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def make_document(doc_id: str, text: str, *, origin: str = "", title: str | None = None, url: str | None = None,
                  source: str | None = None, published: str | None = None, now: datetime | None = None) -> Document:
    """A Document with its publication date found and its page furniture marked."""
    found = find_publication_date(text, published, now)
    furniture = furniture_spans(text, title)
    if found.stamp:
        furniture = tuple(sorted(set(furniture) | {found.stamp}))
    return Document(doc_id=doc_id, text=text, origin=origin or doc_id, title=title, url=url, source=source,
                    published=found.published, date_source=found.source, furniture=furniture)
