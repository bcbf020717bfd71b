"""Extractor: ``role`` records — each person's office as the article states it.

One role per person per article: the title of the person's fullest titled mention, its
organisation (ministry, locality, company) and country. ``as_of`` is the date of the meeting
the person takes part in when the article gives it, else the publication date, else null.
"""
from __future__ import annotations

from ..records import Evidence, Record, Role
from . import Article
from .meetings import article_meetings
from .people import Person, cast

EXTRACTOR = "roles"


def extract(article: Article) -> list[Record]:
    """Role records of the titled people of the article."""
    people = cast(article)
    meetings = article_meetings(article)
    published = article.published.isoformat() if article.published else None
    records: list[Record] = []
    for person in people.people:
        if not person.title:
            continue
        as_of = next((m.date for m in meetings if m.date and any(p.name == person.name for p in m.people)),
                     published)
        span = article.sentences[person.sentence]
        records.append(Role(
            doc=article.doc_id,
            evidence=Evidence(span.start, span.end, span.text),
            confidence=_confidence(person),
            extractor=EXTRACTOR,
            person=person.name,
            title=person.title,
            org=person.org,
            country=person.country,
            as_of=as_of,
        ))
    return records


def _confidence(person: Person) -> float:
    score = 0.75
    if len(person.name.split()) >= 2:
        score += 0.1
    if person.org is not None:
        score += 0.1
    return min(score, 0.95)
