"""Entity references for what a title names: the organisation, locality or country.

"Gunma Bank" → company; "Japan's Kanagawa prefecture" → the prefecture; "Đà Nẵng's Foreign
Affairs Department" → an organisation; "the company" → the latest company named before; a
provincial title with no place stated → the place of the sentence or of the article.
Gazetteer entries win; otherwise the phrase itself becomes the reference.

``office_affiliation`` applies a title's rule: a minister's ministry, a governor's prefecture and a
mayor's city (a provincial committee sitting in a city belongs to its province), a consul's
Consulate General ("Consul General of Japan in Da Nang"), the mission a diplomat works at when named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..gazetteer import Entry, Mention
from ..records import EntityRef
from ..text import fold, key
from . import Article, per_article
from .companies import CompanyMention, companies_in, normalise
from .context import Focus, focus, resolve_anaphor
from .prefilter import GatedPattern
from .titles import TitlePhrase
from .tokens import Token

LOCALITY_KINDS = ("province", "prefecture", "city")
_PLACE_WORDS = {"prefecture": "prefecture", "province": "province", "city": "city"}
_COMPANY_TAIL = re.compile(r"\b(?:Bank|Corporation|Corp|Co|Ltd|Inc|Group|Holdings|JSC|Company|Mall|Motors|Engineering)\.?$",
                           re.IGNORECASE)
_PLACE_WORD = GatedPattern(re.compile(r"(?<![^\W_])(?:prefecture|province|city)(?![^\W_])"))  # a token of _PLACE_WORDS
_LOCAL = frozenset({"provincial", "municipal"})
_MISSION = re.compile(r"\b(?:Embassy|Consulate|Mission)\b")
_PLACE_POSSESSIVE = re.compile(r"((?i:prefecture|province|city))['’]s\s+([A-Z].*)$")
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
# the parts of a phrase ``span_ref`` reads
_ARTICLE_START = re.compile(r"^(?:the|a)\s+", re.IGNORECASE)
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,})\)")  # "… Agency (JICA)"
_LEADING_ACRONYM = re.compile(r"([A-Z]{2,})\s+[A-Z]")  # "JETRO Ho Chi Minh City"
_OWNER_START = re.compile(r"^(?:[\w\s]+['’]s\s+)")  # "Japan's "
_BRACKETS = re.compile(r"\s*\([^)]*\)\s*")
_PLACE_WORD_END = re.compile(r"\s+(prefecture|province|city)$", re.IGNORECASE)
_POSSESSIVE_S = re.compile(r"['’]s\b")
_NOT_A_COMPANY = re.compile(r"Bank of|Agency|Party")
_BANK_END = re.compile(r"\bBank$")


@dataclass(frozen=True)
class Place:
    """A locality named in a sentence (gazetteer or "X prefecture" grammar), with its character span."""

    start: int
    end: int
    ref: EntityRef


@dataclass(frozen=True)
class ArticlePlaces:
    """What the article is about: its focus places and the countries it names."""

    focus: Focus
    countries: tuple[str, ...]  # ISO codes of countries named, most frequent first


@per_article
def article_places(article: Article) -> ArticlePlaces:
    """The article's focus places and countries (computed once per article)."""
    counts: dict[str, int] = {}
    for mention in article.mentions:
        if mention.entry.kind == "country" and mention.entry.country:
            counts[mention.entry.country] = counts.get(mention.entry.country, 0) + 1
    return ArticlePlaces(focus(article), tuple(sorted(counts, key=lambda c: -counts[c])))


@per_article
def sentence_companies(article: Article) -> tuple[tuple[CompanyMention, ...], ...]:
    """``find_companies`` of each sentence (``[i]`` for ``article.sentences[i]``), computed once per article."""
    return tuple(companies_in(article, span.start, span.end) for span in article.sentences)


