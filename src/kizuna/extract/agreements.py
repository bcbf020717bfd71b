"""Extractor: agreement records — MoUs, memorandums of cooperation, cooperation agreements
and friendship ties between localities, ministries and organisations.

A sentence needs a kind cue and a status cue (``vocab/agreement_cues.csv``; first matching
row wins per field, so "urged … to endorse the signing" is proposed, not signed). Parties
come from "between A and B", or from the subject before the verb and the "with A, B and C"
list after it (one agreement per listed partner). "The beach city" and "the governor"
resolve to the article's localities; "(formerly the Ministry of …)" names the party by its
predecessor with the current name as ``alt``; a lone party of a proposal is completed with
the article's main locality of the other country. "The two signed" / "both ministers" are the
organisations of the people just named; "the two countries" the article's two main countries;
"the two sides" of an article without two localities of two countries its main locality and the
guest organisation or company named just before; "The memorandum was signed by … in Tokyo" after
a signing is that signing again, and a place after "in" is where, not who;
"X has been a sister city of Y" takes Y as partner;
"upgrade the MoU into a cooperation agreement" is of the kind it is upgraded into. Places in
relative clauses or "-based" attributes of a party are no parties. Any agreement that carries
"friendship" in its name ("friendship and cooperation agreement") is kind ``friendship``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..gazetteer import Entry
from ..records import Agreement, EntityRef, Evidence, Record
from ..text import Span, blank
from . import Article
from .companies import companies_in
from .context import Focus, anaphors, event_date, focus, ref, resolve_anaphor, resolve_date, sentence_cues
from .cue_files import load_cues
from .people import cast
from .sectors import VOCAB_DIR, codes_of, find_sectors
from .successions import FORMER_NAME_END

FIELDS = {"kind": ("mou", "moc", "cooperation_agreement", "friendship"), "status": ("signed", "proposed", "planned")}
_SUBJECT_BOUNDARY = re.compile(r"\b(?:that|since|when|after|while|where|as)\b|[;:—–]|\s--?\s|,\s+(?=(?:\w+\s+){1,3}(?:is|are|was|were|will|has|have)\b)")
_OBJECT_END = re.compile(r",\s+(?:and\s+)?(?:has|have|had|is|are|was|were|will|which|while|who|hold|holding|to)\b|[;.]|\s+—"
                         r"|\s+(?:on|in|at|during|to)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:ceremony|occasion|visit|fields?|areas?)\b")
_DATE_END = re.compile(r",\s+(?:and\s+)?(?:has|have|had|is|are|was|were|will|which|while)\b|;"
                       r"|,\s+(?:[A-Z][\w'’-]*\s+|(?:of|the|and|for)\s+){1,14}?(?:said|says|told|noted|stated|added)\b|,\s+(?:he|she|they)\s+(?:said|added)\b")
_THEY = re.compile(r"\s*(?:they|both\s+sides|the\s+two\s+sides)\s+(?:\w+\s+)?$")
_FORMERLY = re.compile(r"\s*\(\s*(?:formerly|previously|former(?:ly)?\s+known\s+as)\s+(?:the\s+)?(?P<name>[^,;)]+)")
_ORG_PHRASE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,6}(?:University|Ministry|Department|Agency|Corporation|Bank|Association|Chamber|"
    r"Institute|Council|Federation|Organi[sz]ation|Academy|Hospital|College|Authority|Committee|Board|Commission|Bureau)"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+(?:and\s+)?(?![A-Z][\w-]*['’]s\b)[A-Z][\w'’-]*)+)?")  # not "… and Japan's X"
_PLACE_ORG = re.compile(r"^(?:People[’']s\s+Committee|People[’']s\s+Council|Administration|Government|Party\s+Committee)\b")
_TITLE_HOLDER = re.compile(r"\b(?:the\s+)?(?P<title>governor|mayor|chairman|chairwoman|prefecture|province)\b", re.IGNORECASE)
_TOPIC_PHRASE = re.compile(r"\b(?:in|on|covering)\s+(?:the\s+)?(?:fields?|areas?|sectors?)\s+of\s+[^.;]+|\bon\s+(?:\w+\s+)?cooperation\s+in\s+[^.;]+"
                           r"|\b(?:cooperation|collaboration|co-operation)\s+(?:in|on)\s+[^.;]+"
                           # right after the agreement's name: "a letter of intent on tourism and trade"
                           r"|^\s*(?:\([^)]*\)\s*)?on\s+(?!\w+day\b|(?:\w+\s+)?(?:cooperation|collaboration|co-operation)\b)"
                           r"(?:[a-z][\w-]*(?:,\s+(?:and\s+)?|\s+)){0,10}[a-z][\w-]*"
                           # "on tourism cooperation": the sectors before the noun
                           r"|\bon\s+(?!\w+day\b)(?:(?!to\b|the\b|and\b)[a-z][\w-]*(?:,\s+|\s+and\s+|\s+)){1,4}?"
                           r"(?:cooperation|collaboration|co-operation)\b(?!\s+(?:in|on)\b)")
_FIELDS_LIST = re.compile(r"(?:in|on|covering)\s+(?:the\s+)?(?:fields?|areas?|sectors?)\s+of\s")
# "on cooperation in labour and tourism": a list of fields, where generic words count too
_COOPERATION_LIST = re.compile(r"^(?:on\s+(?:\w+\s+)?)?(?:cooperation|collaboration|co-operation)\s+(?:in|on)\s+"
                               r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?:,\s+(?:and\s+)?|\s+and\s+)")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&.-]{1,12}\)")
_GENERIC_KIND = re.compile(r"memorand(?:um|a)|agreements?", re.IGNORECASE)
_LOCATED = re.compile(r"\b(?:in|at)\s+$")
_PAIR_REACH = 3  # how many sentences back "the two sides" may find its guest
_DATELINE_HEAD = re.compile(r"\s*[^()\n—–]{2,40}?\s*\([A-Za-z ]{2,20}\)\s*(?:--|[—–-])\s")
_COUNTRY_PAIR = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|governments)\b", re.IGNORECASE)
_PAIR = re.compile(r"\b(?:the\s+two|both)\s+(?:sides|localities|provinces|cities|prefectures|parties|regions|partners)\b|"
                   r"\bthey\b(?=\s+(?:also\s+|then\s+|have\s+|had\s+)?(?:signed|inked|exchanged|sealed|renewed)\b)",
                   re.IGNORECASE)  # "At Sunday's ceremony, they also signed an MoU": the pair told before
_LOCAL_BODY = re.compile(
    r"\bthe\s+(?P<level>provincial|municipal|city|prefectural)\s+(?:People[’']s\s+(?:Committee|Council)|authorities|"
    r"government|administration|leaders(?:hip)?)\b", re.IGNORECASE)
_UPGRADE = re.compile(r"\b(?:upgrad|elevat|lift|rais)\w*\s+(?:[^.;]{0,60}?\s)?(?:in)?to\s+(?:an?\s+|the\s+)?"
                      r"(?:(?:comprehensive|strategic|formal|official|new|full)\s+)*")
_PARTNER_OF = re.compile(r"\s+(?:of|to)\s+")
_PEOPLE_PAIR = re.compile(
    r"\band\s+(?:his|her)\s+(?:[a-z]+\s+)?counterpart\b|"  # "Minister X and his Vietnamese counterpart Y"
    r"\b(?:the\s+two|both)\s+(?:ministers|leaders|officials|heads|chiefs|chairmen|chairpersons|governors|mayors|"
    r"presidents|ministries|agencies|organi[sz]ations|institutions)\b|\bthe\s+two\b(?=\s+(?:\w+ly\s+)?(?:signed|inked|"
    r"exchanged|sealed|concluded|agreed|will|would|also|then|have|had|are|were)\b)", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+(?:[\w.$%-]+,?\s+){0,12}?between\s+")  # "… signed an MoU on trade between "
_AREA_JOINS = re.compile(r"(\s+|,\s+|,?\s+and\s+)")
_ARTICLE_START = re.compile(r"^(?:The|A|An)\s+")
_ATTRIBUTE = re.compile(
    r",\s+(?:which|who|whose|where)\b[^,;]*(?:,|$)|"
    # ", formed by merging A and B in March 2025,": the predecessors are no parties
    r",\s+(?:formed|established|created|set\s+up)\s+(?:by|through|from|after|following)\s+(?:the\s+)?"
    r"(?:merg|consolidat|amalgamat|combin)\w*\b[^;]*?(?:,|$)|"
    r",\s+(?:an?|the)\s+[^,;]*?\b(?:based|headquartered|located)\s+in\b[^,;]*(?:,|$)|"
    # "renewed their MoU, first signed in 2019": the first signing's date is not the renewal's
    r",\s+(?:which\s+was\s+)?(?:first|originally|initially)\s+(?:signed|inked)\b[^,;]*(?:,|$)|"
    r"\b(?:based|headquartered)\s+in\s+[^,;]*?(?=,|$)|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?-based\b|"
    r",\s+(?:located|situated|sited)\s+in\b[^,;]*(?:,|$)|"  # "… Industrial Park, located in the former Bac Giang"
    # "Maebashi City in Japan's Gunma Prefecture": the prefecture holds the city, it is no party
    r"(?<=[Cc]ity\s)in\s+[^,;.]{0,40}?\b(?:Prefecture|prefecture|Province|province)\b")
_MINISTER_OF = re.compile(r"\bMinister\s+of\s+(?P<area>[A-Z][\w'’-]*(?:(?:\s+|,\s+|,?\s+and\s+)"
                          r"(?!(?:Minister|Deputy|Vice|Japanese|Vietnamese|Korean|Thai)\b)[A-Z][\w'’-]*){0,6})")
_BASED_NAME = re.compile(r"\b[A-Z][\w'’-]*-based\s+(?:[a-z][\w-]*\s+){0,3}?(?P<name>(?!The\b)[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})")
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:new\s+|same\s+)?$")
# an agreement of the kind named before: "An Giang signed an MoU with Saga, and Dong Thap signed one with …"
_ONE_WITH = re.compile(r"(?<=\s)(?:one|another)(?=\s+with\b)")
# where a sentence may hold a second agreement: "…, and proposed that …", "…; …"
# or "A signed an MoU with B, C inked a cooperation agreement with D, and E …" (signings listed at one event)
_CLAUSE_SPLIT = re.compile(r",\s+(?:and|while|but)\s+(?=(?:also\s+|then\s+|later\s+)?[a-z]+ed\b)|;\s+"
                           r"|,\s+(?:and\s+|while\s+)?(?=(?:[A-Z][\w'’-]*\s+|(?:of|and|the)\s+){1,6}(?:also\s+)?"
                           r"(?:signed|inked|exchanged|sealed|concluded|renewed)\b)")
# "Quang Nam Provincial People's Committee": the locality it governs, named inside, is the party
_LOCAL_GOVERNMENT = re.compile(r"(?:(?:Provincial|Municipal|City|Prefectural)\s+)?(?:People[’']s\s+(?:Committee|Council)|"
                               r"Government|Administration)$")
_OWNER = re.compile(r"^(?:The\s+|A\s+|An\s+)?(?:[A-Z][\w-]*\s+){0,2}?[A-Z][\w-]*[’']s\s+")
_BRACKETS = re.compile(r"\([^)]*\)")
_FRIENDS = re.compile(r"sister|twin|friend", re.IGNORECASE)
_LEVEL_KINDS = {"provincial": ("province", "city"), "municipal": ("city",), "city": ("city",), "prefectural": ("prefecture",)}


@dataclass(frozen=True)
class AgreementCue:
    pattern: re.Pattern[str]
    field: str
    value: str


@dataclass(frozen=True)
class Party:
    """A party found in text: where, and the entity reference it stands for."""

    start: int
    entity: EntityRef


@lru_cache(maxsize=1)
def cues(vocab_dir: Path = VOCAB_DIR) -> tuple[AgreementCue, ...]:
    """The agreement cues of ``vocab/agreement_cues.csv``, checked, in priority order."""
    def build(pattern: re.Pattern[str], cells: dict[str, str]) -> AgreementCue | None:
        field, value = cells.get("field", ""), cells.get("value", "")
        return AgreementCue(pattern, field, value) if value in FIELDS.get(field, ()) else None

    return load_cues(vocab_dir / "agreement_cues.csv", build, checked="field/value")


def _first(field: str, text: str, allowed: list[AgreementCue], pos: int = 0,
           endpos: int | None = None) -> re.Match[str] | None:
    endpos = len(text) if endpos is None else endpos
    for cue in allowed:
        if cue.field == field:
            match = cue.pattern.search(text, pos, endpos)
            if match:
                return match
    return None


def _value(field: str, text: str, allowed: list[AgreementCue]) -> str | None:
    for cue in allowed:
        if cue.field == field and cue.pattern.search(text):
            return cue.value
    return None


def extract(article: Article) -> list[Record]:
    """Agreement records stated in the article, one per kind, status and set of parties. A sentence
    stating two agreements ("signed an MoU in 2019, and proposed upgrading it …") is read clause by
    clause; "The MoC was signed …" after an MoC was found is that MoC again."""
    places = focus(article)
    records: list[Agreement] = []
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for index, sentence in enumerate(article.sentences):
        allowed = [cues()[i] for i in sentence_cues(article, sentence, "agreements")]  # the cues that may match
        if not any(cue.field == "kind" for cue in allowed):
            continue
        told: str | None = None  # the kind a clause of this sentence named: "…, and Dong Thap signed one with …"
        for span in _clauses(sentence, allowed):
            for record in _sentence(article, span, places, allowed, index, {r.kind for r in records}, told):
                told = record.kind
                key = (record.kind, record.status, frozenset(p.name for p in record.parties))
                if key not in seen:
                    seen.add(key)
                    records.append(record)
    return list(records)


def _clauses(sentence: Span, allowed: list[AgreementCue]) -> list[Span]:
    """The sentence, or its clauses when two of them each state an agreement (a kind and a status)."""
    cuts = list(_CLAUSE_SPLIT.finditer(sentence.text))
    if not cuts:
        return [sentence]
    bounds = [(0, cuts[0].start())] + [(a.end(), b.start()) for a, b in zip(cuts, cuts[1:])] + \
        [(cuts[-1].end(), len(sentence.text))]
    parts = [Span(sentence.start + a, sentence.start + b, sentence.text[a:b]) for a, b in bounds]
    stating = [p for p in parts if (_kind(p.text, allowed) or _ONE_WITH.search(p.text)) and _value("status", p.text, allowed)]
    return parts if len(stating) >= 2 else [sentence]


def _kind(text: str, allowed: list[AgreementCue]) -> tuple[re.Match[str], str] | None:
    """The first kind cue of the sentence (in cue priority); "upgrade the MoU into a cooperation
    agreement" names the agreement it is upgraded into."""
    candidates = [cue for cue in allowed if cue.field == "kind"]
    if not candidates:
        return None
    upgrade = _UPGRADE.search(text)
    for start in ((upgrade.end(), 0) if upgrade else (0,)):
        for cue in candidates:
            match = cue.pattern.search(text, start)
            if match and (not start or match.start() == start):
                return match, cue.value
    return None


