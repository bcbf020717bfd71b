"""Extractor: succession records — an organisation or locality that became another, as the
text states it:

- "the Ministry of Finance (formerly the Ministry of Planning and Investment, merged in March
  2025)" → predecessor MPI, successor MoF, merged, 2025-03;
- "Bac Giang province, now part of Bac Ninh", "Hai Duong has been part of Hai Phong since …" → merged;
- "following the merger of Quang Nam and Da Nang" / "A and B merged into C" / "Hai Duong,
  which merged into Hai Phong" / "A merged with B to form C" → merged (the successor is
  named, or the gazetteer says which of the two the other became part of);
- "Following the merger with Binh Duong and Ba Ria-Vung Tau on July 1, Ho Chi Minh City …" →
  each of the list merged into the subject after it;
- "A and B were merged to form (into) C" → each merged into C;
- "the new Bac Ninh province, formed by merging Bac Ninh and Bac Giang" / "C was established
  by merging A and B" → each of A and B (other than C) merged into C;
- "A was renamed B", "B (renamed from A)" → renamed;
- "B, which took over the functions of the former A" or "B, which absorbed (neighbouring) A" → A merged into B.

Names are gazetteer mentions and capitalised organisation names ("the Ministry of Natural
Resources and Environment") the gazetteer may not know. The date is the one the clause
states, else the gazetteer's date for that succession.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import Entry
from ..records import EntityRef, Evidence, Record, Succession
from ..text import Span
from . import Article
from .context import focus, ref, resolve_anaphor, resolve_date, sentence_cues
from .people import cast

_FORMERLY = re.compile(r"\s*\(\s*(?:formerly|previously|former(?:ly)?\s+known\s+as|renamed\s+from)\s+(?:the\s+)?"
                       r"(?P<pred>[^,;)]+?)\s*(?:,\s*(?P<rest>[^)]*))?\)")
_ACRONYM = r"(?:\s*\((?:[A-Z][A-Za-z&]{1,7}|new|old|former)\))?"  # "the Ministry of Planning and Investment (MPI)"
_NOW_PART = re.compile(r"^(?:\s+(?:province|city|prefecture))?" + _ACRONYM +
                       r"(?:\s*,\s*|\s*\(\s*|\s+)(?:which\s+is\s+|which\s+has\s+)?now\s+(?:a\s+)?part\s+of\s+(?:the\s+)?"
                       r"(?:new\s+)?$")  # "Bac Giang, now part of Bac Ninh", "Binh Duong (now part of HCM City)"
# "Hai Duong has been (became) part of Hai Phong": also said of places that always were ("Kisarazu has been part of
# Chiba since 1889"), so a merger only when the gazetteer knows it
_BECAME_PART = re.compile(r"^(?:\s+(?:province|city|prefecture))?\s*,?\s+(?:which\s+)?(?:has\s+been|became|has\s+become)\s+"
                          r"(?:a\s+)?part\s+of\s+(?:the\s+)?(?:new\s+|expanded\s+)?$")
_MERGER = re.compile(r"\bmerg(?:er|ing)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}$")
_MERGED_INTO = re.compile(
    r"^\s*(?:(?:province|provinces|city|prefecture)\s*)?" + _ACRONYM + r"\s*(?:,\s*which\s+|,\s*)?"
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been|now|since)\s+)*"
    r"(?:merged|absorbed|incorporated)\s+(?P<how>into|with)\s+(?:the\s+)?(?:new\s+|expanded\s+|enlarged\s+)?$")
# "Following the merger with A and B on July 1, C …": A and B merged into C, the subject after the list
_MERGER_WITH = re.compile(r"\b(?:merger|merging|consolidation|amalgamation)\s+with\s+(?:the\s+)?(?:former\s+)?$")
_LIST_TO_SUBJECT = re.compile(r"^\s*(?:provinces?\s+|cities\s+|city\s+)?(?:(?:on|in)\s+[\w\s]{1,20}?)?,\s+(?:the\s+)?"
                              r"(?:new\s+|expanded\s+|enlarged\s+)?$")
# "A and B were merged to form C", "A and B were merged into C"
_PAIR_MERGED = re.compile(r"^\s*(?:provinces\s+|ministries\s+|cities\s+|prefectures\s+)?(?:were|have\s+been|had\s+been)\s+"
                          r"(?:merged|consolidated|combined|amalgamated)\s+(?:to\s+(?:form|create|become)|into)\s+"
                          r"(?:the\s+)?(?:new\s+)?$")
_TO_FORM = re.compile(r"^\s+(?:province\s+|city\s+)?(?:,\s*)?to\s+(?:form|create|become)\s+(?:the\s+)?(?:new\s+)?$")
_RENAMED = re.compile(r"^\s+(?:was|has\s+been|had\s+been)\s+renamed\s+(?:as\s+|to\s+)?(?:the\s+)?$")
_AND = re.compile(r"^\s*(?:province\s+|city\s+)?(?:,|and|,\s*and)\s+(?:the\s+|its\s+|their\s+)?(?:(?:former|old)\s+)?$")
_FORMED_BY = re.compile(
    r"\b(?:formed|established|created|set\s+up|born|founded)\b[^.;]{0,40}?\b(?:by|through|from|after|following|via)\s+"
    r"(?:the\s+|a\s+)?(?:merg(?:ing|ers?\s+of)|consolidat(?:ing|ion\s+of)|combin(?:ing|ation\s+of)|amalgamat(?:ing|ion\s+of)|"
    r"integrat(?:ing|ion\s+of))\s+")
_TOOK_OVER = re.compile(
    r"^\s*(?:,\s*)?(?:which\s+|that\s+)?(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:took|taken|takes|taking|assumed|assumes|"
    r"inherited|inherits)\s+(?:over\s+)?(?:all\s+)?(?:the\s+)?(?:functions?|tasks?|duties|responsibilities|roles?|mandates?)"
    r"(?:,?\s+(?:and\s+)?(?:\w+\s+)?(?:functions?|tasks?|duties|responsibilities|powers))*\s+of\s+(?:the\s+)?"
    r"(?:(?:former|defunct|now-defunct|old|previous|dissolved)\s+)?$"
    # "B, which absorbed the former A"
    r"|^\s*(?:,\s*)?(?:which\s+|that\s+)?(?:has\s+|have\s+|had\s+)?(?:absorbed|absorbs|took\s+in|incorporated)\s+"
    r"(?:the\s+)?(?:(?:former|defunct|now-defunct|old|previous|dissolved|neighbou?ring|nearby|adjacent)\s+)?$")
_ORG_NAME = re.compile(
    r"(?:(?!(?:The|A|An|At|In|On|Since|From|Following|After|Before|Under|With|By|For|Its|Their)\s)[A-Z][\w-]*\s+){0,2}"
    r"(?:Ministry|Department|Agency|Office|Bureau|Commission|Authority|Board|Committee|Administration)\s+(?:of|for)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+|,\s+)(?:and\s+|&\s+|of\s+|for\s+)?[A-Z][\w'’-]*)*")
_QUALIFIER = re.compile(r"['’]s\s+")  # "Vietnam's Ministry of …": the place qualifies the ministry
_OWNER = re.compile(r"\b(?:the|its)\s+(?P<noun>city|province|prefecture|locality)['’]s\s+$", re.IGNORECASE)
_PERSON_ORG = re.compile(r"['’]s\s+(?:own\s+|new\s+)?(?P<noun>ministry|department|agency|company|firm|corporation)\b")

# every record needs one of these cues in its sentence (they run on slices of it)
CUE_PATTERNS = (_FORMERLY, _FORMED_BY, _NOW_PART, _BECAME_PART, _PAIR_MERGED, _MERGED_INTO, _TOOK_OVER, _RENAMED, _MERGER)


@dataclass(frozen=True)
class Named:
    """An entity named in a sentence: where, its reference, and its gazetteer entry if known."""

    start: int
    end: int
    entity: EntityRef
    entry: Entry | None


def extract(article: Article) -> list[Record]:
    """Succession records stated in the article, one per predecessor and successor."""
    records: list[Succession] = []
    seen: set[tuple[str, str]] = set()
    for span in article.sentences:
        if not sentence_cues(article, span, "successions"):
            continue  # no succession cue can match: skip finding names
        for record in _sentence(article, span):
            key = (record.predecessor.name, record.successor.name)
            if key not in seen and key[0] != key[1]:
                seen.add(key)
                records.append(record)
    return list(records)


def names_in(article: Article, start: int, end: int) -> list[Named]:
    """Gazetteer names, capitalised organisation names and "Hung's ministry" (the organisation of the
    person named) in ``text[start:end]``, in text order, no overlaps. A place qualifying an
    organisation ("Vietnam's Ministry of …") is no name of its own."""
    text = article.text
    found = [Named(m.start, m.end, ref(m.entry), m.entry) for m in article.mentions_in(start, end) if m.form == "name"]
    for match in _ORG_NAME.finditer(text, start, end):
        name = match.group(0)
        entry = article.gazetteer.lookup(name)
        entity = ref(entry) if entry is not None else EntityRef(name, "organisation",
                                                               _country(article, found, match.start(), start))
        found = [n for n in found if not (match.start() <= n.start and n.end <= match.end())
                 and not (n.end < match.start() and _QUALIFIER.fullmatch(text, n.end, match.start()))]
        if not any(n.start <= match.start() < n.end for n in found):
            found.append(Named(match.start(), match.end(), entity, entry))
    for person_org in _persons_organisations(article, start, end):
        if not any(n.start < person_org.end and person_org.start < n.end and n.entity.kind != "person" for n in found
                   if (n.start, n.end) != (person_org.start, person_org.end)):
            found = [n for n in found if not (person_org.start <= n.start < person_org.end)] + [person_org]
    return sorted(found, key=lambda n: n.start)


def _persons_organisations(article: Article, start: int, end: int) -> list[Named]:
    """"Hung's ministry", "Tanaka's company": the organisation the article gives that person."""
    found = []
    for match in _PERSON_ORG.finditer(article.text, start, end):
        noun = match.group("noun").lower()
        for person, mention in cast(article).at(max(start, match.start() - 60), match.start()):
            if mention.end != match.start() or person.org is None:
                continue
            org = person.org
            if (noun == "ministry") == org.name.startswith("Ministry") and org.kind in ("organisation", "company"):
                found.append(Named(mention.start, match.end(), org, article.gazetteer.lookup(org.name)))
    return found


def _country(article: Article, named: list[Named], at: int, floor: int) -> str | None:
    """The country of an unknown organisation named at ``at``: its owner's ("the city's Department of
    Finance"), else that of the name just before it, else the article's (Vietnam when it names Vietnam)."""
    owner = _OWNER.search(article.text, max(floor, at - 30), at)
    if owner:
        entry = resolve_anaphor(article, owner.group("noun"), owner.start(), focus(article))
        if entry is not None and entry.country:
            return entry.country
    before = [n.entity.country for n in named if n.end <= at and n.entity.country]
    if before:
        return before[-1]
    if any(m.entry.country == "VN" for m in article.mentions):
        return "VN"
    countries = [n.entity.country for n in named if n.entity.country]
    return countries[0] if countries else None


