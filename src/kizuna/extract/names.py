"""Name grammar: which capitalised words may belong to a personal name, and where a name is.

A name is a run of capitalised words that are not title words, places, organisations, months
or function words (``vocab/name_parts.csv``). Vietnamese names come family name first ("Nguyen
Van Thang", with middle names that are also English words: "Phan The Tuan"); Japanese names in
either order. The functions here find a name after a title or honorific, before an apposition
comma, or at the end of an organisation run ("Gunma Bank Akihiko Fukai"); ``people`` decides
where to look.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from . import Article
from .titles import org_run, vocab as title_vocab
from ..errors import GazetteerError
from ..text import ROMAJI
from .tokens import Token, read_vocab, tokenize

_MAX_NAME = 5


_BEFORE_SINGLE_NAME = frozenset({"with", "met", "received", "welcomed", "and", "by", "said", "told"})


Blocked = frozenset[int]  # starts of the tokens of a sentence that cannot be part of a name


@dataclass(frozen=True)
class NameVocab:
    honorifics: frozenset[str]
    vn_family: frozenset[str]
    vn_middle: frozenset[str]
    not_name: frozenset[str]
    org_words: frozenset[str]


@lru_cache(maxsize=1)
def name_vocab() -> NameVocab:
    """name_parts.csv, checked and loaded once."""
    kinds = {"honorific", "vn_family", "vn_middle", "stop", "org_word", "place_word"}
    rows = read_vocab("name_parts.csv", ("word", "kind"), {"kind": kinds})
    by_kind: dict[str, set[str]] = {k: set() for k in kinds}
    for row in rows:
        by_kind[row["kind"]].add(row["word"].lower())
    not_name = by_kind["stop"] | by_kind["org_word"] | by_kind["place_word"] | by_kind["honorific"] | title_vocab().words
    return NameVocab(frozenset(by_kind["honorific"]), frozenset(by_kind["vn_family"]), frozenset(by_kind["vn_middle"]),
                     frozenset(not_name), frozenset(by_kind["org_word"] | by_kind["place_word"]))


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, in order."""
    return tuple(t.low for t in tokenize(name) if t.word)


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> frozenset[str]:
    return frozenset(name_words(name))


def is_vietnamese(name: str) -> bool:
    words = name_words(name)
    return bool(words) and words[0] in name_vocab().vn_family


def is_japanese(name: str) -> bool:
    """A name of two or more words, each spelt in romaji syllables ("Otaka Masato"), and not Vietnamese."""
    words = name.lower().split()
    return len(words) >= 2 and all(ROMAJI.fullmatch(w) for w in words) and not is_vietnamese(name)


def blocked_tokens(article: Article, start: int, end: int) -> Blocked:
    """Starts of the tokens of ``[start, end)`` inside gazetteer names, except one-word foreign places
    ("Okazaki" is also a surname). Computed once per sentence."""
    return article.memo.get(("blocked", start, end), lambda: _find_blocked(article, start, end))


def _find_blocked(article: Article, start: int, end: int) -> Blocked:
    blocked: set[int] = set()
    starts = [t.start for t in article.tokens(start, end)]
    for m in article.mentions_in(start, end):
        inside = starts[bisect_left(starts, m.start):bisect_left(starts, m.end)]
        foreign_place = m.entry.kind in ("city", "prefecture") and m.entry.country != "VN"
        surname = m.form == "demonym" and m.text.lower() in name_vocab().vn_family  # "Thai Thanh Quy"
        if (len(inside) > 1 or not foreign_place or m.form != "name") and not surname:
            blocked.update(inside)
    return frozenset(blocked)


def is_name_token(tok: Token, blocked: Blocked, words: NameVocab) -> bool:
    """A capitalised word that may be part of a personal name ("To" of "To Lam" too, a family name)."""
    text = tok.text  # the properties ``cap`` and ``word``, inlined: this runs for most tokens looked at
    return (text[:1].isupper() and text[:1].isalnum() and tok.start not in blocked and not text[0].isdigit()
            and not (len(text) > 1 and text.isupper())
            and (tok.low not in words.not_name or tok.low in words.vn_family))


