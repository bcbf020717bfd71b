"""Extractor: ``meeting`` records — receptions, talks, visits, seminars and business events.

A sentence mentions a meeting when it holds a cue of ``vocab/meeting_cues.csv`` ("received",
"held talks with", "paid a working trip to", "seminar", "put into operation") and names at
least one participant. Who is host or guest follows from the cue: the subject of "received"
hosts, whoever a delegation is "led by" is a guest, the subject of "paid a visit to" is a
guest, people at an event speak, "was received by X" makes X the host, and the signatories of
"Governor X and Chairman Y signed …" are the two sides (``meeting_places`` says where the
meeting is and which side that makes the host). Mentions of one real meeting (headline,
caption, body, "for his part", "the two governors signed …" and later speakers) are merged
into one record; a past trip told in passing ("who visited Bac Ninh last year") is none. A trip told once
("arrived in Tokyo", "led a delegation to …") gives the meetings after it their unsaid traveller ("he met …")
and place (``meeting_trips``); "X called on Y" is a courtesy call unless Y is urged "to" do something.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .. import gazetteer
from ..records import EntityRef, Evidence, Meeting, Participant, Record
from ..text import Span, fold
from . import Article, per_article
from .affiliations import article_places, company_refs
from .context import resolve_anaphor
from .meeting_dates import is_future, may_be_future, when
from .meeting_drafts import Draft, merge, worth
from .meeting_places import host_by_place, in_side_remark, is_location, meeting_location, place_country, \
    visitor_stays_guest
from .meeting_trips import Trip, carried_place, traveller_of, traveller_speaks, trip_told, unsaid_subject
from .people import Cast, Person, PersonMention, cast
from .sectors import find_sectors
from .tokens import PhraseFinder, read_vocab

EXTRACTOR = "meetings"
CUES = {"host_verb", "guest_verb", "mutual", "visit_noun", "event", "urge", "led_by", "speech", "counterpart",
        "vague", "past", "back_ref", "sign", "pair", "planned", "trip"}
PRIMARY = ("host_verb", "guest_verb", "mutual", "visit_noun", "urge", "event", "sign")
_DATELINE = re.compile(r"[^()\n—–]{2,40}?\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:--|[—–-])\s")
_PRONOUN_AFTER = re.compile(r"\s+(?:him|her|them)\b")
_SIDE_KINDS = ("organisation", "company", "province", "prefecture", "city")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?$")
_HOLD = re.compile(r"\b(?:held|holds|organised|organized|hosted|co-organised|co-organized)\b")
_LEAD_SENTENCES = 4
# what has not happened yet: "an MoU, to be signed during Minh's visit to Sakai next year"
_NOT_YET = re.compile(r"\b(?:to\s+be\s+(?:signed|held|inked)|next\s+(?:year|month|week)|later\s+this\s+year|will|upcoming)\b",
                      re.IGNORECASE)
_TO_DO = re.compile(r",?[^.;,]{0,60}?\bto\s+(?![A-Z])[a-z]+")  # "called on X (, …,) to invest": an urging
_PLACE_ANAPHOR = re.compile(r"\bthe\s+(prefecture|province|city)\b(?!\s+of)")  # not "the city of Hue"
# what may stand between a meeting verb and the organisation or place it meets: "received a delegation from",
# "met with the", "welcomed leaders of" (not "welcomes investors from Gunma": Gunma is not met)
_OBJECT = re.compile(r"\s*(?:(?:the|a|an|its|their)\s+)?(?:(?:visiting|business|high-ranking|high-level|working|"
                     r"large|senior|top)\s+)*(?:(?:delegations?|leaders?|representatives?|officials?|executives?|"
                     r"members?|a\s+group)\s+(?:of|from)\s+(?:the\s+)?)?"
                     r"(?:(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*(?:['’]s)?\s+)?")  # "Japanese", "South Korea's"


class Cue(NamedTuple):
    """A meeting cue in a sentence (a named tuple: every sentence has some, and tuples are cheap)."""

    start: int
    end: int
    cue: str
    kind: str


_DEMONYM_SLOT = "<demonym>"


@dataclass(frozen=True)
class CueVocab:
    pattern: re.Pattern[str]
    by_key: dict[str, tuple[str, str]]
    finder: PhraseFinder  # ``pattern``'s matches, found in C


@lru_cache(maxsize=1)
def cue_vocab() -> CueVocab:
    """meeting_cues.csv compiled into one pattern that tolerates run-together words ("ledby"); a phrase
    with ``<demonym>`` stands for one phrase per country demonym of the gazetteer ("and his Thai counterpart")."""
    rows: list[dict[str, str]] = []
    for row in read_vocab("meeting_cues.csv", ("phrase", "cue", "kind"),
                          {"cue": CUES, "kind": {"", "reception", "talks", "visit", "event"}}):
        if _DEMONYM_SLOT in row["phrase"]:
            rows.extend({**row, "phrase": row["phrase"].replace(_DEMONYM_SLOT, demonym)}
                        for demonym in sorted(gazetteer.default().demonyms("country")))
        else:
            rows.append(row)
    phrases = sorted((r["phrase"].lower() for r in rows), key=len, reverse=True)
    by_first: dict[str, list[str]] = {}  # longest first within each first letter: one group can match
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(r"\s*".join(re.escape(w) for w in phrase[1:].split(" ")))
    groups = [re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in by_first.items()]
    pattern = re.compile(r"(?<![a-z])(?:" + "|".join(groups) + r")(?![a-z])")
    return CueVocab(pattern, {r["phrase"].lower().replace(" ", ""): (r["cue"], r["kind"]) for r in rows},
                    PhraseFinder(phrases, pattern, letters_only=True))


def find_cues(text: str, start: int, end: int, folded_text: str | None = None) -> list[Cue]:
    """Cues in ``text[start:end]`` (matched on folded text; offsets index ``text``).

    ``folded_text``, when given, is ``fold(text)`` computed once.
    """
    words = cue_vocab()
    if folded_text is None:
        folded_text, start, end, shift = fold(text[start:end]), 0, end - start, start
    else:
        shift = 0
    found = []
    for a, b in words.finder.find(folded_text, start, end):
        cue, kind = words.by_key["".join(folded_text[a:b].split())]
        found.append(Cue(shift + a, shift + b, cue, kind))
    return found


@dataclass(frozen=True)
class FoundMeeting:
    """A merged meeting, as roles.py and the record builder read it."""

    date: str | None
    people: tuple[Person, ...]
    record: Meeting


def extract(article: Article) -> list[Record]:
    """Meeting records of the article, one per real meeting."""
    return [m.record for m in article_meetings(article)]


@per_article
def article_meetings(article: Article) -> tuple[FoundMeeting, ...]:
    """The meetings of the article's cast (computed once per article; roles.py reads them too)."""
    return tuple(find_meetings(article, cast(article)))


