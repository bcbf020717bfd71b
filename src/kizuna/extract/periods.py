"""Time expressions of statistics, resolved against the publication date.

``find_periods`` finds every period expression in a stretch of folded text and resolves it
to a ``Period`` (ISO dates at the text's precision):

- points ("as of October 31", "by November 2013", "as of the end of the second quarter
  this year", "as of end-June") → ``end`` only; "the end of" (or "end-") a month, quarter, half or year is its last day;
- spans ("in 2024", "in FY2024", "in Q1 2025", "in H1", "in the first 10 months of 2025", "Jan-Nov period of 2013", "the
  2005-2012 period", "during the last 11 months", "last year", "in July this year", "the first three quarters",
  "the year to October", "the 12 months to September", "the year ended March 2025") → ``start`` and ``end``;
- the present ("currently", "so far", "to date", "by now") → the publication date;
- "since 2014" (optionally "until …") → ``start`` and the publication date or the end given;
- "five years later" → the year of the previous span plus five;
- "during the period", "in the five months" → ``kind == "reference"``: the article's reporting
  period, which the caller knows; its ``period`` is empty, or with a number of months the first
  months of the year ("in the 11-month period" → January–November), for a caller who knows none;
- "on November 18" → ``kind == "day"``: the day of an event; "from June 5 to 7" its days;
- "this year" / "so far this year" → ``kind == "ytd"``: the caller may replace it with the
  article's reporting period ("so far this year" in an article about January–November).

Comparison bases ("against the same period last year", "year-on-year") are not periods.
A date without a year is the latest such date not after publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import ahocorasick

from ..records import Period
from ..text import blank

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4,
             "1": 1, "2": 2, "3": 3, "4": 4}

_M = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
     r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_Y = r"(?:19|20)\d\d"
_N = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_YREF = rf"(?:(?:of|in)\s+)?(?P<yref>{_Y}|this year|last year|the year)"
_QUARTER = rf"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+quarter(?:\s+{_YREF})?"
_HALF = rf"(?:the\s+)?(?P<h>first|second)\s+half(?:\s+{_YREF.replace('yref', 'yrefh')})?"
_DATE = (rf"(?:(?P<m1>{_M})\s+(?P<d1>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{_Y}))?"
         rf"|(?<!\d)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?"
         rf"|(?P<m3>{_M})\s*,?\s*(?:of\s+)?(?P<y3>{_Y})"
         rf"|(?P<y4>{_Y})(?![-/]\d)"
         rf"|(?P<m4>{_M})(?:\s+(?P<m4y>this year|last year))?(?!\s*\d)"
         rf"|(?P<yrel>this year|last year))")
_POINT_WORDS = r"(?:as of|as at|by|until|up to|through|till|to|at)"
_SINCE_END = rf"(?:\s+(?:until|till|to|through)\s+(?:the\s+end\s+of\s+)?(?:{_QUARTER}|{_DATE}))?"

# A look-ahead on the first letters leads the patterns whose alternatives the regex engine cannot skip
# ahead on by itself (they start with an optional word): it spares trying them at every position.
# (kind, pattern, needs): ``needs`` lists word groups that must all occur in the text for the
# pattern to match at all (any word of a group will do; ``<month>``/``<year>`` stand for a month
# name or a year): a cheap test that spares most sentences most of the searches.
_DATE_NEEDS = ("year", "<year>", "<month>")
PATTERNS: tuple[tuple[str, re.Pattern[str], tuple[tuple[str, ...], ...]], ...] = tuple(
    (kind, re.compile(p), needs) for kind, p, needs in (
        ("ytd", r"(?:so far|thus far|to date)\s+(?:this year|in\s+(?P<y>" + _Y + r"))", (("far", "to date"),)),
        ("first_months", rf"(?:the\s+)?first\s+(?P<n>{_N})\s+months(?:\s+{_YREF})?", (("first",), ("months",))),
        # "in the 12 months to September", "in the year to October (2025)": spans that end with a month
        ("months_to", rf"(?:the\s+)?(?:(?P<n>{_N})\s+months|(?P<year>year))\s+(?:to|through|(?P<ended>ending|ended))\s+"
                      rf"(?:the\s+end\s+of\s+)?(?P<mt>{_M})(?:\s+(?P<yt>{_Y}))?(?![\w-])", (("months", "year"), ("<month>",))),
        ("first_quarters", rf"(?:the\s+)?first\s+(?P<nq>two|three|2|3)\s+quarters(?:\s+{_YREF})?", (("quarters",),)),
        ("last_months", rf"(?:the\s+)?(?:last|past)\s+(?P<n>{_N})\s+months", (("last", "past"), ("months",))),
        ("month_range", rf"(?=[fjmasondb])(?:from\s+|(?P<btw>between)\s+)?(?P<ma>{_M})(?:\s+(?P<ya>{_Y}))?\s*"
                        rf"(?:-|to|through|(?P<conj>and))\s*"
                        rf"(?P<mb>{_M})(?:\s+period)?(?:\s+{_YREF})?",
         (("<month>",), ("-", "to", "through", "and"))),
        ("year_range", rf"(?=[t12bf])(?:(?:the\s+)?(?P<ya>{_Y})\s*-\s*(?P<yb>{_Y}|\d\d)(?:\s+period)?"
                       rf"|between\s+(?P<yc>{_Y})\s+and\s+(?P<yd>{_Y})|from\s+(?P<ye>{_Y})\s+to\s+(?P<yf>{_Y}))",
         (("<year>",), ("-", "between", "from"))),
        ("since", rf"since\s+(?:(?P<sm>{_M})\s+)?(?P<sy>{_Y}){_SINCE_END}", (("since",),)),
        ("point_end", rf"{_POINT_WORDS}\s+(?:(?:the\s+)?end\s+of\s+|end-)(?:{_QUARTER}|{_HALF}|{_DATE})",
         (("end",),)),  # "as of the end of June", "as of end-June", "by end-2024"
        ("point_part", rf"(?:as of|as at|by|until|up to|through|till|at)\s+(?:the\s+)?(?P<part>late|early|mid)[\s-]"
                       rf"(?:(?P<pm>{_M})(?:,?\s+(?P<py>{_Y}))?|(?P<pyy>{_Y}))(?![\w-])",
         (("late", "early", "mid"),)),  # "as of late October", "by mid-2025": the month or the year's middle
        ("point", rf"(?:as of|as at|by|until|up to|through|till|accumulated\s+to)\s+(?:{_QUARTER}|{_DATE})",
         (_DATE_NEEDS + ("quarter",), ("as of", "as at", "by", "until", "up to", "through", "till", "accumulated"))),
        ("quarter", _QUARTER, (("quarter",),)),
        ("quarter", rf"(?<![\w$.,-])q(?P<q>[1-4])(?:\s*[/-]?\s*{_YREF})?(?![\w-])",  # "Q1 2025"
         (("q1", "q2", "q3", "q4"),)),
        ("half", _HALF, (("half",),)),
        ("half", rf"(?<![\w$.,-])h(?P<h>[12])(?:\s*[/-]?\s*{_YREF.replace('yref', 'yrefh')})?(?![\w-])",
         (("h1", "h2"),)),
        ("later", rf"(?P<n>{_N})\s+years?\s+later", (("later",),)),
        ("past_years", rf"(?:over|in|during|for|within|throughout)\s+the\s+(?:last|past)\s+(?:(?P<n>{_N}|\d{{2,3}})\s+"
                       rf"years|(?P<dec>(?:two|three|four|five)\s+decades|decade|half\s+century)|"
                       rf"(?P<cent>quarter\s+of\s+a\s+century|half\s+a\s+century))(?![\w-])",
         (("last", "past"), ("year", "decade", "century"))),  # "over the past 30 years": since then
        ("reference", rf"(?:during|in|over|for|within)\s+(?:the|this|that)\s+(?:same\s+)?(?:period|(?P<n>{_N})[\s-]months?"
                      rf"(?:\s+period)?)", (("period", "month"),)),
        # "from June 5 to 7", "on June 5-7, 2025", "5-7 June": the days of an event
        ("day_range", rf"(?:(?:from|on)\s+)?(?:(?P<ma1>{_M})\s+(?P<da1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|through|and)\s*"
                      rf"(?:(?P<mb1>{_M})\s+)?(?P<db1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
                      rf"|(?P<da2>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*(?P<db2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                      rf"(?P<mb2>{_M}))(?:,?\s+(?P<yr>{_Y}))?", (("<month>",),)),
        ("day", rf"on\s+(?:{_DATE})", (_DATE_NEEDS, ("on",))),
        ("present", r"currently|at present|by now|so far|to date|up to now|until now|as of now|presently|"
                    r"at the moment|thus far|as of today|up to date|now",
         (("current", "present", "now", "far", "date", "moment", "today"),)),
        ("in_date", rf"(?:in|during|for|throughout|over)\s+(?:the\s+(?:whole|entire|full)\s+(?:year\s+)?(?:of\s+)?)?"
                    rf"(?:fiscal\s+|fy\s?)?(?:{_DATE})", (_DATE_NEEDS, ("in", "during", "for", "throughout", "over"))),
        ("year_rel", r"(?P<yrel>last year|this year)", (("year",),)),
    ))
_SPECIAL_NEEDS = {"<year>": re.compile(_Y), "<month>": re.compile(rf"(?<![a-z0-9]){_M}")}


def _need_masks() -> tuple[ahocorasick.Automaton, tuple[tuple[re.Pattern[str], int], ...], tuple[tuple[int, ...], ...]]:
    """``needs`` as bits: every need word gets one, every group of a pattern the mask of its words.

    One scan of a text (the automaton: every occurrence of every plain need word) and two
    searches (month, year) tell which patterns may match, instead of ``in`` tests word by word.
    """
    words = sorted({w for _, _, needs in PATTERNS for group in needs for w in group})
    bits = {word: 1 << index for index, word in enumerate(words)}
    finder = ahocorasick.Automaton()
    for word in words:
        if word[0] != "<":
            finder.add_word(word, bits[word])
    finder.make_automaton()
    specials = tuple((_SPECIAL_NEEDS[word], bits[word]) for word in words if word[0] == "<")
    masks = tuple(tuple(sum(bits[w] for w in set(group)) for group in needs) for _, _, needs in PATTERNS)
    return finder, specials, masks


_NEED_FINDER, _SPECIAL_BITS, _NEED_MASKS = _need_masks()
_COMPARISON = re.compile(r"(?:the\s+)?same period (?:of\s+)?(?:last|the previous) year|a year earlier|"
                         r"(?:the\s+)?previous year|year[- ]on[- ]year|on[- ]year|last year's|the year before")

# a year not glued to other figures; the look-behind stands after the first two digits, so that
# the search skips ahead on them
_YEAR_WORD = re.compile(r"(?:19|20)(?<![\d,.$-]\d\d)\d\d(?![\d,%-])")
_COMPARISON_WORDS = ("same period", "a year earlier", "previous year", "on-year", "on year", "year's", "year before")


class PeriodMention(NamedTuple):
    """A period expression in the text, resolved. ``start``/``end`` are folded-text offsets."""

    start: int
    end: int
    kind: str  # point, span, present, since, ytd
    period: Period


@dataclass(frozen=True)
class DateContext:
    """What relative expressions are resolved against."""

    published: date | None
    reference_year: int | None  # publication year, or the year the article's figures speak of

    @property
    def today(self) -> str | None:
        return self.published.isoformat() if self.published else None


def find_periods(folded: str, start: int, end: int, context: DateContext) -> list[PeriodMention]:
    """Period expressions in ``folded[start:end]``, in text order, not overlapping."""
    text = folded[start:end]
    masked = _COMPARISON.sub(blank, text) if any(w in text for w in _COMPARISON_WORDS) else text
    present = 0  # the bits of the need words ``masked`` holds
    for _, bit in _NEED_FINDER.iter(masked):
        present |= bit
    for special, bit in _SPECIAL_BITS:
        if special.search(masked) is not None:
            present |= bit
    taken: list[tuple[int, int]] = []
    found: list[PeriodMention] = []
    for (kind, pattern, _), masks in zip(PATTERNS, _NEED_MASKS):
        for mask in masks:
            if not present & mask:
                break  # a group of needs has no word in the text
        else:
            _scan(kind, pattern, masked, start, context, taken, found)
    found.sort(key=lambda m: m.start)
    return _relative_later(found, context)


def _scan(kind: str, pattern: re.Pattern[str], masked: str, start: int, context: DateContext,
          taken: list[tuple[int, int]], found: list[PeriodMention]) -> None:
    """Add the mentions of one pattern to ``found`` (and their spans to ``taken``)."""
    for match in pattern.finditer(masked):
        a, b = match.span()
        if not _word_edges(masked, a, b) or any(a < y and x < b for x, y in taken):
            continue
        mention = _resolve(kind, match, context, start + a, start + b, found)
        if mention is not None:
            found.append(mention)
        if mention is not None or kind in ("point", "point_end"):
            taken.append((a, b))  # "by the end of this year" is a target: no "this year" inside it either


def _word_edges(text: str, a: int, b: int) -> bool:
    return (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum())


def _resolve(kind: str, m: re.Match[str], ctx: DateContext, a: int, b: int,
             earlier: list[PeriodMention]) -> PeriodMention | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if kind == "ytd":
        year = int(groups["y"]) if "y" in groups else ctx.reference_year
        if year is None:
            return None
        end = ctx.today if ctx.published and ctx.published.year == year else f"{year}-12"
        return PeriodMention(a, b, "ytd", Period(f"{year}", end))
    if kind == "first_months":
        n = _count(groups["n"])
        year = _year_ref(groups.get("yref"), ctx, n)
        if year is None or not 1 <= n <= 12:
            return None
        return PeriodMention(a, b, "span", Period(f"{year}-01", f"{year}-{n:02d}"))
    if kind == "months_to":
        month = MONTHS[groups["mt"].rstrip(".")]
        through = f"{groups['yt']}-{month:02d}" if "yt" in groups else _latest_month(month, ctx)
        if through is None:
            return None
        end_y, end_m = int(through[:4]), int(through[5:])
        if "year" in groups and "ended" not in groups:  # "the year to October": since January
            return PeriodMention(a, b, "span", Period(f"{end_y}-01", through))
        n = 12 if "year" in groups else _count(groups["n"])  # "the year ended March 2025": twelve months
        if not 1 <= n <= 24:
            return None
        start_y, start_m = _add_months(end_y, end_m, -(n - 1))
        return PeriodMention(a, b, "span", Period(f"{start_y}-{start_m:02d}", through))
    if kind == "first_quarters":
        quarters_end = 3 * _count(groups["nq"])
        year = _year_ref(groups.get("yref"), ctx, quarters_end)
        return PeriodMention(a, b, "span", Period(f"{year}-01", f"{year}-{quarters_end:02d}")) if year is not None else None
    if kind == "last_months":
        n = _count(groups["n"])
        if ctx.published is None or not 1 <= n <= 24:
            return None
        end_y, end_m = _add_months(ctx.published.year, ctx.published.month, -1)
        start_y, start_m = _add_months(end_y, end_m, -(n - 1))
        return PeriodMention(a, b, "span", Period(f"{start_y}-{start_m:02d}", f"{end_y}-{end_m:02d}"))
    if kind == "month_range":
        year = _year_ref(groups.get("yref"), ctx)
        ma, mb = MONTHS[groups["ma"].rstrip(".")], MONTHS[groups["mb"].rstrip(".")]
        first_year = int(groups["ya"]) if "ya" in groups else year  # "from June 2024 to July 2025"
        if year is None or first_year is None or (first_year, ma) > (year, mb) \
                or "conj" in groups and "btw" not in groups and (first_year, mb) != (year, ma + 1):
            return None  # "in January and February" is a span, "in January and October" two months
        return PeriodMention(a, b, "span", Period(f"{first_year}-{ma:02d}", f"{year}-{mb:02d}"))
    if kind == "year_range":
        first = groups.get("ya") or groups.get("yc") or groups.get("ye")
        last = groups.get("yb") or groups.get("yd") or groups.get("yf")
        assert first and last
        if len(last) == 2:
            last = first[:2] + last
        if int(last) <= int(first):
            return None
        return PeriodMention(a, b, "span", Period(first, last))
    if kind == "since":
        begin = groups["sy"] if "sm" not in groups else f"{groups['sy']}-{MONTHS[groups['sm'].rstrip('.')]:02d}"
        until = _date_end(groups, ctx)
        return PeriodMention(a, b, "since", Period(begin, until or ctx.today))
    if kind in ("point", "point_end"):
        until = _date_end(groups, ctx)
        if until is None or (ctx.published and until[:4] > str(ctx.published.year)):
            return None  # "by 2030" is a target, not a state
        if kind == "point_end":
            until = last_day(until)
        if ctx.published and until > ctx.published.isoformat():
            return None  # "by the end of this year" is a target, not a state
        return PeriodMention(a, b, "point", Period(None, until))
    if kind in ("quarter", "half"):
        span = _quarter_span(groups, ctx)
        return PeriodMention(a, b, "span", span) if span else None
    if kind == "point_part":
        until = _part_end(groups, ctx)
        if until is None or (ctx.published and until > ctx.published.isoformat()[:len(until)]):
            return None  # "by mid-2030" is a target, not a state
        return PeriodMention(a, b, "point", Period(None, until))
    if kind == "past_years":
        years = _past_years(groups)
        if ctx.published is None or years is None:
            return None
        return PeriodMention(a, b, "since", Period(str(ctx.published.year - years), ctx.today))
    if kind == "reference":  # "in the 11-month period" with no period told before: the first 11 months
        n = _count(groups["n"]) if "n" in groups else 0
        year = _year_ref(None, ctx, n) if 1 <= n <= 12 else None
        return PeriodMention(a, b, "reference", Period(f"{year}-01", f"{year}-{n:02d}") if year else Period())
    if kind == "day_range":
        return _day_range(groups, ctx, a, b)
    if kind == "day":
        day = _date_end(groups, ctx)
        return PeriodMention(a, b, "day", Period(day, day)) if day and len(day) == 10 else None
    if kind == "later":
        return PeriodMention(a, b, "later", Period(None, str(_count(groups["n"]))))
    if kind == "present":
        return PeriodMention(a, b, "present", Period(None, ctx.today))
    if kind in ("in_date", "year_rel"):
        return _in_date(groups, ctx, a, b)
    return None


def _in_date(groups: dict[str, str], ctx: DateContext, a: int, b: int) -> PeriodMention | None:
    if "yrel" in groups:
        if groups["yrel"] == "last year":
            if ctx.reference_year is None:
                return None
            year = str(ctx.reference_year - 1)
            return PeriodMention(a, b, "span", Period(year, year))
        if ctx.reference_year is None:
            return None
        return PeriodMention(a, b, "ytd", Period(str(ctx.reference_year), ctx.today or str(ctx.reference_year)))
    if "y4" in groups:
        return PeriodMention(a, b, "span", Period(groups["y4"], groups["y4"]))
    if "m3" in groups:
        month = f"{groups['y3']}-{MONTHS[groups['m3'].rstrip('.')]:02d}"
        return PeriodMention(a, b, "span", Period(month, month))
    if "m4" in groups:
        named = _date_end(groups, ctx)  # "in July", "in July this year"
        return PeriodMention(a, b, "span", Period(named, named)) if named else None
    return None  # "in October 31" style dates are meeting dates, not periods


def _date_end(groups: dict[str, str], ctx: DateContext) -> str | None:
    """The end date named by the _DATE / _QUARTER / _HALF groups of a match."""
    if "q" in groups or "h" in groups:
        span = _quarter_span(groups, ctx)
        return span.end if span else None
    for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if mk in groups:
            month, day = MONTHS[groups[mk].rstrip(".")], int(groups[dk])
            if not 1 <= day <= 31:
                return None
            if yk in groups:
                return f"{groups[yk]}-{month:02d}-{day:02d}"
            return _latest_day(month, day, ctx)
    if "m3" in groups:
        return f"{groups['y3']}-{MONTHS[groups['m3'].rstrip('.')]:02d}"
    if "y4" in groups:
        return groups["y4"]
    if "m4" in groups:
        month = MONTHS[groups["m4"].rstrip(".")]
        if "m4y" in groups:  # "the end of July this year"
            year = _year_ref(groups["m4y"], ctx)
            return f"{year}-{month:02d}" if year is not None else None
        return _latest_month(month, ctx)
    if "yrel" in groups and ctx.reference_year is not None:
        return str(ctx.reference_year - (groups["yrel"] == "last year"))
    return None


_DECADES = {"decade": 10, "two decades": 20, "three decades": 30, "four decades": 40, "five decades": 50,
            "half century": 50, "half a century": 50, "quarter of a century": 25}


def _past_years(groups: dict[str, str]) -> int | None:
    """How many years "the past 30 years", "the last decade", "the past half a century" reach back."""
    if "n" in groups:
        years = _count(groups["n"])
        return years if 1 <= years <= 150 else None
    return _DECADES.get(" ".join((groups.get("dec") or groups.get("cent") or "").split()))


def _part_end(groups: dict[str, str], ctx: DateContext) -> str | None:
    """The end of "late October" (the month), "mid-2025" (its June), "early 2024" (the year)."""
    if "pm" in groups:
        month = MONTHS[groups["pm"].rstrip(".")]
        return f"{groups['py']}-{month:02d}" if "py" in groups else _latest_month(month, ctx)
    year = groups["pyy"]
    return f"{year}-06" if groups["part"] == "mid" else year


def _quarter_span(groups: dict[str, str], ctx: DateContext) -> Period | None:
    if "q" in groups:
        first, last = 3 * _QUARTERS[groups["q"]] - 2, 3 * _QUARTERS[groups["q"]]
    else:
        half = 1 if groups["h"] in ("first", "1") else 2
        first, last = 6 * half - 5, 6 * half
    year = _year_ref(groups.get("yref") or groups.get("yrefh"), ctx, last)
    if year is None:
        return None
    return Period(f"{year}-{first:02d}", f"{year}-{last:02d}")


def _year_ref(ref: str | None, ctx: DateContext, last_month: int | None = None) -> int | None:
    """The year of a span written with (``ref``) or without a year; a span with no year that would end
    after the publication month is last year's ("the first quarter" in a January article)."""
    if ref and ref[:2] in ("19", "20"):
        return int(ref)
    if ctx.reference_year is None:
        return None
    if ref == "last year":
        return ctx.reference_year - 1
    if ref is None and last_month is not None and ctx.published is not None \
            and ctx.published.year == ctx.reference_year and last_month > ctx.published.month:
        return ctx.reference_year - 1
    return ctx.reference_year


