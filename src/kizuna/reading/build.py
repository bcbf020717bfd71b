"""Building a ``Document`` from text that has been read: date, furniture and (for plain text) title."""
from __future__ import annotations

import re
from datetime import datetime

from ..document import Document
from .dates import find_publication_date
from .furniture import furniture_spans

_TITLE_MAX = 200
_NOT_A_TITLE_END = (".", ",", ";", ":", "-", "—", "–", "|")


def make_document(doc_id: str, text: str, *, origin: str = "", title: str | None = None, url: str | None = None,
                  source: str | None = None, published: str | None = None, now: datetime | None = None,
                  guess_title: bool = False) -> Document:
    """A Document with its publication date found and its page furniture marked.

    ``guess_title`` takes the first short headline-like line as the title when none is
    given (plain-text files carry no metadata).
    """
    found = find_publication_date(text, published, now)
    furniture = set(furniture_spans(text, title))
    if found.stamp:
        furniture.add(found.stamp)
    if title is None and guess_title:
        title = headline(text, sorted(furniture))
    return Document(doc_id=doc_id, text=text, origin=origin or doc_id, title=title, url=url, source=source,
                    published=found.published, date_source=found.source, furniture=tuple(sorted(furniture)))


def headline(text: str, furniture: list[tuple[int, int]]) -> str | None:
    """The first non-furniture line if it reads like a headline: short, no closing full stop."""
    for match in re.finditer(r"[^\n]+", text[:2000]):
        line = match.group().strip()
        if not line:
            continue
        start = match.start() + match.group().index(line[0])
        end = start + len(line)
        if any(s <= start and end <= e for s, e in furniture):
            continue
        if len(line) > _TITLE_MAX or len(line.split()) < 3 or line.endswith(_NOT_A_TITLE_END):
            return None
        if re.search(r"[.!?][\"”’]?\s+[A-Z]", line):
            return None  # two sentences: a paragraph, not a headline
        return line
    return None