def _sentence(article: Article, span: Span, places: Focus, allowed: list[AgreementCue], index: int,
              known_kinds: set[str], told: str | None = None) -> list[Agreement]:
    """The agreements a sentence (or clause) ``span`` of the ``index``-th sentence states; ``told`` is the kind
    a clause before named, which "signed one with …" means."""
    found = _kind(span.text, allowed)
    if found is None and told is not None and (one := _ONE_WITH.search(span.text)) is not None:
        found = (one, told)
    if found is None:
        return []
    kind_match, kind = found
    status = _value("status", span.text, allowed)
    if status is None:
        return []
    text, base = article.text, span.start
    kind_start, kind_end = base + kind_match.start(), base + kind_match.end()
    generic = _GENERIC_KIND.fullmatch(kind_match.group(0)) is not None and bool(known_kinds)
    if (kind in known_kinds or generic) and _DEFINITE.search(text, max(span.start, kind_start - 12), kind_start):
        return []  # "The MoC was signed by …", "The memorandum was signed …": the one already found
    groups = _party_groups(article, span, kind_start, kind_end, places, allowed)
    if not groups:
        return []
    date_end = _DATE_END.search(text, kind_end, span.end)
    # no date of a bracket or of a clause about a party ("…, formed by merging … in March 2025,")
    plain = Span(span.start, span.end, _blank_asides(span.text))
    date = resolve_date(plain.text[:(date_end.start() if date_end else span.end) - span.start], article.published)
    if date is None and status == "signed":
        date = event_date(article, plain, index)
    topics = _topics(span.text[kind_match.end():])
    confidence = 0.85 if status == "signed" else 0.7
    return [
        Agreement(doc=article.doc_id, evidence=Evidence(span.start, span.end, span.text), confidence=confidence,
                  extractor="agreements", kind=kind, status=status, parties=tuple(parties),
                  date=date if status == "signed" else None, topics=topics)
        for parties in groups
    ]


