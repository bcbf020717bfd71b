"""Reading articles from files, directories and standard input.

``read_paths`` yields a ``Document`` for every article it can read and an ``InputError``
(naming the file, and line for JSON Lines, and the reason) for every one it cannot; a
bad file never stops the batch. ``list_sources`` + ``read_source`` do the same in two
steps, so a caller can show progress file by file.

What offsets index: a text file's decoded content; a JSON Lines article's ``text`` field;
an HTML page's extracted main text.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..document import Document
from ..errors import InputError
from ..settings import setting
from .build import make_document
from .encoding import decode

DEFAULT_MAX_BYTES: int = setting("max_bytes").default
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"

__all__ = ["DEFAULT_MAX_BYTES", "Source", "list_sources", "make_document", "read_file", "read_paths", "read_source"]


@dataclass(frozen=True)
class Source:
    """One input to read: a file, or standard input (``path is None``)."""

    path: Path | None

    @property
    def label(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)


def list_sources(paths: Iterable[str]) -> list[Source | InputError]:
    """The files named by ``paths``: files as given, directories read recursively, ``-`` for stdin."""
    found: list[Source | InputError] = []
    for raw in paths:
        if raw == STDIN:
            found.append(Source(None))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                found.append(InputError(str(path), "directory holds no .txt, .html or .jsonl files"))
            found.extend(Source(file) for file in files)
        elif path.is_file():
            found.append(Source(path))
        elif path.exists():
            found.append(InputError(str(path), "not a regular file"))
        else:
            found.append(InputError(str(path), "no such file or directory"))
    return found


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
               now: datetime | None = None) -> Iterator[Document | InputError]:
    """Every article under ``paths`` (files, directories read recursively, ``-`` for stdin)."""
    for source in list_sources(paths):
        if isinstance(source, InputError):
            yield source
        else:
            yield from read_source(source, max_bytes, now)


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES,
                now: datetime | None = None) -> Iterator[Document | InputError]:
    """The articles in one source, or the reasons they cannot be read."""
    if source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
        yield from _read_bytes(source.label, "stdin", data, _sniff_kind(data), max_bytes, now)
    else:
        yield from read_file(source.path, max_bytes, now)


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
    """What standard input holds, judged from its first bytes."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_bytes(origin: str, name: str, data: bytes, kind: str, max_bytes: int,
                now: datetime | None) -> Iterator[Document | InputError]:
    if len(data) > max_bytes:
        yield InputError(origin, f"input is over the {max_bytes:,}-byte limit")
        return
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        yield InputError(origin, "file is empty")
        return
    if kind == "jsonl":
        from .jsonl import read_jsonl
        yield from read_jsonl(origin, name, data, now)
        return
    try:
        text = decode(data)
    except InputError as error:
        yield InputError(origin, error.reason)
        return
    if not text.strip():
        yield InputError(origin, "file holds only white space")
    elif kind == "html":
        from .html import read_html  # trafilatura is imported only when a page is read
        try:
            yield read_html(origin, name, text, now)
        except InputError as error:
            yield InputError(origin, error.reason)
    else:
        yield make_document(name, text, origin=origin, now=now, guess_title=True)
