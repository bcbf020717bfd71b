"""Publication dates: find when an article was published, and say how we know.

First that applies: given metadata; a leading ``date YYYY-MM-DD``; a byline stamp such as
``8:26:38 AM | 11/30/2023``; a dateline such as ``HÀ NỘI, September 8 —`` with the year
taken from the text; otherwise unknown. A date after the reading time is never returned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

LEADING_DATE = re.compile(r"\A\s*date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
BYLINE = re.compile(
    r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*\|\s*)?(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s*\|\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
BYLINE_ISO = re.compile(r"^\s*(?:Published|Updated|Posted)?:?\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
                        re.IGNORECASE | re.MULTILINE)
DATELINE = re.compile(
    r"^\s*[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ .'-]{1,40},\s*" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*[—–-]",
    re.MULTILINE,
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Found:
    """A publication date and where it came from, plus a span of text that is only the stamp."""

    published: date | None
    source: str
    stamp: tuple[int, int] | None = None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_metadata_date(value: str | None) -> date | None:
    """An ISO-like date from metadata (``2023-07-10``, ``2023-07-10T08:00:00+07:00``)."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    if match:
        return _safe(*(int(g) for g in match.groups()))
    match = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", str(value))
    if match:
        month, day, year = (int(g) for g in match.groups())
        return _safe(year, month, day)
    return None


def find_publication_date(text: str, metadata: str | None = None, now: datetime | None = None) -> Found:
    """The article's publication date, never later than ``now``."""
    today = (now or datetime.now()).date()

    def ok(value: date | None) -> bool:
        return value is not None and value <= today

    given = parse_metadata_date(metadata)
    leading = LEADING_DATE.match(text)
    stamp = (leading.start(), leading.end()) if leading else None
    if ok(given):
        return Found(given, "metadata", stamp)
    if leading:
        value = parse_metadata_date(leading.group("iso"))
        if ok(value):
            return Found(value, "metadata", stamp)
    head = text[:600]
    for pattern in (BYLINE, BYLINE_ISO):
        match = pattern.search(head)
        if match:
            value = _safe(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if ok(value):
                return Found(value, "byline", (match.start(), match.end()))
    match = DATELINE.search(text[stamp[1] if stamp else 0:][:400])
    if match:
        month = MONTHS[match.group("month").lower().rstrip(".")]
        day = int(match.group("day"))
        if match.group("year"):
            value = _safe(int(match.group("year")), month, day)
            if ok(value):
                return Found(value, "dateline", stamp)
        for year in _years_in(text, today):
            value = _safe(year, month, day)
            if ok(value):
                return Found(value, "inferred", stamp)
    return Found(None, "unknown", stamp)


def _years_in(text: str, today: date) -> list[int]:
    """Years the text names, most frequent first, never in the future."""
    counts: dict[int, int] = {}
    for match in YEAR.finditer(text):
        year = int(match.group())
        if year <= today.year:
            counts[year] = counts.get(year, 0) + 1
    return sorted(counts, key=lambda y: (-counts[y], -y))
