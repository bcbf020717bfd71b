"""Article-level context shared by the agreement, investment, sector-interest and succession
extractors: which places an article is about, what "the province" or "the beach city" refers
to, entity references for gazetteer entries, and dates stated as "in 2014" or "on May 8".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..gazetteer import Entry, Mention
from ..reading.dates import MONTHS
from ..records import EntityRef
from ..text import Span
from . import Article, per_article
from .meeting_dates import when
from .prefilter import CueFilter

PLACE_KINDS = ("province", "prefecture", "city")
# the preposition of a date may open its sentence: "In 2018, A and B signed …", "On May 8, …"
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ON_DAY = re.compile(r"\b(?:[Oo]n|[Dd]ated|[Ss]ince)\s+(?:\w+day,?\s+)?" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b[Oo]n\s+(\d{1,2})\s+" + _MONTH + r"(?:,?\s+(\d{4}))?\b")
_IN_MONTH = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ff]rom)\s+" + _MONTH + r",?\s+(\d{4})\b")
_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ff]rom)\s+((?:19|20)\d\d)\b")
_IN_MONTH_ALONE = re.compile(r"\b(?:[Ii]n|[Ss]ince)\s+(?:early\s+|late\s+|mid-?)?" + _MONTH + r"(?!\s*,?\s*\d)\b")
_ON_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:beach|coastal|port|central|northern|southern|capital|mountainous|border|"
    r"Mekong\s+Delta|delta|host|Japanese|Vietnamese)\s+)*(?P<noun>province|prefecture|city|locality|municipality|"
    r"capital(?!\s+(?:contributions?|increase|investment|flows?|markets?|goods)\b))\b(?!\s+of\b)",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\s*([^()\n—–]{2,40}?(?:\s*[–-]\s*[^()\n—–]{2,20})?)\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:--|[—–-])\s")
_AT_EVENT = re.compile(r"\b(?:at|during|on)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|reception|"
                       r"working\s+session|session|visit|trip|ceremony|event|forum|conference|seminar|occasion|sidelines)\b",
                       re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:signed|inked|concluded|sealed|established)\b")
_LEAD = 4  # sentences of an article's lead: the news event
_NOUN_KINDS = {
    "province": ("province",), "prefecture": ("prefecture",), "city": ("city", "province"),
    "municipality": ("city",), "locality": PLACE_KINDS, "capital": ("city",),
}


@dataclass(frozen=True)
class Focus:
    """The places an article is mostly about, by kind and country."""

    counts: tuple[tuple[Entry, int], ...]  # most mentioned first
    dateline: Entry | None

    def main(self, kinds: tuple[str, ...] = PLACE_KINDS, country: str | None = None,
             not_country: str | None = None) -> Entry | None:
        """The most mentioned entry of these kinds (the dateline place wins ties)."""
        for entry, _ in self.counts:
            if entry.kind in kinds and (country is None or entry.country == country) \
                    and (not_country is None or entry.country != not_country):
                return entry
        return None


@per_article
def focus(article: Article) -> Focus:
    """Count the article's place mentions; the dateline place counts double."""
    counter: Counter[str] = Counter()
    entries: dict[str, Entry] = {}
    for mention in article.mentions:
        counter[mention.entry.key] += 1
        entries[mention.entry.key] = mention.entry
    dateline = _dateline_place(article)
    if dateline is not None:
        counter[dateline.key] += 2
        entries[dateline.key] = dateline
    first_seen = {m.entry.key: i for i, m in reversed(list(enumerate(article.mentions)))}
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], first_seen.get(kv[0], -1)))
    return Focus(tuple((entries[k], n) for k, n in ordered), dateline)


def _dateline_place(article: Article) -> Entry | None:
    """The place a dateline names: "ĐÀ NẴNG —", "Can Tho (VNA) –", "Ba Ria – Vung Tau (VNA) –",
    "TOKYO, Feb. 12 (Kyodo) --"."""
    for span in article.sentences[:3]:
        head = _DATELINE.match(span.text)
        if head:
            for mention in article.mentions_in(span.start, span.start + head.end(1)):
                if mention.entry.kind in PLACE_KINDS:
                    return mention.entry
    return None


def after_dateline(article: Article, start: int) -> int:
    """Where the words of the article's first sentence begin past its dateline ("HCM CITY —", "TOKYO/HANOI --");
    ``start`` itself for any other position."""
    if not article.sentences or start != article.sentences[0].start:
        return start
    head = _DATELINE.match(article.sentences[0].text)
    return start + head.end() if head else start


def ref(entry: Entry) -> EntityRef:
    """The contract reference of a gazetteer entry."""
    return EntityRef(entry.name, entry.kind, entry.country)


def resolve_anaphor(article: Article, phrase_kind: str, before: int, fallback: Focus) -> Entry | None:
    """"the province" before offset ``before``: the latest such place named earlier, else the focus."""
    kinds = _NOUN_KINDS.get(phrase_kind.lower(), PLACE_KINDS)
    latest: Entry | None = None
    for mention in article.mentions:
        if mention.start >= before:
            break
        if mention.entry.kind in kinds and mention.entry.country == "VN" and kinds != ("prefecture",):
            latest = mention.entry
        elif mention.entry.kind in kinds and kinds == ("prefecture",):
            latest = mention.entry
    main = fallback.main(kinds)
    if main is not None and latest is not None and main.country == latest.country:
        return main
    return latest or main


def latest_place(article: Article, before: int, kinds: tuple[str, ...] = PLACE_KINDS) -> Entry | None:
    """The place of these kinds named last before offset ``before``, of any country."""
    latest: Entry | None = None
    for mention in article.mentions:
        if mention.start >= before:
            break
        if mention.entry.kind in kinds and mention.form == "name":
            latest = mention.entry
    return latest


