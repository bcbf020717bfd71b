"""Extraction: pure functions from an analysed article to fact records.

``analyse`` builds the per-article context once (sentences outside page furniture,
gazetteer mentions); each extractor in ``registry.EXTRACTORS`` reads it and returns
records. No extractor does I/O or keeps state between articles.

What several extractors derive from the same article (the folded text, a sentence's tokens,
the people of the article, its meetings) is computed once and kept on the article's
``memo``: see ``Article.tokens`` and the ``per_article`` decorator.
"""
from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from ..document import Document
from ..gazetteer import Gazetteer, Mention
from ..text import Span, fold, sentences
from .tokens import Token, tokenize

T = TypeVar("T")
_MISSING = object()


class ArticleMemo:
    """Values derived from one article, computed on first use and shared by every extractor.

    The values are read-only by convention: whoever asks gets the same object.
    """

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: dict[Hashable, Any] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value stored under ``key``, computed by ``compute()`` the first time."""
        value = self.values.get(key, _MISSING)  # not try/except: raising KeyError on every first use costs
        if value is _MISSING:
            value = self.values[key] = compute()
        return value


@dataclass(frozen=True)
class Article:
    """A document prepared for the extractors."""

    document: Document
    gazetteer: Gazetteer
    sentences: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    memo: ArticleMemo = field(default_factory=ArticleMemo, init=False, compare=False, repr=False)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def published(self) -> date | None:
        return self.document.published

    @property
    def folded(self) -> str:
        """``fold(text)``, computed once: ``folded[a:b] == fold(text[a:b])`` for any span."""
        values = self.memo.values  # read often: no ``memo.get`` and its closure
        found = values.get("folded")
        if found is None:
            found = values["folded"] = fold(self.document.text)
        return found

    def tokens(self, start: int, end: int) -> tuple[Token, ...]:
        """``tokenize(text, start, end)``, computed once per span."""
        values = self.memo.values
        key = ("tokens", start, end)
        found = values.get(key)
        if found is None:
            found = values[key] = tokenize(self.document.text, start, end, folded=self.folded)
        return found

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``, in article order."""
        starts = self.memo.get("mention_starts", self._mention_starts)
        if starts is None:  # mentions not in text order: scan them all
            return [m for m in self.mentions if m.start >= start and m.end <= end]
        # a mention inside the stretch starts in [start, end]; the slice keeps article order
        return [m for m in self.mentions[bisect_left(starts, start):bisect_right(starts, end)] if m.end <= end]

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding the character at ``offset``, or None (between sentences)."""
        starts = self.memo.get("sentence_starts", lambda: [s.start for s in self.sentences])
        index = bisect_right(starts, offset) - 1
        return index if index >= 0 and offset < self.sentences[index].end else None

    def _mention_starts(self) -> tuple[int, ...] | None:
        starts = tuple(m.start for m in self.mentions)
        return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None


def per_article(function: Callable[[Article], T]) -> Callable[[Article], T]:
    """Run a pure function of an article once per article; later calls share its result."""

    @functools.wraps(function)
    def shared(article: Article) -> T:  # keyed by ``function``: compiled (mypyc), ``shared`` cannot name itself
        return article.memo.get(function, lambda: function(article))

    return shared


def analyse(document: Document, gazetteer: Gazetteer) -> Article:
    """Split the document's usable text into sentences and find gazetteer mentions."""
    spans: list[Span] = []
    cursor = 0
    for start, end in sorted(document.furniture) + [(len(document.text), len(document.text))]:
        if start > cursor:
            spans.extend(sentences(document.text, cursor, start))
        cursor = max(cursor, end)
    folded = fold(document.text)  # once for the article: matching and every extractor slice it
    mentions: list[Mention] = []
    for span in spans:
        mentions.extend(gazetteer.find(document.text, span.start, span.end, folded))
    article = Article(document, gazetteer, tuple(spans), tuple(mentions))
    article.memo.values["folded"] = folded
    return article
