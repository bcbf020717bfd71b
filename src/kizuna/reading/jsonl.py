"""JSON Lines: one article per line, ``text`` required; ``id``, ``url``, ``title``, ``published``, ``source`` optional.

Each line is decoded and parsed on its own, so one bad line (not UTF-8, not JSON, no
``text``) is reported with its line number and the other lines are still read.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from datetime import datetime

from ..document import Document
from ..errors import InputError
from .build import make_document


def read_jsonl(origin: str, name: str, data: bytes, now: datetime | None = None) -> Iterator[Document | InputError]:
    """The articles of a JSON Lines file; a document's ``doc_id`` is its ``id``, else ``name:line``."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield InputError(origin, "JSON Lines must be UTF-8 (found a UTF-16 byte-order mark)")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield InputError(where, f"invalid UTF-8 at byte {error.start} of the line")
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        if not isinstance(item, dict):
            yield InputError(where, f"a JSON Lines article must be an object, not {type(item).__name__}")
            continue
        body = item.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "no 'text' field (or it is empty or not a string)")
            continue
        doc_id = _text(item.get("id")) or f"{name}:{number}"
        yield make_document(doc_id, body, origin=where, title=_text(item.get("title")), url=_text(item.get("url")),
                            source=_text(item.get("source")), published=_text(item.get("published")), now=now)


def _text(value: object) -> str | None:
    """A metadata value as a string, or None when absent or empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None