def _blank_asides(text: str) -> str:
    """``text`` with brackets and attribute clauses blanked out, offsets kept."""
    return _ATTRIBUTE.sub(blank, _BRACKETS.sub(blank, text))


def _party_groups(article: Article, span: Span, kind_start: int, kind_end: int,
                  places: Focus, allowed: list[AgreementCue]) -> list[list[EntityRef]]:
    """The parties of each agreement the sentence states (a "with A, B and C" list fans out)."""
    text = article.text
    between = _BETWEEN.match(text[kind_end:span.end])
    if between:
        start = kind_end + between.end()
        stop = _clause_end(text, start, span.end)
        parties = _parties(article, start, stop, places)
        if parties:
            return [_complete(parties, places)]
        # "between the two localities": the parties are named elsewhere in the sentence
    verb = _first("status", text, allowed, span.start, span.end)
    verb_start = min(verb.start(), kind_start) if verb else kind_start
    boundaries = [m for m in _SUBJECT_BOUNDARY.finditer(text, span.start, span.end) if m.end() <= verb_start]
    subject_start = boundaries[-1].end() if boundaries else span.start
    subjects = _parties(article, subject_start, verb_start, places)
    if not subjects and boundaries and _THEY.match(text, subject_start, verb_start):
        # "Thai Binh and Saitama have been friends since they signed an MoU in 2018": the main clause's subject
        subjects = _parties(article, boundaries[-2].end() if len(boundaries) > 1 else span.start,
                            boundaries[-1].start(), places)
    with_match = re.compile(r"\bwith\s+").search(text, kind_start, span.end)
    if with_match is None or with_match.start() - kind_end >= 60:
        with_match = _PARTNER_OF.match(text, kind_end, span.end) if _FRIENDS.search(text, kind_start, kind_end) else None
    objects: list[EntityRef] = []
    if with_match:
        objects = _parties(article, with_match.end(), _clause_end(text, with_match.end(), span.end), places)
    pair_end = max(verb_start, kind_start)  # "proposed that the two sides sign": the pair follows the verb
    people_pair = _PEOPLE_PAIR.search(text, subject_start, span.end)
    if people_pair and people_pair.start() >= pair_end:
        people_pair = None
    if people_pair and not objects:
        # the people named before "the two signed"; a counterpart is named after the words that pair them
        named_until = pair_end if "counterpart" in people_pair.group().lower() else people_pair.start()
        subjects = _people_parties(article, span, named_until) or subjects
    if not subjects and _COUNTRY_PAIR.search(text, subject_start, pair_end):
        subjects = _pair(places, ("country",))
    proposed_pair = verb is not None and verb.start() < kind_start and not objects \
        and _PAIR.search(text, verb.start(), kind_start) is not None  # "… proposed that the two sides sign an MoU"
    if not subjects and _PAIR.search(text, subject_start, pair_end) or (people_pair and len(subjects) < 2) \
            or proposed_pair:
        subjects = _pair(places) or _previous_pair(article, span, places) or subjects
    if not subjects:
        subjects = _title_holder(article, span.start, verb_start if objects else span.end, places)
    if not objects and not subjects:  # "… was signed by A and B in Tokyo": Tokyo is where, not who
        subjects = _parties(article, verb_start, span.end, places, skip_located=True)
    if not objects:
        parties = _complete(subjects, places)
        return [parties] if len(parties) >= 2 else []
    if len(subjects) == 1:
        return [_dedupe([subjects[0], other]) for other in objects if other.name != subjects[0].name]
    return [_complete(_dedupe(subjects + objects), places)]


