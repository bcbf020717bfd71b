"""Numbers in running text: counts, money, percentages and ordinal ranks.

``find_quantities`` reads every figure of a stretch of text with its exact span, its value
in base units (``$78.9 billion`` → 78_900_000_000), its unit (``count``, ``percent``,
``USD`` or another ISO currency) and the qualifier written before it ("more than",
"about"…). Years, dates, ranges ("2012-13", "2005-2012") and figures glued to other
digits are never quantities. Ordinals ("fourth", "31st", "third-largest", "top") are read
by ``ordinal_value``; the rank grammar lives in ``ranks.py``.

All matching runs on accent-folded text (``text.fold`` keeps offsets), so spans index the
document directly.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from ..errors import VocabularyError
from ..text import first_digit
from .stat_vocab import VOCAB_DIR, Vocabulary

CURRENCY_FILE = VOCAB_DIR / "stat_currencies.csv"

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mil": 1e6, "m": 1e6, "billion": 1e9,
    "bln": 1e9, "bil": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tril": 1e12, "tln": 1e12, "tn": 1e12,
}


class Currency(NamedTuple):
    """A currency of ``stat_currencies.csv``: its ISO code, the country whose money it is ("" for the
    dollar and the euro, which any party may use) and how it is written before and after a number."""

    code: str
    country: str
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]


def load_currencies(path: Path = CURRENCY_FILE) -> tuple[Currency, ...]:
    """Read and check ``stat_currencies.csv``; raise ``VocabularyError`` listing every bad row."""
    problems: list[str] = []
    found: list[Currency] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            code, country = (row.get("code") or "").strip(), (row.get("country") or "").strip()
            prefixes, suffixes = _forms(row.get("prefixes")), _forms(row.get("suffixes"))
            if not re.fullmatch(r"[A-Z]{3}", code) or not re.fullmatch(r"(?:[A-Z]{2})?", country) \
                    or not prefixes + suffixes:
                problems.append(f"{path.name}:{number}: needs a code (USD), a country code or none, and forms")
                continue
            found.append(Currency(code, country, prefixes, suffixes))
    codes: dict[str, str] = {}
    for currency in found:
        for form in currency.prefixes + currency.suffixes:
            if codes.setdefault(form, currency.code) != currency.code:
                problems.append(f"{path.name}: {form!r} is written for both {codes[form]} and {currency.code}")
    if problems:
        raise VocabularyError(problems)
    return tuple(found)


def _forms(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in (cell or "").split(";") if p.strip())


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


CURRENCIES = load_currencies()
CURRENCY_COUNTRY: Mapping[str, str] = MappingProxyType({c.code: c.country for c in CURRENCIES})
_CURRENCY_WORDS: Mapping[str, str] = MappingProxyType(
    {form: c.code for c in CURRENCIES for form in c.prefixes + c.suffixes})
_PREFIX = rf"(?P<pre>{_alternation([f for c in CURRENCIES for f in c.prefixes])})\s?"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion|mln|bln|tln|bil|tril|bn|tn|mil|[mbk])\b)"
_SUFFIX = rf"(?:[\s-]?(?P<post>{_alternation([f for c in CURRENCIES for f in c.suffixes])})\b)"
_PERCENT = r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|pct\b|percentage points?\b))"
QUANTITY = re.compile(
    rf"(?<![\w.,$¥€£₩-])(?:{_PREFIX})?{_NUMBER}(?![\d])(?:{_SCALE})?(?:{_PERCENT}|{_SUFFIX})?"
    r"(?P<strong>-strong\b)?"
)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # thousands written with dots, as in Vietnamese
# a quantity starts at most this far before its first digit: the longest prefix with its space ("us$ ")
_PREFIX_REACH = max(len(f) for c in CURRENCIES for f in c.prefixes) + 2
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_DATE_BEFORE = re.compile(_MONTHS + r"\s$")
_DATE_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s(?:of\s)?" + _MONTHS + r"(?!\w)")
_RANGE_AFTER = re.compile(r"^\s?[-/]\s?\d")
_RANGE_BEFORE = re.compile(r"\d\s?[-/]\s?$")
# between a sum and the same sum in another currency: "VND2.5 trillion (about US$98 million)", ", or $130 million"
_ABOUT = (r"(?:about|around|approximately|approx\.|roughly|some|nearly|almost|over|more than|equivalent to|"
          r"equal to|worth|or)")
_CONVERSION = re.compile(rf"\s*(?:\(\s*|,?\s+or\s+|,\s+equivalent\s+to\s+|,\s+(?={_ABOUT}\s)|\s*/\s*)(?:{_ABOUT}\s+)*")
_TOP_BEFORE = re.compile(r"(?:^|\W)top[\s-]$")  # "the top 10 localities" names a list, not a figure
_UNIT_AFTER = re.compile(
    r"^\s?(?:sq\.?\s?m\b|square|m2\b|km\b|kilomet|metre|meter|hectares?\b|ha\b|tonnes?\b|tons?\b|kg\b|mw\b|gw\b|kw\b|"
    r"mwh\b|years?\b|months?\b|days?\b|weeks?\b|hours?\b|minutes?\b|am\b|pm\b|a\.m|p\.m|:\d|km2\b)"
)

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "top": 1, "biggest": 1, "largest": 1,
}
_NUMERIC_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_NUMBER_SIGN_ORDINAL = re.compile(r"^no\.?\s?(\d{1,3})$")  # "No. 3 investor", "the No.1 partner"
_NUMBER_SIGN_BEFORE = re.compile(r"(?<![a-z])no\.?\s?$")  # the 3 of "No. 3" is a rank, not a count
_SPELLED_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SPELLED = re.compile(r"(?<![\w-])(?P<tens>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                      r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                      r"eighty|ninety)(?:-(?P<unit>one|two|three|four|five|six|seven|eight|nine))?(?=\s)")
# "a dozen Japanese localities", "nearly a hundred pairs": round counts, never "hundreds of", "a hundred thousand"
_ROUND = re.compile(r"(?<![\w-])an?\s+(?P<round>dozen|hundred)(?=\s)(?!\s+(?:of|thousand|million|billion)\b)")
_ROUND_VALUES = {"dozen": 12, "hundred": 100}
_DETERMINED = re.compile(r"(?:the|these|those|its|their|both|all|of|his|her|our|first|last)\s+$")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}


class Quantity(NamedTuple):
    """A figure found in the text: ``text == document_text[start:end]`` (a tuple: built by the thousand)."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # "count", "percent" or an ISO currency code
    qualifier: str = "exact"
    strong: bool = False  # written "430,000-strong"
    spelled: bool = False  # written in words ("seven Japanese localities")

    @property
    def is_money(self) -> bool:
        return self.unit not in ("count", "percent")