def company_refs(article: Article, start: int, end: int) -> tuple[tuple[int, EntityRef], ...]:
    """The companies named in the sentence ``[start, end)``: (offset, reference), in text order.

    Companies are looked for only in the sentences that ask (once per sentence): most never do.
    """
    def compute() -> tuple[tuple[int, EntityRef], ...]:
        return tuple((c.start, EntityRef(c.name, "company", next(
            (m.entry.country for m in article.mentions_in(c.start, c.end)), None)))
            for c in companies_in(article, start, end))

    return article.memo.get(("company_refs", start, end), compute)


def companies_before(article: Article, at: int) -> list[tuple[int, EntityRef]]:
    """The companies the article names before offset ``at``, in text order."""
    return [pair for span in article.sentences if span.start < at
            for pair in company_refs(article, span.start, span.end) if pair[0] < at]


def sentence_places(article: Article, start: int, end: int) -> list[Place]:
    """Localities in the sentence ``[start, end)``: gazetteer mentions, then "X prefecture" / "city of X".

    Computed once per sentence (people and meetings both ask); the list is shared, read-only.
    """
    return article.memo.get(("places", start, end), lambda: _find_places(article, start, end))


def _find_places(article: Article, start: int, end: int) -> list[Place]:
    found = [Place(m.start, m.end, _entry_ref(m)) for m in article.mentions_in(start, end)
             if m.entry.kind in LOCALITY_KINDS and m.form == "name"]
    sentence = article.folded[start:end]
    if _PLACE_WORD.search(sentence) is None:
        return sorted(found, key=lambda p: p.start)  # no "prefecture", "province", "city": no grammar match
    tokens = article.tokens(start, end)
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
    stripped = _ARTICLE_START.sub("", text)
    mentions = [m for m in article.mentions_in(start, end)]
    country = next((m.entry.country for m in mentions if m.entry.kind == "country"), None)
    if stripped.lower() in ("company", "group", "firm", "corporation"):
        earlier = companies_before(article, start)
        return (earlier[-1][1] if earlier else None), None
    if stripped.lower() == "its":
        earlier_orgs = [m for m in article.mentions if m.end <= start and m.entry.kind in ("organisation", "company")]
        return (earlier_orgs[-1].entry.ref(), earlier_orgs[-1].entry.country) if earlier_orgs else (None, None)
    local = _PLACE_POSSESSIVE.match(stripped)
    if local:  # "the prefecture's Economic and Industry Department": the prefecture named before
        entry = resolve_anaphor(article, local.group(1), start, places.focus)
        if entry is not None:
            return EntityRef(f"{entry.name} {deglue(local.group(2)).strip()}", "organisation", entry.country), \
                entry.country
    named = [m for m in mentions if m.entry.kind != "country" and m.form == "name"]
    if len(mentions) == 1 and mentions[0].entry.kind == "country" and fold(mentions[0].text) == fold(stripped):
        return mentions[0].entry.ref(), mentions[0].entry.country  # "Vietnamese" (President): the country
    acronym = _BRACKETED_ACRONYM.search(text) or _LEADING_ACRONYM.match(stripped)
    if acronym:  # "… Agency (JICA)", "JETRO Ho Chi Minh City": the organisation the acronym names
        entry = article.gazetteer.lookup(acronym.group(1))
        if entry is not None and entry.kind in ("organisation", "company"):
            return entry.ref(), entry.country
    core = _OWNER_START.sub("", stripped) if country else stripped
    core = _BRACKETS.sub(" ", core).strip()
    place_word = _PLACE_WORD_END.search(core)
    for m in named:
        if m.text.lower() == _PLACE_WORD_END.sub("", core).lower() \
                and (not want or m.entry.kind in want or m.entry.kind not in LOCALITY_KINDS + ("organisation",)):
            return _as_stated(m.entry, m.text), m.entry.country
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
    subsidiary = _subsidiary(named, mentions, core)
    if subsidiary is not None:  # "Toyota Motor Vietnam": the company as named, not its parent
        return subsidiary, subsidiary.country
    if len(named) == 1 and not _COMPANY_TAIL.search(core) and len(core.split()) <= len(named[0].text.split()) + 1:
        return _as_stated(named[0].entry, deglue(_POSSESSIVE_S.sub("", core)).strip()), named[0].entry.country
    name = deglue(_POSSESSIVE_S.sub("", core)).strip()
    if _COMPANY_TAIL.search(core):
        name = normalise(name)
        kind = "company" if not _NOT_A_COMPANY.search(name) else "organisation"
        if _BANK_END.search(name):
            kind = "company"
        return EntityRef(name, kind, country or inner), country or inner
    return EntityRef(name, "organisation", country or inner), country or inner