def _people_parties(article: Article, span: Span, before: int) -> list[EntityRef]:
    """"The two signed", "both ministers": the organisations of the people named just before
    (this sentence up to ``before`` and the one before it), when they are at least two."""
    index = article.sentence_at(span.start) or 0
    start = article.sentences[index - 1].start if index > 0 else span.start
    found = [entity for entity in _organisations(article, start, before) if entity.kind in ("organisation", "company")]
    if len(found) < 2:
        found = _dedupe(found + _ministries_of_titles(article, start, before))
    if len(found) < 2:  # "Economy, Trade and Industry Minister X and his Vietnamese counterpart Y": their ministries
        found = _dedupe(found + [person.org for person, _ in cast(article).at(start, before)
                                 if person.org is not None and person.org.kind == "organisation"])
    return found if len(found) >= 2 else []


def _organisations(article: Article, start: int, end: int) -> list[EntityRef]:
    return [p.entity for p in sorted(_org_parties(article, start, end)[0], key=lambda p: p.start)]


def _ministries_of_titles(article: Article, start: int, end: int) -> list[EntityRef]:
    """"Vietnam's Minister of Agriculture …", "Japanese Minister of Agriculture, Forestry and Fisheries …":
    the ministry each title heads (the gazetteer's when it knows it)."""
    found = []
    for match in _MINISTER_OF.finditer(article.text, start, end):
        before = [m for m in article.mentions_in(max(start, match.start() - 25), match.start()) if m.entry.kind == "country"]
        country = before[-1].entry.country if before else None
        words = _AREA_JOINS.split(match.group("area"))
        entity = None
        for size in range(len(words), 0, -2):
            name = "Ministry of " + "".join(words[:size]).strip(" ,")
            known = article.gazetteer.lookup(name, country=country) if country else article.gazetteer.lookup(name)
            if known is not None and known.kind == "organisation":
                entity = ref(known)
                break
        found.append(entity or EntityRef("Ministry of " + words[0], "organisation", country))
    return found