def anaphors(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Spans of "the province", "the beach city" … in ``text[start:end]`` with their head noun."""
    return [(m.start(), m.end(), m.group("noun")) for m in _ANAPHOR.finditer(text, start, end)]


def resolve_date(text: str, published: date | None) -> str | None:
    """The date a clause states, at its precision: "on May 8" / "since July 1" (year from publication),
    "on Monday" (the last Monday up to publication), "in March 2025", "in March" / "since July" (the last
    such month up to publication), "in 2014"."""
    for pattern, order in ((_ON_DAY, "mdy"), (_DAY_MONTH, "dmy")):
        match = pattern.search(text)
        if match:
            if order == "mdy":
                month_name, day, year = match.group(1), match.group(2), match.group(3)
            else:
                day, month_name, year = match.group(1), match.group(2), match.group(3)
            month = MONTHS[month_name.lower().rstrip(".")]
            if year is None:
                if published is None:
                    return None
                year_number = published.year
                if (month, int(day)) > (published.month, published.day):
                    year_number -= 1
                year = str(year_number)
            return f"{int(year):04d}-{month:02d}-{int(day):02d}"
    weekday = _ON_WEEKDAY.search(text)
    if weekday and published is not None:
        back = (published.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        return (published - timedelta(days=back)).isoformat()
    match = _IN_MONTH.search(text)
    if match:
        month = MONTHS[match.group(1).lower().rstrip(".")]
        return f"{match.group(2)}-{month:02d}"
    match = _IN_MONTH_ALONE.search(text)
    if match and published is not None:
        month = MONTHS[match.group(1).lower().rstrip(".")]
        return f"{published.year - (month > published.month):04d}-{month:02d}"
    match = _IN_YEAR.search(text)
    return match.group(1) if match else None


def event_date(article: Article, span: Span, index: int) -> str | None:
    """The date of the event a signing stated without a date (in ``span``, part of the ``index``-th
    sentence) belongs to: a signing "at the meeting" or in the article's lead took place at the meeting
    named in it or just before, or on the day the sentences just before state ("Japan and Vietnam
    agreed Tuesday …"). A perfect tense ("have signed") is background: no date."""
    if _PERFECT.search(span.text) or (index >= _LEAD and not _AT_EVENT.search(span.text)):
        return None
    stated = when(span.text, article.published)
    if stated.value is not None and stated.how in ("explicit", "relative"):
        return stated.value
    from .meetings import article_meetings  # meetings imports this module
    # the lead's sentences all tell the lead's event: "A forum held on November 12 … Among the deals, An Giang signed …"
    starts = [s.start for s in article.sentences[0 if index < _LEAD else max(0, index - 2):index + 1]]
    for meeting in reversed(article_meetings(article)):
        if meeting.date is not None and starts[0] <= meeting.record.evidence.start <= span.start:
            return meeting.date
    for previous in reversed(article.sentences[max(0, index - 2):index]):
        stated = when(previous.text, article.published)
        if stated.value is not None and stated.how in ("explicit", "relative"):
            return stated.value
    return None


def places_in(article: Article, start: int, end: int) -> list[Mention]:
    """Gazetteer mentions of places, countries and organisations in a stretch, names only (no demonyms)."""
    return [m for m in article.mentions_in(start, end) if m.form == "name"]


@dataclass(frozen=True)
class SentenceCues:
    """One prefilter for the cue patterns the agreement, sector-interest, succession, site, company-list and
    investor-anaphor finders try on every sentence, so that a sentence is scanned once for all of them;
    ``groups`` gives each finder's patterns as a range of the filter's."""

    filter: CueFilter
    groups: dict[str, tuple[int, int]]


@lru_cache(maxsize=1)
def _sentence_cues() -> SentenceCues:
    from . import agreements, companies, investments, sector_interests, successions  # they import this module
    groups = {
        "agreements": ([cue.pattern for cue in agreements.cues()], False),
        "sector_interests": ([cue.pattern for cue in sector_interests.cues()], False),
        "successions": (list(successions.CUE_PATTERNS), True),  # they run on slices of the sentence
        "sites": ([investments.SITE_PATTERN], False),
        "investor_anaphors": ([investments.INVESTOR_ANAPHOR_PATTERN], False),
        "company_lists": (list(companies.LIST_CUE_PATTERNS), False),
    }
    patterns: list[re.Pattern[str]] = []
    slices: list[bool] = []
    ranges: dict[str, tuple[int, int]] = {}
    for name, (group, sliced) in groups.items():
        ranges[name] = (len(patterns), len(patterns) + len(group))
        patterns += group
        slices += [sliced] * len(group)
    return SentenceCues(CueFilter(patterns, word_starts=True, slices=tuple(slices)), ranges)


def sentence_cues(article: Article, span: Span, group: str) -> tuple[int, ...]:
    """The indices of the ``group`` patterns ("agreements", "sector_interests", "successions", "sites", "company_lists",
    "investor_anaphors")
    that may match the sentence ``span`` (see ``prefilter``); the sentence is scanned once."""
    cues = _sentence_cues()
    candidates = article.memo.get(("sentence-cues", span.start, span.end), lambda: cues.filter.candidates(span.text))
    return _of_group(candidates, group)


@lru_cache(maxsize=4096)
def _of_group(candidates: tuple[int, ...], group: str) -> tuple[int, ...]:
    """The indices, within ``group``, of the group's patterns among the filter's ``candidates`` (remembered:
    sentences meet the same few sets of candidates again and again)."""
    start, stop = _sentence_cues().groups[group]
    return tuple(index - start for index in candidates if start <= index < stop)
