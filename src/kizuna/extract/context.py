"""Article-level context shared by the agreement, investment, sector-interest and succession
extractors: which places an article is about, what "the province" or "the beach city" refers
to, entity references for gazetteer entries, and dates stated as "in 2014" or "on May 8".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..gazetteer import Entry, Mention
from ..reading.dates import MONTHS
from ..records import EntityRef
from . import Article

PLACE_KINDS = ("province", "prefecture", "city")
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ON_DAY = re.compile(r"\b(?:on|dated)\s+(?:\w+day,?\s+)?" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\bon\s+(\d{1,2})\s+" + _MONTH + r"(?:,?\s+(\d{4}))?\b")
_IN_MONTH = re.compile(r"\b(?:in|since|from)\s+" + _MONTH + r",?\s+(\d{4})\b")
_IN_YEAR = re.compile(r"\b(?:in|since|from)\s+((?:19|20)\d\d)\b")
_IN_MONTH_ALONE = re.compile(r"\bin\s+(?:early\s+|late\s+|mid-?)?" + _MONTH + r"(?!\s*,?\s*\d)\b")
_ON_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:beach|coastal|port|central|northern|southern|capital|mountainous|border|"
    r"Mekong\s+Delta|delta|host|Japanese|Vietnamese)\s+)*(?P<noun>province|prefecture|city|locality|municipality|"
    r"capital(?!\s+(?:contributions?|increase|investment|flows?|markets?|goods)\b))\b(?!\s+of\b)",
    re.IGNORECASE,
)
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
    """The place a dateline names: "ĐÀ NẴNG —", "Can Tho (VNA) –", "Ba Ria – Vung Tau (VNA) –"."""
    for span in article.sentences[:3]:
        head = re.match(r"\s*([^()\n—–]{2,40}?(?:\s*[–-]\s*[^()\n—–]{2,20})?)\s*(?:\([A-Za-z ]{2,20}\)\s*)?[—–-]\s",
                        span.text)
        if head:
            for mention in article.mentions_in(span.start, span.start + head.end(1)):
                if mention.entry.kind in PLACE_KINDS:
                    return mention.entry
    return None


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
    """The date a clause states, at its precision: "on May 8" (year from publication), "on Monday" (the
    last Monday up to publication), "in March 2025", "in March" (the last March up to publication), "in 2014"."""
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


def places_in(article: Article, start: int, end: int) -> list[Mention]:
    """Gazetteer mentions of places, countries and organisations in a stretch, names only (no demonyms)."""
    return [m for m in article.mentions_in(start, end) if m.form == "name"]