def _day_range(groups: dict[str, str], ctx: DateContext, a: int, b: int) -> PeriodMention | None:
    """A ``day`` mention spanning the days of "from June 5 to 7" or "5-7 June" (the latest such days)."""
    last_month = MONTHS[(groups.get("mb1") or groups.get("ma1") or groups["mb2"]).rstrip(".")]
    first_month = MONTHS[groups["ma1"].rstrip(".")] if "ma1" in groups else last_month
    first_day, final_day = int(groups.get("da1") or groups["da2"]), int(groups.get("db1") or groups["db2"])
    if not (1 <= first_day <= 31 and 1 <= final_day <= 31) or (first_month, first_day) >= (last_month, final_day):
        return None  # "June 5-3": no range of days
    end = f"{groups['yr']}-{last_month:02d}-{final_day:02d}" if "yr" in groups else _latest_day(last_month, final_day, ctx)
    if end is None:
        return None
    return PeriodMention(a, b, "day", Period(f"{end[:4]}-{first_month:02d}-{first_day:02d}", end))


def _latest_day(month: int, day: int, ctx: DateContext) -> str | None:
    if ctx.published is None:
        return f"{ctx.reference_year}-{month:02d}-{day:02d}" if ctx.reference_year else None
    year = ctx.published.year
    if (month, day) > (ctx.published.month, ctx.published.day):
        year -= 1
    return f"{year}-{month:02d}-{day:02d}"


