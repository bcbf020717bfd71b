"""Name normalisation for reconciliation: keys that make spellings of one entity meet.

Every function is pure and explains itself by its output: a key is a plain string, so two
mentions share an entity exactly when their keys are equal (plus the explicit short-form and
acronym rules in ``entities.py``).

- ``place_key``: ``Đà Nẵng``, ``Da Nang``, ``Danang``, ``Da Nang City`` → ``danang``
- ``person_key``: ``Mr. Kuroiwa Yuji``, ``Yuji Kuroiwa``, ``Governor Kuroiwa Yuji`` → ``kuroiwa yuji``
- ``org_key``: ``Meitoku Engineering Viet Nam Co., Ltd.`` → ``meitoku engineering``
- ``is_acronym_of``: ``JCCI`` / ``Japan Chamber of Commerce and Industry``, ``JETRO`` /
  ``Japan External Trade Organization``, ``MoF`` / ``Ministry of Finance``
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold, key

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "madam", "madame", "dr", "prof", "professor", "sir", "he", "h e",
    "his excellency", "her excellency", "excellency", "san", "sama", "ong", "ba",
})
TITLE_WORDS = frozenset({
    "prime", "minister", "deputy", "vice", "governor", "vice-governor", "mayor", "president",
    "chairman", "chairwoman", "chair", "secretary", "director", "general", "ambassador", "consul",
    "head", "chief", "pm", "ceo", "party", "leader", "lieutenant", "standing", "permanent",
})
PLACE_WORDS = frozenset({"province", "prefecture", "city", "municipality", "ken", "shi", "tinh", "thanh", "pho"})
LEGAL_SUFFIXES = (
    "co ltd", "co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "company",
    "jsc", "llc", "plc", "kk", "k k", "gmbh", "group", "holdings", "joint stock company",
)
SUBSIDIARY_COUNTRY_WORDS = ("viet nam", "vietnam", "vn", "japan", "asia")
FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "de", "du", "a", "&"})
TITLE_NOISE = frozenset({"of", "the", "and", "provincial", "municipal", "prefectural", "city", "province", "s"})


def _words(text: str) -> list[str]:
    return key(text).split()


def place_key(name: str) -> str:
    """Folded, without ``province``/``city``/``prefecture`` words, spaces removed."""
    words = [w for w in _words(name) if w not in PLACE_WORDS]
    return "".join(words) or "".join(_words(name))


def strip_honorifics(name: str) -> str:
    """Drop leading honorifics and office titles: ``Mr. Nguyen Anh Tuan`` → ``Nguyen Anh Tuan``."""
    words = name.replace(".", " ").split()
    while words and (key(words[0]) in HONORIFICS or key(words[0]) in TITLE_WORDS):
        words.pop(0)
    while words and key(words[-1]) in {"san", "sama"}:
        words.pop()
    return " ".join(words) or name.strip()


def person_tokens(name: str) -> tuple[str, ...]:
    """Folded name tokens in text order, honorifics and titles removed."""
    return tuple(_words(strip_honorifics(name)))


def person_key(name: str) -> str:
    """Order-free key: ``Kuroiwa Yuji`` and ``Yuji Kuroiwa`` both give ``kuroiwa yuji``."""
    return " ".join(sorted(person_tokens(name)))


def _strip_suffixes(words: list[str], suffixes: tuple[str, ...]) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for suffix in suffixes:
            parts = suffix.split()
            if len(words) > len(parts) and words[-len(parts):] == parts:
                removed.append(suffix)
                del words[-len(parts):]
                changed = True
                break
    return words, removed


def org_key_parts(name: str) -> tuple[str, list[str]]:
    """The organisation key and the suffixes dropped to reach it (kept as a merge reason)."""
    words = [w for w in _words(name) if w != "the"]
    words, legal = _strip_suffixes(words, LEGAL_SUFFIXES)
    words, local = _strip_suffixes(words, SUBSIDIARY_COUNTRY_WORDS)
    words, legal_again = _strip_suffixes(words, LEGAL_SUFFIXES)
    return " ".join(words), legal + local + legal_again


def org_key(name: str) -> str:
    """``Meitoku Engineering Viet Nam Co., Ltd.`` → ``meitoku engineering``."""
    return org_key_parts(name)[0]


def looks_like_acronym(name: str) -> bool:
    """``JCCI``, ``MoF``, ``JETRO``, ``HCMC``: one short word with at least two capitals."""
    bare = name.replace(".", "").strip()
    return (" " not in bare and 2 <= len(bare) <= 8 and bare.isalpha()
            and sum(c.isupper() for c in bare) >= 2)


def is_acronym_of(acronym: str, full_name: str) -> bool:
    """True when the acronym's letters are prefixes of the full name's words, in order.

    Every content word must give at least one letter; function words (of, and) may give
    one or none. ``JETRO`` = Japan External TRade Organization; ``MoF`` = Ministry of Finance.
    """
    letters = fold(acronym.replace(".", "")).replace(" ", "")
    words = _words(full_name)
    if not letters or len(words) < 2:
        return False
    return _consume(letters, words)


def _consume(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in FUNCTION_WORDS and _consume(letters, rest):
        return True
    for take in range(1, min(len(word), len(letters)) + 1):
        if word[:take] != letters[:take]:
            break
        if _consume(letters[take:], rest):
            return True
    return False


def title_key(title: str | None) -> str:
    """Order-free content words of a title: ``Party Committee Secretary`` =
    ``Secretary of the provincial Party Committee``."""
    if not title:
        return ""
    return " ".join(sorted(set(w for w in _words(title) if w not in TITLE_NOISE)))


def text_stems(text: str | None, size: int = 5) -> frozenset[str]:
    """Content-word stems (first ``size`` letters) for fuzzy comparison of project names."""
    if not text:
        return frozenset()
    return frozenset(w[:size] for w in _words(text) if w not in FUNCTION_WORDS and len(w) > 2)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of stems in common (0 when either side is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


_PAREN = re.compile(r"\(([^)]*)\)")
_CREDIT = re.compile(r"^\s*(?:republishing|republished from|source credited:|source:|credited:|via)\s*", re.I)


@lru_cache(maxsize=4096)
def outlet_names(source: str | None) -> tuple[frozenset[str], bool]:
    """Keys naming a source's originating outlet, and whether the outlet only republishes.

    ``VietnamPlus (VNA)`` → ({vietnamplus, vna}, False);
    ``Tim hieu Viet Nam (republishing Vietnam Government Portal, VGP)`` →
    ({vietnam government portal, vgp}, True).
    """
    if not source:
        return frozenset(), False
    names: set[str] = set()
    republished = False
    for inner in _PAREN.findall(source):
        for part in re.split(r"[;,]", inner):
            credit = _CREDIT.match(part)
            if credit:
                republished = True
                part = part[credit.end():]
            part_key = key(part)
            if part_key and part_key not in {"english", "vietnamese", "japanese"}:
                names.add(part_key)
    own = key(_PAREN.sub(" ", source))
    if not republished and own:
        names.add(own)
    return frozenset(names), republished
