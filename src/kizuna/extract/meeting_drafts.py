"""A meeting being assembled from its mentions, and merging the mentions of one meeting.

A headline, a caption, the body, "for his part" and "the two governors signed …" may all tell the
same meeting: a new mention folds into an earlier draft when it names the same people or sides,
or (an event) the same event noun or "the ceremony", unless a date or a party conflicts.
``worth`` says whether a draft names enough participants to be a meeting at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import EntityRef
from ..text import Span, fold
from .people import Person

_DEFINITE_BEFORE = re.compile(r"\bthe\b[^.,;]{0,40}$", re.IGNORECASE)  # "the ceremony": the event told before


@dataclass
class Draft:
    """A meeting being assembled from its mentions (mutable while the article is read)."""

    kind: str
    sentence: Span
    date: str | None
    location: EntityRef | None
    people: dict[str, tuple[Person, str]] = field(default_factory=dict)   # name → (person, role)
    entities: dict[str, tuple[EntityRef, str]] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)
    cue: str = ""   # the cue type of the first mention ("sign", "mutual", …)
    noun: str = ""  # the event noun ("seminar") of an event mention
    index: int = 0  # sentence number of the first mention
    implicit: set[str] = field(default_factory=set)  # people the sentence leaves unsaid ("Working with X, …")
    from_dateline: bool = False  # the place is the dateline's, not stated: a place a later mention states wins

    def add(self, person: Person, role: str) -> None:
        current = self.people.get(person.name)
        if current is None or current[1] in ("participant", "speaker") and role in ("host", "guest"):
            self.people[person.name] = (person, role)

    def affiliations(self) -> set[str]:
        keys = {fold(p.org.name) for p, _ in self.people.values() if p.org is not None}
        return keys | {fold(e.name) for e, _ in self.entities.values()}


def merge(drafts: list[Draft], new: Draft, back: bool, new_allowed: bool = True) -> None:
    """Fold a mention into the meeting it repeats, or start a new meeting (when ``new_allowed``)."""
    names = set(new.people) - new.implicit
    for old in reversed(drafts):
        if new.date and old.date and new.date[:10] != old.date[:10] or _conflict(old, new):
            continue
        if back:
            fold_into(old, new)
            return
        if new.kind == "event" and old.kind == "event" and _same_event(old, new):
            fold_into(old, new)
            return
        known = set(old.people)
        same_people = bool(names & known) and (names <= known or known <= names)
        same_sides = not names and new.entities and set(map(fold, new.entities)) <= old.affiliations()
        sides = set(map(fold, old.entities))
        near = new.index - old.index <= (3 if old.cue == "sign" else 2)
        joins = not known and (sides <= new.affiliations() or old.cue == "sign" and near and
                               bool(sides & new.affiliations()) if old.entities else near)
        if same_people or same_sides or joins:
            fold_into(old, new)
            return
    if new_allowed:
        drafts.append(new)


def _conflict(old: Draft, new: Draft) -> bool:
    """The two mentions name different parties on one side (another company, another official)."""
    def matches(person: Person, ref: EntityRef) -> bool:
        return person.org is not None and fold(person.org.name) == fold(ref.name)

    for ref, role in old.entities.values():
        if any(r == role and n not in old.people and not matches(p, ref) for n, (p, r) in new.people.items()):
            return True
    for ref, role in new.entities.values():
        if any(r == role and not matches(p, ref) for p, r in old.people.values()):
            return True
        if any(r == role and fold(ref.name) != fold(e.name) for e, r in old.entities.values()):
            return True
        visited = old.location if old.kind == "visit" and "host" not in {r for _, r in old.people.values()} else None
        if role == "host" and visited is not None and fold(visited.name) != fold(ref.name):
            return True  # a visit to Chiba is hosted by Chiba, not by the company met later
    return False


def _same_event(old: Draft, new: Draft) -> bool:
    """A later "the event" / "the ceremony" names the event told before."""
    definite = _DEFINITE_BEFORE.search(new.sentence.text[:_noun_at(new)])
    return bool(old.noun) and (old.noun == new.noun or bool(definite)) and \
        (old.location is None or new.location is None or old.location == new.location)


def _noun_at(draft: Draft) -> int:
    at = fold(draft.sentence.text).find(draft.noun) if draft.noun else -1
    return at if at >= 0 else 0


def fold_into(old: Draft, new: Draft) -> None:
    for person, role in new.people.values():
        old.add(person, role)
    for key, value in new.entities.items():
        if fold(key) not in old.affiliations():
            old.entities[key] = value
    old.date = old.date or new.date
    old.noun = old.noun or new.noun  # "signed …" then "The signing ceremony …": later "the ceremony" is this one
    if new.location is not None and (old.location is None or old.from_dateline and not new.from_dateline):
        old.location, old.from_dateline = new.location, new.from_dateline
    old.sentences.append(new.sentence)
    if old.kind == "talks" and new.kind == "reception":
        old.kind = "reception"  # "at their meeting" (caption), then "received" (body)


def worth(draft: Draft) -> bool:
    """Enough named participants to be a meeting rather than a passing word."""
    if draft.cue == "sign":  # the sides alone make an agreement, not yet a meeting: someone must be there
        return bool(draft.people) and len(draft.people) + len(draft.entities) >= 2
    if draft.kind == "event":
        return bool(draft.people) or bool(draft.entities)
    return len(draft.people) + len(draft.entities) >= 2 or bool(draft.people) and draft.kind == "visit" \
        and draft.location is not None
