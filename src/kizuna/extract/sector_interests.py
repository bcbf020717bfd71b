"""Extractor: sector_interest records — what a locality or country seeks, what an actor
offers, what investors are interested in, and where firms are already active.

Each cue of ``vocab/interest_cues.csv`` gives a stance, how to find the actor and where the
list of sectors starts:

- actor ``subject``: the first entity of the clause before the cue ("Vietnam is homing in on");
  ``possessive``: "Vietnam's priority sectors", else the subject; ``group``: the entity inside
  the cue's ``actor`` group ("areas where Bac Ninh seeks", "20 Gunma-based enterprises");
  ``other_side``: the article's main host locality ("Gunma is seen as a key potential partner
  in investment areas including" → the host seeks); ``prev_country``: the investing country
  named just before ("The biggest investment sectors are"); ``previous``: the actor and stance
  of the record of the sentence before ("The other sectors are").
  ``investor_side``: a foreign country the sentence names, else the article's main foreign country
  ("companies planning to expand in Vietnam were concentrated in …"); ``investor_or_world``: the same,
  but all foreign investors ("World") instead of the main country when the article is about FDI.
- stance ``by_side``: wanting cooperation in sectors ("sought cooperation with Lam Dong in …"): the
  host side seeks, the other side is interested.
- list ``intro``: after the next "such as"/"including"; ``direct``: right after the cue; ``before``:
  the subject before the cue and what follows "followed by" ("Manufacturing attracted the most
  capital, followed by real estate").

A relative clause ("Fukuoka, which has strengths in …") belongs to the entity just before it;
``host_subject`` is a subject that must be of the host country ("Tay Ninh wants Korean firms
to invest in …"); ``host_speaker`` is that subject, or, when the clause names no one ("The governor
urged Korean firms to invest in …"), the host place named after the cue or the article's host;
``host_any`` is the first host-side entity before the cue, else the article's host ("He proposed that
Japan continue providing ODA for …": the host side asks). The strengths of the host side are what it seeks ("investing in fields of strength such as
logistics" said of a Vietnamese province); the strengths of the investor side are offers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..records import EntityRef, Evidence, Record, SectorInterest
from ..text import Span
from . import Article
from .context import Focus, after_dateline, anaphors, focus, latest_place, ref, resolve_anaphor, sentence_cues
from .cue_files import load_cues
from .people import cast
from .sectors import VOCAB_DIR, codes_of, find_sectors

STANCES = ("seeks", "offers", "interested", "active", "previous", "by_side")
ACTOR_RULES = ("subject", "host_subject", "host_speaker", "host_any", "possessive", "group", "other_side", "prev_country", "previous",
               "investor_side", "investor_or_world")
LIST_RULES = ("intro", "direct", "before")
_INTRO = re.compile(r"(?:such\s+as|including|include[sd]?|like|namely|notably|particularly|especially|:)\s*")
# a semicolon before a lower-case item ("electronics; automobile parts; and tourism") goes on with the list
_LIST_END = re.compile(r"[.!?]|;(?!\s+(?:and\s+|or\s+)?(?!(?:the|this|that|these|it|its|they|he|she|we|while|but|however)\b)[a-z])|\s[–—-]\s(?=(?:and|but|while|as\s+well|which|in|also)\b)|,\s+(?:and\s+)?(?:also|while|which|thus|"
                       r"to\s+\w+|he|she|they|it|said|says|seeking|investing|attracting|aiming|in\s+order|is|are|was|were|has|"
                       r"have|had|will|would|can|could|hopes?|hoped|wants?|wanted|plans?|planned|aims?|expects?|asked|asks|"
                       r"proposed|proposes|suggested|urged|called|invited|requested|pledged|agreed|expressed|noted|"
                       r"stressed|emphasi[sz]ed|affirmed|highlighted|welcomed|encouraged|runs|operates|owns|employs|opened|built|signed|"
                       r"but|yet|although|though|citing|noting|saying|adding)\b|"
                       r"\s+\((?!BPO|IT|ICT)")
_CLAUSE_START = re.compile(r"\b(?:that|said|says|while|whereas)\b|[;:]|,\s+(?=(?:\w+\s+){0,2}(?:is|are|was|were|has|have)\b)")
# a generic noun heading the list it introduces is no sector: "targeted industries, including robotics, …"
_GENERIC = re.compile(r"(?i:industry|industries|sectors?|fields?|areas?)")
_HEADS_LIST = re.compile(r",?\s+(?:including|such\s+as|like|namely|especially|particularly|notably)\b|\s*[—–:]")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_HOST_GOVERNMENT = re.compile(r"\b(?:the|its)\s+(?:government|country|nation|kingdom)\b", re.IGNORECASE)
_INVESTOR_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:investment|investments|investors?|firms|companies|businesses|"
                                  r"enterprises|capital|fdi|corporations)\b", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:\w+\s+){0,2}$")
_RELATIVE_GAP = re.compile(r"\b(?:where|which|whose|that)\b")
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+")
_FOREIGN_INVESTMENT = re.compile(r"\b(?:foreign\s+(?:direct\s+)?invest(?:ment|ors)|FDI)\b")
_POSSESSIVE = re.compile(r"(?P<owner>(?:the\s+)?[\w’'\s-]{1,40}?)(?:’s|'s)\s+(?:\w+\s+)?$")
_POSSESSIVE_CHARS = "_’'-"  # with letters, digits and spaces: every character _POSSESSIVE can match


def _trailing_run(text: str) -> int:
    """Where the run of characters ``_POSSESSIVE`` can match that ends ``text`` starts. A match lies inside it,
    so searching from there finds the same match without trying (up to 40 ways) at every earlier position."""
    start = len(text)
    while start > 0 and (text[start - 1].isalnum() or text[start - 1].isspace() or text[start - 1] in _POSSESSIVE_CHARS):
        start -= 1
    return start


@dataclass(frozen=True)
class InterestCue:
    pattern: re.Pattern[str]
    stance: str
    actor: str
    list_rule: str


@lru_cache(maxsize=1)
def cues(vocab_dir: Path = VOCAB_DIR) -> tuple[InterestCue, ...]:
    """The sector-interest cues of ``vocab/interest_cues.csv``, checked."""
    def build(pattern: re.Pattern[str], cells: dict[str, str]) -> InterestCue | None:
        stance, actor, list_rule = (cells.get(name, "") for name in ("stance", "actor", "list"))
        valid = stance in STANCES and actor in ACTOR_RULES and list_rule in LIST_RULES
        return InterestCue(pattern, stance, actor, list_rule) if valid else None

    return load_cues(vocab_dir / "interest_cues.csv", build, checked="stance/actor/list")


@dataclass(frozen=True)
class Found:
    """One stance of one actor on some sectors, before records are merged."""

    actor: EntityRef
    stance: str
    sectors: tuple[str, ...]
    span: Span


def extract(article: Article) -> list[Record]:
    """Sector-interest records, one per actor, stance and sentence."""
    places = focus(article)
    host_country = _host_country(article, places)
    found: list[Found] = []
    for index, span in enumerate(article.sentences):
        candidates = [cues()[i] for i in sentence_cues(article, span, "sector_interests")]
        if not candidates or not find_sectors(article.text, span.start, span.end, weak=True, folded=article.folded):
            continue  # every cue needs a list of sectors after it
        previous = [f for f in found if index > 0 and f.span == article.sentences[index - 1]]
        for cue in candidates:
            for match in cue.pattern.finditer(article.text, span.start, span.end):
                item = _interest(article, span, match, cue, places, previous, index)
                if item is None:
                    continue
                if item.stance == "offers" and item.actor.country == host_country and item.actor.kind != "country":
                    item = Found(item.actor, "seeks", item.sectors, item.span)
                elif item.stance == "by_side":  # wanting cooperation in sectors: the host seeks, the other side is interested
                    stance = "seeks" if item.actor.country == host_country else "interested"
                    item = Found(item.actor, stance, item.sectors, item.span)
                found.append(item)
    return _merge(article, found)


def _merge(article: Article, found: list[Found]) -> list[Record]:
    """One record per actor and stance in a sentence (a continuation joins its first sentence)."""
    merged: dict[tuple[str, str, int], tuple[Found, list[str], int]] = {}
    for item in found:
        key = (item.actor.name, item.stance, item.span.start)
        anchor = next((k for k in merged if k[0] == item.actor.name and k[1] == item.stance
                       and merged[k][2] == _sentence_index(article, item.span) - 1), None)
        key = anchor or key
        first, sectors, _ = merged.get(key, (item, [], -1))
        sectors.extend(s for s in item.sectors if s not in sectors)
        merged[key] = (first, sectors, _sentence_index(article, item.span))
    records: list[Record] = []
    for (_, _, start), (first, sectors, last_index) in merged.items():
        end = max(first.span.end, article.sentences[last_index].end)
        records.append(SectorInterest(
            doc=article.doc_id, evidence=Evidence(start, end, article.text[start:end]), confidence=0.75,
            extractor="sector_interests", actor=first.actor, stance=first.stance, sectors=tuple(sectors)))
    return records


def _sentence_index(article: Article, span: Span) -> int:
    return article.sentences.index(span)


def _interest(article: Article, span: Span, match: re.Match[str], cue: InterestCue, places: Focus,
              previous: list[Found], index: int) -> Found | None:
    if cue.list_rule == "before":
        sectors = _sectors_around(article, span, match)
        if not sectors:
            return None
        actor = _actor(article, span, match, cue.actor, places, index, cue.stance)
        return Found(actor, cue.stance, sectors, span) if actor is not None else None
    list_start = match.end()
    if cue.list_rule == "intro":
        intro = _INTRO.search(article.text, match.end(), min(span.end, match.end() + 90))
        if intro is None:
            return None
        list_start = intro.end()
    end_match = _LIST_END.search(article.text, list_start, span.end)
    list_end = end_match.start() if end_match else span.end
    mentions = [m for m in find_sectors(article.text, list_start, list_end, weak=True, folded=article.folded)
                if not _GENERIC.fullmatch(article.text, m.start, m.end) or not _HEADS_LIST.match(article.text, m.end)]
    if not mentions or _RELATIVE_GAP.search(article.text, list_start, mentions[0].start):
        return None  # "invest in Vietnam, particularly in areas where the prefecture has strengths …"
    sectors = codes_of(mentions)
    stance = cue.stance
    if cue.actor == "previous":
        if not previous:
            return None
        return Found(previous[-1].actor, previous[-1].stance, sectors, span)
    actor = _actor(article, span, match, cue.actor, places, index, stance)
    if actor is None:
        return None
    return Found(actor, stance, sectors, span)


def _sectors_around(article: Article, span: Span, match: re.Match[str]) -> tuple[str, ...]:
    """"Manufacturing attracted the most capital …, followed by real estate": the sectors of the subject
    before the cue (from the clause start) and those after "followed by"."""
    text = article.text
    starts = [m.end() for m in _CLAUSE_START.finditer(text, span.start, match.start())]
    subject = find_sectors(text, starts[-1] if starts else span.start, match.start(), weak=True, folded=article.folded)
    if not subject:
        return ()
    then = _FOLLOWED_BY.search(text, match.end(), span.end)
    after = []
    if then is not None:
        end_match = _LIST_END.search(text, then.end(), span.end)
        after = find_sectors(text, then.end(), end_match.start() if end_match else span.end, weak=True,
                             folded=article.folded)
    return codes_of(subject + after)


def _actor(article: Article, span: Span, match: re.Match[str], rule: str, places: Focus, index: int,
           stance: str = "") -> EntityRef | None:
    """The entity a cue's ``rule`` names; who seeks is never the investors' country that qualifies a noun
    ("the government wants Japanese investment in …")."""
    text = article.text
    if rule in ("investor_side", "investor_or_world"):
        return _investor_side(article, span, rule == "investor_or_world", places)
    if rule == "group" and "actor" in match.re.groupindex and match.group("actor"):
        return _most_specific(article, match.start("actor"), match.end("actor"), places)
    if rule == "possessive":
        before = text[span.start:match.start()]
        run = _trailing_run(before)
        owner = _POSSESSIVE.search(before, run)
        if owner:
            start = span.start + owner.start("owner")
            found = _most_specific(article, start, span.start + owner.end("owner"), places)
            if found:
                return found
        rule = "subject"
    if rule in ("host_speaker", "host_any"):
        return _host_speaker(article, span, match, places, index, strict=rule == "host_speaker")
    if rule == "host_subject":  # "Tay Ninh wants Japanese firms to invest in …": only the host side seeks
        found = _actor(article, span, match, "subject", places, index)
        return found if found is not None and found.country == _host_country(article, places) else None
    if rule == "subject":
        relative = _RELATIVE.search(text, span.start, match.start())
        if relative is not None:  # "Fukuoka, which has strengths in …": the antecedent
            found = _last_entity(article, span.start, relative.start(), places)
            if found is not None:
                return found
        starts = [m.end() for m in _CLAUSE_START.finditer(text, span.start, span.end) if m.end() <= match.start()]
        for start in reversed([span.start] + starts):
            found = _first_entity(article, start, match.start(), places, skip_investors=stance == "seeks")
            if found is not None:
                return found
        if stance == "seeks" and _HOST_GOVERNMENT.search(text, span.start, match.start()):
            entry = article.gazetteer.country(_host_country(article, places) or "")  # "the government wants …"
            return ref(entry) if entry is not None else None
        return None
    if rule == "other_side":
        entry = places.main(country=_host_country(article, places))
        return ref(entry) if entry else None
    if rule == "prev_country":
        for sentence in [span] + [article.sentences[i] for i in range(index - 1, max(-1, index - 4), -1)]:
            countries = [m for m in article.mentions_in(sentence.start, sentence.end) if m.entry.kind == "country"]
            if countries:
                return ref(countries[0].entry)
    return None


def _host_speaker(article: Article, span: Span, match: re.Match[str], places: Focus, index: int,
                  strict: bool) -> EntityRef | None:
    """The host side asking for investment: the clause's subject when of the host country (``strict``:
    none when the subject is foreign), else the host place named after the cue, else the article's host."""
    host = _host_country(article, places)
    if strict:
        found = _actor(article, span, match, "subject", places, index)
        if found is not None and found.country != host:
            # "proposed that Shizuoka encourage its businesses to invest in Nghe An's industrial parks, particularly
            # in electronics": the host locality invested in, named right after the cue, is what seeks them
            named = [m.entry for m in article.mentions_in(match.end(), span.end)
                     if m.start <= match.end() + 1 and m.entry.country == host and m.entry.kind != "country"]
            return ref(named[0]) if named else None
        if found is not None:
            return found
    else:
        before = [m.entry for m in article.mentions_in(span.start, match.start()) if m.entry.country == host]
        if before:
            return ref(before[0])
    after = [m.entry for m in article.mentions_in(match.end(), span.end)
             if m.entry.country == host and m.entry.kind != "country"]
    if after:
        return ref(after[0])
    speaker = next((person.org for person, _ in cast(article).at(span.start, match.start())
                    if person.org is not None and person.org.country == host), None)
    if speaker is not None and speaker.kind == "organisation":  # "The minister urged …": a ministry speaks
        entry = article.gazetteer.country(host)  # for the country
        return ref(entry) if entry is not None else None
    if speaker is not None and speaker.kind in ("province", "city", "prefecture", "country"):
        return speaker  # "The governor urged …": for the governor's locality
    entry = places.main(country=host) or places.main(("country",), country=host)  # no host locality: the country
    return ref(entry) if entry is not None and host is not None else None


