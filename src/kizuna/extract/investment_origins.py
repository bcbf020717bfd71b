"""Where an investor comes from, read from the grammar around its name.

In the sentence: "from Kuragano, Japan", "Tokyo-based X", "X will …, the Tokyo-based firm said", "X, headquartered in Osaka", "X of Japan",
"X, a Japanese firm", "Japan's X", "Japanese retailer X" / "the Japanese group X", "Vietnam's B";
else the same phrases around an earlier mention of the company in the article; else the country the gazetteer gives
a company it knows; else a demonym of the sentence; else the article's partner country. A Vietnamese partner named in "a joint venture
between Japan's A and Vietnam's B" is no foreign investor of its own (``joint_venture_partner``).
"""
from __future__ import annotations

import re

from ..gazetteer import Entry
from ..text import Span
from . import Article
from .companies import CompanyMention
from .context import Focus

HOST_COUNTRY = "VN"
_FROM = re.compile(r"\bfrom\s+")
# the place is capitalised words joined by single spaces or hyphens: not a dateline's "TOKYO -- " before it
_BASED = re.compile(r"(?<![\w'’])(?P<place>(?:[A-Z][\w'’]*[ -]){0,4}[A-Z][\w'’]*)-based\s+(?:[\w-]+\s+){0,4}$")
_BASED_LATER = re.compile(r"(?:^|[,;]\s+)(?:[^.;]*?[,;]\s+)?the\s+(?P<place>[A-Z][\w'’ -]{1,30}?)-based\s+(?:[a-z][\w-]*\s+){0,2}?"
                          r"(?:company|firm|group|maker|manufacturer|corporation|conglomerate|producer|retailer|developer)\b(?!\s+[A-Z])")
HOME_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:headquartered|based|registered)\s+in\s+")
_OF = re.compile(r"\s+of\s+")
# "X, a Japanese firm, …", "X, a leading Korean electronics maker, …": the appositive's demonym
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?P<body>[^,;.()]{1,60})")
# what may stand between a country (or demonym) and the company it qualifies: "Japan's", "Japanese retailer"
_POSSESSIVE_QUALIFIES = re.compile(r"^['’]s\s+(?:[a-z][\w-]*\s+){0,2}$")
_DEMONYM_QUALIFIES = re.compile(r"^\s+(?:(?!(?:such|as|like|including|namely|in|of|by|and|or|at|to|with|from|for|the)\b)"
                                r"[a-z][\w-]*\s+){0,2}$")
_JOINT_VENTURE = re.compile(r"\bjoint[\s-]+ventures?\s+(?:(?:company\s+)?(?:between|of|with|formed\s+by|set\s+up\s+by)\b)"
                            r"[^.;]{0,100}$", re.IGNORECASE)
_REACH = 40  # characters before the company a qualifying country may stand


def investor_origin(article: Article, span: Span, company: CompanyMention, places: Focus) -> Entry | None:
    """The origin of the company named at ``company`` in the sentence ``span``."""
    local = local_origin(article, span, company.start, company.end)
    if local is not None:
        return local
    earlier = _earlier_origin(article, span, company)
    if earlier is not None:
        return earlier
    known = _known_country(article, company) or _named_for_country(article, company)
    if known is not None:
        return known
    for mention in article.mentions_in(span.start, span.end):
        if mention.entry.kind == "country" and mention.form == "demonym" and mention.entry.country != HOST_COUNTRY:
            return mention.entry
    return partner_country(places)


def local_origin(article: Article, span: Span, start: int, end: int) -> Entry | None:
    """The origin the phrases right around a company name at ``[start, end)`` state, if any."""
    text = article.text
    after = text[end:span.end]
    source = _FROM.search(after, 0, 120)
    if source:
        found = _named(article, end + source.end(), 40, foreign=True)
        if found is not None:
            return found
    window = max(span.start, start - 80)
    based = _BASED.search(text[window:start])
    if based:
        place_start = window + based.start("place")
        found = _named(article, place_start, len(based.group("place")), foreign=True)
        if found is not None:
            return found
    described = _BASED_LATER.search(after, 0, 160)
    if described:  # "X will build …, the Tokyo-based company said"
        found = _named(article, end + described.start("place"), len(described.group("place")), foreign=True)
        if found is not None:
            return found
    home = HOME_AFTER.search(after[:120])
    if home:  # "Hyosung, which is headquartered in Seoul, …"
        found = _named(article, end + home.end(), 40, foreign=True)
        if found is not None:
            return found
    of_country = _OF.match(after)
    if of_country:
        for mention in article.mentions_in(end + of_country.end(), end + of_country.end() + 30):
            if mention.entry.kind == "country":
                return mention.entry
    appositive = _APPOSITIVE.match(after)
    if appositive:  # "Toyoda Gosei, a Japanese firm, …"
        for mention in article.mentions_in(end + appositive.start("body"), end + appositive.end("body")):
            if mention.entry.kind == "country" and mention.form == "demonym":
                return mention.entry
    return _qualifying_country(article, span, start)


