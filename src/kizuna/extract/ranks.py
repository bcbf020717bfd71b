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
  ``investor_rank`` (``league``); "followed by Hong Kong with $3.1 billion and Japan with
  …" ranks the next items one by one; "among 106 countries and territories investing in …"
  anywhere in the sentence gives the league its rank_of.

Each grammar first checks the words it cannot match without (cheap substring tests).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .numbers import cardinal_value, ordinal_value
from .stat_vocab import Vocabulary

# the places an investor invests in: "receiving Vietnamese investment", "destinations", "countries that Vietnam invests in",
# "localities in attracting Japanese investment"
_DESTINATION_WORDS = re.compile(
    r"receiv|destination|(?:localities|provinces|cities|municipalities)\b[^,;]{0,20}?\b(?:attract|draw|lur)|"
    r"^(?:[\w'-]+\s+){0,2}?(?:\d+\s+)?(?:localities|provinces(?:\s+and\s+(?:centrally[\s-]run\s+)?cities)?|"
    r"prefectures)\b|"  # "ranking third among Vietnam's 63 provinces and cities" (in a sentence on investment)
    r"(?:that|which|where|in which)\s+(?!(?:have|has|had|are|were|is|currently|now|also|still)\b)"
    r"[\w'-]+\s+(?:[\w'-]+\s+)?(?:invests?|has\s+invested|have\s+invested|had\s+invested|is\s+investing)(?:\s+in)?\b")
_INVESTOR_WORDS = re.compile(r"investing|investors|foreign investors")
_INVESTOR_NOUN = re.compile(r"investor|contributor")
_COUNTRIES_WORD = re.compile(r"(?:foreign\s+)?(?:countries|nations|economies|territories)\b")
_PARTNER_WORDS = re.compile(r"partners|markets")

_ORD_WORDS = ("top", "biggest", "largest", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
              "tenth")
_ORD = "|".join(_ORD_WORDS) + r"|\d{1,3}(?:st|nd|rd|th)|no\.\s?\d{1,3}(?![\d,.])"  # "No. 3" too
_SUPER = r"(?:[\s-]+(?:largest|biggest|most important))?"
# what the league is ("countries and territories investing in Vietnam"), up to a comma or full stop, or to
# the subject's own figures: "ranked 9th among 149 countries … in Vietnam with 732 projects worth $14.8 billion"
_LEAGUE_REST = r"(?P<rest>(?:(?!\s+with\s[^,;]*\d)[^,.;]){0,140})"
_ITEM = re.compile(
    rf"(?<![\w-])(?:(?:the|its|[\w]+'s|[\w]+s')\s+|(?<=\sand\s)|(?<=,\s)(?P<bare>))(?:single\s+)?(?P<ord>{_ORD}){_SUPER}\s+"
    rf"(?P<body>[^,;:.]*?)(?=,|;|:|\.|\s+and\s+(?:the\s|its\s|(?:{_ORD})[\s-])|"
    r"\s+(?:with|after|behind|among|while|ahead)\s|$)"
)
_SINGULAR_NOUN = re.compile(r"(?<![\w-])(?:partner|investor|provider|donor|lender|contributor|market|source|"
                            r"(?P<destination>destination))(?![\w-])")