def _as_stated(entry: Entry, stated: str) -> EntityRef:
    """A company as the gazetteer knows it, with the name the text gives as ``alt`` ("Toyota", alt "Toyota
    Motor"); a name the gazetteer does not list ("Samsung Biologics" for Samsung) is kept, the entry's as alt."""
    ref = entry.ref()
    if entry.kind != "company" or key(stated) == key(entry.name):
        return ref
    if any(key(stated) == key(name) for name in entry.names):
        return replace(ref, alt=(stated,))
    return EntityRef(stated, "company", entry.country, alt=(entry.name,))


def _subsidiary(named: list[Mention], mentions: list[Mention], core: str) -> EntityRef | None:
    """A company named with a country after it ("Toyota Motor Vietnam", "Aeon Vietnam"): its subsidiary there."""
    if len(named) != 1 or named[0].entry.kind != "company" or not core.startswith(named[0].text):
        return None
    rest = core[len(named[0].text):].strip()
    country = next((m for m in mentions if m.entry.kind == "country" and m.form == "name" and m.text == rest), None)
    return EntityRef(core, "company", country.entry.country) if rest and country is not None else None


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


def office_affiliation(article: Article, places: ArticlePlaces, tokens: tuple[Token, ...],
                       phrase: TitlePhrase, owner: tuple[int, int] | None,
                       vietnamese: bool, japanese: bool | None = None) -> tuple[EntityRef | None, str | None]:
    """The org and country of a titled person, by the title's rule (vocab ``org`` column).

    ``tokens`` are the sentence's; ``owner`` is the token span naming the organisation or place (before or
    after the title);
    ``vietnamese`` tells whether the person's name is Vietnamese (the country when nothing else does);
    ``japanese`` whether it is spelt in romaji, which tells the sides apart in an article about two other
    countries (a Thai minister and the Japanese ambassador).
    """
    rule = phrase.body.org if phrase.body is not None else phrase.head.org
    hint = (phrase.body.country if phrase.body else None) or phrase.head.country
    org: EntityRef | None = None
    if owner is not None:
        want = ("province", "prefecture", "city") if rule == "locality" else ()
        org, stated_country = span_ref(article, places, tokens[owner[0]].start, tokens[owner[1] - 1].end, want)
        hint = hint or stated_country or (org.country if org else None)
        if org is not None and org.kind == "country" and rule in ("locality", "ministry"):
            org = None
    at = tokens[phrase.head_first].start
    if org is None and owner is not None and tokens[owner[0] + (tokens[owner[0]].low == "the")].low in _LOCAL:
        # "the provincial Department of …"
        local = context_locality(_here(article, tokens), places, at, "VN", foreign=False)
        if local is not None:
            words_after = tokens[owner[0] + 1 + (tokens[owner[0]].low == "the")].start
            name = f"{local.name} {article.text[words_after:tokens[owner[1] - 1].end]}"
            return EntityRef(name, "organisation", "VN"), "VN"
    if org is None and rule == "locality":
        org = context_locality(_here(article, tokens), places, at, "VN" if hint == "VN" else None,
                               foreign=hint != "VN" and not vietnamese)
    if rule == "locality" and org is not None:
        org = _locality_of_kind(article, org, _locality_kinds(phrase))
    if rule == "embassy" and org is not None and _MISSION.search(org.name):
        return org, org.country or hint  # "Deputy Head of the Japanese Embassy in Hanoi": the mission
    if rule in ("country", "embassy") and (org is None or org.kind != "country"):
        code = hint or ("VN" if vietnamese else _foreign_country(places, japanese))
        entry = article.gazetteer.country(code)
        org = entry.ref() if entry else org
    if rule == "embassy" and org is not None and org.kind == "country" and "Consul" in phrase.head.normal:
        seat = _seat(article, tokens, phrase, owner)
        if seat is not None:  # "Consul General of Japan in Da Nang" works at the Consulate General there
            office = "Consulate General" if "General" in phrase.head.normal else "Consulate"
            return EntityRef(f"{office} of {org.name} in {seat}", "organisation", org.country), org.country
    linker = " of " if " of " in phrase.title else " for "  # "Minister for Trade and Industry": its Ministry of …
    if rule == "ministry" and linker in phrase.title:
        code = hint or ("VN" if vietnamese else _foreign_country(places, japanese))
        ministry = "Ministry of " + phrase.title[phrase.title.index(linker) + len(linker):]
        entry = article.gazetteer.lookup(ministry, country=code) if code is not None else None  # whose, unknown
        org = entry.ref() if entry else EntityRef(ministry, "organisation", code)
    country = (org.country if org is not None else None) or hint or ("VN" if vietnamese else _foreign_country(places, japanese))
    return org, country