def ordinal_value(word: str) -> int | None:
    """``fourth`` → 4, ``31st`` → 31, ``no. 3`` → 3, ``top``/``biggest`` → 1, else None."""
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    match = _NUMERIC_ORDINAL.match(word) or _NUMBER_SIGN_ORDINAL.match(word)
    return int(match.group(1)) if match else None


def cardinal_value(word: str) -> int | None:
    """``109`` → 109, ``three`` → 3, else None."""
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def find_quantities(folded: str, start: int, end: int, vocab: Vocabulary, spelled: bool = False,
                    conversions: bool = False) -> list[Quantity]:
    """Every count, money amount and percentage in ``folded[start:end]`` (folded document text).

    ``spelled``: also counts written in words ("seven localities"), but never after a determiner
    ("the two countries", "its three plants"). ``conversions``: keep a sum's equivalent in another
    currency ("15 billion yen (US$98 million)"), which is otherwise dropped (see ``converts``).
    """
    found: list[Quantity] = _spelled(folded, start, end, vocab) if spelled else []
    for match in _quantity_matches(folded, start, end):
        quantity = _read(folded, match, start, vocab)
        if quantity is not None:
            found.append(quantity)
    found = sorted(found) if spelled else found
    return found if conversions else _drop_conversions(folded, found)