_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def name_after(tokens: tuple[Token, ...], i: int, blocked: Blocked, words: NameVocab) -> tuple[int, int] | None:
    while i < len(tokens) and (tokens[i].low.rstrip(".") in words.honorifics or tokens[i].low in (".", "(")):
        i += 1
    j = i
    if i + 1 < len(tokens) and "-" in tokens[i + 1].text and tokens[i].cap and tokens[i].start not in blocked \
            and _HYPHENATED_GIVEN.fullmatch(tokens[i + 1].text):
        j = i + 1  # a Korean name whose family name is also a word: "Park Heong-joon", "Moon Jae-in"
    while j < len(tokens) and j - i < _MAX_NAME and (is_name_token(tokens[j], blocked, words)
                                                      or vn_middle_at(tokens, i, j, blocked, words)):
        j += 1
    return (i, j) if j > i else None


def vn_middle_at(tokens: tuple[Token, ...], first: int, j: int, blocked: Blocked, words: NameVocab) -> bool:
    """A middle name that is also an English word, inside a Vietnamese name: "The" of "Phan The Tuan"."""
    return (first < j < len(tokens) - 1 and tokens[j].cap and tokens[j].low in words.vn_middle
            and tokens[first].low in words.vn_family and is_name_token(tokens[j + 1], blocked, words))


def name_like(tokens: tuple[Token, ...], a: int, b: int, blocked: Blocked, words: NameVocab) -> bool:
    """Every token of ``[a, b)`` can be part of one name."""
    return all(is_name_token(tokens[k], blocked, words) or vn_middle_at(tokens, a, k, blocked, words)
               for k in range(a, b))


def name_before(tokens: tuple[Token, ...], j: int, blocked: Blocked, words: NameVocab,
                 single: bool = False) -> tuple[int, int] | None:
    """A name ending just before ``tokens[j]`` == "," (apposition: "Muraoka Tsugumasa, Governor of …").

    One word is a name after an honorific, or with ``single`` (the title names an organisation)
    right after a meeting verb or at the start of the sentence: "held talks with Tomita, president of Kubota".
    """
    if j <= 0 or tokens[j - 1].low != ",":
        return None
    k = j - 1
    while k > 0 and j - 1 - k < _MAX_NAME and (is_name_token(tokens[k - 1], blocked, words) or k > 1 and
                                                vn_middle_at(tokens, k - 2, k - 1, blocked, words)):
        k -= 1
    if k == j - 1:
        return None
    if j - 1 - k < 2:
        honorific = k > 0 and tokens[k - 1].low.rstrip(".") in words.honorifics
        anchored = single and (k == 0 or tokens[k - 1].low in _BEFORE_SINGLE_NAME)
        if not honorific and not anchored:
            return None
    return k, j - 1


_AFTER_OFFICE_VERB = frozenset({"as", "the", "new", "its"})  # "was appointed as the new …"
_AUXILIARIES = frozenset({"was", "were", "is", "has", "had", "been", "officially", "formally", "recently", "just",
                          "newly", "who"})


@dataclass(frozen=True)
class OfficeVerbs:
    """``vocab/office_verbs.csv``: verbs by which a person takes an office ("was appointed", "took office as"),
    and those naming the predecessor between them and the office ("succeeded X as")."""

    takes: dict[str, tuple[tuple[str, ...], ...]]  # by last word, longest phrase first
    succeeds: frozenset[str]


@lru_cache(maxsize=1)
def office_verbs() -> OfficeVerbs:
    """office_verbs.csv, checked and loaded once (longest phrases first)."""
    rows = read_vocab("office_verbs.csv", ("phrase", "kind"), {"kind": {"takes", "succeeds"}})
    takes: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(r["phrase"].lower().split()) for r in rows if r["kind"] == "takes"),
                         key=len, reverse=True):
        takes.setdefault(phrase[-1], []).append(phrase)
    succeeds = frozenset(r["phrase"].lower() for r in rows if r["kind"] == "succeeds")
    if any(" " in phrase for phrase in succeeds):
        raise GazetteerError(["office_verbs.csv: a 'succeeds' verb is one word"])
    return OfficeVerbs({last: tuple(phrases) for last, phrases in takes.items()}, succeeds)


