"""The one explicit list of extractors, and the function that runs them all."""
from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from ..gazetteer import Gazetteer
from ..records import Record
from . import Article, agreements, analyse, investments, meetings, roles, sector_interests, statistics, successions

Extractor = Callable[[Article], list[Record]]

EXTRACTORS: tuple[Extractor, ...] = (
    statistics.extract,
    roles.extract,
    meetings.extract,
    agreements.extract,
    investments.extract,
    sector_interests.extract,
    successions.extract,
)


def extract_document(document: Document, gazetteer: Gazetteer) -> list[Record]:
    """Every record all extractors find in one document, in text order."""
    article = analyse(document, gazetteer)
    records: list[Record] = []
    for extractor in EXTRACTORS:
        records.extend(extractor(article))
    records.sort(key=lambda r: (r.evidence.start, r.type))
    return records
