"""Where a meeting takes place, and who hosts because of it.

A meeting's place is a locality after "in", "at", "to" or "visited" in the sentence that tells
the meeting, except places that belong to something else: inside a participant's title ("Governor
of Kanagawa Prefecture in Japan"), naming other people ("Kanagawa businesses", "Lam Dong-Japan"),
in a side remark ("X, who visited Bac Ninh last year, …") or where money goes ("invest in Hai
Phong"). A city the gazetteer does not know may close the clause ("signed it in Suwon.").

The place also says who hosts talks and signings: the side whose locality (or country) it is, and who
stays the guest of later talks (the visitor abroad); a city the gazetteer does not know gets its country
from the two sides.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..gazetteer import Entry
from ..records import EntityRef
from ..text import Span, fold
from . import Article
from .affiliations import sentence_places
from .context import focus, ref
from .meeting_drafts import Draft
from .names import name_vocab
from .people import Person

_SIDE_REMARK = re.compile(r"[,(;—–]\s*(?:who|which|whose)\b[^,;()—–]*$", re.IGNORECASE)
_ATTRIBUTIVE = re.compile(r"\s*[-–]\s*[A-Z]|\s+(?:companies|company|firms|businesses|enterprises|investors|"
                          r"delegations?|officials|leaders|people|authorities|products|government|side|partners|"
                          r"students|workers)\b")
_INVESTED_IN = re.compile(r"\b(?:invest(?:s|ed|ing)?|operations|expand(?:s|ed|ing)?|presence)"
                          r"\s+in\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
_UNKNOWN_PLACE = re.compile(r"\bin\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
                            r"(?=\s+(?:on|last|this|earlier|in)\b|\s*[,.;]|\s*$)")
_LOCATION_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|to|visited|visiting|visits)\s+(?:the\s+)?"
    r"(?:(?!of\s)[a-z-]+\s+|(?:Japanese|Vietnamese|Korean|Mekong\s+Delta|Central\s+Highlands)\s+){0,3}"
    r"(?:(?:province|prefecture|city)\s+of\s+)?$")

# a visit to a locality named by its kind: "on a working visit to the central city", "visiting the prefecture"
_VISIT_TO_ANAPHOR = re.compile(r"\b(?:visit|trip|tour)\s+to\s+the\s+(?:[a-z-]+\s+){0,2}?(?P<noun>city|province|"
                               r"prefecture|locality)\b", re.IGNORECASE)
_MANY_CITIES = 20  # a country with fewer cities in the gazetteer is hardly covered
Roles = dict[str, tuple[Person, str]]  # participant name → (person, role)


def in_side_remark(text: str) -> bool:
    """``text`` ends inside a relative clause: "Kuroiwa, who visited Bac Ninh"."""
    return bool(_SIDE_REMARK.search(text))


def is_location(article: Article, start: int) -> bool:
    """A place starting at ``start`` follows "in", "at", "to", "visited" (where something happens)."""
    return bool(_LOCATION_BEFORE.search(article.text, max(0, start - 60), start))


def meeting_location(article: Article, span: Span, titles: list[tuple[int, int]],
                     cue_starts: list[int]) -> EntityRef | None:
    """Where the meeting of sentence ``span`` is; ``titles`` are the participants' title phrases and
    ``cue_starts`` where the sentence's meeting cues begin."""
    remarks = any(article.folded.find(word, span.start, span.end) >= 0 for word in ("who", "which"))
    for place in sentence_places(article, span.start, span.end):
        if any(a <= place.start < b for a, b in titles) or _ATTRIBUTIVE.match(article.text, place.end, span.end) \
                or remarks and in_side_remark(article.text[span.start:place.start]):
            continue
        if is_location(article, place.start) and \
                not _INVESTED_IN.search(article.text, max(span.start, place.start - 40), place.start):
            return place.ref
    visited = _VISIT_TO_ANAPHOR.search(article.text, span.start, span.end)
    if visited is not None:  # "…, who is on a working visit to the central city": the article's city there
        country = "JP" if visited.group("noun").lower() == "prefecture" else "VN"
        kinds = ("prefecture",) if country == "JP" else ("province", "city")
        entry = focus(article).main(kinds, country=country)
        if entry is not None:
            return ref(entry)
    return _unknown_place(article, span, titles, cue_starts)