def _sentence(article: Article, span: Span) -> list[Succession]:
    text = article.text
    names = _no_acronyms(text, names_in(article, span.start, span.end))
    found: list[Succession] = []
    for index, named in enumerate(names):
        formerly = _FORMERLY.match(text, named.end, span.end)
        if formerly:
            found.append(_formerly(article, span, named, formerly))
            continue
        formed = _FORMED_BY.match(text, _skip_to_cue(text, named.end, span.end), span.end)
        if formed and (index + 1 == len(names) or names[index + 1].start >= formed.end()):
            parts = _listed(text, [n for n in names[index + 1:] if n.start >= formed.end()])
            found.extend(_merged(article, span, part, named) for part in parts if part.entity.name != named.entity.name)
            continue
        if _MERGER_WITH.search(text, max(span.start, named.start - 40), named.start):
            listed = _listed(text, names[index:])
            # the longest list the subject follows: in "the merger with Bac Giang, Bac Ninh now …" the comma
            # that could go on with the list ends it
            size = next((n for n in range(len(listed), 0, -1) if index + n < len(names)
                         and _LIST_TO_SUBJECT.match(text[listed[n - 1].end:names[index + n].start])), 0)
            if size:
                found.extend(_merged(article, span, part, names[index + size]) for part in listed[:size])
                continue
        following = names[index + 1] if index + 1 < len(names) else None
        if following is None:
            continue
        between = text[named.end:following.start]
        merged_into = _MERGED_INTO.match(between)
        if _NOW_PART.match(between):  # an aside: a date elsewhere in the sentence is not the merger's
            aside_end = text.find(",", following.end, span.end)
            found.append(_merged(article, span, named, following,
                                 aside=(named.start, aside_end if aside_end >= 0 else span.end)))
        elif merged_into:
            successor = following
            after = names[index + 2] if index + 2 < len(names) else None
            if merged_into.group("how") == "with" and after and _TO_FORM.match(text[following.end:after.start]):
                successor = after
                found.append(_merged(article, span, following, successor))
            aside = None
            if "," in between:  # "Hai Duong, (which is) now merged into Hai Phong, signed …": told in passing
                aside_end = text.find(",", successor.end, span.end)
                aside = (named.start, aside_end if aside_end >= 0 else span.end)
            found.append(_merged(article, span, named, successor, aside=aside))
            if index > 0 and _AND.match(text[names[index - 1].end:named.start]):
                found.append(_merged(article, span, names[index - 1], successor))
        elif _BECAME_PART.match(between) and named.entry is not None and following.entry is not None \
                and named.entry.successor == following.entry.key:
            found.append(_merged(article, span, named, following))
        elif _TOOK_OVER.match(between):
            found.append(_merged(article, span, following, named))
        elif _RENAMED.match(between):
            found.append(_record(span, article, named.entity, following.entity, "renamed",
                                 resolve_date(span.text, article.published)))
        elif _AND.match(between) and index + 2 < len(names) \
                and _PAIR_MERGED.match(text[following.end:names[index + 2].start]):
            found.extend(_merged(article, span, part, names[index + 2]) for part in (named, following)
                         if part.entity.name != names[index + 2].entity.name)
        elif _AND.match(between) and _MERGER.search(text[max(span.start, named.start - 40):named.start]):
            found.extend(_merger_pair(article, span, named, following, names))
    return found


