"""An ordered alternation of phrase regexes, tried only where one of its phrases may begin.

A vocabulary of phrases written as regexes ("renewable[\\s\\-–/]*energ(?:y|ies)(?![a-z0-9])") is
naturally one alternation, longest phrase first. Run with ``finditer`` on a sentence, the regex
engine enters it at nearly every letter, and every match fills a slot for each of the hundreds
of groups that tell which phrase matched. ``StartedPhrases`` finds the same matches: the
leftmost first, at one position the first phrase in order that matches there, the search going
on after each match. It needs, for each phrase, its literal starts: strings one of which every
match of the phrase begins with ("renewable"; "technolog" for "technolog(?:y|ies)").

The text is folded (lower case) and every phrase begins a word: no a-z or 0-9 right before it.
An Aho-Corasick automaton reads the text with every other character made a space and a space
put first (``text.spaced``), and looks for " " + each start; so it lists, in C, every position where a match may
begin, and no other. At each such position a small regex holding only the phrases with a start
found there is tried (compiled on first need, then kept).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from ..text import spaced


class StartedPhrases:
    """``phrases``: each a regex (no capturing groups) and its literal starts, in the order the
    alternation tries them. ``find(folded)`` gives ``(start, end, number)`` for each match, the
    number being the phrase's place in ``phrases``."""

    __slots__ = ("regexes", "by_start", "automaton", "patterns")

    def __init__(self, phrases: Sequence[tuple[str, Sequence[str]]]) -> None:
        self.regexes = tuple(regex for regex, _ in phrases)
        starts: dict[str, list[int]] = {}
        for number, (regex, literal_starts) in enumerate(phrases):
            if not literal_starts or not all(literal_starts):
                raise ValueError(f"phrase regex {regex!r}: every phrase needs non-empty literal starts")
            for literal in literal_starts:
                numbers = starts.setdefault(" " + spaced(literal), [])
                if number not in numbers:
                    numbers.append(number)
        self.by_start = tuple(tuple(numbers) for numbers in starts.values())
        self.automaton = ahocorasick.Automaton()
        for index, key in enumerate(starts):
            self.automaton.add_word(key, (len(key), index))
        if starts:
            self.automaton.make_automaton()
        self.patterns: dict[tuple[int, ...], tuple[re.Pattern[str], tuple[int, ...]]] = {}

    def find(self, folded: str) -> list[tuple[int, int, int]]:
        """The matches of the alternation in ``folded``, as ``finditer`` would find them."""
        if self.automaton.kind == ahocorasick.EMPTY:
            return []
        # " " + start ends at ``last`` of " " + text: the start begins at ``last - length + 1`` of text
        hits = sorted((last - length + 1, index) for last, (length, index) in self.automaton.iter(" " + spaced(folded)))
        found: list[tuple[int, int, int]] = []
        cursor = 0
        at = 0
        while at < len(hits):
            first, index = hits[at]
            starts: tuple[int, ...] = (index,)
            at += 1
            while at < len(hits) and hits[at][0] == first:  # several starts begin here ("port", "ports")
                starts += (hits[at][1],)
                at += 1
            if first < cursor:
                continue  # inside the last match
            pattern, numbers = self.patterns.get(starts) or self._compile(starts)
            match = pattern.match(folded, first)
            if match is not None:
                cursor = match.end()
                found.append((first, cursor, numbers[(match.lastindex or 1) - 1]))
        return found

    def _compile(self, starts: tuple[int, ...]) -> tuple[re.Pattern[str], tuple[int, ...]]:
        """The alternation of the phrases with one of these starts, in order; group n is the nth."""
        numbers = tuple(sorted({number for index in starts for number in self.by_start[index]}))
        pattern = re.compile("|".join(f"({self.regexes[number]})" for number in numbers))
        self.patterns[starts] = (pattern, numbers)
        return pattern, numbers