def name_taking_office(tokens: tuple[Token, ...], j: int, blocked: Blocked,
                       words: NameVocab) -> tuple[int, int] | None:
    """The name of who takes the office whose title starts at ``tokens[j]``: "Nguyen Van Thang was appointed
    (as) Minister …", "Tran Sy Thanh, who became Secretary …", "Sanae Takaichi took office as prime minister",
    "X succeeded Ho Duc Phoc as Minister …". A name of one word needs an honorific before it."""
    k = j
    while k > 0 and j - k < 3 and tokens[k - 1].low in _AFTER_OFFICE_VERB:
        k -= 1
    verbs = office_verbs()
    end = -1
    for stop in range(j, k - 1, -1):  # "took office as" ends in "as", "was appointed as" does not
        for phrase in verbs.takes.get(tokens[stop - 1].low, ()) if stop > 0 else ():
            if stop >= len(phrase) and tuple(t.low for t in tokens[stop - len(phrase):stop]) == phrase:
                end = stop - len(phrase)
                break
        if end >= 0:
            break
    if end < 0 and k < j and tokens[k].low == "as":  # "succeeded Ho Duc Phoc as": past the predecessor
        before = name_run_before(tokens, k, blocked, words)
        if before is not None and before[0] > 0 and tokens[before[0] - 1].low in verbs.succeeds:
            end = before[0] - 1
    if end <= 0:
        return None
    while end > 0 and tokens[end - 1].low in _AUXILIARIES:
        end -= 1
    if end > 0 and tokens[end - 1].low == ",":
        end -= 1
    name = name_run_before(tokens, end, blocked, words)
    if name is None or name[1] - name[0] < 2 and not (name[0] > 0 and
                                                       tokens[name[0] - 1].low.rstrip(".") in words.honorifics):
        return None
    return name


def name_run_before(tokens: tuple[Token, ...], end: int, blocked: Blocked, words: NameVocab) -> tuple[int, int] | None:
    """The run of name words ending just before ``tokens[end]``, or None."""
    k = end
    while k > 0 and end - k < _MAX_NAME and (is_name_token(tokens[k - 1], blocked, words) or k > 1 and
                                              vn_middle_at(tokens, k - 2, k - 1, blocked, words)):
        k -= 1
    return (k, end) if k < end else None


def owner_names_org(tokens: tuple[Token, ...], owner: tuple[int, int] | None, blocked: Blocked) -> bool:
    """The words before a lower-case title name an organisation or place ("BOI", "Toyota Motor's",
    "HSBC Vietnam"), not just a capitalised first word of the sentence ("Film director …")."""
    if owner is None:
        return False
    a, b = owner
    if a > 0 or b - a > 1 or b < len(tokens) and tokens[b].low == "'s":
        return True
    return tokens[a].start in blocked or tokens[a].text.isupper() and len(tokens[a].text) > 1


def name_after_seat(tokens: tuple[Token, ...], end: int, blocked: Blocked, words: NameVocab,
                     ends: AbstractSet[int]) -> tuple[int, int] | None:
    """``(name start, name end)`` after "in <place>" closing an organisation: "… (JICA) in Vietnam Sugano Yuichi"."""
    if end + 2 >= len(tokens) or tokens[end].low != "in" or tokens[end + 1].start not in blocked:
        return None
    stop = org_run(tokens, end + 1)
    split = split_name(tokens, end + 1, stop, blocked, words, ends)
    return (split, stop) if split is not None else None


def split_name(tokens: tuple[Token, ...], a: int, b: int, blocked: Blocked, words: NameVocab,
                ends: AbstractSet[int]) -> int | None:
    """Where a name starts at the end of "Gunma Bank Akihiko Fukai" (org, then name), or None."""
    for p in range(a + 1, b - 1):
        if tokens[p].low in words.vn_family and 2 <= b - p <= 4 and name_like(tokens, p, b, blocked, words):
            return p
    for size in (2, 3):
        p = b - size
        if p <= a or not all(is_name_token(t, blocked, words) for t in tokens[p:b]):
            continue
        before = tokens[p - 1]
        if before.low in words.org_words or before.low == ")" or before.start in blocked or before.end in ends \
                or before.text.isupper() and len(before.text) > 1:
            return p
    return None


def antecedent_org(tokens: tuple[Token, ...], before: int) -> tuple[int, int] | None:
    """The last organisation named earlier in the sentence, by its closing word ("… Economic Association")."""
    org_words = name_vocab().org_words
    for end in range(before, 0, -1):
        if tokens[end - 1].low in org_words and tokens[end - 1].cap:
            start = end - 1
            while start > 0 and (tokens[start - 1].cap and tokens[start - 1].word or
                                 tokens[start - 1].low in ("of", "and", "-") and start > 1 and tokens[start - 2].cap):
                start -= 1
            return (start, end) if end - start >= 2 else None
    return None
