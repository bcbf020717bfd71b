"""Extractor: statistics bound to who, where, how much and when.

For every sentence: find the figures (``numbers``), the periods (``periods``), the rank
statements (``ranks``) and the places with their roles (``subjects``); give each figure a
metric from the wording around it (``metric_cues``); bind its subject and target, its
period, and cut the clause that states it as evidence. A figure without a metric, a
subject or a target is dropped: a wrong statistic is worse than a missing one.

A sentence without its own period inherits the one of the sentence it continues ("Of
which, …"); flows without a period take the article's reporting period; stocks without
one are stated as of publication. A stock stated for a span ("granted promotion for 230
projects worth 69.6 billion baht in 2024") is a flow: ``new_projects`` and
``new_registered_capital``. A sentence that names no place at all goes on about the
places of the sentence before it ("During the period, 1,472 new projects were licensed").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..records import WORLD, EntityRef, Evidence, Period, Record, Statistic
from ..text import Span
from . import Article
from .metric_cues import Carry, MetricChoice, choose_metric
from .numbers import Quantity, find_quantities
from .periods import DateContext, PeriodMention, find_periods, years_mentioned
from .ranks import RankHit, find_ranks
from .stat_vocab import Vocabulary, default
from .subjects import HOST_TOTALS, Actor, Binding, Topic, actors, bind, refine, topic_of, world_if_foreign

NAME = "statistics"
SYMMETRIC = ("trade_turnover", "trade_growth", "locality_partnerships")
FROM_IS_TARGET = ("imports", "trade_surplus")  # "imports from Japan", "a trade surplus with Japan"
_DATELINE = re.compile(r"(?:[^\w\s]*[A-Z\u00c0-\u1ef9][A-Z\u00c0-\u1ef9 .,'()-]{1,40}|[\w .,'-]{1,40}\((?:[A-Za-z ]+)\))"
                       r"\s*[\u2014\u2013-]+\s*")
_SEGMENT = re.compile(
    r",\s+(?=(?:with|while|up|down|ranking|representing|making|accounting|placing|a\s+year|an?\s+(?:increase|rise|"
    r"decrease|drop|growth))\b)|;\s+|\s+[\u2014\u2013]\s*|[\u2014\u2013]|\s+-\s+|:\s+"
)
_PRONOUN_START = re.compile(r"(?:it|this|they|these|that)\s+(?!is\b|was\b|will\b)")
_CLAUSE_END = re.compile(r"[,;:\u2014\u2013(]")
_CLAUSE_CUT = re.compile(r"[,;]\s+")
_ITEM_END = re.compile(r"[,;:\u2014\u2013(]|\s(?:and|while|followed by)\s")
AS_FLOW = {"active_projects": "new_projects", "registered_capital": "new_registered_capital"}
INVESTMENT_MONEY = ("registered_capital", "new_registered_capital", "disbursed_capital", "additional_capital",
                    "capital_contribution")
KEEPS_SPAN = ("investor_rank", "destination_rank", "partner_rank", "firms_profitable_share",
              "firms_expanding_share", "outbound_share")
_LEAGUE_PARTY = re.compile(r"(?:,?\s+(?:made|make|makes|came|comes|ranked|ranks|led|leads|topped|tops|followed|was|were|"
                           r"is|are|stood|stands|accounted|placed|took|takes|had|has|remained|remains)(?:\s+[\w-]+){0,4}?)?"
                           r"\s+(?:with|at|numbered|numbering|totalled|totaled|totalling|stood at)\s+(?:[a-z]+\s+){0,2}(?:us\$|\$|usd\s?)?")
_RANK_PARTY = re.compile(r"(?:'s|\s+(?:investors?|firms|businesses|companies))?\s+(?:(?:\w+\s+){0,2}?"
                         r"(?:which|that|who)\s+)?(?:(?:has|have|had|was|is|also|again|still|now|then)\s+)?")
_STOCK_WORDS = re.compile(r"(?<![\w-])(?:valid|active|operating|operational|effective|cumulative|cumulatively|"
                          r"accumulated|accumulative|so far|to date)(?![\w-])")


@dataclass
class _Memory:
    """What one sentence leaves to the next (per article, never shared)."""

    period: PeriodMention | None = None
    binding: Binding | None = None
    reporting: Period | None = None
    flow_period: PeriodMention | None = None
    carry: Carry = Carry()
    point: tuple[str, PeriodMention] | None = None  # metric and date of the last stock stated "as of" a date
    stated: int = -2  # index of the last sentence that stated statistics


def extract(article: Article) -> list[Record]:
    """Statistic records stated in the article."""
    vocab = default()
    folded = article.folded
    context = DateContext(article.published, _reference_year(article, folded))
    topic = topic_of(list(article.mentions), folded, article.gazetteer)
    memory = _Memory()
    records: list[Record] = []
    spans = article.sentences
    for index, sentence in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        preceding = spans[index - 1] if index else None
        found = _sentence(article, folded, sentence, (preceding, following), vocab, context, topic, memory,
                          follows=memory.stated == index - 1)
        if found:
            memory.stated = index
        records.extend(found)
    return records


def _pronoun_period(folded: str, following: Span | None, context: DateContext) -> PeriodMention | None:
    """The period of a next sentence that goes on about the same figure ("It accounts for … since 2010")."""
    if following is None or _PRONOUN_START.match(folded, following.start) is None:
        return None
    found = find_periods(folded, following.start, following.end, context)
    return next((p for p in found if p.kind in ("since", "span", "point")), None)


def _span_of(folded: str, sentence: Span, context: DateContext) -> PeriodMention | None:
    """The span of time a sentence speaks of, if any."""
    return next((p for p in find_periods(folded, sentence.start, sentence.end, context) if p.kind == "span"), None)


def _reference_year(article: Article, folded: str) -> int | None:
    if article.published is not None:
        return article.published.year
    years = [y for y in years_mentioned(folded) if y <= date.today().year]
    return max(years) if years else None


@dataclass(frozen=True)
class _Figure:
    """A figure with its metric, before binding."""

    quantity: Quantity | None
    rank: RankHit | None
    choice: MetricChoice

    @property
    def start(self) -> int:
        return self.quantity.start if self.quantity else (self.rank.start if self.rank else 0)

    @property
    def end(self) -> int:
        return self.quantity.end if self.quantity else (self.rank.end if self.rank else 0)


def _sentence(article: Article, folded: str, sentence: Span, around: tuple[Span | None, Span | None],
              vocab: Vocabulary, context: DateContext, topic: Topic, memory: _Memory, follows: bool) -> list[Statistic]:
    preceding, following = around
    start, end = sentence.start, sentence.end
    dateline = _DATELINE.match(article.text, start, end)
    if dateline:
        start = dateline.end()
    quantities = find_quantities(folded, start, end, vocab)
    ranks = find_ranks(folded, start, end, vocab, memory.carry.money == "registered_capital")
    continuation = vocab.has("continuation", folded[start:start + 16])
    if not quantities and not ranks:
        return []
    periods = find_periods(folded, start, end, context)
    days = [p for p in periods if p.kind == "day"]
    periods = [p for p in periods if p.kind != "day"]
    mentions = article.mentions_in(start, end)
    sentence_actors = actors(folded, start, end, mentions, vocab)
    first_country = next((a.ref for a in sentence_actors if a.ref and a.ref.kind == "country"), None)
    figures = _figures(folded, start, end, quantities, ranks, vocab, memory.carry)
    out: list[Statistic] = []
    goes_on = continuation or (follows and not sentence_actors  # "During the period, 1,472 new projects…"
                               and not vocab.has("single_project", folded[start:end]))  # not "the company also…"
    previous: Binding | None = memory.binding if goes_on else None
    last_period: PeriodMention | None = None
    item: tuple[PeriodMention | None, str] = (None, "")  # period and metric of the figure before
    for index, figure in enumerate(figures):
        metric = figure.choice.metric
        spec = vocab.metrics[metric]
        left, right = _window(folded, figures, index, start, end)
        if not _names_its_party(figure, folded, sentence_actors, left, right):
            continue  # a league item names its own party: "followed by Japan with $1.1 billion"
        if figure.rank is not None and not _rank_has_party(figure.rank, folded, sentence_actors):
            continue  # "real estate ranked second": no place, no investor rank
        if figure.choice.league == "carry" and previous is None:
            previous = memory.binding  # the list goes on from the sentence before: same host
        inherited = previous is not None and not out
        binding = _binding(folded, figure, left, right, sentence_actors, topic, previous, inherited, first_country,
                           vocab)
        if binding is None or binding.subject is None or binding.target is None:
            continue
        previous = binding
        mention = _own_period(figure, periods, figures, index, folded, end) or _before(periods, figure.start)
        mention = mention or _after(periods, figure.end)
        stated = mention
        if mention is not None and mention.kind == "reference":
            mention = memory.flow_period  # "during the period": the article's reporting period
        if mention is None and spec.kind == "stock":
            mention = _pronoun_period(folded, following, context)
        if mention is None and memory.point is not None and memory.point[0] == metric:
            mention = memory.point[1]  # "…as of the end of October 2024." "Chinese came second with 408,805"
        if mention is None and figure.choice.league == "list" and item[1] and vocab.metrics[item[1]].unit == spec.unit:
            mention, metric = item  # "…, followed by South Korea with $2.6 billion": as the item before
        if mention is None and memory.flow_period and (
                figure.choice.league == "carry" and spec.unit == "USD"
                or figure.rank is not None and any(f.choice.league == "carry" for f in figures)):
            mention = memory.flow_period  # a league of the period's investors
        if mention is None and (continuation or spec.kind == "flow"):
            mention = memory.period if continuation else memory.flow_period
        if mention is None and spec.kind == "flow" and preceding is not None:
            mention = _span_of(folded, preceding, context)  # "FDI rose in the first nine months. Newly…"
        if mention is not None:
            last_period = mention
        ev_start, ev_end = _evidence(folded, figure, start, end)
        if _as_flow(metric, stated, figure, folded, ev_start, ev_end, start) or (
                figure.choice.league and mention is not None and mention.kind in ("span", "ytd")):
            metric = AS_FLOW.get(metric, metric)
        kind = vocab.metrics[metric].kind
        period = _period(kind, mention, context, memory, metric, days)
        if kind == "flow" and period.start and period.start.endswith("-01") and mention and mention.kind == "span":
            memory.reporting = period
        if kind == "flow" and mention is not None and mention.kind in ("span", "ytd"):
            memory.flow_period = mention
        item = (mention, metric)
        if kind == "stock" and mention is not None and mention.kind == "point":
            memory.point = (metric, mention)
        out.append(_record(article, figure, metric, binding, period, ev_start, ev_end))
    memory.binding = previous or memory.binding
    memory.carry = _carry(memory.carry, out)
    if last_period is not None:
        memory.period = last_period
    return out


def _names_its_party(figure: _Figure, folded: str, sentence_actors: list[Actor], left: int, right: int) -> bool:
    """A list item has a place of its own; a league item has it right before: "Japan came second with 408,805"."""
    league = figure.choice.league
    if not league:
        return True
    if league == "list":
        return any(a.ref is not None for a in sentence_actors if left <= a.start < right)
    return any(a.ref is not None and a.end <= figure.start and _LEAGUE_PARTY.fullmatch(folded, a.end, figure.start)
               for a in sentence_actors)


def _rank_has_party(rank: RankHit, folded: str, sentence_actors: list[Actor]) -> bool:
    """A bare league rank ("Japan came fourth with…") needs its party right before the verb."""
    if rank.verb_at is None or rank.among_at is not None or rank.rank_of is not None:
        return True
    before = [a for a in sentence_actors if a.ref is not None and a.end <= rank.verb_at]
    if before and re.search(r",\s*$", folded[max(0, rank.verb_at - 3):rank.verb_at]) and \
            re.match(r"\w+ing\b", folded[rank.verb_at:rank.verb_at + 12]):
        return True  # "Japanese investors submitted 139 projects …, ranking third after China"
    return any(a.end <= rank.verb_at and _RANK_PARTY.fullmatch(folded, a.end, rank.verb_at) for a in before)


def _as_flow(metric: str, stated: PeriodMention | None, figure: _Figure, folded: str, ev_start: int,
             ev_end: int, start: int) -> bool:
    """A stock stated for a span of time is the flow of that span ("submitted 139 projects … in the first half")."""
    if metric not in AS_FLOW or stated is None or stated.kind not in ("span", "ytd", "reference"):
        return False
    if _STOCK_WORDS.search(folded, start, max(figure.choice.reach, figure.end)):
        return False  # "valid projects", "accumulated capital"
    return ev_start <= stated.start < ev_end or _own_clause(folded, figure, stated)


def _own_clause(folded: str, figure: _Figure, mention: PeriodMention) -> bool:
    """No clause boundary between the figure and the period."""
    a, b = sorted((figure.end, mention.start))
    return _CLAUSE_END.search(folded, a, b) is None


def _carry(carry: Carry, found: list[Statistic]) -> Carry:
    """What the next league item without wording of its own measures."""
    count, money = carry.count, carry.money
    for record in found:
        if record.unit in ("count", "persons") and record.metric not in ("event_attendance",):
            count = record.metric
        elif record.unit not in ("percent", "rank", "count", "persons"):
            money = "registered_capital" if record.metric in INVESTMENT_MONEY else record.metric
    return Carry(count, money)


def _figures(folded: str, start: int, end: int, quantities: list[Quantity], ranks: list[RankHit],
             vocab: Vocabulary, carry: Carry) -> list[_Figure]:
    figures: list[_Figure] = []
    chosen: list[tuple[Quantity, str, int]] = []
    for quantity in quantities:
        if any(r.start <= quantity.start < r.end for r in ranks):
            continue
        choice = choose_metric(folded, start, end, quantity, chosen, vocab, carry)
        if choice is not None:
            figures.append(_Figure(quantity, None, choice))
            chosen.append((quantity, choice.metric, choice.reach))
    for rank in ranks:
        figures.append(_Figure(None, rank, MetricChoice(rank.metric, rank.value, "rank", rank.end)))
    figures.sort(key=lambda f: f.start)
    return figures


def _window(folded: str, figures: list[_Figure], index: int, start: int, end: int) -> tuple[int, int]:
    """The stretch around a figure whose places bind it: from the previous figure to the clause end."""
    figure = figures[index]
    left = figures[index - 1].choice.reach if index > 0 else start
    left = min(left, figure.start)
    if index > 0:  # "… in Hanoi, while some 11,000 Vietnamese live in Fukuoka": a new clause, new places
        boundary = None
        for boundary in (_ITEM_END if figure.choice.league else _CLAUSE_CUT).finditer(folded, left, figure.start):
            pass
        left = boundary.end() if boundary else left
    right_limit = figures[index + 1].start if index + 1 < len(figures) else end
    reach = max(figure.choice.reach, figure.end)
    stop = (_ITEM_END if figure.choice.league else _CLAUSE_END).search(folded, reach, right_limit)
    return left, (stop.start() if stop else right_limit)


def _binding(folded: str, figure: _Figure, left: int, right: int, sentence_actors: list[Actor], topic: Topic,
             previous: Binding | None, inherited: bool, first_country: EntityRef | None,
             vocab: Vocabulary) -> Binding | None:
    """Subject and target of a figure; ``previous`` is the figure before (``inherited``: of the sentence before)."""
    metric = figure.choice.metric
    if metric in FROM_IS_TARGET:
        sentence_actors = [replace(a, role="target") if re.search(r"(?:from|with)\s+(?:the\s+)?$",
                                                                  folded[max(0, a.start - 10):a.start]) else a
                           for a in sentence_actors]
    local = [a for a in sentence_actors if left <= a.start < right and a.role != "aside"]
    if metric == "jobs":  # "employing some 700,000 Thai workers": the workers' country is the host
        local = [replace(a, role="target") if figure.end <= a.start < figure.end + 40 else a for a in local]
    rank = figure.rank
    if rank is not None and rank.verb_at is not None:
        local = _rank_actors(rank, sentence_actors, local)
    elif rank is not None:
        local = _partner_list_actors(figure, sentence_actors, folded)
    if not local and previous is not None and rank is None and not inherited:
        return previous  # a list goes on: "US$0.4 billion in 2011, US$1.5 billion in 2012"
    binding = bind(local, sentence_actors, topic, figure.start, first_country, previous)
    binding = refine(binding, metric, local, folded, (left, right),
                     (figure.start, figure.end, max(figure.choice.reach, figure.end)), topic, vocab)
    subject, target = binding.subject, binding.target
    if subject is None:
        subject = world_if_foreign(folded[left:right], vocab)
    if previous is not None:
        subject = subject or previous.subject
        target = target or (previous.target if previous.target != subject else None)
    if subject is None and target is None:
        if metric in SYMMETRIC and topic.pair():
            subject, target = topic.pair()  # type: ignore[misc]
        elif metric in HOST_TOTALS and topic.origin is None and topic.host is not None and rank is None:
            subject, target = WORLD, topic.host  # an article on one country's FDI: "Newly registered capital hit…"
        return Binding(subject, target)
    if target is None and subject is not None:
        locality = topic.localities.get("locality")
        if locality and (subject.kind != "country" or metric in ("jobs", "event_attendance")):
            target = locality
        else:
            target = topic.other(subject)
        if target is None and subject.kind == "country" and metric != "partner_rank" and topic.host != subject:
            target = topic.host  # a third country in a league of the host's partners
    if subject is None and target is not None and (metric in SYMMETRIC or metric.endswith("_rank")):
        subject = topic.other(target)
    if subject is not None and subject == target:
        return None
    return Binding(subject, target)


def _rank_actors(rank: RankHit, sentence_actors: list[Actor], local: list[Actor]) -> list[Actor]:
    """Roles for "X ranks Nth among … (in Y / receiving Z investment)"."""
    before = [a for a in sentence_actors if a.start < (rank.verb_at or rank.start)]
    among = [a for a in sentence_actors if rank.among_at is not None and rank.among_at <= a.start < rank.end]
    out: list[Actor] = []
    if rank.metric == "destination_rank":
        if before:
            out.append(replace(before[-1], role="target"))
        out.extend(replace(a, role="origin") for a in among)
    elif rank.metric == "partner_rank":
        out.extend(replace(a, role="target") for a in among)
        out.extend(replace(a, role="origin") for a in before if not any(a.ref == b.ref and a.ref for b in among))
    else:
        out.extend(replace(a, role="target") for a in among)
        origins = [a for a in before if a.role == "origin"]
        if origins:
            out.append(origins[-1])
        elif before and before[-1].ref is not None:
            out.append(replace(before[-1], role="origin"))
    return out


def _partner_list_actors(figure: _Figure, sentence_actors: list[Actor], folded: str) -> list[Actor]:
    """"Japan is Vietnam's top partner…, the fourth trading partner of Vietnam": subject first, host named."""
    out: list[Actor] = []
    for actor in sentence_actors:
        if actor.ref is None and not actor.anaphor:
            continue
        if actor.role == "target" or re.search(r"(?:of|in|for)\s+$", folded[max(0, actor.start - 5):actor.start]):
            out.append(replace(actor, role="target"))
        elif re.match(r"'s\b", folded[actor.end:actor.end + 3]):
            out.append(replace(actor, role="target"))
        elif actor.start < figure.start:
            out.append(replace(actor, role="origin"))
    return out


def _own_period(figure: _Figure, periods: list[PeriodMention], figures: list[_Figure], index: int,
                folded: str, end: int) -> PeriodMention | None:
    limit = figures[index + 1].start if index + 1 < len(figures) else end
    reach = max(figure.end, figure.choice.reach)
    stop = _CLAUSE_END.search(folded, reach, limit)
    limit = stop.start() if stop else limit
    first = figure.start if figure.rank is not None else figure.end  # a rank phrase may hold its own date
    return next((p for p in periods if first <= p.start < limit), None)


def _before(periods: list[PeriodMention], position: int) -> PeriodMention | None:
    earlier = [p for p in periods if p.end <= position]
    return earlier[-1] if earlier else None


def _after(periods: list[PeriodMention], position: int) -> PeriodMention | None:
    return next((p for p in periods if p.start >= position), None)


def _period(kind: str, mention: PeriodMention | None, context: DateContext, memory: _Memory, metric: str,
            days: list[PeriodMention]) -> Period:
    if kind == "event":
        if mention and mention.kind == "span":
            return mention.period
        return days[0].period if days else Period()
    if mention is None:
        return Period(None, context.today) if kind == "stock" else Period()
    period = mention.period
    if metric in KEEPS_SPAN and mention.kind == "span":
        return period  # "Japan was Indonesia's fourth-largest source of FDI in 2024"
    if mention.kind == "ytd":
        year = period.start or ""
        reporting = memory.reporting
        period = reporting if reporting and reporting.start == f"{year}-01" else Period(f"{year}-01", period.end)
    if kind == "stock":
        return Period(period.start if mention.kind == "since" else None, period.end)
    return period


def _record(article: Article, figure: _Figure, metric: str, binding: Binding, period: Period,
            ev_start: int, ev_end: int) -> Statistic:
    choice = figure.choice
    spec_unit = choice.unit
    quantity = figure.quantity
    rank = figure.rank
    return Statistic(
        doc=article.doc_id,
        evidence=Evidence(ev_start, ev_end, article.text[ev_start:ev_end]),
        confidence=0.8,
        extractor=NAME,
        metric=metric,
        subject=binding.subject,
        target=binding.target,
        value=choice.value,
        unit=spec_unit,
        qualifier=quantity.qualifier if quantity else "exact",
        period=period,
        rank_of=rank.rank_of if rank else None,
        domain=rank.domain if rank else None,
    )


def _evidence(folded: str, figure: _Figure, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence that holds the figure."""
    seg_start, seg_end = start, end
    for match in _SEGMENT.finditer(folded, start, end):
        if match.end() <= figure.start:
            seg_start = match.end()
        elif match.start() >= figure.end and match.start() >= figure.choice.reach:
            seg_end = match.start()
            break
    while seg_end > seg_start and folded[seg_end - 1] in " .,;:\"'”":
        seg_end -= 1
    while seg_start < seg_end and folded[seg_start] in " ,;:\"'“-":
        seg_start += 1
    return seg_start, seg_end