def _latest_month(month: int, ctx: DateContext) -> str | None:
    if ctx.published is None:
        return f"{ctx.reference_year}-{month:02d}" if ctx.reference_year else None
    year = ctx.published.year - (month > ctx.published.month)
    return f"{year}-{month:02d}"


def last_day(when: str) -> str:
    """The last day of a year or month written ``YYYY`` or ``YYYY-MM`` ("the end of June 2024")."""
    if len(when) == 4:
        return f"{when}-12-31"
    if len(when) == 7:
        year, month = int(when[:4]), int(when[5:])
        following = date(year + (month == 12), month % 12 + 1, 1)
        return (following - timedelta(days=1)).isoformat()
    return when


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS.get(word, 0)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _relative_later(found: list[PeriodMention], ctx: DateContext) -> list[PeriodMention]:
    """Resolve "five years later" against the span before it."""
    out: list[PeriodMention] = []
    for mention in found:
        if mention.kind == "later":
            base = next((m for m in reversed(out) if m.kind == "span" and m.period.end), None)
            if base is None or base.period.end is None:
                continue
            year = str(int(base.period.end[:4]) + int(mention.period.end or 0))
            mention = PeriodMention(mention.start, mention.end, "span", Period(year, year))
        out.append(mention)
    return out


def years_mentioned(folded: str) -> list[int]:
    """Every plausible year written in the text, for guessing the reference year."""
    return [int(y) for y in _YEAR_WORD.findall(folded)]