# every rank grammar needs one of these (an ordinal, "led", "topped"): most sentences have none
_RANK_WORDS = _ORD_WORDS + ("first", "led", "lead", "no.")  # "no.": "the No. 3 investor"
_NUMERIC_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")
# (a look-ahead on the first letters of the verbs spares trying the rest at every position)
_RANK_PLAIN = re.compile(
    rf"(?=[rcpslt])(?<![\w-])(?:(?:rank|ranks|ranked|ranking|came|comes|coming|placed|placing|stood|stands|standing)\s+"
    rf"(?:in\s+)?(?:the\s+)?(?P<ord>{_ORD}|first)(?:\s+place)?|(?P<led>led|leads|leading|topped|tops|topping|"
    r"(?:remained|remains|stayed|stays)\s+at\s+the\s+top)"
    r"(?:\s+the\s+(?:[\w-]+\s+)?(?:list|ranking|rankings|table|pack)(?:\s+of\s+(?:foreign\s+)?(?:investors|countries|partners))?"
    r"(?:\s+in\s+(?!the\s)[a-z-]+(?:\s+[a-z-]+)?)?"  # "… investors in Vietnam"
    # "led (all) foreign investors in Vietnam"
    r"|\s+(?:all\s+)?(?:foreign\s+)?investors(?:\s+in\s+(?!the\s)[a-z-]+(?:\s+[a-z-]+)?)?"
    # "led 110 countries and territories investing in Vietnam during the period with $4.2 billion"
    r"|\s+(?:all\s+)?(?:the\s+)?(?P<ledof>\d[\d,]*)\s+(?:foreign\s+)?(?:countries|nations|economies|investors)"
    r"(?:\s+and\s+territories)?(?:\s+investing\s+in\s+[a-z-]+(?:\s+[a-z-]+){0,2}?)?"
    r"(?:\s+(?:during|in)\s+the\s+period)?)?)"
    r"(?=\s*(?:,|;|\.|$|with\s|after\s|behind\s|(?:in|during)\s+the\s+(?:first|second|third|fourth|last|past|same)\s|"
    r"in\s+(?:19|20)\d\d\b|"
    r"in terms of\s|(?:among|out\s+of)\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:foreign\s+)?(?:countries|nations|economies|investors|partners)))"
)
_OF_THE = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<ord>{_ORD}){_SUPER}\s+(?:(?:foreign\s+)?investor\s+)?(?:of|among)\s+(?:the\s+|all\s+)?"
    r"(?P<of>\d[\d,]*|[a-z]+)\s+(?:foreign\s+)?(?:countries|nations|economies|investors)" + _LEAGUE_REST
)
_FOLLOWED = re.compile(r",?\s+followed\s+by\s+(?:the\s+)?(?P<party>[^,;.\d()]{2,40}?)\s+(?=(?:with|at)\s)")
# the rest of a league named without figures: "…, followed by Singapore and Japan."
_FOLLOWED_BARE = re.compile(r"(?:\s+(?:in|during|over)\s+[^,;.]{1,30}?)?,?\s+followed\s+by\s+(?P<parties>(?:the\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}"
                            r"(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}){0,3})"
                            r"(?=\s*(?:[.;]|$|,\s+(?:respectively|according|data|figures|statistics)\b))")