def _clause_end(text: str, start: int, end: int) -> int:
    match = _OBJECT_END.search(text, start, end)
    return match.start() if match else end


def _parties(article: Article, start: int, end: int, places: Focus, skip_located: bool = False) -> list[EntityRef]:
    """Entities named in ``text[start:end]``: places, organisations, "the beach city" anaphors;
    ``skip_located``: not the places after "in"/"at" (where something happened)."""
    text = article.text
    found, covered = _org_parties(article, start, end)
    attributes = [(m.start(), m.end()) for m in _ATTRIBUTE.finditer(text, start, end)]
    found = [party for party in found if not any(a <= party.start < b for a, b in attributes)]
    covered += attributes
    for mention in article.mentions_in(start, end):
        if mention.form != "name" or any(a <= mention.start < b for a, b in covered):
            continue
        if skip_located and _LOCATED.search(text, max(start, mention.start - 4), mention.start):
            continue
        entity = _with_predecessor(article, ref(mention.entry), mention.end)
        found.append(Party(mention.start, entity))
    for first, _, noun in anaphors(text, start, end):
        entry = resolve_anaphor(article, noun, first, places)
        if entry is not None:
            found.append(Party(first, ref(entry)))
    found.extend(_local_bodies(article, start, end, places))
    found.sort(key=lambda p: p.start)
    return _drop_container_countries(_dedupe([p.entity for p in found]))


