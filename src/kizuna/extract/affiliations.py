"""Entity references for what a title names: the organisation, locality or country.

"Gunma Bank" → company; "Japan's Kanagawa prefecture" → the prefecture; "Đà Nẵng's Foreign
Affairs Department" → an organisation; "the company" → the latest company named before; a
provincial title with no place stated → the place of the sentence or of the article.
Gazetteer entries win; otherwise the phrase itself becomes the reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import Mention
from ..records import EntityRef
from ..text import fold
from . import Article, per_article
from .companies import CompanyMention, companies_in, normalise
from .context import Focus, focus
from .tokens import Token

LOCALITY_KINDS = ("province", "prefecture", "city")
_PLACE_WORDS = {"prefecture": "prefecture", "province": "province", "city": "city"}
_COMPANY_TAIL = re.compile(r"\b(?:Bank|Corporation|Corp|Co|Ltd|Inc|Group|Holdings|JSC|Company|Mall|Motors|Engineering)\.?$",
                           re.IGNORECASE)
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")


@dataclass(frozen=True)
class Place:
    """A locality named in a sentence (gazetteer or "X prefecture" grammar), with its character span."""

    start: int
    end: int
    ref: EntityRef


@dataclass(frozen=True)
class ArticlePlaces:
    """What the article is about: its focus places and the companies it names, in order."""

    focus: Focus
    companies: tuple[tuple[int, EntityRef], ...]
    countries: tuple[str, ...]  # ISO codes of countries named, most frequent first


@per_article
def article_places(article: Article) -> ArticlePlaces:
    """The article's focus places, companies and countries (computed once per article)."""
    counts: dict[str, int] = {}
    for mention in article.mentions:
        if mention.entry.kind == "country" and mention.entry.country:
            counts[mention.entry.country] = counts.get(mention.entry.country, 0) + 1
    companies: list[tuple[int, EntityRef]] = []
    for found in sentence_companies(article):
        for company in found:
            country = next((m.entry.country for m in article.mentions_in(company.start, company.end)), None)
            companies.append((company.start, EntityRef(company.name, "company", country)))
    return ArticlePlaces(focus(article), tuple(companies), tuple(sorted(counts, key=lambda c: -counts[c])))


@per_article
def sentence_companies(article: Article) -> tuple[tuple[CompanyMention, ...], ...]:
    """``find_companies`` of each sentence (``[i]`` for ``article.sentences[i]``), computed once per article."""
    return tuple(companies_in(article, span.start, span.end) for span in article.sentences)


def sentence_places(article: Article, tokens: tuple[Token, ...]) -> list[Place]:
    """Localities in a sentence: gazetteer mentions, then "X prefecture" / "city of X" phrases."""
    if not tokens:
        return []
    found = [Place(m.start, m.end, _entry_ref(m)) for m in article.mentions_in(tokens[0].start, tokens[-1].end)
             if m.entry.kind in LOCALITY_KINDS and m.form == "name"]
    covered = [(p.start, p.end) for p in found]
    for i, tok in enumerate(tokens):
        kind = _PLACE_WORDS.get(tok.low)
        if kind is None:
            continue
        if i + 2 < len(tokens) and tokens[i + 1].low == "of" and tokens[i + 2].cap:
            j = i + 2
            while j < len(tokens) and j - i < 5 and tokens[j].cap and tokens[j].word:
                j += 1
            span = (tokens[i + 2].start, tokens[j - 1].end)
        else:
            j = i
            while j > 0 and i - j < 3 and tokens[j - 1].cap and tokens[j - 1].word:
                j -= 1
            if j == i:
                continue
            span = (tokens[j].start, tokens[i - 1].end)
        if any(a <= span[0] < b or span[0] <= a < span[1] for a, b in covered):
            continue
        name = article.text[span[0]:span[1]]
        country = "JP" if kind == "prefecture" else None
        found.append(Place(span[0], span[1], EntityRef(name, kind, country)))
    return sorted(found, key=lambda p: p.start)


def _entry_ref(mention: Mention) -> EntityRef:
    return mention.entry.ref()


def deglue(text: str) -> str:
    """Undo run-together words of bad scrapes: "JapanInternational" → "Japan International"."""
    return _GLUED.sub(" ", text)


