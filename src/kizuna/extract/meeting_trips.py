"""Trips: who travels where, told once and carried to the meetings of the trip.

"Chairman X arrived in Tokyo on Monday for a four-day visit to Japan", "Governor Y led a delegation
of 50 businesses to Ho Chi Minh City", "A delegation led by Z is on a working trip to Japan", "X
visited Hue": the traveller and the destination are stated once. The meetings told after it ("During
the trip, he met …", "The delegation had a working session with …", "There, she held talks with …")
leave both unsaid: the traveller is the subject a pronoun or "the delegation" stands for, and a
meeting of the traveller with no place of its own takes place at the destination (a locality; a
country is no meeting place). A new trip replaces the one before.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..records import EntityRef
from ..text import Span
from . import Article
from .affiliations import sentence_places
from .meeting_drafts import Draft
from .meeting_places import is_location
from .people import Person, PersonMention

# the subject a trip's meeting leaves unsaid, right before the meeting cue: "he met", "the delegation had …"
_UNSAID_SUBJECT = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:visiting|[A-Z][\w-]*)\s+)?delegation|"
    r"[Tt]he\s+(?:visitors?|guests?))"
    r"\s+(?:(?:also|then|later|separately|subsequently|first|next)\s+)?$")
_WORDS = ("he ", "she ", "they ", "delegation ", "visitor", "guest")  # one of them, or no unsaid subject
_LOOK_BACK = 80


@dataclass(frozen=True)
class Trip:
    """A traveller's trip: who, and the locality they went to (None when only a country is said)."""

    travellers: tuple[Person, ...]
    destination: EntityRef | None
    date: str | None = None  # the day (or month) the trip began or the visit took place
    stay: bool = True  # an arrival starts a stay; a visit to one place ("visited Chiba on June 16") is a day's stop


def trip_told(article: Article, span: Span, cue_start: int, here: list[tuple[Person, PersonMention]],
              leader: int | None, date: str | None) -> Trip | None:
    """The trip a sentence tells with a trip cue at ``[cue_start, cue_end)``: its traveller (named before the
    cue, or the delegation's leader) and the first locality it goes to, or None when nobody is named."""
    travellers = tuple(p for p, m in here if not m.anaphor and (m.start < cue_start or m.start == leader))
    if not travellers:
        return None
    for place in sentence_places(article, cue_start, span.end):
        if is_location(article, place.start):
            return Trip(travellers, place.ref, date)
    return Trip(travellers, None, date)


def unsaid_subject(article: Article, span: Span, cue_start: int) -> bool:
    """The meeting cue at ``cue_start`` follows a pronoun or "the delegation" as its subject ("During the
    trip, he met …", "On November 17, the delegation met with …")."""
    before = article.text[max(span.start, cue_start - _LOOK_BACK):cue_start]
    lowered = before.lower()
    if not any(word in lowered for word in _WORDS):
        return False
    return _UNSAID_SUBJECT.search(before) is not None


def carried_place(trip: Trip | None, people: Iterable[str], date: str | None) -> EntityRef | None:
    """Where a meeting of ``people`` on ``date`` takes place when its sentence says nowhere: the trip's
    destination, when a traveller takes part and the meeting falls in the stay (a day's visit: that day)."""
    if trip is None or trip.destination is None or not any(t.name in people for t in trip.travellers):
        return None
    if date is None or trip.date is None or date[:len(trip.date)] == trip.date[:len(date)]:
        return trip.destination
    return trip.destination if trip.stay and date > trip.date else None


def traveller_of(trip: Trip | None) -> Person | None:
    """The one a pronoun of the trip's meetings stands for: its first traveller."""
    return trip.travellers[0] if trip is not None else None


def traveller_speaks(draft: Draft, trip: Trip, cue: str) -> None:
    """The trip's traveller is the unsaid subject ("he met", "the delegation had a working session with"): the
    guest of talks and visits, whoever they meet hosts; the host of whoever "he received"."""
    traveller = traveller_of(trip)
    if traveller is None or traveller.name in draft.people:
        return
    if cue == "host_verb":
        draft.add(traveller, "host")
    else:
        for name, (person, role) in list(draft.people.items()):
            if role == "guest":
                draft.people[name] = (person, "host")
        draft.add(traveller, "guest")
    draft.implicit.add(traveller.name)