def _org_parties(article: Article, start: int, end: int) -> tuple[list[Party], list[tuple[int, int]]]:
    """Organisations ("the Ministry of …", a gazetteer organisation) and companies named in a stretch,
    with the stretches they cover. A gazetteer organisation overlapping a phrase names it whole."""
    text = article.text
    found: list[Party] = []
    covered: list[tuple[int, int]] = []
    for match in _ORG_PHRASE.finditer(text, start, end):
        owner = _OWNER.match(match.group(0))  # "Japan's Sumitomo Corporation": Japan qualifies the name
        if owner and not article.mentions_in(match.start(), match.start() + owner.end()):
            owner = None  # "The People's Committee of …" has no owner
        surface = _ARTICLE_START.sub("", match.group(0)[owner.end() if owner else 0:].strip())
        if _PLACE_ORG.match(surface) or len(surface.split()) < 2:
            continue
        if _LOCAL_GOVERNMENT.search(surface) and any(
                m.entry.kind in ("province", "city", "prefecture") for m in article.mentions_in(match.start(), match.end())):
            continue
        # "Board of Investment (BOI)": the acronym in the bracket right after names the same body
        bracket = _ACRONYM_AFTER.match(text, match.end(), end)
        reach = bracket.end() if bracket else match.end()
        known = [m for m in article.mentions_in(match.start(), end)
                 if m.entry.kind == "organisation" and m.start < reach]
        # every known organisation the phrase runs over is a party ("the Ministry of Industry and Trade
        # and Japan's Ministry of Economy, …" is one phrase to the pattern); nested names count once
        outermost = [m for m in known if not any(o is not m and o.start <= m.start and m.end <= o.end
                                                  and o.end - o.start > m.end - m.start for o in known)]
        if not outermost:
            entity = EntityRef(surface, "organisation", _country_of(article, match))
            found.append(Party(match.start(), _with_predecessor(article, entity, match.end())))
        for mention in outermost:
            found.append(Party(mention.start, _with_predecessor(article, ref(mention.entry), mention.end)))
        covered.append((match.start(), max([match.end()] + [m.end for m in outermost])))
    for company in companies_in(article, start, end):
        if any(a <= company.start < b for a, b in covered) or _is_known_place(article, company.surface):
            continue
        country = next((m.entry.country for m in article.mentions_in(company.start, company.end)
                        if m.entry.kind == "company"), None)
        found.append(Party(company.start, EntityRef(company.name, "company", country)))
        covered.append((company.start, company.end))
    for based in _BASED_NAME.finditer(text, start, end):
        if any(a <= based.start("name") < b for a, b in covered) or _is_known_place(article, based.group("name")):
            continue
        home = [m.entry.country for m in article.mentions_in(based.start(), based.start("name")) if m.form == "name"]
        found.append(Party(based.start("name"), EntityRef(based.group("name"), "company", home[0] if home else None)))
        covered.append((based.start("name"), based.end("name")))
    return found, covered