def find_meetings(article: Article, people: Cast) -> list[FoundMeeting]:
    places = article_places(article)
    drafts: list[Draft] = []
    previous_date: str | None = None
    running_date: str | None = None
    last_day: str | None = None  # the last day any sentence states: "the same day" with no meeting before
    last_month: str | None = None  # the last month stated without its day
    trip: Trip | None = None  # the trip told last: its traveller and destination carry to its meetings
    for index, span in enumerate(article.sentences):
        cues = _main_clause(article.text, span, find_cues(article.text, span.start, span.end, article.folded))
        stated = when(span.text, article.published, previous_date or last_day or last_month)
        primary = [c for c in cues if c.cue in PRIMARY]
        if stated.value and len(stated.value) == 7 and stated.how != "same_day":
            last_month = stated.value  # "earlier this month … on the same day": that month, the day unknown
        if stated.value and len(stated.value) == 10 and stated.how != "same_day":
            last_day = stated.value
            # "signed an MoU on Monday. X and Y signed it in Suwon."; the lead's "Japan and Vietnam agreed Tuesday …"
            if stated.how == "explicit" or primary or index < _LEAD_SENTENCES and not drafts:
                running_date = stated.value
        here = people.at(span.start, span.end)
        trip = _trip(article, span, cues, here, stated.value) or trip
        if not primary:
            if drafts and stated.how in ("explicit", "relative") and any(c.cue == "back_ref" for c in cues):
                _complete(drafts[-1], _location(article, span, here, cues), stated.value)  # "The talks were on Monday."
            _attach(drafts, here, cues, index)
            continue
        draft = _mention(article, places, span, cues, primary, here, drafts, index < _LEAD_SENTENCES, trip)
        if draft is None:
            told_before = any(c.cue == "past" for c in cues)  # "the two sides signed an MoU last year"
            if drafts and any(c.cue == "pair" for c in cues) and not told_before \
                    and not _NOT_YET.search(span.text):  # "The two governors signed …", not "… to be signed next year"
                _complete(drafts[-1], _location(article, span, here, cues), stated.value)
            _attach(drafts, here, cues, index)
            continue
        past = any(c.cue in ("vague", "past") for c in cues)
        draft.date = stated.value if stated.how != "none" else (None if past else running_date)
        if draft.date and stated.how != "same_day":
            previous_date = draft.date
        draft.location = draft.location or carried_place(trip, draft.people, draft.date)  # "During the trip, he met"
        if draft.cue == "guest_verb" and draft.kind == "visit":  # "X paid a working visit to Hue": a trip too
            visitors = tuple(p for p, role in draft.people.values() if role == "guest")
            trip = Trip(visitors, draft.location, draft.date, stay=False) if visitors else trip
        if draft.location is None and index < _LEAD_SENTENCES and not drafts and places.focus.dateline:
            draft.location, draft.from_dateline = places.focus.dateline.ref(), True
        back = any(c.cue in ("back_ref", "pair") for c in cues) or bool(draft.implicit) and draft.cue == "host_verb"
        known = {name for d in drafts for name in d.people}
        merge(drafts, draft, back=back, new_allowed=not _background(article, draft, cues, known))
    for draft in drafts:
        _sides_of_signatories(draft)
        if draft.location is None and draft.kind == "reception":
            draft.location = _host_seat(draft)  # "Chairman of the Bac Ninh People's Committee received …": in Bac Ninh
        if draft.location is not None and draft.location.country is None:
            draft.location = place_country(article, draft.location, draft.people, places.focus.dateline)
        if draft.cue in ("mutual", "sign", "event") and draft.location is not None:
            host_by_place(article, draft.location, draft.cue, draft.people)
    return [_finish(article, d) for d in drafts if worth(d)]