_PARTY_SEPARATOR = re.compile(r",\s+(?:and\s+)?|,?\s+and\s+")
_NEXT_ITEM = re.compile(r"(?:with|at)\s+[^,;()]{1,40}?(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                        r"(?P<party>[^,;.\d()]{2,40}?)\s+(?=(?:with|at)\s)")
_WITH_PLACED = re.compile(r",\s+with\s+(?:the\s+)?(?P<party>[a-z][a-z' -]{1,40}?)\s+(?P<ord>second|third|fourth|fifth)\b")
_APPOSITION = re.compile(r",\s*$")
_LIST_COMMA = re.compile(r"\s*,\s*")
_AMONG_LEAGUE = re.compile(r"(?<![\w-])among\s+(?:the\s+|all\s+)?(?P<of>\d[\d,]*)\s+(?:foreign\s+)?"
                           r"(?:countries|nations|economies|investors)(?:\s+and\s+territories)?\s+(?:investing|with\s+"
                           r"(?:investments?|projects))")
# cheap tests before the searches: what each grammar cannot match without
_PLAIN_WORDS = ("came", "com", "plac", "stood", "stand", "led", "lead", "top", "remain", "stay")  # _RANK_PLAIN's verbs but "rank"
_PLAIN_VERB = re.compile(r"(?=[rcpslt])(?<![\w-])(?:rank|ranks|ranked|ranking|came|comes|coming|placed|placing|stood|"
                         r"stands|standing|led|leads|leading|topped|tops|topping|remained|remains|stayed|stays)(?!\w)")
_OF_THE_WORDS = ("countries", "nations", "economies", "investors")
_SINGULAR_WORDS = ("partner", "investor", "provider", "donor", "lender", "contributor", "market", "source", "destination")
_RANK_VERB = re.compile(
    rf"(?=r)(?<![\w-])(?:rank|ranks|ranked|ranking)\s+(?:as\s+)?(?:the\s+)?(?P<ord>{_ORD}|first){_SUPER}"
    r"(?:\s+(?P<noun>[a-z -]{0,40}?))?\s+(?:among|out\s+of)\s+(?:the\s+|all\s+|[a-z]+'s\s+(?=\d))?(?:(?P<of>\d[\d,]*|[a-z]+)\s+)?"
    + _LEAGUE_REST
)


class RankHit(NamedTuple):
    """One rank statement: offsets into the folded document text."""

    start: int
    end: int
    metric: str
    value: int
    rank_of: int | None
    domain: str | None
    verb_at: int | None = None  # where a ranking verb starts (subject stands before it)
    among_at: int | None = None  # where the "among …" phrase starts
    league: bool = False  # an item of a league of investors ("Japan came third with $2.3 billion")


class RankHints:
    """Where a text may state a rank in words (ordinals, "led", "top"), found once for the whole text.

    Numeric ordinals ("31st") need a digit: a stretch with digits is read anyway.
    """

    __slots__ = ("spans", "starts")

    def __init__(self, folded: str) -> None:
        spans: list[tuple[int, int]] = []
        for word in _RANK_WORDS:
            at = folded.find(word)
            while at >= 0:
                spans.append((at, at + len(word)))
                at = folded.find(word, at + 1)
        spans.sort()
        self.spans = spans
        self.starts = [a for a, _ in spans]

    def within(self, start: int, end: int) -> bool:
        """Whether a rank word lies inside ``[start, end)``."""
        spans = self.spans
        for index in range(bisect_left(self.starts, start), len(spans)):
            a, b = spans[index]
            if a >= end:
                return False
            if b <= end:
                return True
        return False


def find_ranks(folded: str, start: int, end: int, vocab: Vocabulary, about_investment: bool = False,
               hints: RankHints | None = None) -> list[RankHit]:
    """Rank statements of ``folded[start:end]``, in text order.

    ``about_investment``: the article's league is one of investors even if the sentence does
    not say so ("Singapore topped the list with $4.1 billion" after FDI totals). ``hints``: the
    ``RankHints`` of ``folded``, if the caller has them.
    """
    hits: list[RankHit] = []
    verb_spans: list[tuple[int, int]] = []
    if not (hints.within(start, end) or _NUMERIC_ORDINAL.search(folded, start, end) is not None
            if hints is not None else may_rank(folded, start, end)):
        return hits
    text = folded[start:end]
    ranking = "rank" in text
    plain = (ranking or any(word in text for word in _PLAIN_WORDS)) and _PLAIN_VERB.search(text) is not None
    investing = plain and (about_investment or vocab.has("investment", text))
    for m in (_RANK_VERB.finditer(folded, start, end) if ranking else ()):
        hit = _verb_hit(m, vocab, investing)
        if hit is not None:
            hits.append(hit)
            verb_spans.append((m.start(), m.end()))
    for m in (_OF_THE.finditer(folded, start, end) if any(w in text for w in _OF_THE_WORDS) else ()):
        hit = _of_the_hit(m)
        if hit is not None and not any(a <= m.start() < b for a, b in verb_spans):
            hits.append(hit)
            verb_spans.append((m.start(), m.end()))
    if investing:  # (``plain`` too)
        hits.extend(_league(folded, start, end, verb_spans))
    for m in (_ITEM.finditer(folded, start, end) if any(w in text for w in _SINGULAR_WORDS) else ()):
        if any(a <= m.start() < b for a, b in verb_spans):
            continue
        value = ordinal_value(m.group("ord"))
        body = m.group("body")
        noun = _SINGULAR_NOUN.search(body)
        if value is None or noun is None:
            continue
        if m.group("bare") is not None and not (hits and _LIST_COMMA.fullmatch(folded, hits[-1].end, m.start())):
            continue  # an item with no determiner only goes on a list: "…'s largest ODA provider, second-largest …"
        if folded.startswith("its", m.start()) and _APPOSITION.search(folded, max(start, m.start() - 3), m.start()) \
                and not (hits and _LIST_COMMA.fullmatch(folded, hits[-1].end, m.start())):
            continue  # "exports to the United States, its biggest market, rose": whose "its" is unclear
            # (but "Vietnam's fourth-largest trading partner, its third-largest investor": the list goes on)
        item_end = m.end()
        for domain in _domains(m.group("ord") + " " + body, vocab):
            if noun.group("destination") and domain not in ("labour", "tourism"):
                continue  # "the top destination for Vietnamese guest workers" (labour), not of investment (a place's rank)
            hits.append(RankHit(m.start(), item_end, "partner_rank", value, None, domain))
    hits.sort(key=lambda h: h.start)
    if hits and "followed by" in text:
        hits.extend(_followed_without_figures(folded, hits[-1], end))
    return hits


def _followed_without_figures(folded: str, last: RankHit, end: int) -> list[RankHit]:
    """"South Korea was the top investor, followed by Singapore and Japan": each party one rank below the one
    before it, in the same league (a party's place is checked when the rank is bound)."""
    match = _FOLLOWED_BARE.match(folded, last.end, end)
    if match is None:
        return []
    found = []
    cursor = match.start("parties")
    for number, party in enumerate(_PARTY_SEPARATOR.split(match.group("parties")), start=1):
        first = folded.index(party, cursor)
        cursor = first + len(party)
        found.append(RankHit(first, cursor, last.metric, last.value + number, last.rank_of, last.domain,
                             verb_at=cursor, league=last.league))
    return found


def _league(folded: str, start: int, end: int, verb_spans: list[tuple[int, int]]) -> list[RankHit]:
    """A league of investors: "Singapore led with $6.8 billion, followed by Hong Kong with $3.1 billion".

    "followed by X with …" ranks X one below the item before; "among 106 countries and
    territories" anywhere in the sentence says how many the league ranks.
    """
    found: list[RankHit] = []
    for m in _RANK_PLAIN.finditer(folded, start, end):
        if any(a <= m.start() < b for a, b in verb_spans):
            continue
        value = 1 if m.group("led") else ordinal_value(m.group("ord"))
        if value is not None:
            rank_of = int(m.group("ledof").replace(",", "")) if m.group("ledof") else None
            found.append(RankHit(m.start(), m.end(), "investor_rank", value, rank_of, None, verb_at=m.start(),
                                 league=True))
            verb_spans.append((m.start(), m.end()))
    if not found:
        return found
    for m in _FOLLOWED.finditer(folded, found[0].end, end):
        before = [h for h in found if h.end <= m.start()]
        item: re.Match[str] | None = m
        while before and item is not None:  # "followed by South Korea with $2.6 billion and China with $2.3 billion"
            hit = RankHit(item.start("party"), item.end("party"), "investor_rank", before[-1].value + 1, None, None,
                          verb_at=item.end(), league=True)
            found.append(hit)
            before = [hit]
            item = _NEXT_ITEM.match(folded, item.end(), end)
    for m in _WITH_PLACED.finditer(folded, found[0].end, end):  # "…, with South Korea second (at $76.7 billion)"
        value = ordinal_value(m.group("ord"))
        if value is not None:
            found.append(RankHit(m.start("party"), m.end("party"), "investor_rank", value, None, None,
                                 verb_at=m.end("party"), league=True))
    among = _AMONG_LEAGUE.search(folded, start, end)
    league_of = int(among.group("of").replace(",", "")) if among is not None else found[0].rank_of
    if league_of is not None:  # "among 106 countries and territories", "led 110 countries …": the league's size
        found = [h._replace(rank_of=league_of) for h in found]
    return found


def may_rank(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` may hold a rank: every rank grammar needs an ordinal, "led" or "top"."""
    text = folded[start:end]
    for word in _RANK_WORDS:
        if word in text:
            return True
    return _NUMERIC_ORDINAL.search(text) is not None


_BARE_MARKET = ("market", "markets")  # a domain word only when nothing else names the domain


def _domains(text: str, vocab: Vocabulary) -> list[str]:
    """The domains an item names; a bare "market" is trade only when no other word names the domain
    ("the largest market for Vietnamese guest workers" is labour; "its largest export market" is trade)."""
    seen: list[str] = []
    market_only: list[str] = []
    for match in vocab.find("domain", text):
        domain = vocab.domains[match.group()]
        if domain in seen:
            continue
        if match.group() in _BARE_MARKET:
            if domain not in market_only:
                market_only.append(domain)
            continue
        seen.append(domain)
    return seen or market_only


def _of_the_hit(m: re.Match[str]) -> RankHit | None:
    """"the second largest of the 26 countries and territories investing in Quang Ninh"."""
    value = ordinal_value(m.group("ord"))
    rank_of = cardinal_value(m.group("of"))
    rest = m.group("rest")
    if value is None or rank_of is None and m.group("of") != "foreign":  # "the largest among foreign investors"
        return None
    if _DESTINATION_WORDS.search(rest):
        metric = "destination_rank"
    elif "invest" in rest or "investor" in m.group():
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
    if _DESTINATION_WORDS.search(rest):
        metric, domain = "destination_rank", None
    elif _INVESTOR_WORDS.search(rest) or _INVESTOR_NOUN.search(noun):
        metric, domain = "investor_rank", None
    elif investing and _COUNTRIES_WORD.match(rest):
        metric, domain = "investor_rank", None  # "ranking fourth among 148 countries and territories" (of investors)
    elif _PARTNER_WORDS.search(rest):
        found = _domains(rest, vocab)
        metric, domain = "partner_rank", (found[0] if found else None)
        if domain is None:
            return None
    else:
        return None
    return RankHit(m.start(), m.end(), metric, value, rank_of, domain, verb_at=m.start(),
                   among_at=m.start("rest") if m.group("rest") else None)