def _here(article: Article, tokens: tuple[Token, ...]) -> list[Place]:
    """The places of the sentence made of ``tokens`` (asked only when a title names no place)."""
    return sentence_places(article, tokens[0].start, tokens[-1].end)


def _locality_kinds(phrase: TitlePhrase) -> tuple[str, ...]:
    """The kinds of locality an office belongs to, preferred first: a mayor's city, a governor's prefecture."""
    office = (phrase.body.normal if phrase.body is not None else phrase.head.normal).lower()
    if "mayor" in office or office.startswith(("municipal", "city")):
        return ("city",)
    if office.startswith("provincial"):
        return ("province",)
    if "governor" in office or "prefectural" in office:
        return ("prefecture", "province")
    return ()


def _locality_of_kind(article: Article, ref: EntityRef, kinds: tuple[str, ...]) -> EntityRef:
    """``ref`` as the wanted kind of locality: Fukuoka the city for its mayor, Lam Dong for the provincial
    committee sitting in Da Lat (a city's province)."""
    if not kinds or ref.kind in kinds:
        return ref
    gazetteer = article.gazetteer
    for kind in kinds:
        entry = gazetteer.lookup(ref.name, kind=kind, country=ref.country)
        if entry is not None:
            return entry.ref()
    entry = gazetteer.lookup(ref.name, kind=ref.kind, country=ref.country)
    parent = gazetteer.get(entry.parent) if entry is not None and entry.parent else None
    if parent is not None and parent.kind in kinds and kinds == ("province",):
        return parent.ref()
    return ref


def _seat(article: Article, tokens: tuple[Token, ...], phrase: TitlePhrase,
          owner: tuple[int, int] | None) -> str | None:
    """The city a consulate sits in: "… of Japan in Da Nang", "… in Osaka" after the title."""
    stop = owner[1] if owner is not None and owner[0] >= phrase.last else min(len(tokens), phrase.last + 8)
    for i in range(phrase.last, stop - 1):
        if tokens[i].low == "in" and tokens[i + 1].cap:
            for mention in article.mentions_in(tokens[i + 1].start, tokens[stop - 1].end):
                if mention.start == tokens[i + 1].start and mention.entry.kind in ("city", "province", "prefecture"):
                    return mention.entry.name
    return None


def _foreign_country(places: ArticlePlaces, japanese: bool | None = None) -> str | None:
    foreign = [c for c in places.countries if c != "VN"]
    if japanese is not None and "VN" not in places.countries and "JP" in foreign and len(foreign) > 1:
        return "JP" if japanese else next(c for c in foreign if c != "JP")  # Japan and Thailand, say
    if foreign:
        return foreign[0]
    dateline = places.focus.dateline  # "TOKYO -- Prime Minister Ishiba …": no country named, the dateline's
    return dateline.country if dateline is not None and dateline.country != "VN" else None