def converts(folded: str, first: Quantity, second: Quantity) -> bool:
    """``second`` states the sum ``first`` in another currency ("VND2.5 trillion (US$98 million)")."""
    return first.is_money and second.is_money and _CONVERSION.fullmatch(folded, first.end, second.start) is not None


def _quantity_matches(folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``QUANTITY.finditer(folded, start, end)``, but the regex runs only near digits.

    A quantity holds a digit and starts at most ``_PREFIX_REACH`` characters before its first
    one ("us$ 5"), so the search jumps from digit to digit instead of trying every position.
    """
    position = start
    while True:
        digit = first_digit(folded, position, end)  # every quantity has one: jump from digit to digit
        if digit < 0:
            return
        match = QUANTITY.search(folded, max(position, digit - _PREFIX_REACH), end)
        if match is None:
            return
        yield match
        position = match.end()


def _spelled(folded: str, start: int, end: int, vocab: Vocabulary) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _SPELLED.finditer(folded, start, end):
        if _DETERMINED.search(folded, max(start, match.start() - 8), match.start()):
            continue
        tens, unit = match.group("tens", "unit")
        value = _SPELLED_VALUES[tens] + (_SPELLED_VALUES[unit] if unit else 0)
        out.append(Quantity(match.start(), match.end(), match.group(), float(value), "count",
                            vocab.qualifier_before(folded, match.start(), start), spelled=True))
    for match in _ROUND.finditer(folded, start, end):
        qualifier = vocab.qualifier_before(folded, match.start(), start)
        out.append(Quantity(match.start(), match.end(), match.group(), float(_ROUND_VALUES[match.group("round")]),
                            "count", "approx" if qualifier == "exact" else qualifier, spelled=True))
    return out


def _drop_conversions(folded: str, found: list[Quantity]) -> list[Quantity]:
    """One figure per amount: "VND2.5 trillion (US$98 million)" and "20 billion yen, or about $130 million"
    state one sum in two currencies; the first stated is kept."""
    out: list[Quantity] = []
    for quantity in found:
        if out and converts(folded, out[-1], quantity):
            continue
        out.append(quantity)
    return out


def _read(folded: str, match: re.Match[str], floor: int, vocab: Vocabulary) -> Quantity | None:
    raw, pre, post, scale, pct = match.group("num", "pre", "post", "scale", "pct")
    currency = _CURRENCY_WORDS.get(pre or post or "")
    if scale in ("m", "b", "k") and currency is None:
        return None  # "5m" alone is a length, not money
    begin, stop = match.span()
    before = folded[max(floor, begin - 12):begin]
    after = folded[stop:stop + 14]
    if ("-" in before[-2:] or "/" in before[-2:]) and _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after[:3]):
        return None
    if "top" in before and _TOP_BEFORE.search(before):
        return None
    if "no" in before[-4:] and _NUMBER_SIGN_BEFORE.search(before):
        return None
    if currency is None and pct is None and scale is None:
        if _is_year(raw) or before[-1:].isspace() and _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
            return None
        if _UNIT_AFTER.match(after):
            return None
    if pct and "point" in pct:
        return None  # percentage points are a difference, not a share
    if not (scale or pct or post or match.group("strong")) and folded[match.end():match.end() + 1].isalpha():
        return None  # glued to a word that is no scale or unit ("20bil", "5g", "3rd"): no clean figure
    if currency is None and pct is None and scale is None and _DOT_THOUSANDS.fullmatch(raw):
        raw = raw.replace(".", "")  # "1.000 projects", "5.681 projects": a count has no decimals
    value = float(raw.replace(",", ""))
    if scale:
        value *= SCALES[scale]
    unit = "percent" if pct else (currency or "count")
    text = folded[match.start():match.end()]
    stop = match.end()
    if match.group("strong"):
        stop = match.start("strong")
    value = round(value, 6) if unit == "percent" else round(value, 2)
    qualifier = "more_than" if folded.startswith(("-plus", " plus "), stop) and not pct else \
        vocab.qualifier_before(folded, match.start(), floor)  # "100-plus projects"
    return Quantity(match.start(), stop, text[: stop - match.start()], value, unit, qualifier,
                    bool(match.group("strong")))


def _is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100