def _first_entity(article: Article, start: int, end: int, places: Focus, skip_investors: bool = False) -> EntityRef | None:
    """The entity named first in ``[start, end)``; ``skip_investors``: not a demonym qualifying investors."""
    start = after_dateline(article, start)  # "HCM CITY — More than 80 companies from Osaka …": not the city
    mentions = article.mentions_in(start, end)
    candidates: list[tuple[int, EntityRef]] = [
        (m.start, ref(m.entry)) for i, m in enumerate(mentions)
        if not (skip_investors and m.form == "demonym" and _INVESTOR_NOUN_AFTER.match(article.text, m.end))
        and not (m.entry.kind == "country" and i + 1 < len(mentions) and mentions[i + 1].entry.country == m.entry.country
                 and _POSSESSIVE_GAP.fullmatch(article.text, m.end, mentions[i + 1].start))]  # "Japan's Osaka": Osaka
    for first, _, noun in anaphors(article.text, start, end):
        entry = resolve_anaphor(article, noun, first, places)
        if entry is not None:
            candidates.append((first, ref(entry)))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _last_entity(article: Article, start: int, end: int, places: Focus) -> EntityRef | None:
    """The entity named last before ``end``; "the city" there is the latest place named before it, of
    either country (a relative clause describes what was just named)."""
    candidates: list[tuple[int, EntityRef]] = [(m.start, ref(m.entry)) for m in article.mentions_in(start, end)]
    for first, _, noun in anaphors(article.text, start, end):
        entry = latest_place(article, first)
        if entry is not None:
            candidates.append((first, ref(entry)))
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _most_specific(article: Article, start: int, end: int, places: Focus) -> EntityRef | None:
    """The smallest place named in a stretch ("Japanese businesses in Gunma" → Gunma)."""
    candidates = [ref(m.entry) for m in article.mentions_in(start, end)]
    for first, _, noun in anaphors(article.text, start, end):
        entry = resolve_anaphor(article, noun, first, places)
        if entry is not None:
            candidates.append(ref(entry))
    if not candidates:
        return None
    sub = [c for c in candidates if c.kind != "country"]
    return (sub or candidates)[0]


