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
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:AM|PM|a\.m\.|p\.m\.)?(?:[ \t]*\(?(?:GMT|UTC|ICT|JST)[ \t]*[+-]?\d{0,2}\)?)?"
_STAMP_LABEL = r"(?:(?:Published|Updated|Posted|Last updated)(?:[ \t]+(?:on|at))?:?[ \t]*)?(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?[ \t]*)?"
BYLINE = re.compile(
    r"^[ \t]*" + _STAMP_LABEL + r"(?:(?P<t1>" + _TIME + r")[ \t]*[|,-]?[ \t]*)?(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})"
    r"(?:[ \t]*[|,-]?[ \t]*(?P<t2>" + _TIME + r"))?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
BYLINE_ISO = re.compile(r"^[ \t]*" + _STAMP_LABEL + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?\S*)?[ \t]*$",
                        re.IGNORECASE | re.MULTILINE)
BYLINE_WORDS = re.compile(
    r"^[ \t]*" + _STAMP_LABEL + r"(?:(?P<d1>\d{1,2})[ \t]+" + _MONTH.replace("?P<month>", "?P<m1>") + r",?[ \t]+|"
    + _MONTH.replace("?P<month>", "?P<m2>") + r"[ \t]+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+)(?P<y>\d{4})"
    r"(?:[ \t]*[|,-]?[ \t]*(?:at[ \t]+)?" + _TIME + r")?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
DATELINE = re.compile(
    r"^\s*(?:[A-ZÀ-ỸĐ][\wÀ-ỹĐđ.'’-]*(?:[ ][A-ZÀ-ỸĐ(][\wÀ-ỹĐđ.'’()-]*){0,4}),\s*" + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*(?:\([^)\n]{1,30}\)\s*)?[—–-]",
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
    for match in sorted(_bylines(head), key=lambda found: found[1][0]):
        value, span = match
        if ok(value):
            return Found(value, "byline", span)
    dateline = DATELINE.search(text[stamp[1] if stamp else 0:][:400])
    if dateline:
        month = MONTHS[dateline.group("month").lower().rstrip(".")]
        day = int(dateline.group("day"))
        if dateline.group("year"):
            value = _safe(int(dateline.group("year")), month, day)
            if ok(value):
                return Found(value, "dateline", stamp)
        for year in _years_in(text, today):
            value = _safe(year, month, day)
            if ok(value):
                return Found(value, "inferred", stamp)
    return Found(None, "unknown", stamp)


def _bylines(head: str) -> list[tuple[date | None, tuple[int, int]]]:
    """Every date stamp line in the head of an article, with its span."""
    found: list[tuple[date | None, tuple[int, int]]] = []
    for match in BYLINE.finditer(head):
        first, second = int(match.group("a")), int(match.group("b"))
        day_first = first > 12 or (second <= 12 and not _is_us_style(match.group(0)))
        month, day = (second, first) if day_first else (first, second)
        found.append((_safe(int(match.group("y")), month, day), (match.start(), match.end())))
    for match in BYLINE_ISO.finditer(head):
        found.append((_safe(int(match.group("y")), int(match.group("m")), int(match.group("d"))),
                      (match.start(), match.end())))
    for match in BYLINE_WORDS.finditer(head):
        month = MONTHS[(match.group("m1") or match.group("m2")).lower().rstrip(".")]
        day = int(match.group("d1") or match.group("d2"))
        found.append((_safe(int(match.group("y")), month, day), (match.start(), match.end())))
    return found


def _is_us_style(stamp: str) -> bool:
    """``8:26:38 AM | 11/30/2023`` (12-hour clock) writes month first; ``30/11/2023 08:26 GMT+7`` day first."""
    return bool(re.search(r"\b(?:AM|PM|a\.m\.|p\.m\.)", stamp, re.IGNORECASE))


def _years_in(text: str, today: date) -> list[int]:
    """Years the text names, most frequent first, never in the future."""
    counts: dict[int, int] = {}
    for match in YEAR.finditer(text):
        year = int(match.group())
        if year <= today.year:
            counts[year] = counts.get(year, 0) + 1
    return sorted(counts, key=lambda y: (-counts[y], -y))