def _sides_of_signatories(draft: Draft) -> None:
    """At a signing of two localities, the people who speak for each side host or visit as their side does."""
    sides = {fold(ref.name): role for ref, role in draft.entities.values() if role in ("host", "guest")}
    if draft.cue != "sign" or len(set(sides.values())) < 2:
        return
    for name, (person, role) in list(draft.people.items()):
        side = sides.get(fold(person.org.name)) if person.org is not None else None
        if side is not None and role in ("speaker", "participant"):
            draft.people[name] = (person, side)


def _background(article: Article, draft: Draft, cues: list[Cue], known: set[str]) -> bool:
    """A past trip told in passing, not a meeting of its own: the earlier visit of someone the article already
    has meet ("Kuroiwa first came to Bac Ninh in September last year"), or a lone visitor's trip of long ago."""
    if not any(c.cue == "past" for c in cues) or not draft.people:
        return False
    if set(draft.people) <= known:
        return True
    lone = len(draft.people) + len(draft.entities) < 2
    published = article.published
    return lone and published is not None and draft.date is not None and \
        (published.year - int(draft.date[:4])) * 12 + published.month - int(draft.date[5:7] or published.month) > 6


def _main_clause(text: str, span: Span, cues: list[Cue]) -> list[Cue]:
    """Cues of meetings that took place: not in relative clauses ("X, who visited Y last year, said …")
    and not told as future ("the consulate will organise a conference in Osaka")."""
    if not cues:
        return cues
    remarks = "who" in span.text or "which" in span.text
    future = may_be_future(span.text)
    if not remarks and not future:
        return cues
    return [c for c in cues if c.cue not in PRIMARY or not (remarks and in_side_remark(text[span.start:c.start]))
            and not (future and is_future(text, span.start, span.end, c.start, c.end))]


def _complete(draft: Draft, location: EntityRef | None, day: str | None) -> None:
    """Fill what a later sentence about the same meeting adds: where, and when."""
    if location is not None and (draft.location is None or draft.from_dateline):
        draft.location, draft.from_dateline = location, False
    draft.date = draft.date or day


def _mention(article: Article, places, span: Span, cues: list[Cue], primary: list[Cue],
             here: list[tuple[Person, PersonMention]], drafts: list[Draft], lead: bool,
             trip: Trip | None) -> Draft | None:
    """The meeting a sentence with a primary cue tells, with its parties and place, or None."""
    draft = _parties(article, places, span, cues, primary, here, drafts, lead, trip)
    if draft is not None:  # the place is looked for only once the sentence tells a meeting
        draft.location = _location(article, span, here, cues)
        if draft.cue == "mutual" and drafts:
            visitor_stays_guest(drafts[0], draft)
    return draft