_BEFORE_CUE = re.compile(r"(?:\s+(?:province|city|prefecture))?" + _ACRONYM +
                         r"\s*,?\s*(?:which\s+)?(?:was|were|has\s+been|had\s+been)?\s*")
FORMER_NAME_END = re.compile(r"\s+(?:merged|renamed|until|before|which)\b")  # "formerly A, merged …": A ends
_INTO = re.compile(r"\s+into\s+(?:the\s+)?(?:new\s+)?")


def _skip_to_cue(text: str, start: int, end: int) -> int:
    """Past "province," / ", which was" between a name and a "formed by merging" cue."""
    skip = _BEFORE_CUE.match(text[start:end])
    return start + (skip.end() if skip else 0)


def _listed(text: str, names: list[Named]) -> list[Named]:
    """The names of a list "A, B and C" (stops at the first name not joined by a comma or "and")."""
    items: list[Named] = []
    for named in names:
        if items and not _AND.match(text[items[-1].end:named.start]):
            break
        items.append(named)
    return items


def _formerly(article: Article, span: Span, named: Named, formerly: re.Match[str]) -> Succession:
    name = FORMER_NAME_END.split(formerly.group("pred"))[0].strip()
    known = article.gazetteer.lookup(name)
    predecessor = ref(known) if known else EntityRef(name, named.entity.kind, named.entity.country)
    rest = formerly.group("rest") or ""
    kind = "renamed" if "renamed" in rest or "renamed" in formerly.group(0)[:20] else "merged"
    date = resolve_date(rest, article.published) or _known_date(known, named.entry)
    return _record(span, article, predecessor, named.entity, kind, date)


