"""Sector phrases → sector codes of ``contract/sectors.csv``.

The vocabulary is data: ``vocab/sector_codes.csv`` (the contract's codes) and
``vocab/sectors.csv`` (``phrase,codes,strength``). A phrase with no codes blocks a shorter
phrase inside it ("chemical industry" is not manufacturing). ``weak`` phrases ("industry",
"processing", "services") only count where the caller knows it reads a list of sectors, and
never as the head noun right after a sector ("green energy industries" is one sector).
Matching runs on accent-folded text, longest phrase first; all-capital phrases ("IT",
"BPO") match case-sensitively. Sector words inside the capitalised name of a ministry,
department or chamber ("Ministry of Industry and Trade") are not sectors.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ..errors import VocabularyError
from ..text import fold
from .prefilter import GatedPattern
from .started_phrases import StartedPhrases

VOCAB_DIR = Path(str(resources.files("kizuna.extract") / "vocab"))
STRENGTHS = ("strong", "weak")

_RARE_START = 3  # a phrase's first word shorter than this is looked for with the character after it
_ORG_HEAD = re.compile(
    r"(?:Ministry|Department|Dept\.?|Chamber|Committee|Association|Institute|University|Academy|Agency|"
    r"Council|Federation|Commission|Office|Bureau|Board|Union|School|College)\s+(?:of|for)\s+"
    r"(?:(?:the\s+)?[A-Z][\w'’&-]*,?\s+(?:and\s+|&\s+)?)*$"
)


@dataclass(frozen=True)
class SectorMention:
    """A sector phrase in a text: ``code`` is a contract sector code."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class SectorPhrase:
    phrase: str
    codes: tuple[str, ...]
    weak: bool


@dataclass(frozen=True)
class SectorVocabulary:
    """The contract's sector codes and the phrases that name them, compiled for matching."""

    labels: Mapping[str, str]
    phrases: tuple[SectorPhrase, ...]
    folded_phrases: StartedPhrases  # the phrases not all in capitals, longest first
    folded_order: tuple[int, ...]  # the index in ``phrases`` of each of them
    cased_pattern: GatedPattern | None  # the phrases in capitals ("ICT", "R&D"), run where one stands

    def find(self, text: str, start: int = 0, end: int | None = None, *, weak: bool = False,
             folded: str | None = None) -> list[SectorMention]:
        """Sector mentions in ``text[start:end]`` (weak phrases only when ``weak``); ``folded`` is
        ``fold(text)`` when the caller has it (an article's)."""
        end = len(text) if end is None else end
        hits: list[tuple[int, int, SectorPhrase]] = []
        folded = fold(text[start:end]) if folded is None else folded[start:end]
        for first, stop, number in self.folded_phrases.find(folded):
            hits.append((start + first, start + stop, self.phrases[self.folded_order[number]]))
        if self.cased_pattern is not None:
            for match in self.cased_pattern.finditer(text, start, end):
                hits.append((match.start(), match.end(), self.phrases[_phrase_index(match)]))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        mentions: list[SectorMention] = []
        cursor = start
        for first, stop, phrase in hits:
            if first < cursor:
                continue
            head_noun = phrase.weak and bool(mentions) and not text[mentions[-1].end:first].strip()
            cursor = stop
            if (phrase.weak and not weak) or head_noun or _inside_org_name(text, first):
                continue  # a head noun: "green energy industries", "IT services" name one sector
            mentions.extend(SectorMention(first, stop, code) for code in phrase.codes)
        return mentions


def _inside_org_name(text: str, start: int) -> bool:
    """The capitalised word at ``start`` belongs to a name like "Ministry of Industry and Trade"."""
    if not text[start:start + 1].isupper():
        return False
    return bool(_ORG_HEAD.search(text[max(0, start - 80):start]))


def _words(phrase: str, cased: bool) -> list[str]:
    """The words of a phrase (folded unless ``cased``), which text may join by spaces, hyphens or nothing."""
    return [t for t in re.split(r"[\s\-–]+", phrase if cased else fold(phrase)) if t]


def _phrase_regex(phrase: str, cased: bool) -> tuple[str, str]:
    """The regex of a phrase, split into its first character (escaped) and the rest."""
    tokens = _words(phrase, cased)
    first, tokens[0] = tokens[0][0], tokens[0][1:]
    escaped = [re.escape(t) for t in tokens]
    body = r"[\s\-–/]*".join(escaped)
    if not cased and tokens[-1].endswith("y"):
        body = body[:-1] + "(?:y|ies)"
    elif not cased and (tokens[-1] or first)[-1:].isalpha() and not (tokens[-1] or first).endswith("s"):
        body += "s?"
    return re.escape(first), rf"{body}(?![{_edge(cased)}])"


def _starts(phrase: str) -> list[str]:
    """The literal starts of a folded phrase's regex (``_phrase_regex``), one of which every match
    begins with: "renewable" for "renewable energy", "technolog" for "technology" (which ends
    "(?:y|ies)"); a first word too short to be rare ("e-commerce", "hi-tech") with what may follow
    it, any white space, hyphen or slash ("e ": ``StartedPhrases`` reads them as spaces) or the next
    word's first letter."""
    words = _words(phrase, cased=False)
    if len(words) == 1:
        return [words[0][:-1] if words[0].endswith("y") else words[0]]
    if len(words[0]) >= _RARE_START or words[1] == "y" and len(words) == 2:
        return [words[0]]
    return [words[0] + " ", words[0] + words[1][0]]