def _host_seat(draft: Draft) -> EntityRef | None:
    """The province or city whose leader received the guests, when the text names no place."""
    return next((person.org for person, role in draft.people.values() if role == "host" and person.org is not None
                 and person.org.kind in ("province", "city", "prefecture")), None)


def _trip(article: Article, span: Span, cues: list[Cue], here: list[tuple[Person, PersonMention]],
          date: str | None) -> Trip | None:
    """The trip a sentence tells ("arrived in Tokyo", "led a delegation to …"), when it names its traveller."""
    told = next((c for c in cues if c.cue == "trip"), None)
    if told is None or not here:
        return None
    led = next((c for c in cues if c.cue == "led_by"), None)
    leader = next((m.start for _, m in here if led is not None and m.start > led.end), None)
    return trip_told(article, span, told.start, here, leader, date)


def _parties(article: Article, places, span: Span, cues: list[Cue], primary: list[Cue],
             here: list[tuple[Person, PersonMention]], drafts: list[Draft], lead: bool,
             trip: Trip | None) -> Draft | None:
    verbs = [c for c in primary if c.cue != "event"]
    events = [c for c in primary if c.cue == "event"]
    if events:  # "said at the forum Vietnam welcomes investors": the verb has nobody after it
        verbs = [c for c in verbs if any(m.start > c.end for _, m in here) or c.start - span.start <= 3]
    cue = verbs[0] if verbs else primary[0]
    if cue.cue == "urge" and _courtesy_call(article, span, cue, here):
        cue = cue._replace(cue="guest_verb", kind="visit")
    # a cue of no kind of its own ("X and his counterpart Y …") takes that of another cue ("witnessed the signing …"),
    # else two sides meeting are talks
    kind = cue.kind or next((c.kind for c in primary if c.kind), None) or ("talks" if cue.cue == "mutual" else "event")
    draft = Draft(kind, span, None, None, sentences=[span],
                  index=article.sentences.index(span), cue=cue.cue)
    if cue.cue == "sign":
        signed = _signing(article, places, span, cue, cues, here, draft)
        if signed is not None or not events:
            return signed
        cue = events[0]  # "X and Y signed an MoU at a ceremony in Bac Ninh": the ceremony, with nobody named yet
        draft.cue, draft.kind = cue.cue, cue.kind or "event"
    led = [c for c in cues if c.cue == "led_by"]
    passive = cue.cue == "host_verb" and _is_passive(article.text, span, cue)
    # "Working with X, …": the sentence opens with the cue, nobody named before it ("Ha held talks" is no opening)
    named_before = any(m.start < cue.start for _, m in here)
    unsaid = not named_before and cue.cue in ("mutual", "host_verb", "guest_verb") and \
        unsaid_subject(article, span, cue.start)  # "He met …", "the delegation had talks with …"
    opening = cue.start - span.start <= 3 and not named_before and not unsaid
    comma = article.text.find(",", cue.end, span.end) if opening else -1
    leader = next((m.start for _, m in here if led and m.start > led[0].end), None)
    for person, mention in here:
        if mention.start == leader:
            draft.add(person, "guest")
            continue
        if mention.visiting:
            draft.add(person, "guest")
            continue
        if cue.cue == "event":
            draft.add(person, "speaker")
            continue
        subject = mention.start > comma if opening and comma > 0 else mention.start < cue.start
        subject = subject != passive  # "He was received by X": X is the one who receives
        if cue.cue == "guest_verb":
            role = "guest" if subject else "host"
        elif cue.cue == "visit_noun":
            role = "host" if subject else "guest"
        else:
            role = "host" if subject else "guest"
        draft.add(person, role)
    if cue.cue == "mutual" and not opening and len(draft.people) >= 2 and \
            all(m.start < cue.start for _, m in here if m.start != leader):
        for number, name in enumerate(list(draft.people)):  # "X and Y agreed … during talks": first named hosts
            draft.people[name] = (draft.people[name][0], "host" if number == 0 else "guest")
    unsaid_guest = passive and not any(m.start < cue.start for _, m in here) or \
        cue.cue == "host_verb" and _PRONOUN_AFTER.match(article.text, cue.end, span.end) is not None  # "received him"
    if opening and cue.cue == "mutual" or unsaid_guest:
        protagonist = _protagonist(drafts[-1] if unsaid_guest else drafts[0]) if drafts else traveller_of(trip)
        if protagonist is not None and protagonist.name not in draft.people:
            draft.add(protagonist, "guest")
            draft.implicit.add(protagonist.name)
    elif unsaid and trip is not None:
        traveller_speaks(draft, trip, cue.cue)  # "During the trip, he met …": the traveller meets
    if not draft.people and cue.cue != "event":
        return None
    _entities(article, places, span, cue, draft)
    draft.noun = fold(article.text[cue.start:cue.end]) if cue.cue == "event" else ""
    return draft if draft.people or draft.entities or lead and cue.cue == "event" else None