def _merger_pair(article: Article, span: Span, first: Named, second: Named, names: list[Named]) -> list[Succession]:
    """"the merger of A and B [into C]": C if named, else whichever the gazetteer says absorbed the other."""
    into = _INTO.match(article.text[second.end:span.end])
    if into:
        target = next((n for n in names if n.start == second.end + into.end()), None)
        if target is not None:
            return [_merged(article, span, first, target), _merged(article, span, second, target)]
    for predecessor, successor in ((first, second), (second, first)):
        if predecessor.entry is not None and successor.entry is not None \
                and predecessor.entry.successor == successor.entry.key:
            return [_merged(article, span, predecessor, successor)]
    return []


def _no_acronyms(text: str, names: list[Named]) -> list[Named]:
    """Names without the acronym in brackets after a name ("the Ministry of Planning and Investment (MPI)")."""
    return [n for i, n in enumerate(names) if not (i and text[names[i - 1].end:n.start].strip() == "("
                                                   and text.startswith(")", n.end))]


def _merged(article: Article, span: Span, predecessor: Named, successor: Named,
            aside: tuple[int, int] | None = None) -> Succession:
    """A merger; its date is the one the sentence (or only the ``aside`` telling it) states, else the known one."""
    told = article.text[aside[0]:aside[1]] if aside is not None else span.text
    stated, known = resolve_date(told, article.published), _known_date(predecessor.entry, successor.entry)
    if stated and known and len(stated) == 10 and stated[4:] == known[4:]:
        stated = known  # "on July 1" with the year of publication: the known merger's July 1
    date = stated or known
    return _record(span, article, predecessor.entity, successor.entity, "merged", date)


def _known_date(predecessor: Entry | None, successor: Entry | None) -> str | None:
    if predecessor is not None and successor is not None and predecessor.successor == successor.key:
        return predecessor.successor_since
    return None


def _record(span: Span, article: Article, predecessor: EntityRef, successor: EntityRef, kind: str,
            date: str | None) -> Succession:
    return Succession(doc=article.doc_id, evidence=Evidence(span.start, span.end, span.text), confidence=0.85,
                      extractor="successions", predecessor=predecessor, successor=successor, kind=kind, date=date)