def _is_known_place(article: Article, surface: str) -> bool:
    entry = article.gazetteer.lookup(surface)
    return entry is not None and entry.kind != "company"


def _with_predecessor(article: Article, entity: EntityRef, end: int) -> EntityRef:
    """"the Ministry of Finance (formerly the Ministry of Planning and Investment …)" → the predecessor."""
    formerly = _FORMERLY.match(article.text, end)
    if not formerly:
        return entity
    name = FORMER_NAME_END.split(formerly.group("name"))[0].strip()
    known = article.gazetteer.lookup(name)
    if known is not None:
        return EntityRef(known.name, known.kind, known.country, alt=(entity.name,))
    return EntityRef(name, entity.kind, entity.country, alt=(entity.name,))


def _country_of(article: Article, match: re.Match[str]) -> str | None:
    for mention in article.mentions_in(match.start(), match.end()):
        if mention.entry.country:
            return mention.entry.country
    return None


def _pair(places: Focus, kinds: tuple[str, ...] | None = None) -> list[EntityRef]:
    """"the two sides": the article's main locality and the main one of the other country ("the two
    countries": of ``kinds`` country)."""
    first = places.main(kinds) if kinds else places.main()
    second = (places.main(kinds, not_country=first.country) if kinds else places.main(not_country=first.country)) \
        if first else None
    return [ref(first), ref(second)] if first and second else []


