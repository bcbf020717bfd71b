"""The document model: an article's text as read, with its metadata."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

DATE_SOURCES = ("metadata", "byline", "dateline", "inferred", "unknown")


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is what evidence offsets index.

    ``doc_id`` is the contract's ``doc``: the file name, or the JSON Lines ``id``.
    ``furniture`` lists ``(start, end)`` spans of page furniture (skip links, captions,
    image descriptions) that extraction must not use; offsets still index ``text``.
    """

    doc_id: str
    text: str
    origin: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    date_source: str = "unknown"
    furniture: tuple[tuple[int, int], ...] = field(default=())

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def normalise_for_hash(text: str) -> str:
    """NFC, no BOM, single spaces, lower case: two copies of one article hash alike."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()