def _unknown_place(article: Article, span: Span, titles: list[tuple[int, int]],
                   cue_starts: list[int]) -> EntityRef | None:
    """A city the gazetteer does not know, closing a meeting clause: "signed the document in Suwon."."""
    not_name = name_vocab().not_name
    for match in _UNKNOWN_PLACE.finditer(article.text, span.start, span.end):
        start, name = match.start(1), match.group(1)
        if any(a <= start < b for a, b in titles) or article.mentions_in(start, match.end(1)) or \
                any(word in not_name for word in fold(name).lower().replace("-", " ").split()):
            continue
        if any(c < start for c in cue_starts):
            return EntityRef(name, "city", None)
    return None


def place_country(article: Article, where: EntityRef, people: Roles, dateline: Entry | None) -> EntityRef:
    """The country of a city the gazetteer does not know ("signed in Suwon"), from the two sides of the meeting:
    the dateline's country when it is one side's, else the one side's country whose cities the gazetteer
    hardly lists (its Japanese and Vietnamese cities are many: an unknown city is rather elsewhere)."""
    sides = {p.country for p, role in people.values() if role in ("host", "guest") and p.country}
    if len(sides) < 2 or article.gazetteer.lookup(where.name) is not None:
        return where
    if dateline is not None and dateline.country in sides:
        return replace(where, country=dateline.country)
    listed = article.memo.get("cities_per_country", lambda: Counter(
        e.country for e in article.gazetteer.entries.values() if e.kind == "city"))
    sparse = [code for code in sides if listed[code] < _MANY_CITIES]
    return replace(where, country=sparse[0]) if len(sparse) == 1 else where


def host_by_place(article: Article, where: EntityRef, cue: str, people: Roles) -> None:
    """Talks, signings and events: the side whose locality (or country) the meeting takes place in hosts;
    at an event, the officials of the place ("a conference … in Quang Ninh": its chairman) host it.
    ``people`` is updated in place."""
    entry = article.gazetteer.lookup(where.name, kind=where.kind, country=where.country)
    parent = article.gazetteer.get(entry.parent) if entry is not None and entry.parent else None
    around = {fold(where.name)} | ({fold(parent.name)} if parent is not None else set())
    if cue == "event":
        if any(p.org is not None and p.org.kind == "company" for p, _ in people.values()):
            return  # a company's event (a plant opening): the company hosts, officials speak
        for name, (person, role) in list(people.items()):
            if role == "speaker" and person.org is not None and fold(person.org.name) in around:
                people[name] = (person, "host")
        return
    sides = {name: (person, role) for name, (person, role) in people.items() if role in ("host", "guest")}
    local = {n for n, (p, _) in sides.items() if p.org is not None and fold(p.org.name) in around}
    if not local and where.country:
        local = {n for n, (p, _) in sides.items() if p.country == where.country}
    if local and len(local) < len(sides):
        for name, (person, _) in sides.items():
            people[name] = (person, "host" if name in local else "guest")


def visitor_stays_guest(trip: Draft, draft: Draft) -> None:
    """Talks during a trip the article opened with: the visitor is the guest, whoever they talk with hosts.

    The visitor is the guest of a visit, or whoever is abroad at the first meeting ("… met with Vietnamese
    Minister Hung in Tokyo"), as long as the talks are not told to be in another country.
    """
    if trip.kind == "visit":
        visitors = {name for name, (_, role) in trip.people.items() if role == "guest"}
    elif trip.location is not None and trip.location.country and \
            (draft.location is None or draft.location.country == trip.location.country):
        visitors = {name for name, (person, _) in trip.people.items()
                    if person.country and person.country != trip.location.country}
    else:
        return
    if not any(draft.people.get(name, (None, ""))[1] == "host" for name in visitors):
        return
    for name, (person, role) in list(draft.people.items()):
        if role in ("host", "guest"):
            draft.people[name] = (person, "guest" if name in visitors else "host")
    for key, (entity, role) in list(draft.entities.items()):
        if role == "guest":
            draft.entities[key] = (entity, "host")
