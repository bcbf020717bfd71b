"""When a meeting took place, from the words of one sentence and the publication date.

"on November 14" / "on 14 November 2025" / "on Sept. 28" take the year of publication (the
year before when that would put the date after publication); "on Thursday" is the latest
Thursday up to publication; "yesterday", "today", "last weekend", "last week", "in June" are
read from publication too, and so are "earlier this month" / "last month" (the month), "this week"
(its month) and "earlier this year" (the year); "in September last year" is that September; "the same
day" / "earlier in the day" is the date of the meeting mentioned before (or the last day stated), "the
next day" the day after. "recently" and dates with no year when the publication date is unknown give no date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..reading.dates import MONTHS
from .prefilter import GatedPattern

_MONTH_NAMES = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH = _MONTH_NAMES + r"\.?"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PART_OF_DAY = r"(?:(?i:the)\s+(?i:morning|afternoon|evening|night)\s+of\s+)?"  # "on the afternoon of October 3"
_MONTH_DAY = re.compile(r"\b(?i:on|from|dated)\s+" + _PART_OF_DAY + r"(?:(?:\w+day),?\s+)?(?:\(?)" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"\b(?i:on)\s+" + _PART_OF_DAY + r"(?:\w+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(\d{4}))?")
_WEEKDAY = re.compile(r"\b(?:on|last|this)\s+(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_DAY_TITLES = tuple(d.capitalize() for d in _WEEKDAYS)
_DAY_NAMES = "|".join(_DAY_TITLES)
# "at Tuesday's meeting"; "Kim met Tuesday with …" (news style without "on"), but not "the ministry said Tuesday"
_WEEKDAY_BARE = re.compile(r"\b(" + _DAY_NAMES + r")['’]s\b|"
                           r"\b(?!said\b|says\b|told\b|announced\b|reported\b|stated\b)"
                           r"[a-z]+\s+(" + _DAY_NAMES + r")\b(?!['’]s)")
_IN_MONTH = re.compile(r"\b(?i:in|early|late|mid)[\s-]+(?:early\s+|late\s+|mid-?)?" + _MONTH +
                       r"(?:\s+(\d{4})|\s+(?i:(last|this)\s+year))?\b")
_THIS_MONTH = re.compile(r"\b(?:(?:earlier|early|later|late)\s+)?(this|last)\s+month\b", re.IGNORECASE)
_THIS_WEEK = re.compile(r"\b(?:earlier\s+)?this\s+week\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\b(?:earlier|early)\s+this\s+year\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:the\s+same\s+(?:day|afternoon|morning|evening)|(?:earlier\s+|later\s+)?that\s+day|"
                       r"(?:earlier|later)\s+in\s+the\s+day)\b", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\bthe\s+(?:next|following)\s+day\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:recently|lately|earlier|in\s+the\s+past|previously|over\s+the\s+years)\b", re.IGNORECASE)
_RELATIVE = (
    (re.compile(r"\byesterday\b", re.IGNORECASE), 1),
    (re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", re.IGNORECASE), 0),
    (re.compile(r"\blast\s+weekend\b", re.IGNORECASE), -6),  # Saturday before publication
    (re.compile(r"\blast\s+week\b", re.IGNORECASE), 7),
)

# Words each pattern needs: most sentences state no date, and a substring test is much cheaper
# than a regex search. Month names are matched case-sensitively, in the sentence itself; the
# other words in a lower-cased copy, where characters that ``re.IGNORECASE`` takes for an ASCII
# letter but ``str.lower`` does not turn into it (dotted/dotless i, long s, Kelvin sign) are
# mapped first, so a test never misses a match.
_MONTH_NAME = re.compile(_MONTH_NAMES + r"(?!\w)")  # a month name that ends a word, as every pattern wants it
_WEEKDAY_WORDS = _WEEKDAYS
_NEXT_DAY_WORDS = ("next day", "following day")
_RELATIVE_WORDS = (("yesterday",), ("today", "morning", "afternoon", "evening"), ("weekend",), ("week",))
_VAGUE_WORDS = ("recently", "lately", "earlier", "past", "previously", "years")
# what every test below needs one of ("day" stands for the weekdays, "today", "that day"…): a
# sentence with none of them, and no month name, states no date
_DATE_WORDS = ("day", "same", "morning", "afternoon", "evening", "week", "month", "this ", *_VAGUE_WORDS)
# (``in`` tests first: most sentences have none of the words)
_FUTURE_WORD = GatedPattern(re.compile(r"\b(?:will|would|shall|plans?|planning|set|scheduled|expects?|expected|due|"
                                       r"intends?|to be held)\b"))
_FUTURE_LEAD = r"\b(?:will|would|shall|(?:plans?|planning|(?:is|are)\s+(?:set|scheduled|expected|due)|expects?|intends?)\s+to)\s+"
_FUTURE_BEFORE = re.compile(_FUTURE_LEAD + r"(?:[a-z-]+\s+){0,4}$")
# a verb joined to a future one: "is scheduled to meet Chairman Le Van Dung on Oct 21 and sign …"
_FUTURE_JOINED = re.compile(_FUTURE_LEAD + r"[^.;]{0,100}?\sand\s+$")
# the event a future trip is for: "Abe is expected to visit Vietnam in November for the APEC summit in Da Nang"
_FUTURE_PURPOSE = re.compile(_FUTURE_LEAD + r"[^.;,]{0,80}?\s(?:for|to\s+attend|attending)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$")
_FUTURE_AFTER = re.compile(r",?\s+(?:to\s+be\s+held|(?:will|is\s+scheduled\s+to|is\s+set\s+to)\s+"
                           r"(?:be\s+held|take\s+place))\b")
ASCII_CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TWIN_TABLE = str.maketrans(ASCII_CASE_TWINS)
_TWINS = re.compile("[" + "".join(ASCII_CASE_TWINS) + "]")


@dataclass(frozen=True)
class When:
    """A date read from a sentence (ISO string at the text's precision) and how it was read."""

    value: str | None
    how: str  # "explicit", "relative", "same_day", "vague", "none"


_NO_DATE = When(None, "none")


def when(text: str, published: date | None, previous: str | None = None) -> When:
    """The meeting date a sentence states; ``previous`` answers "the same day"."""
    months = _MONTH_NAME.search(text) is not None
    lowered = _lowered(text)
    if not months and not _has(lowered, _DATE_WORDS):
        return _NO_DATE
    if months:
        for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
            match = pattern.search(text)
            if match:
                month_name, day, year = (match.group(1), match.group(2), match.group(3)) if order == "md" \
                    else (match.group(2), match.group(1), match.group(3))
                return When(_month_day(MONTHS[month_name.lower().rstrip(".")], int(day), year, published), "explicit")
    if ("same" in lowered or "day" in lowered and _has(lowered, ("that", "earlier", "later"))) \
            and _SAME_DAY.search(text):
        return When(previous, "same_day")
    if previous is not None and len(previous) == 10 and _has(lowered, _NEXT_DAY_WORDS) \
            and _NEXT_DAY.search(text):
        return When((date.fromisoformat(previous) + timedelta(days=1)).isoformat(), "same_day")
    weekday_words = _has(lowered, _WEEKDAY_WORDS)
    match = _WEEKDAY.search(text) if weekday_words else None
    if match and published is not None:
        back = (published.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
        if match.group(0).lower().startswith("last") and back == 0:
            back = 7
        return When((published - timedelta(days=back)).isoformat(), "relative")
    bare = _WEEKDAY_BARE.search(text) if weekday_words and published is not None and _has(text, _DAY_TITLES) else None
    if bare and published is not None:
        day = (bare.group(1) or bare.group(2)).lower()
        return When((published - timedelta(days=(published.weekday() - _WEEKDAYS.index(day)) % 7)).isoformat(),
                    "relative")
    for (pattern, days), words in zip(_RELATIVE, _RELATIVE_WORDS):
        if published is not None and _has(lowered, words) and pattern.search(text):
            if days < 0:  # last weekend: the Saturday of the week before
                back = (published.weekday() - 5) % 7 or 7
                return When((published - timedelta(days=back)).isoformat(), "relative")
            return When((published - timedelta(days=days)).isoformat(), "relative")
    match = _IN_MONTH.search(text) if months else None
    if match:
        month = MONTHS[match.group(1).lower().rstrip(".")]
        if match.group(2):
            return When(f"{match.group(2)}-{month:02d}", "explicit")
        if published is not None:
            said_year = (match.group(3) or "").lower()
            year = published.year - (month > published.month if not said_year else said_year == "last")
            return When(f"{year}-{month:02d}", "explicit")
    if published is not None and ("month" in lowered or "this " in lowered):
        relative = _relative_period(text, lowered, published)
        if relative is not None:
            return When(relative, "relative")
    if _has(lowered, _VAGUE_WORDS) and _VAGUE.search(text):
        return When(None, "vague")
    return When(None, "none")


def _relative_period(text: str, lowered: str, published: date) -> str | None:
    """"earlier this month" / "last month" (the month), "this week" (its month), "earlier this year" (the year)."""
    match = _THIS_MONTH.search(text) if "month" in lowered else None
    if match:
        if match.group(1).lower() == "last":
            first = published.replace(day=1) - timedelta(days=1)
            return f"{first.year}-{first.month:02d}"
        return f"{published.year}-{published.month:02d}"
    if "this week" in lowered and _THIS_WEEK.search(text):
        return f"{published.year}-{published.month:02d}"
    if "this year" in lowered and _THIS_YEAR.search(text):
        return str(published.year)
    return None


def _has(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # a loop, not any(...): called for every sentence, and a generator costs more
        if word in text:
            return True
    return False


def _lowered(text: str) -> str:
    if not text.isascii() and _TWINS.search(text):
        text = text.translate(_TWIN_TABLE)
    return text.lower()


def _month_day(month: int, day: int, year: str | None, published: date | None) -> str | None:
    if year:
        return _iso(int(year), month, day)
    if published is None:
        return None
    value = _iso(published.year, month, day)
    if value is not None and date.fromisoformat(value) > published + timedelta(days=7):
        value = _iso(published.year - 1, month, day)
    return value


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _purpose_of_future(text: str, start: int, end: int) -> bool:
    """``_FUTURE_PURPOSE`` ends at ``end`` (searched only when "for"/"attend" and a future word are there)."""
    window = text[start:end]
    return (" for " in window or "attend" in window) and _FUTURE_WORD.search(window) is not None \
        and _FUTURE_PURPOSE.search(text, start, end) is not None


def may_be_future(text: str) -> bool:
    """A cheap test: the sentence has a word that tells the future ("will", "plans", "to be held")."""
    return _FUTURE_WORD.search(text) is not None


def is_future(text: str, start: int, end: int, cue_start: int, cue_end: int) -> bool:
    """The meeting cue at ``[cue_start, cue_end)`` of the sentence ``[start, end)`` is told as future:
    "will hold a seminar", "plans to pay a visit to", "a forum to be held in May" (it has not taken place)."""
    return _FUTURE_BEFORE.search(text, max(start, cue_start - 60), cue_start) is not None or \
        _FUTURE_AFTER.match(text, cue_end, end) is not None or \
        text.endswith("and ", max(start, cue_start - 4), cue_start) and \
        _FUTURE_JOINED.search(text, max(start, cue_start - 180), cue_start) is not None or \
        _purpose_of_future(text, max(start, cue_start - 180), cue_start)
