"""Rank statements: partner lists and "ranking Nth among …" phrases.

Two grammars on folded sentence text:

- a list of rank items, "the top partner in ODA and labour collaboration, the third-largest
  investor, and the fourth-largest partner in trade and tourism": every item is an ordinal
  ("top", "biggest", "third", "4th", "third-largest") and a singular partner noun
  (partner, investor, provider, donor, market…); its domains come from the words of the
  item ("ODA", "labour", "trading", "commerce") → one ``partner_rank`` per domain;
- a ranking verb, "ranking fourth among 109 countries and territories investing in the
  country" → ``investor_rank`` (rank_of 109); "ranks 31st among the 85 countries receiving
  Vietnamese investment" → ``destination_rank``; "ranked fourth among Vietnam's largest
  trade partners" → ``partner_rank`` (trade).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import cardinal_value, ordinal_value
from .stat_vocab import Vocabulary

_ORD_WORDS = ("top", "biggest", "largest", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
              "tenth")
_ORD = "|".join(_ORD_WORDS) + r"|\d{1,3}(?:st|nd|rd|th)"
_SUPER = r"(?:[\s-]+(?:largest|biggest|most important))?"
_ITEM = re.compile(
    rf"(?<![\w-])(?:the|its|[\w]+'s)\s+(?:single\s+)?(?P<ord>{_ORD}){_SUPER}\s+"
    r"(?P<body>[^,;:.]*?)(?=,|;|:|\.|\s+and\s+(?:the|its)\s|\s+(?:with|after|behind|among|while|ahead)\s|$)"
)
_SINGULAR_NOUN = re.compile(r"(?<![\w-])(?:partner|investor|provider|donor|lender|contributor|market|source)(?![\w-])")
_DIGIT = re.compile(r"\d")
_RANK_VERB = re.compile(
    rf"(?<![\w-])(?:rank|ranks|ranked|ranking)\s+(?:as\s+)?(?:the\s+)?(?P<ord>{_ORD}|first){_SUPER}"
    r"(?:\s+(?P<noun>[a-z -]{0,40}?))?\s+among\s+(?:the\s+|all\s+)?(?:(?P<of>\d[\d,]*|[a-z]+)\s+)?(?P<rest>[^,.;]{0,140})"
)


@dataclass(frozen=True)
class RankHit:
    """One rank statement: offsets into the folded document text."""

    start: int
    end: int
    metric: str
    value: int
    rank_of: int | None
    domain: str | None
    verb_at: int | None = None  # where a ranking verb starts (subject stands before it)
    among_at: int | None = None  # where the "among …" phrase starts


def find_ranks(folded: str, start: int, end: int, vocab: Vocabulary) -> list[RankHit]:
    """Rank statements of ``folded[start:end]``, in text order."""
    hits: list[RankHit] = []
    verb_spans: list[tuple[int, int]] = []
    if not _may_rank(folded, start, end):
        return hits
    for m in _RANK_VERB.finditer(folded, start, end):
        hit = _verb_hit(m, vocab)
        if hit is not None:
            hits.append(hit)
            verb_spans.append((m.start(), m.end()))
    for m in _ITEM.finditer(folded, start, end):
        if any(a <= m.start() < b for a, b in verb_spans):
            continue
        value = ordinal_value(m.group("ord"))
        body = m.group("body")
        if value is None or _SINGULAR_NOUN.search(body) is None:
            continue
        item_end = m.end()
        for domain in _domains(m.group("ord") + " " + body, vocab):
            hits.append(RankHit(m.start(), item_end, "partner_rank", value, None, domain))
    hits.sort(key=lambda h: h.start)
    return hits


def _may_rank(folded: str, start: int, end: int) -> bool:
    """Whether the stretch holds an ordinal, which both grammars need (cheap test before the searches)."""
    return any(folded.find(word, start, end) >= 0 for word in _ORD_WORDS + ("first",)) or \
        _DIGIT.search(folded, start, end) is not None


def _domains(text: str, vocab: Vocabulary) -> list[str]:
    seen: list[str] = []
    for match in vocab.find("domain", text):
        domain = vocab.domains[match.group()]
        if domain not in seen:
            seen.append(domain)
    return seen


def _verb_hit(m: re.Match[str], vocab: Vocabulary) -> RankHit | None:
    value = ordinal_value(m.group("ord"))
    if value is None:
        return None
    rest = m.group("rest")
    noun = m.group("noun") or ""
    of_word = m.group("of")
    rank_of = cardinal_value(of_word) if of_word else None
    if of_word and rank_of is None:
        rest = f"{of_word} {rest}"
    if re.search(r"receiv|destination", rest):
        metric, domain = "destination_rank", None
    elif re.search(r"investing|investors|foreign investors", rest) or re.search(r"investor|contributor", noun):
        metric, domain = "investor_rank", None
    elif re.search(r"partners|markets", rest):
        found = _domains(rest, vocab)
        metric, domain = "partner_rank", (found[0] if found else None)
        if domain is None:
            return None
    else:
        return None
    return RankHit(m.start(), m.end(), metric, value, rank_of, domain, verb_at=m.start(),
                   among_at=m.start("rest") if m.group("rest") else None)
