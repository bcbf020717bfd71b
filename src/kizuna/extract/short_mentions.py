"""Short and bare mentions of people already named in full: "Minister Thang", "Tuan urged …".

A short name resolves to the one known person whose name has the same words, or of whom it is
the family or given name (a Vietnamese name's last word, another name's first or last word).
A bare capitalised word counts only when it is one known person's name and not part of a longer
name nobody introduced.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from . import Article
from .names import Blocked, NameVocab, blocked_tokens, is_name_token, name_vocab, name_words
from .tokens import Token


class BareMention(NamedTuple):
    """A bare mention of known person number ``person`` at ``[start, end)`` of sentence ``sentence``."""

    person: int
    sentence: int
    start: int
    end: int


def resolve_name(key: frozenset[str], keys: list[frozenset[str]], names: list[tuple[str, ...]] | None = None) -> int | None:
    """The one known person a (possibly short) name stands for: same words, or a family/given name.

    With ``names`` (the ordered words of each known name) a bare word must be the given name of a
    Vietnamese name (its last word) or the first or last word of another name.
    """
    exact = [i for i, k in enumerate(keys) if k == key]
    if exact:
        return exact[0]
    if len(key) == 1:
        word = next(iter(key))
        middle = name_vocab().vn_middle
        hits = [i for i, k in enumerate(keys) if word in k and word not in middle and len(k) > 1]
        if names is not None:
            hits = [i for i in hits if _edge_word(word, names[i])]
        return hits[0] if len(hits) == 1 else None
    hits = [i for i, k in enumerate(keys) if key < k]
    return hits[0] if len(hits) == 1 else None


def _edge_word(word: str, ordered: tuple[str, ...]) -> bool:
    if ordered and ordered[0] in name_vocab().vn_family:
        return word == ordered[-1]
    return word in (ordered[0], ordered[-1]) if ordered else False


def bare_mentions(article: Article, keys: list[frozenset[str]], full_names: list[str],
                  covered: list[tuple[int, int]]) -> list[BareMention]:
    """"Tuan urged …", "Chau suggested …": capitalised words that are one known person's name.

    ``keys`` are the word sets of the known people, ``full_names`` their fullest names, ``covered``
    the spans of the mentions already found (no bare mention starts inside one).
    """
    found: list[BareMention] = []
    words = name_vocab()
    names = [name_words(name) for name in full_names]
    known = frozenset().union(*keys)  # a word of no known name starts no mention
    folded = article.folded
    for index, span in enumerate(article.sentences):
        if not _contains_any(folded[span.start:span.end], known):
            continue  # a substring test first: most sentences name nobody known
        tokens = article.tokens(span.start, span.end)
        if not any(tok.low in known for tok in tokens):
            continue
        blocked = blocked_tokens(article, span.start, span.end)
        skip_to = 0
        for i, tok in enumerate(tokens):
            if i < skip_to or tok.low not in known or not is_name_token(tok, blocked, words) \
                    or any(a <= tok.start < b for a, b in covered):
                continue
            full = _full_name_at(tokens, i, keys, blocked, words)
            if full is not None:
                end, target = full
                found.append(BareMention(target, index, tok.start, tokens[end - 1].end))
                skip_to = end
                continue
            neighbours = tokens[i - 1:i] + tokens[i + 1:i + 2]
            if any(n.cap and n.word and n.low not in words.not_name for n in neighbours):
                continue  # part of a longer name nobody introduced ("Shiota Koichi")
            resolved = resolve_name(frozenset((tok.low,)), keys, names)
            if resolved is not None:
                found.append(BareMention(resolved, index, tok.start, tok.end))
    return found


def _contains_any(text: str, words: Iterable[str]) -> bool:
    for word in words:  # a loop rather than any(...): run for every sentence, a generator costs more
        if word in text:
            return True
    return False


def _full_name_at(tokens: tuple[Token, ...], i: int, keys: list[frozenset[str]], blocked: Blocked,
                  words: NameVocab) -> tuple[int, int] | None:
    """``(end, person)`` when a known full name (any order) starts at token ``i``."""
    for n in (4, 3, 2):
        run = tokens[i:i + n]
        if len(run) == n and all(is_name_token(t, blocked, words) for t in run):
            key = frozenset(t.low for t in run)
            if key in keys:
                return i + n, keys.index(key)
    return None
