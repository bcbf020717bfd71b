"""Text helpers shared by every layer: accent folding and sentence spans.

``fold`` keeps the string length, so an offset into the folded text is an offset into the
original: gazetteer matching runs on folded text and reports spans of the document.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL = {"đ": "d", "Đ": "d", "’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    base = base.lower()
    return base[0] if len(base) == 1 else ch.lower()[:1] or ch


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower case, diacritics dropped, Đ→d, curly quotes and dashes plain; same length as ``text``.

    Character by character ``_fold_char``, computed the fast way: news text has few distinct
    non-ASCII characters, so each is replaced throughout, then ``str.lower`` does the rest. This
    is exact because a folded character is its own fold and its own lower case (the test checks
    every code point), and the backtick, the one ASCII character folded to another, goes first.
    """
    if "`" in text:
        text = text.replace("`", "'")
    if not text.isascii():
        for ch in set(_NON_ASCII.findall(text)):  # not set(text): a string object per character of an article
            text = text.replace(ch, _fold_char(ch))
    return text.lower()


_LETTERS_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SPACED = bytes(c if chr(c) in _LETTERS_ASCII + "0123456789" else 32 for c in range(256))
_SPACED_LETTERS = bytes(c if chr(c) in _LETTERS_ASCII else 32 for c in range(256))


def spaced(text: str, digits: bool = True) -> str:
    """``text`` with every character but ASCII letters and digits (letters only, without ``digits``) made a
    space (same length).

    Equal characters stay equal, and a character that is no letter or digit becomes a space, so
    an Aho-Corasick automaton can look in ``" " + spaced(text)`` for ``" " + spaced(word)``: it
    then finds every place ``word`` begins a word, and few others, each to be checked in ``text``.
    """
    return text.encode("ascii", "replace").translate(_SPACED if digits else _SPACED_LETTERS).decode("ascii")


_DIGIT = re.compile(r"\d")


def first_digit(text: str, start: int, end: int) -> int:
    """Where ``re.search(r"\\d", …)`` finds the first digit of ``text[start:end]``, or -1.

    In ASCII text (folded text nearly always is) by ten ``str.find``, each a fast scan in C,
    where the regex engine tests every character against the Unicode digit category.
    """
    if not text.isascii():
        match = _DIGIT.search(text, start, end)
        return -1 if match is None else match.start()
    first = -1
    for digit in "0123456789":
        found = text.find(digit, start, end)
        if found >= 0:
            first = end = found  # a later digit is looked for before this one only
    return first


# a word spelt in Hepburn romaji syllables ("masato", "kuroiwa", "shinzo"): how Japanese names are written in English
ROMAJI = re.compile(r"(?:(?:[kgsztdnhbpmr]y|sh|ch|ts|tch|ssh|kk|ss|tt|pp|[kgsztdnhbpmrfjwy])?[aeiou]|n)+")


_POSSESSIVE_S = re.compile(r"'s\b")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def key(text: str) -> str:
    """A lookup key: folded, punctuation to spaces, single spaces (``Đà Nẵng`` → ``da nang``)."""
    folded = fold(unicodedata.normalize("NFC", text))
    folded = _POSSESSIVE_S.sub("", folded)
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", folded).split())


@dataclass(frozen=True)
class Span:
    """A sentence (or other stretch) of a document: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "co", "corp", "inc", "ltd", "jsc", "jr", "sr",
    "gov", "amb", "gen", "lt", "col", "capt", "sen", "rep", "dept", "est", "approx", "vs", "etc", "u.s", "u.k",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "e.g", "i.e",
    "p.m", "a.m", "mt", "ave", "fig",
}
# a run of full stops, question or exclamation marks, then closing quotes, before white space; or a
# line break. Written to begin with one character class, so that the regex engine skips quickly to
# the next candidate character instead of trying a match at every position.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"”’)\]]*(?=\s))")


def blank(match: re.Match[str]) -> str:
    """Spaces as long as ``match``: for ``pattern.sub(blank, text)``, which hides text but keeps offsets."""
    return " " * len(match.group())


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans with exact offsets.

    A line break always ends a sentence; a full stop does unless it closes a known
    abbreviation, a single initial or a decimal number.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if match.group() != "\n" and _is_abbreviation(text, match.start(), cursor):
            continue
        _add_span(text, cursor, stop, spans)
        cursor = stop
    _add_span(text, cursor, end, spans)
    return spans


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("(\"'“‘").lower()
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Nguyen V. Thang", "U.S."
    nxt = dot + 1
    while nxt < len(text) and text[nxt] == " ":
        nxt += 1
    return nxt < len(text) and text[nxt].islower()


def _add_span(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
