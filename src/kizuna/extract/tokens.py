"""Word tokens with document offsets, and phrase tables matched over them.

Tokens keep their span in the document, so every grammar built on them (titles, names,
meeting cues) reports exact evidence offsets. ``low`` is the accent-folded lower-case form.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Final, Generic, Iterable, NamedTuple, TypeVar

from ..errors import GazetteerError
from ..text import fold
from ..word_starts import WordStarts

VOCAB_DIR = Path(__file__).parent / "vocab"

# abbreviations ("U.S."), possessive 's, words (with hyphens and inner apostrophes), else one character. Written
# for speed, matching what the plain form (?:[^\W\d_]\.){2,}|['’]s\b|[^\W_]+(?:-[^\W_]+)*(?:['’](?!s\b)[^\W_]+)*|\S
# matches: a look-ahead passes over the abbreviation branch at once; a word's hyphen and apostrophe parts are tried
# only before a hyphen or apostrophe; its repeats are possessive, as nothing after them could make them give back
_TOKEN = re.compile(r"(?=[^\W\d_]\.[^\W\d_]\.)(?:[^\W\d_]\.){2,}|['’]s\b"
                    r"|[^\W_]++(?:(?=[-'’])(?:-[^\W_]+)*+(?:['’](?!s\b)[^\W_]+)*+)?+|\S")

_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")  # a token and the white space before it

T = TypeVar("T")


class Token(NamedTuple):
    """One word or punctuation mark: ``text == document_text[start:end]``.

    A named tuple rather than a dataclass: articles make thousands of tokens, and a tuple is
    built several times faster.
    """

    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]``; possessive ``'s`` is its own token.

    ``folded``, when given, is ``fold(text)`` computed once (see ``Article.folded``).
    """
    end = len(text) if end is None else end
    if folded is None:
        return tuple(Token(m.start(), m.end(), m.group(), fold(m.group()))
                     for m in _TOKEN.finditer(text, start, end))
    # ``findall`` hands over each token with the white space before it as strings, made in C: the
    # offsets follow by adding lengths, which costs less than a match object and ``span()`` per token
    new = tuple.__new__  # Token(...) without the keyword-argument machinery: tokens are many
    tokens = []
    cursor = start
    for space, word in _SPACED_TOKEN.findall(text, start, end):
        first = cursor + len(space)
        cursor = first + len(word)
        tokens.append(new(Token, (first, cursor, word, folded[first:cursor])))
    return tuple(tokens)


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token sequence a vocabulary phrase matches (``"People's Council"`` → people, 's, council)."""
    return tuple(t.low for t in tokenize(phrase))


class PhraseTable(Generic[T]):
    """Multi-word phrases mapped to values, matched longest first on token ``low`` forms.

    ``firsts`` / ``lasts`` give, for each first / last word, the longest phrase with it: most
    tokens start no phrase, and are passed over with one dictionary look-up.

    A plain class, not a frozen dataclass: mypyc (the opt-in compiled build) cannot compile a
    generic dataclass. ``Final`` keeps the fields read-only for the type checker.
    """

    def __init__(self, entries: dict[tuple[str, ...], T], longest: int, firsts: dict[str, int],
                 lasts: dict[str, int]) -> None:
        self.entries: Final = entries
        self.longest: Final = longest
        self.firsts: Final = firsts
        self.lasts: Final = lasts

    @classmethod
    def build(cls, pairs: list[tuple[str, T]]) -> "PhraseTable[T]":
        entries = {phrase_key(p): v for p, v in pairs}
        firsts: dict[str, int] = {}
        lasts: dict[str, int] = {}
        for key in entries:
            if key:
                firsts[key[0]] = max(firsts.get(key[0], 0), len(key))
                lasts[key[-1]] = max(lasts.get(key[-1], 0), len(key))
        return cls(entries, max((len(k) for k in entries), default=0), firsts, lasts)

    def match(self, tokens: tuple[Token, ...], i: int) -> tuple[int, T] | None:
        """``(end_index, value)`` of the longest phrase starting at token ``i``, or None."""
        longest = self.firsts.get(tokens[i].low, 0) if 0 <= i < len(tokens) else self.longest
        for n in range(min(longest, len(tokens) - i), 0, -1):
            value = self.entries.get(tuple(t.low for t in tokens[i:i + n]))
            if value is not None:
                return i + n, value
        return None

    def match_ending(self, tokens: tuple[Token, ...], j: int) -> tuple[int, T] | None:
        """``(start_index, value)`` of the longest phrase ending just before token ``j``, or None."""
        longest = self.lasts.get(tokens[j - 1].low, 0) if 0 < j <= len(tokens) else self.longest
        for n in range(min(longest, j), 0, -1):
            value = self.entries.get(tuple(t.low for t in tokens[j - n:j]))
            if value is not None:
                return j - n, value
        return None


def phrases_regex(phrases: Iterable[str]) -> str:
    """Regex source matching any of ``phrases`` (folded words separated by spaces) in folded text.

    The words of a phrase may be separated by white space or nothing (as consecutive tokens are);
    a phrase ending in a letter or digit ends a word. Phrases are grouped by their first
    character, which lets the regex engine pass over most positions at once.
    """
    by_first: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s*".join(re.escape(word) for word in phrase.split())
        first = re.escape(phrase[0])
        by_first.setdefault(first, []).append(body[len(first):] + (r"(?![^\W_])" if phrase[-1].isalnum() else ""))
    return "(?:" + "|".join(first + "(?:" + "|".join(rest) + ")" for first, rest in by_first.items()) + ")"


# What ``\s`` matches in a str pattern (the test checks every code point): the white space other
# than one plain space that a ``PhraseFinder`` leaves to its regex
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


class PhraseFinder:
    """Vocabulary phrases in folded text, found by an Aho-Corasick automaton (in C) exactly as
    ``fallback``, the regex ``(?<!W)(?:p1|p2|…)(?!W)`` with ``\\s*`` between a phrase's words, finds them.

    ``W`` is a letter a-z when ``letters_only`` (every phrase must end a word), else a letter or digit of
    any script (only a phrase ending in one must end a word). The regex tries the phrases in the order
    given, so at one position the first that fits wins; after a match the search resumes at its end.

    The automaton holds every phrase with one space or none between its words: that is all ``\\s*``
    can match in text whose white space is single plain spaces. Text with other white space (a tab,
    two spaces, a no-break space) is left to the regex, which a big alternation makes slow: it tries
    its branches at every position, where the automaton reads each character once.

    The phrases are looked for where they begin a word (``WordStarts``: a digit may stand before one when
    ``letters_only``), each hit then checked for the edges ``W`` asks.
    """

    def __init__(self, phrases: Sequence[str], fallback: re.Pattern[str], *, letters_only: bool):
        self.fallback = fallback
        self.letters_only = letters_only
        best: dict[str, int] = {}
        for rank, phrase in enumerate(phrases):
            words = phrase.split(" ")
            if any(c in WHITESPACE for c in phrase.replace(" ", "")) or not all(words):
                raise ValueError(f"phrase {phrase!r}: words must be separated by single spaces")
            for gaps in product((" ", ""), repeat=len(words) - 1):
                variant = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:]))
                best.setdefault(variant, rank)
        # a variant's rank, and whether it must end a word
        self.variants = WordStarts(((variant, (rank, letters_only or variant[-1].isalnum()))
                                    for variant, rank in best.items()), digits=not letters_only)

    def _hits(self, folded: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(first, rank, stop)`` of every phrase variant in ``folded[start:end]`` that begins a word and, when
        it must, ends one."""
        return [(first, rank, stop) for first, stop, (rank, closed) in self.variants.find(folded, start, end)
                if self._bounded(folded, start, end, first, stop, closed)]

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Spans of the phrases ``fallback.finditer(folded[start:end])`` finds (offsets index ``folded``)."""
        end = len(folded) if end is None else end
        if _irregular_space(folded, start, end):
            return [(start + m.start(), start + m.end()) for m in self.fallback.finditer(folded[start:end])]
        hits = self._hits(folded, start, end)
        hits.sort()  # leftmost first, then the phrase the regex tries first
        found = []
        cursor = start
        for first, _, stop in hits:
            if first >= cursor:
                found.append((first, stop))
                cursor = stop
        return found

    def search(self, folded: str, start: int = 0, end: int | None = None) -> bool:
        """Whether ``fallback.search(folded[start:end])`` finds a phrase."""
        end = len(folded) if end is None else end
        if _irregular_space(folded, start, end):
            return self.fallback.search(folded[start:end]) is not None
        return bool(self._hits(folded, start, end))

    def _bounded(self, folded: str, start: int, end: int, first: int, stop: int, closed: bool) -> bool:
        """The hit ``[first, stop)`` starts a word and, when ``closed``, ends one (in ``folded[start:end]``)."""
        if self.letters_only:
            return (first == start or not "a" <= folded[first - 1] <= "z") and \
                (stop == end or not "a" <= folded[stop] <= "z")
        return (first == start or not folded[first - 1].isalnum()) and \
            (not closed or stop == end or not folded[stop].isalnum())


_IRREGULAR_SPACE = re.compile("[" + re.escape(WHITESPACE.replace(" ", "")) + "]| (?= )")


def _irregular_space(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` holds white space other than single plain spaces (or starts where such does)."""
    where = _irregular_spaces(folded)
    index = bisect_left(where, start)
    return index < len(where) and where[index] < end


@lru_cache(maxsize=16)
def _irregular_spaces(folded: str) -> tuple[int, ...]:
    """Where ``folded`` holds white space other than one plain space: found once per text (an article's folded
    text is asked about sentence by sentence), with ``in`` tests first, as most texts hold none but line breaks."""
    if folded.isascii() and "  " not in folded and not any(c in folded for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"):
        return ()
    return tuple(m.start() for m in _IRREGULAR_SPACE.finditer(folded))


def read_vocab(name: str, columns: tuple[str, ...], allowed: dict[str, set[str]]) -> list[dict[str, str]]:
    """Rows of ``vocab/<name>``, checked: required columns present, enumerated cells valid.

    Every bad row is reported at once in one ``GazetteerError``.
    """
    path = VOCAB_DIR / name
    problems: list[str] = []
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError([f"{name}: missing columns {', '.join(missing)}"])
        for number, row in enumerate(reader, start=2):
            if None in row or any(row[c] is None for c in columns):
                problems.append(f"{name}:{number}: wrong number of cells")
                continue
            clean = {c: row[c].strip() for c in columns}
            if not clean[columns[0]]:
                problems.append(f"{name}:{number}: {columns[0]} is empty")
                continue
            for column, values in allowed.items():
                if clean[column] not in values:
                    problems.append(f"{name}:{number}: {column} {clean[column]!r} is not one of {sorted(values)}")
                    break
            else:
                rows.append(clean)
    if problems:
        raise GazetteerError(problems)
    return rows