def _courtesy_call(article: Article, span: Span, cue: Cue, here: list[tuple[Person, PersonMention]]) -> bool:
    """"X called on Deputy Prime Minister Y on Wednesday": a courtesy call, not "called on Y to invest"."""
    if not article.folded.startswith("call", cue.start):
        return False
    met = next((m for _, m in here if m.start >= cue.end), None)
    return met is not None and not article.text[cue.end:met.start].strip(" ,").lower().startswith(("the ", "all ")) \
        and _TO_DO.match(article.text, max(met.end, met.phrase_end), span.end) is None


def _is_passive(text: str, span: Span, cue: Cue) -> bool:
    """"was received by", "were warmly welcomed by": the agent after "by" hosts."""
    return bool(_PASSIVE_BEFORE.search(text, max(span.start, cue.start - 30), cue.start)) and \
        text.startswith(" by ", cue.end)


def _signing(article: Article, places, span: Span, cue: Cue, cues: list[Cue],
             here: list[tuple[Person, PersonMention]], draft: Draft) -> Draft | None:
    """ "Governor X and Chairman Y signed …": the signatories are the two sides, the first named hosts
    (unless the place says otherwise, see ``meeting_places.host_by_place``); "X signed … with Y": X hosts,
    Y is the guest."""
    named = [(p, m) for p, m in here if not m.anaphor]
    signers = [p for p, m in named if m.start < cue.start]
    others = [p for p, m in named if m.start > cue.end]
    if not signers and others and _signed_by(article.text, span, cue, min(m.start for _, m in named)):
        signers, others = others, []  # "the MoU was signed (in Nagoya) by X and Y"
    last = max((m.end for _, m in named if m.start < cue.start), default=span.start)
    if any(c.cue == "speech" and last <= c.start < cue.start for c in cues):
        return None  # "X said the province signed an MoU with Y in 2019": X reports, he did not sign here
    if not named:  # "Quang Ninh and Japan's Tottori Prefecture signed …": the sides, until people are named
        dateline = _DATELINE.match(article.text, span.start, span.end)
        sides = [m for m in article.mentions_in(dateline.end() if dateline else span.start, span.end)
                 if m.form == "name" and m.entry.kind in _SIDE_KINDS and article.text[m.start - 1:m.start] != "("
                 and not is_location(article, m.start)]
        for number, mention in enumerate(sides):
            draft.entities[mention.entry.name] = (mention.entry.ref(), "host" if number == 0 else "guest")
        return draft if len(draft.entities) >= 2 else None
    if not signers:
        return None
    for number, person in enumerate(signers):
        draft.add(person, "host" if number == 0 or others else "guest")
    for person in others:
        draft.add(person, "guest")
    if len(draft.people) < 2:
        _entities(article, places, span, cue, draft)
    return draft if len(draft.people) + len(draft.entities) >= 2 else None


def _signed_by(text: str, span: Span, cue: Cue, first_named: int) -> bool:
    """"signed by X", "was signed in Nagoya by X": the people after "by" are the signatories."""
    if text.startswith(" by ", cue.end):
        return True
    by = text.find(" by ", cue.end, first_named)
    return by >= 0 and _PASSIVE_BEFORE.search(text, max(span.start, cue.start - 30), cue.start) is not None \
        and not any(mark in text[cue.end:by] for mark in (",", ";"))


def _protagonist(first: Draft) -> Person | None:
    """Who a "Working with X, …" sentence leaves unsaid: the leader of the article's first delegation."""
    for role in ("guest", "host"):
        for person, given in first.people.values():
            if given == role:
                return person
    return None