def _previous_pair(article: Article, span: Span, places: Focus) -> list[EntityRef]:
    """"X received a delegation of Toyota Tsusho. … the two sides signed …", when the article has no
    pair of localities of two countries: its main locality and the nearest organisation or company of
    another country named in the sentences just before (a dateline names none)."""
    index = article.sentence_at(span.start)
    if not index:
        return []
    for before in reversed(article.sentences[max(0, index - _PAIR_REACH):index]):
        head = _DATELINE_HEAD.match(before.text)  # "Hanoi (VNA) –"
        start = before.start + (head.end() if head else 0)
        parties, _ = _org_parties(article, start, before.end)
        guests = [p.entity for p in sorted(parties, key=lambda p: p.start) if p.entity.country is not None]
        if not guests:
            continue
        guest = guests[0]
        local = {m.entry.key for m in article.mentions_in(start, before.end) if m.form == "name"
                 and m.entry.kind in ("province", "city", "prefecture") and m.entry.country != guest.country}
        named = [entry for entry, _ in places.counts if entry.key in local]  # the article's main one first
        host = named[0] if named else places.main(not_country=guest.country)
        return [ref(host), guest] if host is not None else []
    return []


def _local_bodies(article: Article, start: int, end: int, places: Focus) -> list[Party]:
    """"the provincial People's Committee", "the municipal authorities" → the article's locality of that level."""
    found = []
    for match in _LOCAL_BODY.finditer(article.text, start, end):
        kinds = _LEVEL_KINDS[match.group("level").lower()]
        entry = places.main(kinds, not_country="JP") if kinds != ("prefecture",) else places.main(kinds)
        if entry is not None:
            found.append(Party(match.start(), ref(entry)))
    return found


def _title_holder(article: Article, start: int, end: int, places: Focus) -> list[EntityRef]:
    """"the governor" → the article's prefecture; "the mayor" → its main foreign city."""
    match = _TITLE_HOLDER.search(article.text, start, end)
    if not match:
        return []
    title = match.group("title").lower()
    kinds = {"governor": ("prefecture", "province"), "mayor": ("city",), "prefecture": ("prefecture",),
             "province": ("province",)}.get(title, ("province", "city"))
    entry = places.main(kinds, not_country="VN") if title in ("governor", "mayor") else places.main(kinds)
    return [ref(entry)] if entry else []


def _complete(parties: list[EntityRef], places: Focus) -> list[EntityRef]:
    """A lone party gets the article's main locality of the other country as partner."""
    if len(parties) != 1:
        return parties
    partner: Entry | None = places.main(not_country=parties[0].country)
    return parties + [ref(partner)] if partner else parties


def _dedupe(parties: list[EntityRef]) -> list[EntityRef]:
    seen: set[str] = set()
    out = []
    for party in parties:
        if party.name not in seen:
            seen.add(party.name)
            out.append(party)
    return out


def _drop_container_countries(parties: list[EntityRef]) -> list[EntityRef]:
    """"Nasushiobara city of Japan": Japan qualifies the city and is no party of its own."""
    inner = {p.country for p in parties if p.kind != "country"}
    return [p for p in parties if not (p.kind == "country" and p.country in inner)]


def _topics(text: str) -> tuple[str, ...]:
    """The sectors the agreement is about; "in the fields of agriculture and education" is a list of
    sectors, where generic words ("education", "training") count too."""
    match = _TOPIC_PHRASE.search(text)
    if not match:
        return ()
    return codes_of(find_sectors(match.group(0), weak=bool(_FIELDS_LIST.match(match.group(0))
                                                          or _COOPERATION_LIST.search(match.group(0)))))