def _qualifying_country(article: Article, span: Span, start: int) -> Entry | None:
    """"Japan's X", "Japanese retailer X", "Vietnam's B": the country just before the name; a foreign
    country a little further back ("Japanese automaker Toyota's subsidiary X") when no nearer one."""
    before = [m for m in article.mentions_in(span.start, start)
              if m.entry.kind == "country" and m.start >= start - _REACH]
    for mention in reversed(before):
        if mention.entry.country == HOST_COUNTRY:
            qualifies = _POSSESSIVE_QUALIFIES if mention.form == "name" else _DEMONYM_QUALIFIES
            if qualifies.match(article.text[mention.end:start]):
                return mention.entry
            continue
        return mention.entry
    return None


def _earlier_origin(article: Article, span: Span, company: CompanyMention) -> Entry | None:
    """The origin stated where the article named this company before ("Japan's Nidec …" then "Nidec …")."""
    text, name = article.text, company.surface
    cursor = text.find(name, 0, span.start)
    while cursor >= 0:
        index = article.sentence_at(cursor)
        sentence = article.sentences[index] if index is not None else None
        if sentence is not None and cursor + len(name) <= sentence.end:
            found = local_origin(article, sentence, cursor, cursor + len(name))
            if found is not None:
                return found
        cursor = text.find(name, cursor + len(name), span.start)
    return None


def _known_country(article: Article, company: CompanyMention) -> Entry | None:
    """The country the gazetteer gives a company it knows ("Mitsubishi Corporation": Japan)."""
    name = company.known_as or company.name
    entry = article.gazetteer.lookup(name, kind="company") or _parent_of_local_unit(article, name)
    return article.gazetteer.country(entry.country) if entry is not None else None


def _named_for_country(article: Article, company: CompanyMention) -> Entry | None:
    """The country a company's name begins with ("Taiwan Semiconductor Manufacturing", "Korea Zinc")."""
    if " " not in company.surface:
        return None
    first = next(iter(article.mentions_in(company.start, company.end)), None)
    if first is not None and first.start == company.start and first.entry.kind == "country" and first.end < company.end:
        return first.entry
    return None


def _parent_of_local_unit(article: Article, name: str) -> Entry | None:
    """The known company whose name a local unit's begins with, the unit named for a country
    ("Toyota Motor Vietnam", "Honda Vietnam", "Canon Viet Nam"): the parent's country is its origin."""
    words = name.split()
    for size in (2, 1):  # "Viet Nam", "Vietnam"
        if len(words) > size and article.gazetteer.lookup(" ".join(words[-size:]), kind="country") is not None:
            return article.gazetteer.lookup(" ".join(words[:-size]), kind="company")
    return None


def _named(article: Article, start: int, length: int, foreign: bool) -> Entry | None:
    for mention in article.mentions_in(start, start + length):
        if mention.form == "name" and (not foreign or mention.entry.country != HOST_COUNTRY):
            return mention.entry
    return None


def partner_country(places: Focus) -> Entry | None:
    """The article's country other than its host country."""
    host = places.main(("country",), country=HOST_COUNTRY) or places.main(("country",))
    return places.main(("country",), not_country=host.country if host else None)


def joint_venture_partner(article: Article, span: Span, company: CompanyMention, origin_country: str | None) -> bool:
    """A host-country company named as a partner of a joint venture ("a joint venture between Japan's
    Mitsui and Vietnam's PetroVietnam"): a partner, not an investor of its own."""
    return origin_country == HOST_COUNTRY and bool(
        _JOINT_VENTURE.search(article.text, span.start, company.start))
