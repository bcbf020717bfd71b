"""Extractor: investment records — a company's project or presence in a host locality.

A sentence names one or more companies (``companies.find_companies``) and states what they
do with a cue from ``vocab/investment_cues.csv`` (first matching row wins: "put into
operation" → opened, "already investing" → expanding, "invested in" → operating).
Proposals made *to* a company ("suggested the company invest") are rejected. Companies
listed after a presence cue ("Japanese projects …, especially those by A, B") are operating.
The host is a place of the sentence, the locality in a site's name, the park named earlier
("the park"), or the article's main locality; the origin a possessive ("Japan's X"), an
"of Japan"/"from Kuragano, Japan" phrase, a demonym, or the article's partner country.
Companies that close a clause after a presence cue ("is home to Canon, Foxconn and Nidec")
operate there. An amount in yen, dong or baht followed by its dollar equivalent
("15 billion yen (US$98 million)") is reported in dollars.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..gazetteer import Entry
from ..records import Amount, EntityRef, Evidence, Investment, Record
from ..text import Span, blank, fold
from . import Article, per_article
from .companies import CompanyMention, companies_in
from .context import Focus, focus, ref, sentence_cues
from .cue_files import load_cues
from .investment_origins import HOST_COUNTRY, investor_origin, joint_venture_partner
from .numbers import converts, find_quantities
from .prefilter import CueFilter, GatedPattern, NeededWords
from .sectors import VOCAB_DIR, codes_of, find_sectors
from .stat_vocab import default as stat_vocabulary

STATUSES = ("planned", "licensed", "operating", "opened", "expanding", "reject")
SCOPES = ("clause", "list", "object", "reject")
_NOT_PROJECT_MONEY = re.compile(r"\b(?:turnover|revenue|exports?|imports?|trade|budget|surplus|GDP)\b[^.;]{0,30}$", re.IGNORECASE)
_SITE = re.compile(
    r"(?:[A-ZĐÀ-Ỹ][\w'’-]*(?:\s+[-–]\s+|\s+)){1,6}(?:[IVX]+\s+)?(?:Industrial\s+(?:Zone|Park|Estate|Cluster|Complex)|"
    r"Hi-?[Tt]ech\s+Park|High-?[Tt]ech(?:nology)?\s+Park|Economic\s+Zone|Export\s+Processing\s+Zone|"
    r"Technology\s+Park|Software\s+Park|Industrial\s+Park|IZ|IP)(?:\s+[IVX]+\b)?"
    # developer-branded parks named without "Industrial Park": "Amata City Chonburi", "VSIP Nghe An", "Deep C Hai Phong"
    r"|\b(?:Amata\s+City|VSIP|Deep\s*C|WHA(?:\s+Industrial\s+Estate)?|Hemaraj|Rojana)"
    r"(?:\s+(?!(?:in|of|and|at|on|is|was|will)\b)[A-ZĐÀ-Ỹ][\w'’-]*){1,3}(?:\s+[IVX]+\b)?")
SITE_PATTERN = _SITE  # an industrial or hi-tech park's name
# the words a site's name holds, in their case: the sentence-cue prefilter compares in lower case, and
# "economic" or "industrial" alone let many sentences through to a costly search
_SITE_WORDS = NeededWords.of(_SITE)
_POSSESSOR = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\w-]*\s+){0,3}[A-ZĐÀ-Ỹ][\w-]*['’]s\s+(?=[A-ZĐÀ-Ỹ])")  # "Quang Ninh's "
_SITE_PLACE = re.compile(r",?\s+(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:(?:province|prefecture|city)\s+of\s+)?(?=[A-ZĐ])")
_SITE_ANAPHOR = re.compile(r"\b(?:at|in|into)\s+the\s+(?:hi-?tech\s+|industrial\s+)?(?:park|zone|estate)\b", re.IGNORECASE)
_INVESTOR_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|corporation|"
                               r"manufacturer|maker|investor)\b(?!['’])")
_JOINED = re.compile(r"\s*(?:,|and|&|,\s*and)\s*")  # what joins the companies of a run
_CLAUSE_CLOSE = re.compile(r"\s*(?:[.,;:)—–]|$|(?:and|among)\s+others\b)")
_SITE_LEAD = re.compile(r"^(?:the|The|at|in)\s+")
_IN_END = re.compile(r"\b(?:in|into)\s+$")
_IN_OR_TO_END = re.compile(r"\b(?:in|into|to)\s+$")
_IN_OR_AT_END = re.compile(r"\b(?:in|at|into)\s+(?:the\s+)?$")
_CONSTRUCTION_OF = re.compile(r"\bconstruction\s+of\s+((?:[A-Z][\w'’&-]*\s*){2,8})")
_OPENING_VERB = re.compile(r"\b(?:opening|opened|launched|inaugurated|put\s+into\s+operation|built|building)\b")
_ANAPHOR_REACH = 2  # how many sentences back "the company" may point
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|into|to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?$|['’]s?\s+$|[,(]\s*$")
_HOME_BEFORE = re.compile(r"\b(?:headquartered|based|registered|incorporated)\s+in\s+(?:the\s+)?(?:\w+\s+)?$")
# a sentence that opens on its place: "In Dong Nai, …", "Meanwhile, in the southern province of Binh Duong, …"
_OPENING_PLACE = re.compile(r"\W*(?:[A-Z]\w+,\s+)?(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:(?:province|city)\s+of\s+)?$")
# "started construction of a plant": building the project, not the construction sector
_BUILDING = re.compile(r"\bconstruction\s+(?:of|on|work)\b|\b(?:began|begun|started|commenced|kicked\s+off)\s+(?:the\s+)?construction\b",
                       re.IGNORECASE)
_OTHER_CLAUSE = re.compile(r"\b(?:while|whereas|but|said|says)\b|[;:]|,\s+and\b")
# the company is the agent of what the sentence said before it: "… is invested by Japan's X", "built by X",
# "a $1 billion project of (by) Korea's X"
_BY_INVESTOR = re.compile(r"(?:\b(?:invested|funded|financed|built|developed|constructed|owned|operated|implemented|"
                          r"carried\s+out|run)\s+by|\b(?:project|plant|factory|facility|complex|centre|center)\s+(?:of|by))"
                          r"\s+(?:(?:the\s+)?[A-Z][\w-]*(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2})?$")
_TO_RECIPIENT = re.compile(r"(?<![\w-])to\s+(?:[\w'’-]+\s+){0,3}$")  # "… certificate to Japan's " before a company
_PARENT = re.compile(r",\s+(?:a|an|the)\s+(?:[\w%-]+\s+){0,3}?(?:subsidiary|unit|arm|affiliate|member|division)\s+of\s+"
                     r"(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+|[a-z][\w-]*\s+){0,3}?")
# a company bought into is no investor: "holds a 20% stake in VietinBank", "acquired Vietnamese dairy firm X"
_ACQUIRED_BEFORE = GatedPattern(re.compile(
    r"\bstakes?\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$|"
    r"\b(?:acquired|acquire|acquires|acquiring|bought|buy|buys|buying|purchased|takeover\s+of|"
    r"acquisition\s+of)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?$"))
_HOST_KINDS = ("province", "city", "prefecture")  # a Vietnamese firm's office in Fukuoka is hosted there
# the old name of a company named just before: "Kyoei Kaihatsu, … renamed from Kyoei Land Co. in 2019"
_FORMER_NAME_BEFORE = GatedPattern(re.compile(r"\b(?:renamed\s+from|formerly(?:\s+known\s+as)?|previously\s+known\s+as|"
                                              r"once\s+called)\s+(?:the\s+)?$"))
# an aside about the company before: ", which supplies brake components to Toyota Motor and Honda Motor,": its
# companies do nothing the sentence's verb says (unless the aside itself says what they do)
_WHICH_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")
_FACILITY_DETERMINER = re.compile(r"\b(?:its|their|the)\s+(?:new\s+)?$")
_IN_YEAR = re.compile(r"\bin\s+((?:19|20)\d\d)\b")
_FACILITY = re.compile(r"\b(?:factory|plant|centre|center|resort|hotel|mall|complex|facility|office|hospital|"
                       r"school|warehouse|project|Spa|Centre|branch|store|outlet|showroom|laboratory)\b", re.IGNORECASE)
_PROJECT_AFTER = re.compile(
    r"\b(?:its|a|an|the)\s+(?:(?:new|first|second)\s+)?(?:\S+\s+(?:million|billion)\s+|\$\S+\s+)?(?P<project>(?:[^.;]|\.(?=\d)){4,90}?)"
    r"(?=\s+(?:at|in|on|located|with|which|covering|worth|valued|costing|totall?ing)\b|[.;]|,\s+(?![A-Z])|$)")
_NEXT_DETAIL = re.compile(
    r"^(?:(?:The|This|Its)\s+(?:new\s+|planned\s+|second\s+|first\s+)?(?:[\w$.-]+\s+(?:million|billion)\s+)?"
    r"(?:factory|plant|project|facility|complex|centre|center|resort)\b|It\s+will\s+be\s+(?:built|located|constructed|sited)\b)")


@dataclass(frozen=True)
class Site:
    """An industrial or hi-tech park named at ``start``, with the locality its name contains."""

    start: int
    name: str
    place: Entry | None
    end: int


@dataclass(frozen=True)
class InvestmentCue:
    pattern: re.Pattern[str]
    status: str
    scope: str


@lru_cache(maxsize=1)
def cues(vocab_dir: Path = VOCAB_DIR) -> tuple[InvestmentCue, ...]:
    """The investment cues of ``vocab/investment_cues.csv``, checked, in priority order."""
    def build(pattern: re.Pattern[str], cells: dict[str, str]) -> InvestmentCue | None:
        status, scope = cells.get("status", ""), cells.get("scope", "")
        return InvestmentCue(pattern, status, scope) if status in STATUSES and scope in SCOPES else None

    return load_cues(vocab_dir / "investment_cues.csv", build, checked="status/scope", flags=re.IGNORECASE)


INVESTOR_ANAPHOR_PATTERN = _INVESTOR_ANAPHOR  # "the company": looked for first with the other sentence cues


def _investor_anaphor(article: Article, span: Span) -> re.Match[str] | None:
    """"The company", "its Osaka-based maker" in the sentence (its words looked for first, in the one cheap
    pass over the sentence for every finder's cues)."""
    if not sentence_cues(article, span, "investor_anaphors"):
        return None
    return _INVESTOR_ANAPHOR.search(article.text, span.start, span.end)


@lru_cache(maxsize=1)
def _cue_filter() -> CueFilter:
    """The prefilter of all cues, for a sentence whose stretches (slices) they run on."""
    return CueFilter((cue.pattern for cue in cues()), word_starts=True)


def _status(text: str, scopes: tuple[str, ...], allowed: list[InvestmentCue] | None = None) -> str | None:
    """The status of the first cue of these scopes that matches ``text``, trying only the ``allowed``
    cues (those that may match the sentence ``text`` is part of) when given."""
    for cue in cues() if allowed is None else allowed:
        if cue.scope in scopes and cue.pattern.search(text):
            return cue.status
    return None


def parse_amount(text: str) -> tuple[Amount, int] | None:
    """The first project amount in ``text`` ("$168.16 million", "$35-million", "5 million USD") and its offset.

    Sums are read by the statistics' number grammar (``numbers.find_quantities``); a sum in another
    currency followed by its dollar equivalent ("15 billion yen (US$102 million)") is the dollars.
    """
    folded = fold(text)
    sums = [q for q in find_quantities(folded, 0, len(folded), stat_vocabulary(), conversions=True) if q.is_money]
    for index, found in enumerate(sums):
        if _NOT_PROJECT_MONEY.search(text, 0, found.start):
            continue
        following = sums[index + 1] if index + 1 < len(sums) else None
        stated = following if found.unit != "USD" and following is not None and following.unit == "USD" \
            and converts(folded, found, following) else found
        return Amount(stated.value, stated.unit), found.start
    return None


def extract(article: Article) -> list[Record]:
    """Investment records stated in the article, one per investor and host. "The company will build a
    second plant at …" goes on about the investor of the sentences just before: its site, project,
    amount or newer status join that record."""
    places = focus(article)
    records: list[Investment] = []
    position: dict[tuple[str, str], int] = {}
    for index, span in enumerate(article.sentences):
        found = _sentence(article, index, span, places)
        # a follow-up names no company but "the company" (the cheap test first)
        follow_up = not found and _investor_anaphor(article, span) is not None and not companies_in(article, span.start, span.end)
        if follow_up:
            reach = article.sentences[max(0, index - _ANAPHOR_REACH)].start
            recent = [r for r in records if r.evidence.start >= reach]
            found = _follow_up(article, index, span, places, recent[-1]) if recent else []
        for record in found:
            key = _key(record)
            if follow_up and key not in position:  # "in Vietnam" before, "in Bac Ninh" now: the same project
                wider = next((k for k, i in position.items() if k[0] == key[0] and _contains(records[i].host, record.host)),
                             None)
                if wider is not None:
                    position[key] = position.pop(wider)
                    records[position[key]] = replace(records[position[key]], host=record.host)
            if key not in position:
                position[key] = len(records)
                records.append(record)
            elif follow_up:
                records[position[key]] = _joined(article, records[position[key]], record)
    merged: list[Record] = list(_fuller_names(records))
    return merged


def _fuller_names(records: list[Investment]) -> list[Investment]:
    """"Sembcorp breaks ground …" (a headline) and "Sembcorp Industries broke ground …" in one place: one
    investor, named in full; the short-named record's details fill the full one's gaps."""
    kept = list(records)
    for short in records:
        name = short.investor.name.lower() + " "
        fuller = next((r for r in kept if r is not short and r.host == short.host
                       and r.investor.name.lower().startswith(name)), None)
        if fuller is None:
            continue
        kept[kept.index(fuller)] = replace(fuller, amount=fuller.amount or short.amount, site=fuller.site or short.site,
                                           project=fuller.project or short.project, year=fuller.year or short.year)
        kept.remove(short)
    return kept


def _key(record: Investment) -> tuple[str, str]:
    return record.investor.name.lower().removesuffix(" vietnam"), record.host.name if record.host else ""


def _contains(country: EntityRef | None, place: EntityRef | None) -> bool:
    """``country`` is the country ``place`` lies in."""
    return country is not None and place is not None and country.kind == "country" and place.kind != "country" \
        and country.country == place.country


def _follow_up(article: Article, index: int, span: Span, places: Focus, antecedent: Investment) -> list[Investment]:
    """A sentence naming no company but "the company" / "the Osaka-based firm" with a status cue: a
    record of the investor named just before (its host unless the sentence names another)."""
    anaphor = _investor_anaphor(article, span)
    if anaphor is None:
        return []
    allowed = [cues()[i] for i in _cue_filter().candidates(span.text)]
    clause = article.text[anaphor.start():span.end]
    status = _status(clause, ("clause",), allowed)
    if status is None or _status(span.text, ("reject",), allowed):
        return []
    company = CompanyMention(anaphor.start(), anaphor.end(), anaphor.group(0), antecedent.investor.name)
    record = _record(article, index, span, company, clause, status, places)
    named_host = record.site is not None or any(
        m.form == "name" and m.entry.kind in ("province", "city") for m in article.mentions_in(anaphor.end(), span.end))
    return [replace(record, investor=antecedent.investor, origin=antecedent.origin,
                    host=record.host if named_host else antecedent.host)]


def _joined(article: Article, first: Investment, later: Investment) -> Investment:
    """``first`` completed by what a later sentence says of the same project (a newer status wins)."""
    status = later.status if first.status == "operating" else first.status
    end = max(first.evidence.end, later.evidence.end)
    return replace(first, evidence=_evidence(article, first.evidence.start, end), status=status,
                   site=first.site or later.site, project=first.project or later.project,
                   amount=first.amount or later.amount, year=first.year or later.year,
                   sectors=tuple(dict.fromkeys(first.sectors + later.sectors)))


@per_article
def _sites(article: Article) -> list[Site]:
    """Every industrial or hi-tech park the article names, with the locality right after it ("Amata City
    Ha Long industrial park in Quang Ninh"), else the one in its name ("VSIP Binh Duong")."""
    found = []
    for span in article.sentences:
        if not sentence_cues(article, span, "sites") or not _SITE_WORDS.any_in(span.text):
            continue
        for match in _SITE.finditer(span.text):
            start, end = span.start + match.start(), span.start + match.end()
            after = _SITE_PLACE.match(article.text, end, span.end)  # "… Park in Quang Ninh" names the host
            place = after and _place_in(article, after.end(), min(span.end, after.end() + 40), None)
            place = place or _place_in(article, start, end, None)  # else the locality in the name ("VSIP Binh Duong")
            found.append(Site(start, _site_name(match.group(0)), place, end))
    return found


def _sentence(article: Article, index: int, span: Span, places: Focus) -> list[Investment]:
    mentioned = companies_in(article, span.start, span.end)
    if not mentioned:
        return []
    allowed = [cues()[i] for i in _cue_filter().candidates(span.text)]
    if not any(cue.scope in ("clause", "list", "object") for cue in allowed):
        return []  # every record needs a status cue in the sentence
    companies = [c for c in mentioned if not _is_place(article, c)
                 and not any(s.start <= c.start < s.end for s in _sites(article))]
    asides = [(m.start(), m.end()) for m in _WHICH_ASIDE.finditer(article.text, span.start, span.end)] \
        if ", wh" in span.text else []
    companies = [c for c in companies if not _named_facility(article.text, c, companies)
                 and _ACQUIRED_BEFORE.search(article.text, max(span.start, c.start - 60), c.start) is None
                 and _FORMER_NAME_BEFORE.search(article.text, max(span.start, c.start - 40), c.start) is None
                 and not any(a <= c.start < b and _status(article.text[a:b], ("clause",), allowed) is None
                             for a, b in asides)]
    companies = _without_parents(article.text, companies)
    if not companies or _status(span.text, ("reject",), allowed):
        return []
    records = []
    for position, company in enumerate(companies):
        clause_end = span.end
        for later in companies[position + 1:]:
            if company.listed or _JOINED.fullmatch(article.text, company.end, later.start):
                continue
            clause_end = later.start
            break
        clause = article.text[company.start:clause_end]
        status = _granted_to(article.text, span.start, company.start, allowed) or _status(clause, ("clause",), allowed) \
            or _status(span.text, ("clause",), allowed)
        if status is None and company.listed:
            status = _status(article.text[span.start:company.start], ("list",), allowed)
        if status is None and _ends_clause(article.text, companies, position, span.end):
            # "is home to Canon, Foxconn and Nidec": the object of a presence cue
            status = _status(article.text[span.start:_group_start(article.text, companies, position)], ("object",),
                             allowed)
        if status is None:
            continue
        record = _record(article, index, span, company, clause, status, places)
        if not joint_venture_partner(article, span, company, record.origin.country if record.origin else None):
            records.append(record)
    return records


def _granted_to(text: str, start: int, company_start: int, allowed: list[InvestmentCue]) -> str | None:
    """"granted an investment certificate to Japan's Canon for a … factory": licensed, whatever the clause
    after the company says of the factory."""
    before = text[start:company_start]
    if _TO_RECIPIENT.search(before) and _status(before, ("clause",), allowed) == "licensed":
        return "licensed"
    return None


def _without_parents(text: str, companies: list[CompanyMention]) -> list[CompanyMention]:
    """"Meiko Electronics Vietnam, a subsidiary of Japan's Meiko Electronics, has …": the parent named in
    the appositive is no investor of its own, and the subsidiary's clause runs on past it."""
    return [c for i, c in enumerate(companies) if i == 0 or not _PARENT.fullmatch(text, companies[i - 1].end, c.start)]


def _named_facility(text: str, company: CompanyMention, companies: list[CompanyMention]) -> bool:
    """"Lotte opened its Lotte Mall West Lake Hanoi", "Lotte inaugurated Lotte Mall …": a facility named after
    an investor named before it in the sentence, no investor of its own."""
    first_word = company.surface.split()[0]
    named_as_facility = bool(_FACILITY_DETERMINER.search(text, max(0, company.start - 12), company.start)
                             or _FACILITY.search(company.surface))  # "Lotte inaugurated Lotte Mall West Lake"
    return named_as_facility and any(
        other.start < company.start and other.surface.split()[0] == first_word for other in companies)


def _group_start(text: str, companies: list[CompanyMention], position: int) -> int:
    """Where the run of companies joined by commas and "and" that holds ``companies[position]`` starts."""
    first = position
    while first > 0 and _JOINED.fullmatch(text, companies[first - 1].end, companies[first].start):
        first -= 1
    return companies[first].start


def _ends_clause(text: str, companies: list[CompanyMention], position: int, end: int) -> bool:
    """The run of companies holding ``companies[position]`` closes its clause ("… Nidec." not "Canon executives")."""
    last = position
    while last + 1 < len(companies) and _JOINED.fullmatch(text, companies[last].end,
                                                                             companies[last + 1].start):
        last += 1
    return bool(_CLAUSE_CLOSE.match(text[companies[last].end:end]))


def _record(article: Article, index: int, span: Span, company: CompanyMention, clause: str, status: str,
            places: Focus) -> Investment:
    sites = _sites(article)
    clause_start = company.start
    clause_sites = [s for s in sites if clause_start <= s.start < clause_start + len(clause)]
    earlier = [s for s in sites if s.start < clause_start]
    site, site_place = None, None
    if clause_sites:
        site, site_place = clause_sites[0].name, clause_sites[0].place
    elif earlier and _SITE_ANAPHOR.search(clause):
        site, site_place = earlier[-1].name, earlier[-1].place
    else:
        detail = _detail_sentence(article, index)
        detail_sites = [s for s in sites if detail is not None and detail.start <= s.start < detail.end]
        if detail_sites:
            site, site_place = detail_sites[0].name, detail_sites[0].place
    origin = investor_origin(article, span, company, places)
    foreign = origin if origin is None or origin.country != HOST_COUNTRY else None
    host = site_place or _host(article, span, company, clause_start + len(clause), foreign, places)
    evidence_end = span.end
    found_amount = parse_amount(clause) or _amount_before(article, span, company)
    for following in article.sentences[index + 1:index + 5]:
        if found_amount is not None:
            break
        if _NEXT_DETAIL.match(following.text):
            found_amount = parse_amount(following.text)
            if found_amount is not None:
                evidence_end = following.end
    year = _IN_YEAR.search(clause)
    project = _project(clause)
    sectors = codes_of(find_sectors(company.surface + " . " + _BUILDING.sub(blank, clause))
                       + find_sectors(project or "", weak=True))
    confidence = 0.85 if not company.listed else 0.75
    return Investment(
        doc=article.doc_id,
        evidence=_evidence(article, span.start, evidence_end),
        confidence=confidence,
        extractor="investments",
        investor=EntityRef(company.name, "company", origin.country if origin else None,
                           alt=(company.known_as,) if company.known_as and company.known_as != company.name else ()),
        origin=ref(origin) if origin else None,
        host=ref(host) if host else None,
        site=site,
        project=project,
        amount=found_amount[0] if found_amount else None,
        sectors=sectors,
        year=year.group(1) if year else None,
        status=status,
    )


def _amount_before(article: Article, span: Span, company: CompanyMention) -> tuple[Amount, int] | None:
    """An amount stated before a company that is the agent of the project: "The project, with total
    capital of $45 million, is invested by X", "A $30 million factory built by X in …"."""
    if company.listed or not _BY_INVESTOR.search(article.text, span.start, company.start):
        return None
    return parse_amount(article.text[span.start:company.start])


def _detail_sentence(article: Article, index: int) -> Span | None:
    """The next sentence when it goes on about the same facility ("The plant, to be built at …")."""
    if index + 1 < len(article.sentences) and _NEXT_DETAIL.match(article.sentences[index + 1].text):
        return article.sentences[index + 1]
    return None


def _evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(start, end, article.text[start:end])


def _is_place(article: Article, company: CompanyMention) -> bool:
    entry = article.gazetteer.lookup(company.surface)
    if entry is None or entry.kind == "company":
        return False
    return entry.kind in ("province", "prefecture", "city") or entry.name == company.surface


def _site_name(surface: str) -> str:
    """The park's own name: "Quang Ninh's Dong Mai Industrial Park" is the Dong Mai Industrial Park."""
    return _POSSESSOR.sub("", _SITE_LEAD.sub("", surface.strip()))


def _place_in(article: Article, start: int, end: int, country: str | None) -> Entry | None:
    for mention in article.mentions_in(start, end):
        if mention.entry.kind in ("province", "city") and (country is None or mention.entry.country == country):
            return mention.entry
    return None


def _host(article: Article, span: Span, company: CompanyMention, clause_end: int, origin: Entry | None,
          places: Focus) -> Entry | None:
    """The host locality: a place in the company's clause, else the article's main locality or country."""
    home = origin.country if origin else None
    if company.listed:
        for mention in reversed(article.mentions_in(max(span.start, company.start - 80), company.start)):
            if mention.form == "name" and mention.entry.country != home and \
                    _IN_END.search(article.text[max(0, mention.start - 8):mention.start]):
                return mention.entry
    after = [m for m in article.mentions_in(company.end, clause_end)
             if m.form == "name" and m.entry.kind in _HOST_KINDS and m.entry.country != home
             and not _HOME_BEFORE.search(article.text, max(0, m.start - 30), m.start)]
    # "its Aeon Mall Tan An in Long An province": the place after "in" beats a place inside a name
    located = [m for m in after if _LOCATIVE_BEFORE.search(article.text, max(0, m.start - 40), m.start)]
    if located or after:
        return (located or after)[0].entry
    for mention in article.mentions_in(span.start, company.start):  # "In Dong Nai, Hisamitsu opened …"
        if mention.form == "name" and mention.entry.kind in _HOST_KINDS and mention.entry.country != home \
                and _OPENING_PLACE.match(article.text, span.start, mention.start):
            return mention.entry
    for mention in article.mentions_in(company.end, clause_end):
        if mention.form == "name" and mention.entry.kind == "country" and mention.entry.country != home \
                and _IN_OR_TO_END.search(article.text[max(0, mention.start - 8):mention.start]):
            return mention.entry
    for mention in article.mentions_in(clause_end, span.end):  # "A JV of X and Y … a park in Binh Duong"
        if _OTHER_CLAUSE.search(article.text, clause_end, mention.start):
            break  # "…, while Denso expands its plant in Chonburi": another company's place
        if mention.form == "name" and mention.entry.kind in _HOST_KINDS and mention.entry.country != home \
                and _IN_OR_AT_END.search(article.text[max(0, mention.start - 12):mention.start]):
            return mention.entry
    main = places.main(("province", "city"), not_country=home)
    if main is not None and main != places.dateline and not any(
            m.entry == main for m in article.mentions_in(0, company.start)):
        main = None  # a locality the article names only after the company is not what it is about
    return main or places.main(("country",), not_country=home)


def _project(clause: str) -> str | None:
    construction = _CONSTRUCTION_OF.search(clause)
    if construction:
        return construction.group(1).strip()
    for verb in _OPENING_VERB.finditer(clause):
        match = _PROJECT_AFTER.search(clause, verb.end(), verb.end() + 120)
        if match and _FACILITY.search(match.group("project")):
            return match.group("project").strip()
    return None
