"""Extraction: pure functions from an analysed article to fact records.

``analyse`` builds the per-article context once (sentences outside page furniture,
gazetteer mentions); each extractor in ``registry.EXTRACTORS`` reads it and returns
records. No extractor does I/O or keeps state between articles.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..document import Document
from ..gazetteer import Gazetteer, Mention
from ..text import Span, sentences


@dataclass(frozen=True)
class Article:
    """A document prepared for the extractors."""

    document: Document
    gazetteer: Gazetteer
    sentences: tuple[Span, ...]
    mentions: tuple[Mention, ...]

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def published(self) -> date | None:
        return self.document.published

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]


def analyse(document: Document, gazetteer: Gazetteer) -> Article:
    """Split the document's usable text into sentences and find gazetteer mentions."""
    spans: list[Span] = []
    cursor = 0
    for start, end in sorted(document.furniture) + [(len(document.text), len(document.text))]:
        if start > cursor:
            spans.extend(sentences(document.text, cursor, start))
        cursor = max(cursor, end)
    mentions: list[Mention] = []
    for span in spans:
        mentions.extend(gazetteer.find(document.text, span.start, span.end))
    return Article(document, gazetteer, tuple(spans), tuple(mentions))