def _investor_side(article: Article, span: Span, world: bool, places: Focus) -> EntityRef | None:
    """Who invests, for a sentence that does not say: a foreign country the sentence names; else, with
    ``world``, all foreign investors when the article is about foreign investment at large; else the
    article's main country other than the host ("companies planning to expand in Vietnam" of a
    survey of Japanese firms)."""
    host = _host_country(article, places)
    named = [m.entry for m in article.mentions_in(span.start, span.end)
             if m.entry.kind == "country" and m.entry.country != host]
    if named:
        return ref(named[0])
    if world:
        if _FOREIGN_INVESTMENT.search(article.text):
            return EntityRef("World", "group", None)
        return None
    entry = places.main(("country",), not_country=host)
    return ref(entry) if entry is not None else None


def _host_country(article: Article, places: Focus) -> str | None:
    """The country investment flows into: Vietnam when the article names it; else, in an article about two
    other countries ("Japanese firms" in Cambodia), the country named most that is not the one whose demonym
    qualifies the investors most often; else its main place's country."""
    if any(m.entry.country == "VN" for m in article.mentions):
        return "VN"
    demonyms: dict[str, int] = {}
    named: dict[str, int] = {}
    for mention in article.mentions:
        if mention.entry.kind == "country" and mention.entry.country:
            counts = demonyms if mention.form == "demonym" else named
            counts[mention.entry.country] = counts.get(mention.entry.country, 0) + 1
    investor = max(demonyms, key=lambda c: demonyms[c]) if demonyms else None
    others = {c: n for c, n in named.items() if c != investor}
    if investor is not None and others:
        return max(others, key=lambda c: others[c])
    main = places.main(("province", "city", "prefecture", "country"))
    return main.country if main else None