def span_ref(article: Article, places: ArticlePlaces, start: int, end: int,
             want: tuple[str, ...] = ()) -> tuple[EntityRef | None, str | None]:
    """The entity a phrase names, and a country it implies ("Japan's", "Japanese")."""
    text = article.text[start:end]
    stripped = re.sub(r"^(?:the|a)\s+", "", text, flags=re.IGNORECASE)
    mentions = [m for m in article.mentions_in(start, end)]
    country = next((m.entry.country for m in mentions if m.entry.kind == "country"), None)
    if stripped.lower() in ("company", "group", "firm", "corporation"):
        earlier = [ref for offset, ref in places.companies if offset < start]
        return (earlier[-1] if earlier else None), None
    if stripped.lower() == "its":
        earlier_orgs = [m for m in article.mentions if m.end <= start and m.entry.kind in ("organisation", "company")]
        return (earlier_orgs[-1].entry.ref(), earlier_orgs[-1].entry.country) if earlier_orgs else (None, None)
    named = [m for m in mentions if m.entry.kind != "country" and m.form == "name"]
    if len(mentions) == 1 and mentions[0].entry.kind == "country" and fold(mentions[0].text) == fold(stripped):
        return mentions[0].entry.ref(), mentions[0].entry.country  # "Vietnamese" (President): the country
    acronym = re.search(r"\(([A-Z]{2,})\)", text) or re.match(r"([A-Z]{2,})\s+[A-Z]", stripped)
    if acronym:  # "… Agency (JICA)", "JETRO Ho Chi Minh City": the organisation the acronym names
        entry = article.gazetteer.lookup(acronym.group(1))
        if entry is not None and entry.kind in ("organisation", "company"):
            return entry.ref(), entry.country
    core = re.sub(r"^(?:[\w\s]+['’]s\s+)", "", stripped) if country else stripped
    core = re.sub(r"\s*\([^)]*\)\s*", " ", core).strip()
    place_word = re.search(r"\s+(prefecture|province|city)$", core, re.IGNORECASE)
    for m in named:
        if m.text.lower() == re.sub(r"\s+(prefecture|province|city)$", "", core, flags=re.IGNORECASE).lower() \
                and (not want or m.entry.kind in want or m.entry.kind not in LOCALITY_KINDS + ("organisation",)):
            return m.entry.ref(), m.entry.country
    if place_word:
        name = core[:place_word.start()].strip()
        entry = article.gazetteer.lookup(core) or article.gazetteer.lookup(name)  # "Ho Chi Minh City"
        if entry is not None:
            return entry.ref(), entry.country
        kind = place_word.group(1).lower()
        return EntityRef(name, kind, country or ("JP" if kind == "prefecture" else None)), country
    if not core or not core[:1].isupper():
        return None, country
    if want and not named:  # a place the gazetteer did not mark here ("Mayor of Osaka Yokoyama …")
        entry = next((e for kind in want for e in (article.gazetteer.lookup(core, kind=kind),) if e), None)
        if entry is not None:
            return entry.ref(), entry.country
    if core.isupper() and len(core) <= 8 and not named:
        entry = article.gazetteer.lookup(core)
        return (entry.ref(), entry.country) if entry else (EntityRef(core, "organisation", None), None)
    inner = next((m.entry.country for m in mentions if m.entry.country), None)
    if len(named) == 1 and not _COMPANY_TAIL.search(core) and len(core.split()) <= len(named[0].text.split()) + 1:
        return named[0].entry.ref(), named[0].entry.country
    name = deglue(re.sub(r"['’]s\b", "", core)).strip()
    if _COMPANY_TAIL.search(core):
        name = normalise(name)
        kind = "company" if not re.search(r"Bank of|Agency|Party", name) else "organisation"
        if re.search(r"\bBank$", name):
            kind = "company"
        return EntityRef(name, kind, country or inner), country or inner
    return EntityRef(name, "organisation", country or inner), country or inner


def context_locality(places_here: list[Place], places: ArticlePlaces, at: int,
                     country: str | None, foreign: bool) -> EntityRef | None:
    """The locality a title with no place stated belongs to: the sentence's, else the article's.

    ``country`` asks for that country's places; ``foreign`` for places outside Vietnam.
    """
    def fits(ref: EntityRef) -> bool:
        if country is not None:
            return ref.country == country
        return ref.country != "VN" if foreign else ref.country in ("VN", None)

    before = [p for p in places_here if p.start < at and fits(p.ref)]
    after = [p for p in places_here if p.start >= at and fits(p.ref)]
    if before:
        return before[-1].ref
    if after:
        return after[0].ref
    if country is not None:
        entry = places.focus.main(LOCALITY_KINDS, country=country)
    elif foreign:
        entry = places.focus.main(LOCALITY_KINDS, not_country="VN")
    else:
        entry = places.focus.main(LOCALITY_KINDS, country="VN")
    return entry.ref() if entry else None
