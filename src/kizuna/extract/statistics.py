"""Extractor: statistics bound to who, where, how much and when.

For every sentence: find the figures (``numbers``), the periods (``periods``), the rank
statements (``ranks``) and the places with their roles (``subjects``); give each figure a
metric from the wording around it (``metric_cues``); bind its subject and target, its
period, and cut the clause that states it as evidence. A figure without a metric, a
subject or a target is dropped: a wrong statistic is worse than a missing one.

A sentence without its own period inherits the one of the sentence it continues ("Of
which, …"); flows without a period take the article's reporting period; stocks without
one are stated as of publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..records import EntityRef, Evidence, Period, Record, Statistic
from ..text import Span
from . import Article
from .metric_cues import MetricChoice, choose_metric
from .numbers import Quantity, find_quantities
from .periods import DateContext, PeriodMention, find_periods, years_mentioned
from .ranks import RankHit, find_ranks
from .stat_vocab import Vocabulary, default
from .subjects import Actor, Binding, Topic, actors, bind, topic_of, world_if_foreign

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


@dataclass
class _Memory:
    """What one sentence leaves to the next (per article, never shared)."""

    period: PeriodMention | None = None
    binding: Binding | None = None
    reporting: Period | None = None
    flow_period: PeriodMention | None = None


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
        records.extend(_sentence(article, folded, sentence, following, vocab, context, topic, memory))
    return records


def _pronoun_period(folded: str, following: Span | None, context: DateContext) -> PeriodMention | None:
    """The period of a next sentence that goes on about the same figure ("It accounts for … since 2010")."""
    if following is None or _PRONOUN_START.match(folded, following.start) is None:
        return None
    found = find_periods(folded, following.start, following.end, context)
    return next((p for p in found if p.kind in ("since", "span", "point")), None)


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


def _sentence(article: Article, folded: str, sentence: Span, following: Span | None, vocab: Vocabulary,
              context: DateContext, topic: Topic, memory: _Memory) -> list[Statistic]:
    start, end = sentence.start, sentence.end
    dateline = _DATELINE.match(article.text, start, end)
    if dateline:
        start = dateline.end()
    quantities = find_quantities(folded, start, end, vocab)
    ranks = find_ranks(folded, start, end, vocab)
    continuation = vocab.has("continuation", folded[start:start + 16])
    if not quantities and not ranks:
        return []
    periods = find_periods(folded, start, end, context)
    mentions = article.mentions_in(start, end)
    sentence_actors = actors(folded, start, end, mentions, vocab)
    first_country = next((a.ref for a in sentence_actors if a.ref and a.ref.kind == "country"), None)
    figures = _figures(folded, start, end, quantities, ranks, vocab)
    out: list[Statistic] = []
    previous: Binding | None = memory.binding if continuation else None
    last_period: PeriodMention | None = None
    for index, figure in enumerate(figures):
        metric = figure.choice.metric
        spec = vocab.metrics[metric]
        left, right = _window(folded, figures, index, start, end)
        inherited = previous is not None and not out
        binding = _binding(folded, figure, left, right, sentence_actors, topic, previous, inherited, first_country,
                           vocab)
        if binding is None or binding.subject is None or binding.target is None:
            continue
        previous = binding
        mention = _own_period(figure, periods, figures, index, folded, end) or _before(periods, figure.start)
        mention = mention or _after(periods, figure.end)
        if mention is None and spec.kind == "stock":
            mention = _pronoun_period(folded, following, context)
        if mention is None and (continuation or spec.kind == "flow"):
            mention = memory.period if continuation else memory.flow_period
        if mention is not None:
            last_period = mention
        period = _period(spec.kind, mention, context, memory)
        if spec.kind == "flow" and period.start and period.start.endswith("-01") and mention and mention.kind == "span":
            memory.reporting = period
        if spec.kind == "flow" and mention is not None and mention.kind in ("span", "ytd"):
            memory.flow_period = mention
        out.append(_record(article, folded, figure, binding, period, start, end))
    memory.binding = previous or memory.binding
    if last_period is not None:
        memory.period = last_period
    return out


def _figures(folded: str, start: int, end: int, quantities: list[Quantity], ranks: list[RankHit],
             vocab: Vocabulary) -> list[_Figure]:
    figures: list[_Figure] = []
    chosen: list[tuple[Quantity, str]] = []
    for quantity in quantities:
        if any(r.start <= quantity.start < r.end for r in ranks):
            continue
        choice = choose_metric(folded, start, end, quantity, chosen, vocab)
        if choice is not None:
            figures.append(_Figure(quantity, None, choice))
            chosen.append((quantity, choice.metric))
    for rank in ranks:
        figures.append(_Figure(None, rank, MetricChoice(rank.metric, rank.value, "rank", rank.end)))
    figures.sort(key=lambda f: f.start)
    return figures


def _window(folded: str, figures: list[_Figure], index: int, start: int, end: int) -> tuple[int, int]:
    """The stretch around a figure whose places bind it: from the previous figure to the clause end."""
    figure = figures[index]
    left = figures[index - 1].choice.reach if index > 0 else start
    left = min(left, figure.start)
    right_limit = figures[index + 1].start if index + 1 < len(figures) else end
    reach = max(figure.choice.reach, figure.end)
    stop = _CLAUSE_END.search(folded, reach, right_limit)
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
    rank = figure.rank
    if rank is not None and rank.verb_at is not None:
        local = _rank_actors(rank, sentence_actors, local)
    elif rank is not None:
        local = _partner_list_actors(figure, sentence_actors, folded)
    if not local and previous is not None and rank is None and not inherited:
        return previous  # a list goes on: "US$0.4 billion in 2011, US$1.5 billion in 2012"
    binding = bind(local, sentence_actors, topic, figure.start, first_country, previous)
    subject, target = binding.subject, binding.target
    if subject is None:
        subject = world_if_foreign(folded[left:right], vocab)
    if previous is not None:
        subject = subject or previous.subject
        target = target or (previous.target if previous.target != subject else None)
    if subject is None and target is None:
        if metric in SYMMETRIC and topic.pair():
            subject, target = topic.pair()  # type: ignore[misc]
        return Binding(subject, target)
    if target is None and subject is not None:
        locality = topic.localities.get("locality")
        if locality and (subject.kind != "country" or metric in ("jobs", "event_attendance")):
            target = locality
        else:
            target = topic.other(subject)
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


def _period(kind: str, mention: PeriodMention | None, context: DateContext, memory: _Memory) -> Period:
    if kind == "event":
        return mention.period if mention and mention.kind == "span" else Period()
    if mention is None:
        return Period(None, context.today) if kind == "stock" else Period()
    period = mention.period
    if mention.kind == "ytd":
        year = period.start or ""
        reporting = memory.reporting
        period = reporting if reporting and reporting.start == f"{year}-01" else Period(f"{year}-01", period.end)
    if kind == "stock":
        return Period(period.start if mention.kind == "since" else None, period.end)
    return period


def _record(article: Article, folded: str, figure: _Figure, binding: Binding, period: Period,
            start: int, end: int) -> Statistic:
    ev_start, ev_end = _evidence(folded, figure, start, end)
    choice = figure.choice
    spec_unit = choice.unit
    quantity = figure.quantity
    rank = figure.rank
    return Statistic(
        doc=article.doc_id,
        evidence=Evidence(ev_start, ev_end, article.text[ev_start:ev_end]),
        confidence=0.8,
        extractor=NAME,
        metric=choice.metric,
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

