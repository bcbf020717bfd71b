"""Word tokens with document offsets, and phrase tables matched over them.

Tokens keep their span in the document, so every grammar built on them (titles, names,
meeting cues) reports exact evidence offsets. ``low`` is the accent-folded lower-case form.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Iterable, NamedTuple, TypeVar

from ..errors import GazetteerError
from ..text import fold

VOCAB_DIR = Path(__file__).parent / "vocab"

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|['’]s\b|[^\W_]+(?:-[^\W_]+)*(?:['’](?!s\b)[^\W_]+)*|\S")

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
    new = tuple.__new__  # Token(...) without the keyword-argument machinery: tokens are many
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    return tuple([new(Token, (a, b, text[a:b], folded[a:b])) for a, b in spans])


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token sequence a vocabulary phrase matches (``"People's Council"`` → people, 's, council)."""
    return tuple(t.low for t in tokenize(phrase))


@dataclass(frozen=True)
class PhraseTable(Generic[T]):
    """Multi-word phrases mapped to values, matched longest first on token ``low`` forms.

    ``firsts`` / ``lasts`` give, for each first / last word, the longest phrase with it: most
    tokens start no phrase, and are passed over with one dictionary look-up.
    """

    entries: dict[tuple[str, ...], T]
    longest: int
    firsts: dict[str, int]
    lasts: dict[str, int]

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