def _entities(article: Article, places, span: Span, cue: Cue, draft: Draft) -> None:
    """Organisations and localities taking part where no person speaks for their side."""
    sides = {"host", "guest"}
    taken = {role for _, role in draft.people.values()}
    if cue.cue == "event":
        held = _HOLD.search(article.text, span.start, span.end)
        if held and held.start() < cue.start and "host" not in taken:
            for start, end, noun in _anaphors(article.text, span.start, held.start()):
                entry = resolve_anaphor(article, noun, start, places.focus)
                if entry is not None:
                    draft.entities[entry.name] = (entry.ref(), "host")
            for mention in article.mentions_in(span.start, held.start()):
                if mention.entry.kind not in ("country",) and mention.form == "name":
                    draft.entities[mention.entry.name] = (mention.entry.ref(), "host")
        return
    missing = sides - taken
    if not missing or cue.cue == "visit_noun" and not draft.people:
        missing = missing or set()
    object_role = "host" if cue.cue == "guest_verb" else "guest"
    if object_role in missing:
        end = article.text.find(",", cue.end, span.end)
        end = span.end if end < 0 else end
        for company_start, ref in company_refs(article, span.start, span.end):
            if cue.end <= company_start < end:
                if _OBJECT.fullmatch(article.text, cue.end, company_start):
                    draft.entities[ref.name] = (ref, object_role)
                break
        else:
            for mention in article.mentions_in(cue.end, end):
                if mention.entry.kind in ("organisation", "company", "prefecture", "province", "city") \
                        and mention.form == "name" and not is_location(article, mention.start):
                    if _OBJECT.fullmatch(article.text, cue.end, mention.start):
                        draft.entities[mention.entry.name] = (mention.entry.ref(), object_role)
                    break
    if cue.cue == "urge" and not any(role == "guest" for _, role in draft.entities.values()):
        draft.people.clear()


def _anaphors(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in
            _PLACE_ANAPHOR.finditer(text[:end]) if m.start() >= start]


def _location(article: Article, span: Span, here: list[tuple[Person, PersonMention]],
              cues: list[Cue]) -> EntityRef | None:
    return meeting_location(article, span, [(m.phrase_start, m.phrase_end) for _, m in here], [c.start for c in cues])


def _attach(drafts: list[Draft], here: list[tuple[Person, PersonMention]], cues: list[Cue], index: int) -> None:
    """People in a sentence with no cue: "X, for his part, …" joins the last meeting; speakers join the lead event."""
    if not drafts or not here:
        return
    kinds = {c.cue for c in cues}
    if "counterpart" in kinds:
        last = drafts[-1]
        for person, mention in here:
            if not mention.anaphor and person.name not in last.people:
                role = "guest" if any(r == "host" for _, r in last.people.values()) else "host"
                last.add(person, role)
                last.entities = {k: v for k, v in last.entities.items() if v[1] != role}
        return
    lead = drafts[0]
    if "speech" in kinds and lead.kind == "event" and all(d.kind == "event" for d in drafts):
        for person, mention in here:
            if person.title:
                lead.add(person, "speaker")


def _finish(article: Article, draft: Draft) -> FoundMeeting:
    covered = {fold(p.org.name) for p, _ in draft.people.values() if p.org is not None}
    participants = [Participant(p.name, p.title, p.org, p.country, role) for p, role in draft.people.values()]
    participants += [Participant(ref.name, None, ref, ref.country, role) for ref, role in draft.entities.values()
                     if fold(ref.name) not in covered or not draft.people]
    topics: list[str] = []
    for span in draft.sentences:
        for sector in find_sectors(article.text, span.start, span.end, folded=article.folded):
            if sector.code not in topics:
                topics.append(sector.code)
    people_count = len(draft.people)
    confidence = 0.6 + 0.15 * min(people_count, 2) + (0.05 if draft.date else 0)
    record = Meeting(
        doc=article.doc_id,
        evidence=Evidence(draft.sentence.start, draft.sentence.end, draft.sentence.text),
        confidence=min(confidence, 0.95) if people_count else 0.55,
        extractor=EXTRACTOR,
        date=draft.date,
        location=draft.location,
        kind=draft.kind,
        participants=tuple(participants),
        topics=tuple(topics),
    )
    return FoundMeeting(draft.date, tuple(p for p, _ in draft.people.values()), record)