def _edge(cased: bool) -> str:
    return "A-Za-z0-9" if cased else "a-z0-9"


def _phrase_index(match: re.Match[str]) -> int:
    """The index of the phrase a match found: every branch closes with the empty group ``p<index>``."""
    assert match.lastgroup is not None
    return int(match.lastgroup[1:])


def _compile(phrases: Iterable[tuple[int, SectorPhrase]], cased: bool) -> re.Pattern[str] | None:
    """One alternation, longest phrase first; an empty group ``p<index>`` closes each branch. It finds
    the few all-capital phrases ("IT", "BPO"); the folded ones, which would make it slow, go to a
    ``StartedPhrases`` that finds what this alternation of them would (the test compares the two).

    Branches are grouped under their first character ("a(?:gricultur…|utomotive…)"): the
    engine tries one group per position instead of every phrase, and as branches with
    different first characters never match at the same position, the phrase that wins is the
    same. The word-start test is a look-behind right after that character
    ("a(?<![a-z0-9].)…": no letter or digit before the "a"), once per group: a pattern that
    begins with a literal character lets the engine skip positions holding none of the first
    characters, which a leading look-behind would prevent.
    """
    ordered = _longest_first(phrases)
    if not ordered:
        return None
    groups: dict[str, list[str]] = {}
    for index, phrase in ordered:
        first, rest = _phrase_regex(phrase.phrase, cased)
        groups.setdefault(first, []).append(f"{rest}(?P<p{index}>)")
    edge = _edge(cased)
    return re.compile("|".join(f"{first}(?<![{edge}].)(?:{'|'.join(rests)})" for first, rests in groups.items()))


def _gated(pattern: re.Pattern[str] | None) -> GatedPattern | None:
    return None if pattern is None else GatedPattern(pattern)


def _longest_first(phrases: Iterable[tuple[int, SectorPhrase]]) -> list[tuple[int, SectorPhrase]]:
    """The order an alternation tries phrases in: longest first, else as listed."""
    return sorted(phrases, key=lambda item: -len(item[1].phrase))


def load(vocab_dir: Path = VOCAB_DIR) -> SectorVocabulary:
    """Read and check the sector codes and phrases; raise ``VocabularyError`` listing bad rows."""
    problems: list[str] = []
    with (vocab_dir / "sector_codes.csv").open(encoding="utf-8", newline="") as handle:
        labels = {row["code"].strip(): row["label"].strip() for row in csv.DictReader(handle)}
    phrases: list[SectorPhrase] = []
    seen: set[str] = set()
    with (vocab_dir / "sectors.csv").open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            phrase = (row.get("phrase") or "").strip()
            codes = tuple(c.strip() for c in (row.get("codes") or "").split(";") if c.strip())
            strength = (row.get("strength") or "").strip()
            unknown = [c for c in codes if c not in labels]
            if not phrase:
                problems.append(f"sectors.csv:{number}: empty phrase")
            elif unknown:
                problems.append(f"sectors.csv:{number}: unknown sector code(s) {', '.join(unknown)}")
            elif strength not in STRENGTHS:
                problems.append(f"sectors.csv:{number}: strength must be strong or weak")
            elif phrase in seen:
                problems.append(f"sectors.csv:{number}: duplicate phrase {phrase!r}")
            else:
                seen.add(phrase)
                phrases.append(SectorPhrase(phrase, codes, strength == "weak"))
    if problems:
        raise VocabularyError(problems)
    indexed = list(enumerate(phrases))
    folded = _longest_first((i, p) for i, p in indexed if p.phrase != p.phrase.upper())
    return SectorVocabulary(
        labels=MappingProxyType(labels),
        phrases=tuple(phrases),
        folded_phrases=StartedPhrases([("".join(_phrase_regex(p.phrase, cased=False)), _starts(p.phrase))
                                       for _, p in folded]),
        folded_order=tuple(i for i, _ in folded),
        cased_pattern=_gated(_compile(((i, p) for i, p in indexed if p.phrase == p.phrase.upper()), cased=True)),
    )


@lru_cache(maxsize=1)
def vocabulary() -> SectorVocabulary:
    """The bundled sector vocabulary, loaded once per process."""
    return load()


def find_sectors(text: str, start: int = 0, end: int | None = None, *, weak: bool = False,
                 folded: str | None = None) -> list[SectorMention]:
    """Sector phrases in ``text[start:end]`` with their codes, in text order.

    ``weak=True`` also counts generic words ("industry", "services") for text known to be
    a list of sectors; ``folded``: ``fold(text)``, when known, spares folding the stretch.
    """
    return vocabulary().find(text, start, end, weak=weak, folded=folded)


def codes_of(mentions: Iterable[SectorMention]) -> tuple[str, ...]:
    """The distinct codes of some mentions, in order of first mention."""
    return tuple(dict.fromkeys(m.code for m in mentions))
