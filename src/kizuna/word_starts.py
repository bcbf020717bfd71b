"""The words of a vocabulary where they begin a word in a text, found by one Aho-Corasick pass in C.

The automaton reads the text " spaced" (a space first, and every character that is not an ASCII
letter or digit made a space: ``text.spaced``) and holds each word spaced too, after a space. So it
meets a word only where no ASCII letter or digit stands right before it, and its root has one
branch, which it passes at every character in a single step (pyahocorasick looks a character up
among a node's children one by one: a root with a branch per first letter costs about four times
as much per character). Each hit is then checked in the text itself, as words that differ only in
their punctuation ("co-operation", "co operation") are spaced alike.

The gazetteer's names and the phrase finders' phrases are looked for this way.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import ahocorasick

from .text import spaced

V = TypeVar("V")


class WordStarts(Generic[V]):
    """``words``: each a word (or phrase) and a value. ``digits=False`` lets a digit stand right before
    a word too (for vocabularies whose words must only not follow a letter)."""

    def __init__(self, words: Iterable[tuple[str, V]], *, digits: bool = True) -> None:
        self.digits = digits
        by_key: dict[str, list[tuple[str, V]]] = {}
        for word, value in words:
            by_key.setdefault(" " + spaced(word, digits), []).append((word, value))
        self.automaton = ahocorasick.Automaton()
        for key, entries in by_key.items():
            self.automaton.add_word(key, (len(key) - 1, tuple(entries)))
        if by_key:
            self.automaton.make_automaton()  # else it stays empty, and ``find`` does not run it

    def __len__(self) -> int:
        return len(self.automaton)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, V]]:
        """``(first, stop, value)`` of every word written in ``text[start:end]`` where no ASCII letter (nor digit,
        with ``digits``) stands right before it; whether another script's letter does is for the caller to test."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, V]] = []
        if not len(self.automaton):
            return found
        for last, (length, entries) in self.automaton.iter(" " + spaced(text[start:end], self.digits)):
            first = start + last - length  # the key is " " + the word spaced, in " " + the window spaced
            for word, value in entries:
                if text.startswith(word, first):
                    found.append((first, first + length, value))
        return found
