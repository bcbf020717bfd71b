"""Finding gazetteer entries in running text.

One Aho-Corasick automaton runs over the accent-folded text (``fold`` keeps offsets), then
each hit is checked against the original text:

- **case**: every capital of the known name must be a capital in the text, so ``us`` is
  not the US and ``ota`` is not Ota; a short mixed-case name (``Ota``, ``Tsu``) does not
  match an all-capitals word (``OTA``);
- **word boundaries** (except for kanji, which Japanese writes without spaces), and not
  before ``$`` (``US$1.67 billion`` names a currency, not the country);
- **people**: a Vietnamese place right after a Vietnamese name (``Nguyen Hoa Binh``,
  ``Nguyen Thi Hue``) or a Japanese place after an honorific or next to a romanised given
  name (``Mr Chiba``, ``Natsuo Yamaguchi``, ``Yamaguchi Natsuo``) is a person;
- **kind words**: ``X province``, ``X prefecture``, ``X-ken``, ``X City``, ``X-shi`` and
  ``the city of X`` pick the entry of that kind (``Chiba`` is the prefecture, ``Chiba City``
  the city) and the suffix joins the mention; some names count only with such a word
  (``Ho Chi Minh city``, ``Vinh city``);
- **country context**: an organisation name shared by two countries (``MOFA``, ``Ministry
  of Finance``) follows a country or demonym just before it (``Japan's MOFA``) or after it
  (``MOFA of Japan``);
- overlapping hits: the leftmost, then the longest wins (``Ho Chi Minh City`` over
  ``Ho Chi Minh``; ``Japan Chamber of Commerce and Industry`` over ``Japan``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from ..text import ROMAJI, fold
from ..word_starts import WordStarts
from .model import Entry, Mention, PersonWords

KIND_RANK = {"country": 0, "province": 1, "prefecture": 2, "organisation": 3, "company": 4, "city": 5, "group": 6}
_SUFFIX = re.compile(
    r"(?: +(?P<absorb>province|prefecture|city|metropolis)\b"
    r"| +(?P<hint>provincial|prefectural|municipal|provinces|prefectures|cities)\b"
    r"|-(?P<jp>ken|fu|to|do|shi|machi|cho)\b)"
)
_SUFFIX_KIND = {"province": "province", "provincial": "province", "prefecture": "prefecture",
                "prefectural": "prefecture", "provinces": "province", "prefectures": "prefecture", "cities": "city",
                "metropolis": "prefecture", "city": "city", "municipal": "city",
                "ken": "prefecture", "fu": "prefecture", "to": "prefecture", "do": "prefecture",
                "shi": "city", "machi": "city", "cho": "city"}
_PREFIX = re.compile(r"\b(city|province|prefecture|town) of +$")
_NEXT_WORD = re.compile(r" +([^\W\d_]+)")
_HONORIFIC_SUFFIX = re.compile(r"-(san|sama|sensei|kun|chan)\b")
_CURRENCY = re.compile(r" +(?:dollars?|cents?)\b")
_COUNTRY_BEFORE = re.compile(r"(?:'s)? *")
_COUNTRY_AFTER = re.compile(r" +(?:of|in|from) +(?:the +)?")
_SPELLINGS_KEPT = 4096
_CJK = re.compile("[\u2e80-\U0010ffff]")  # kanji (``Surface.cjk``): CJK scripts and every code point above


@dataclass(frozen=True)
class Surface:
    """One way of writing one entry, with what the text must show for it to count."""

    text: str
    entry: Entry
    form: str  # "name" or "demonym"
    order: int  # row order of the entry: earlier rows win ties
    context_only: bool = False  # counts only next to "city", "province"...
    upper: tuple[int, ...] = ()  # offsets that must be capitals in the text
    short_mixed: bool = False  # a short name like "Ota": not in an all-capitals word
    cjk: bool = False  # written in kanji: no word boundaries
    guard: str = ""  # "vn" or "jp": may be part of a person's name


class _Hit(NamedTuple):
    """A checked hit (a named tuple: an article has dozens, and tuples are cheap to make)."""

    first: int
    stop: int
    options: tuple[Surface, ...]
    kind_word: str | None  # kind asked for by a word around the hit
    suffix_end: int  # end of the hit with its kind word, if that word joins the mention


class _Form(NamedTuple):
    """One folded form in the automaton: its surfaces and what ``find`` tests first."""

    length: int
    surfaces: tuple[Surface, ...]
    cjk: bool  # written in kanji: no word boundaries
    country: bool  # names a country: not before "dollar"
    guarded: bool  # some surface may be part of a person's name


class Matcher:
    """The automaton over every surface of every entry, and the checks around each hit."""

    def __init__(self, entries: dict[str, Entry], person_words: PersonWords):
        self.person_words = person_words
        self.spellings: dict[str, tuple[Surface, ...]] = {}  # see ``_written``
        by_form: dict[str, list[Surface]] = {}
        for order, entry in enumerate(entries.values()):
            for surface in _surfaces(entry, order, person_words):
                by_form.setdefault(fold(surface.text), []).append(surface)
        self.known_words = frozenset(form for form in by_form if " " not in form)
        # forms written in kanji go in an automaton of their own, run only on text holding such characters:
        # the automaton looks a character up among a node's children one by one, and the first characters
        # of the kanji names would make the root's list six times longer for every character of English text.
        # The other forms must begin a word: they are looked for where one begins (``WordStarts``)
        self.cjk_automaton = ahocorasick.Automaton()
        word_forms: list[tuple[str, _Form]] = []
        for form, surfaces in by_form.items():
            value = _Form(len(form), tuple(surfaces), surfaces[0].cjk,
                          not surfaces[0].cjk and surfaces[0].entry.kind == "country", any(s.guard for s in surfaces))
            if value.cjk:
                self.cjk_automaton.add_word(form, value)
            else:
                word_forms.append((form, value))
        self.word_forms = WordStarts(word_forms)
        if len(self.cjk_automaton):
            self.cjk_automaton.make_automaton()  # else it stays empty, and ``find`` does not run it

    def find(self, text: str, start: int = 0, end: int | None = None, folded_text: str | None = None) -> list[Mention]:
        """Non-overlapping mentions in ``text[start:end]``, leftmost then longest first.

        ``folded_text``, when given, is ``fold(text)`` computed once for the whole text.
        """
        end = len(text) if end is None else end
        segment = text[start:end]
        folded = fold(segment) if folded_text is None else folded_text[start:end]
        hits = self._word_hits(segment, folded)
        if len(self.cjk_automaton) and not folded.isascii() and _CJK.search(folded):
            hits += self._cjk_hits(segment, folded)
        hits.sort(key=lambda h: (h.first, -(h.stop - h.first)))
        chosen: list[_Hit] = []
        cursor = 0
        for hit in hits:
            if hit.first >= cursor:
                chosen.append(hit)
                cursor = hit.suffix_end
        mentions: list[Mention] = []
        for index, hit in enumerate(chosen):
            hint = _country_hint(folded, hit, mentions[-1] if mentions else None, start,
                                 chosen[index + 1] if index + 1 < len(chosen) else None)
            mentions.append(_mention(segment, start, hit, hint))
        return mentions

    def _word_hits(self, segment: str, folded: str) -> list[_Hit]:
        """Every checked hit of a form that is not in kanji in the folded segment: it stands on word boundaries."""
        size = len(folded)
        hits = []
        for first, stop, form in self.word_forms.find(folded):
            if first > 0 and folded[first - 1].isalnum() or stop < size and (folded[stop].isalnum() or folded[stop] == "$"):
                continue  # a letter of another script just before, or a letter, digit or "$" after
            hit = self._check(segment, folded, first, stop, form)
            if hit is not None:
                hits.append(hit)
        return hits

    def _cjk_hits(self, segment: str, folded: str) -> list[_Hit]:
        """Every checked hit of a form in kanji in the folded segment (Japanese writes no word boundaries)."""
        hits = []
        for last, form in self.cjk_automaton.iter(folded):
            hit = self._check(segment, folded, last - form.length + 1, last + 1, form)
            if hit is not None:
                hits.append(hit)
        return hits

    # -- checks on one hit ------------------------------------------------------------
    def _check(self, segment: str, folded: str, first: int, stop: int, form: _Form) -> _Hit | None:
        """The hit with the options its context allows, or None (word boundaries are checked by ``find``)."""
        if form.country and _CURRENCY.match(folded, stop):
            return None  # "US dollar", "Singapore dollars": a currency
        raw = segment[first:stop]
        options: Sequence[Surface] = self._written(raw, form)
        if form.guarded and options and any(s.guard for s in options):
            prev_word, next_word = _neighbours(segment, first, stop)
            options = [s for s in options if not s.guard or self._not_a_person(s, prev_word, next_word, folded, stop)]
        if not options:
            return None
        kind_word, suffix_end = _kind_word(folded, first, stop)
        options = [s for s in options if not s.context_only or (kind_word is not None and fits(s.entry, kind_word))]
        return _Hit(first, stop, tuple(options), kind_word, suffix_end) if options else None

    def _written(self, raw: str, form: _Form) -> tuple[Surface, ...]:
        """The surfaces of ``form`` that may be written as ``raw`` (its case), remembered per spelling:
        ``raw`` folds to the form, so it alone decides (a few thousand spellings at most are kept)."""
        written = self.spellings.get(raw)
        if written is None:
            if len(self.spellings) >= _SPELLINGS_KEPT:
                self.spellings.clear()
            written = self.spellings[raw] = tuple(s for s in form.surfaces if s.text == raw or _case_ok(s, raw))
        return written

    def _not_a_person(self, surface: Surface, prev_word: str, next_word: str, folded: str, stop: int) -> bool:
        words = self.person_words
        prev_folded = fold(prev_word)
        if prev_folded.rstrip(".") in words.honorifics:
            return False
        if surface.guard == "vn":
            # "Reporter Hue Nguyen" is a person; "Hai Phong Le Chan" and "secretary of Hue Nguyen Van A" are places
            western_order = (" " not in surface.text and not prev_word[:1].islower() and _title(next_word)
                             and fold(next_word) in words.vn_family)
            return not ((_title(prev_word) and prev_folded in words.vn_names) or western_order)
        if _HONORIFIC_SUFFIX.match(folded, stop):
            return False
        return not (self._given_name(prev_word) or self._given_name(next_word))

    def _given_name(self, word: str) -> bool:
        """A capitalised romanised Japanese word that names no known place: ``Natsuo``, ``Kenji``."""
        if len(word) < 3 or not _title(word):
            return False
        folded = fold(word)
        return ROMAJI.fullmatch(folded) is not None and folded not in self.known_words


def _neighbours(segment: str, first: int, stop: int) -> tuple[str, str]:
    """The words right before and right after a hit, if only spaces separate them from it."""
    previous = ""
    if first > 0 and segment[first - 1] == " ":
        end = first - 1
        while end > 0 and segment[end - 1] == " ":
            end -= 1
        previous = segment[segment.rfind(" ", 0, end) + 1:end].lstrip("(\"'“‘[")
    following = ""
    if stop < len(segment) and segment[stop] == " ":
        match = _NEXT_WORD.match(segment, stop)
        following = match.group(1) if match else ""
    return previous, following


def _surfaces(entry: Entry, order: int, words: PersonWords) -> list[Surface]:
    context = {fold(n) for n in entry.context_names}
    forms = [(n, "name", False) for n in entry.names if fold(n) not in context]
    forms += [(n, "demonym", False) for n in entry.demonyms]
    forms += [(n, "context", True) for n in entry.context_names]
    out = []
    for text, form, context_only in forms:
        cjk = _CJK.search(text) is not None
        out.append(Surface(text, entry, "demonym" if form == "demonym" else "name", order, context_only,
                           tuple(i for i, ch in enumerate(text) if ch.isupper()),
                           len(text) <= 4 and not text.isupper(), cjk, "" if cjk else _guard(entry, text, words)))
    return out


def _guard(entry: Entry, text: str, words: PersonWords) -> str:
    if entry.country == "JP" and entry.kind in ("prefecture", "city", "company") and text.isalpha():
        return "jp"
    if (entry.country == "VN" and entry.kind in ("province", "city")) or fold(text) in words.vn_names:
        return "vn"
    if text.isalpha() and len(text) <= 4:
        return "vn"  # "An Lao" is a district, "Pham Thai" a person
    return ""


def _case_ok(surface: Surface, raw: str) -> bool:
    if surface.short_mixed and raw.isupper():
        return False
    return all(raw[i].isupper() for i in surface.upper)


def _title(word: str) -> bool:
    return bool(word) and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _kind_word(folded: str, first: int, stop: int) -> tuple[str | None, int]:
    """The kind a neighbouring word asks for, and where the mention ends if the word joins it."""
    # both words stand apart from the name: a space or hyphen after it, "of" and spaces before it
    suffix = _SUFFIX.match(folded, stop) if folded[stop:stop + 1] in (" ", "-") else None
    if suffix:
        word = suffix.group("absorb") or suffix.group("hint") or suffix.group("jp")
        joins = suffix.group("hint") is None
        return _SUFFIX_KIND[word], suffix.end() if joins else stop
    prefix = _PREFIX.search(folded, max(0, first - 20), first) if folded[first - 1:first] == " " else None
    if prefix:
        return _SUFFIX_KIND.get(prefix.group(1), "city"), stop
    return None, stop


def fits(entry: Entry, kind: str) -> bool:
    """Whether ``entry`` is what a kind word asks for (Vietnam's centrally-run cities are provinces too)."""
    if kind == "province":
        return entry.kind == "province" or (entry.country == "VN" and entry.kind == "city" and entry.parent is None)
    return entry.kind == kind


def _country_hint(folded: str, hit: _Hit, previous: Mention | None, offset: int, following: _Hit | None) -> str | None:
    """The country of a country name right before (``Japan's MOFA``) or after (``MOFA of Japan``)."""
    if len(hit.options) < 2 or len({s.entry.country for s in hit.options}) < 2:
        return None
    if previous is not None and previous.entry.kind == "country":
        gap_start = previous.end - offset
        if gap_start <= hit.first and _COUNTRY_BEFORE.fullmatch(folded, gap_start, hit.first):
            return previous.entry.country
    if following is not None and _COUNTRY_AFTER.fullmatch(folded, hit.suffix_end, following.first):
        countries = [s.entry for s in following.options if s.entry.kind == "country"]
        if countries:
            return countries[0].country
    return None


def _mention(segment: str, offset: int, hit: _Hit, country: str | None) -> Mention:
    if len(hit.options) == 1:  # most hits: nothing to rank
        entry = hit.options[0].entry
        stop = hit.suffix_end if hit.kind_word is not None and fits(entry, hit.kind_word) else hit.stop
        return Mention(offset + hit.first, offset + stop, segment[hit.first:stop], entry, hit.options[0].form)
    raw = segment[hit.first:hit.stop]

    def preference(surface: Surface) -> tuple[bool, bool, bool, int, bool, int]:
        entry = surface.entry
        return (hit.kind_word is not None and not fits(entry, hit.kind_word),
                country is not None and entry.country != country,
                surface.text != raw, KIND_RANK.get(entry.kind, 9), entry.parent is not None, surface.order)

    ranked = sorted(hit.options, key=preference)
    best = ranked[0]
    joined = hit.kind_word is not None and fits(best.entry, hit.kind_word)
    stop = hit.suffix_end if joined else hit.stop
    alternatives: list[Entry] = []
    for surface in ranked[1:]:
        if surface.entry != best.entry and surface.entry not in alternatives:
            alternatives.append(surface.entry)
    return Mention(offset + hit.first, offset + stop, segment[hit.first:stop], best.entry, best.form,
                   tuple(alternatives))
