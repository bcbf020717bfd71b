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
  trade partners" → ``partner_rank`` (trade); "the second largest of the 26 countries and
  territories investing in Quang Ninh" → ``investor_rank`` (rank_of 26);
- a league of investors, in a sentence about investment: "Singapore led with $2.4
  billion", "Japan ranked third with $2.3 billion", "ranking third after China" →
  ``investor_rank`` without rank_of.
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
_RANK_PLAIN = re.compile(
    rf"(?<![\w-])(?:(?:rank|ranks|ranked|ranking|came|comes|coming|placed|placing|stood|stands|standing)\s+"
    rf"(?:in\s+)?(?:the\s+)?(?P<ord>{_ORD}|first)(?:\s+place)?|(?P<led>led|leads|leading|topped|tops|topping)"
    r"(?:\s+the\s+(?:list|ranking|rankings|table|pack))?)(?=\s*(?:,|;|\.|$|with\s|after\s|behind\s|"
    r"in terms of\s|among\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:foreign\s+)?(?:countries|nations|economies|investors|partners)))"
)
_OF_THE = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<ord>{_ORD}){_SUPER}\s+(?:(?:foreign\s+)?investor\s+)?(?:of|among)\s+(?:the\s+|all\s+)?"
    r"(?P<of>\d[\d,]*|[a-z]+)\s+(?:foreign\s+)?(?:countries|nations|economies|investors)(?P<rest>[^,.;]{0,140})"
)
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


def find_ranks(folded: str, start: int, end: int, vocab: Vocabulary, about_investment: bool = False) -> list[RankHit]:
    """Rank statements of ``folded[start:end]``, in text order.

    ``about_investment``: the article's league is one of investors even if the sentence does
    not say so ("Singapore topped the list with $4.1 billion" after FDI totals).
    """
    hits: list[RankHit] = []
    verb_spans: list[tuple[int, int]] = []
    if not _may_rank(folded, start, end):
        return hits
    investing = about_investment or vocab.has("investment", folded[start:end])
    for m in _RANK_VERB.finditer(folded, start, end):
        hit = _verb_hit(m, vocab, investing)
        if hit is not None:
            hits.append(hit)
            verb_spans.append((m.start(), m.end()))
    for m in _OF_THE.finditer(folded, start, end):
        hit = _of_the_hit(m)
        if hit is not None and not any(a <= m.start() < b for a, b in verb_spans):
            hits.append(hit)
            verb_spans.append((m.start(), m.end()))
    if investing:
        for m in _RANK_PLAIN.finditer(folded, start, end):
            if any(a <= m.start() < b for a, b in verb_spans):
                continue
            value = 1 if m.group("led") else ordinal_value(m.group("ord"))
            if value is not None:
                hits.append(RankHit(m.start(), m.end(), "investor_rank", value, None, None, verb_at=m.start()))
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


def _of_the_hit(m: re.Match[str]) -> RankHit | None:
    """"the second largest of the 26 countries and territories investing in Quang Ninh"."""
    value = ordinal_value(m.group("ord"))
    rank_of = cardinal_value(m.group("of"))
    rest = m.group("rest")
    if value is None or rank_of is None:
        return None
    if re.search(r"receiv|destination", rest):
        metric = "destination_rank"
    elif re.search(r"invest", rest) or "investor" in m.group():
        metric = "investor_rank"
    else:
        return None
    return RankHit(m.start(), m.end(), metric, value, rank_of, None, verb_at=m.start(), among_at=m.start("rest"))


def _verb_hit(m: re.Match[str], vocab: Vocabulary, investing: bool) -> RankHit | None:
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
    elif investing and re.match(r"(?:foreign\s+)?(?:countries|nations|economies|territories)\b", rest):
        metric, domain = "investor_rank", None  # "ranking fourth among 148 countries and territories" (of investors)
    elif re.search(r"partners|markets", rest):
        found = _domains(rest, vocab)
        metric, domain = "partner_rank", (found[0] if found else None)
        if domain is None:
            return None
    else:
        return None
    return RankHit(m.start(), m.end(), metric, value, rank_of, domain, verb_at=m.start(),
                   among_at=m.start("rest") if m.group("rest") else None)
