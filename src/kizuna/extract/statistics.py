"""Extractor: statistics bound to who, where, how much and when.

For every sentence: find the figures (``numbers``), the periods (``periods``), the rank
statements (``ranks``) and the places with their roles (``subjects``); give each figure a
metric from the wording around it (``metric_cues``); bind its subject and target
(``stat_binding``), its period, and cut the clause that states it as evidence. A figure without a metric, a
subject or a target is dropped: a wrong statistic is worse than a missing one.

A sentence without its own period inherits the one of the sentence it continues ("Of
which, …"); flows without a period take the article's reporting period; stocks without
one are stated as of publication. A stock stated for a span ("granted promotion for 230
projects worth 69.6 billion baht in 2024") is a flow: ``new_projects`` and
``new_registered_capital``. A sentence that names no place at all goes on about the
places of the sentence before it ("During the period, 1,472 new projects were licensed").
A league goes on across sentences: "Among 106 countries and territories investing in
Vietnam, Singapore led …" gives every next item ("Japan ranked third …") its rank_of.

Speed: most sentences hold no digit, no rank word and no spelled count and are passed over
at once (``RankHints`` finds the rank words of the whole article once); periods are read
once per sentence; everything else runs only for sentences with figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..gazetteer import Mention
from ..records import Evidence, Period, Record, Statistic
from ..text import Span, first_digit
from . import Article
from .meeting_dates import when
from .metric_cues import Carry, MetricChoice, choose_metric
from .numbers import Quantity, find_quantities
from .periods import DateContext, PeriodMention, find_periods, years_mentioned
from .prefilter import GatedPattern
from .ranks import RankHints, RankHit, find_ranks
from .stat_binding import Figure, bind_figure, destination, names_its_party, owned_by_company, rank_has_party
from .stat_vocab import PART_LEADS, Vocabulary, default
from .subjects import Binding, Topic, actors, topic_of

NAME = "statistics"
_DATELINE = re.compile(r"(?:[^\w\s]*[A-Z\u00c0-\u1ef9][A-Z\u00c0-\u1ef9 .,'()-]{1,40}|[\w .,'-]{1,40}\((?:[A-Za-z ]+)\))"
                       r"\s*[\u2014\u2013-]+\s*")
# (the look-ahead on the first characters spares trying every branch at every position)
_SEGMENT = re.compile(
    r"(?=[,;\s\u2014\u2013:])(?:,\s+(?=(?:with|while|up|down|ranking|representing|making|accounting|placing|"
    r"a\s+year|an?\s+(?:increase|rise|decrease|drop|growth))\b)|;\s+|\s+[\u2014\u2013]\s*|[\u2014\u2013]|\s+-\s+|:\s+)"
)
_PRONOUN_START = re.compile(r"(?:it|this|they|these|that)\s+(?!is\b|was\b|will\b)")
_CLAUSE_END = re.compile(r"[,;:\u2014\u2013(]")
_CLAUSE_CUT = re.compile(r"[,;]\s+")
# a part of the figure before: "345,000 interns, of whom 209,000 were Vietnamese"
_PART_OF = GatedPattern(re.compile(r"(?<![\w-])" + PART_LEADS + r"\s+(?:[a-z]+\s+){0,3}?$"))
_ITEM_END = re.compile(r"[,;:\u2014\u2013(]|\s(?:and|while|followed by)\s")
SPELLED_METRICS = ("locality_partnerships",)  # counts written in words are read for these only
AS_FLOW = {"active_projects": "new_projects", "registered_capital": "new_registered_capital"}
INVESTMENT_MONEY = ("registered_capital", "new_registered_capital", "disbursed_capital", "additional_capital",
                    "capital_contribution")
KEEPS_SPAN = ("investor_rank", "destination_rank", "partner_rank", "firms_profitable_share",
              "firms_expanding_share", "outbound_share")
_STOCK_WORDS = re.compile(r"(?<![\w-])(?:valid|active|operating|operational|effective|cumulative|cumulatively|"
                          r"accumulated|accumulative|so far|to date)(?![\w-])")

# another measure joined after a figure: "… amounted to 1.80 trillion yen and imports from Vietnam totaled …"
_NEXT_MEASURE = re.compile(r"\s+and\s+(?:its\s+|their\s+|the\s+)?(?:imports|exports|two-way\s+trade|trade|investment|fdi)\b")
# a stock told in the present: "… 9,000 people from the province are working in Japan", "Japan now has 5,700 projects"
_PRESENT_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:are|is)\s+(?:now\s+|currently\s+|still\s+)?"
                            r"(?:working|living|studying|operating|employed|residing|active|valid)(?![\w-])")
_NOW_BEFORE = re.compile(r"(?<![\w-])(?:now|currently|at present)\s+(?:has|have|hosts?|counts?)\s+(?:[a-z]+\s+){0,2}$")
# a league rank's own figure right after it: "Singapore led 110 countries … in Vietnam during the period with"
_WITH_AFTER_RANK = re.compile(r"(?:\s+(?:during|in)\s+the\s+period)?\s+with\s+(?:[a-z]+\s+){0,2}(?:us\$|\$|usd\s?)?")
# the figure's clause hangs on the period's: "… approved in the first nine months, with 280 projects worth …"
_WITH_ADJUNCT = re.compile(r"[^,;:]{0,40}?,\s+with\s+[^,;:]{0,40}")
# a sum a flow brings the total to: "bringing the total to", "lifting the province's total Korean investment to"
_RUNNING_TOTAL = re.compile(r"(?<![\w-])(?:bring|brings|bringing|brought|lift|lifts|lifting|lifted|raise|raises|raising|"
                            r"raised|push|pushes|pushing|pushed|take|takes|taking|took)\s+(?:[\w'’-]+\s+){0,5}?"
                            r"(?:total|tally)\b[^,;.]{0,60}?\bto\s+[^,;]{0,20}$")


@dataclass
class _Memory:
    """What one sentence leaves to the next (per article, never shared)."""

    period: PeriodMention | None = None
    binding: Binding | None = None
    reporting: Period | None = None
    flow_period: PeriodMention | None = None
    carry: Carry = Carry()
    point: tuple[str, PeriodMention] | None = None  # metric and date of the last stock stated "as of" a date
    points: dict[str, PeriodMention] = field(default_factory=dict)  # every stock the last sentence dated so stated
    stated: int = -2  # index of the last sentence that stated statistics
    league_of: int | None = None  # how many the last sentence's league of investors ranks ("among 106 countries")
    binding_league: bool = False  # ``binding`` is that of a league item ("South Korea came fourth with $1.8 billion")


def extract(article: Article) -> list[Record]:
    """Statistic records stated in the article."""
    folded = article.folded
    context = DateContext(article.published, _reference_year(article, folded))
    vocab = default()
    spelled = tuple(n for m in SPELLED_METRICS for n in vocab.metrics[m].nouns if n in folded)
    reading = _Reading(article, folded, vocab, _Periods(folded, context), RankHints(folded), spelled)
    memory = _Memory()
    records: list[Record] = []
    spans = article.sentences
    for index, sentence in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        preceding = spans[index - 1] if index else None
        found = _sentence(reading, sentence, (preceding, following), memory, follows=memory.stated == index - 1)
        if found:
            memory.stated = index
        records.extend(found)
    return records


class _Periods:
    """``find_periods`` over one article's stretches, each stretch read once."""

    __slots__ = ("folded", "context", "found")

    def __init__(self, folded: str, context: DateContext) -> None:
        self.folded = folded
        self.context = context
        self.found: dict[tuple[int, int], list[PeriodMention]] = {}

    def __call__(self, start: int, end: int) -> list[PeriodMention]:
        found = self.found.get((start, end))
        if found is None:
            found = self.found[(start, end)] = find_periods(self.folded, start, end, self.context)
        return found


@dataclass(frozen=True)
class _Reading:
    """What every sentence of one article is read with."""

    article: Article
    folded: str
    vocab: Vocabulary
    periods: _Periods
    hints: RankHints
    spelled: tuple[str, ...]  # nouns of ``SPELLED_METRICS`` the article holds: counts in words are read

    @property
    def topic(self) -> Topic:
        """The article's country pair and localities, read once a sentence states a figure and kept on the
        article's memo (the compiled build makes a cached property a plain one: see tests/test_compiled.py)."""
        article = self.article
        return article.memo.get("topic", lambda: topic_of(list(article.mentions), self.folded, article.gazetteer))


def _pronoun_period(folded: str, following: Span | None, periods: _Periods) -> PeriodMention | None:
    """The period of a next sentence that goes on about the same figure ("It accounts for … since 2010")."""
    if following is None or _PRONOUN_START.match(folded, following.start) is None:
        return None
    return next((p for p in periods(following.start, following.end) if p.kind in ("since", "span", "point")), None)


def _span_of(sentence: Span, periods: _Periods) -> PeriodMention | None:
    """The span of time a sentence speaks of, if any."""
    return next((p for p in periods(sentence.start, sentence.end) if p.kind == "span"), None)


def _weekday(article: Article, start: int, end: int) -> list[PeriodMention]:
    """The day an event sentence names by its weekday ("on Saturday"), as a ``day`` period, if any."""
    stated = when(article.text[start:end], article.published)
    if stated.how != "relative" or stated.value is None or len(stated.value) != 10:
        return []
    return [PeriodMention(start, end, "day", Period(stated.value, stated.value))]


def _reference_year(article: Article, folded: str) -> int | None:
    if article.published is not None:
        return article.published.year
    years = [y for y in years_mentioned(folded) if y <= date.today().year]
    return max(years) if years else None


def _sentence(reading: _Reading, sentence: Span, around: tuple[Span | None, Span | None], memory: _Memory,
              follows: bool) -> list[Statistic]:
    article, folded, vocab = reading.article, reading.folded, reading.vocab
    preceding, following = around
    start, end = sentence.start, sentence.end
    spelled = bool(reading.spelled) and any(n in folded[start:end] for n in reading.spelled)
    if first_digit(folded, start, end) < 0 and not reading.hints.within(start, end) and not spelled:
        return []  # most sentences state no figure and no rank: passed over at once
    dateline = _DATELINE.match(article.text, start, end)
    if dateline:
        start = dateline.end()
    quantities = find_quantities(folded, start, end, vocab, spelled)
    ranks = find_ranks(folded, start, end, vocab, memory.carry.money == "registered_capital", reading.hints)
    if not quantities and not ranks:
        return []
    if follows and memory.league_of:  # the league goes on: "Japan ranked third with $2.3 billion"
        ranks = [r._replace(rank_of=memory.league_of) if r.league and r.rank_of is None else r for r in ranks]
    figures = _figures(folded, start, end, quantities, ranks, vocab, memory.carry)
    if not figures:
        return []
    continuation = vocab.has("continuation", folded[start:start + 16])
    topic, finder = reading.topic, reading.periods
    context = finder.context
    periods = finder(start, end)
    days = [p for p in periods if p.kind == "day"]
    if not days and any(vocab.metrics[f.choice.metric].kind == "event" for f in figures):
        days = _weekday(article, start, end)  # "… attended the conference in Hanoi on Saturday"
    periods = [p for p in periods if p.kind != "day"]
    mentions = article.mentions_in(start, end)
    if "(" in folded[start:end]:  # "led by textiles ($3.9 billion) and seafood ($1.5 billion)": items, not parties
        figures = [f for f in figures if not _bracketed_item(folded, f, mentions)]
    sentence_actors = actors(folded, start, end, mentions, vocab, article.text)
    first_country = next((a.ref for a in sentence_actors if a.ref and a.ref.kind == "country"), None)
    out: list[Statistic] = []
    segments = [(m.start(), m.end()) for m in _SEGMENT.finditer(folded, start, end)]
    goes_on = continuation or (follows and not sentence_actors  # "During the period, 1,472 new projects…"
                               and not vocab.has("single_project", folded[start:end]))  # not "the company also…"
    previous: Binding | None = memory.binding if goes_on else None
    previous_league = memory.binding_league
    last_period: PeriodMention | None = None
    points: dict[str, PeriodMention] = {}  # the stocks this sentence states "as of" a date
    item: tuple[PeriodMention | None, str] = (None, "")  # period and metric of the quantity before
    company_owned = False  # a figure of the sentence was a company's: its ranks are too
    league_sentence = any(f.rank is not None and f.rank.league for f in figures)  # a league of the stocks dated before
    for index, figure in enumerate(figures):
        metric = figure.choice.metric
        spec = vocab.metrics[metric]
        left, right = _window(folded, figures, index, start, end)
        ranked = figures[index - 1].rank if index else None  # "Singapore led 110 countries … with $4.2 billion"
        rank_own = ranked is not None and ranked.league and figure.choice.league == "carry" and out \
            and out[-1].unit == "rank" and _WITH_AFTER_RANK.fullmatch(folded, ranked.end, figure.start) is not None
        if not rank_own and not names_its_party(figure, folded, sentence_actors, left, right):
            continue  # a league item names its own party: "followed by Japan with $1.1 billion"
        if figure.rank is not None and not rank_has_party(figure.rank, folded, sentence_actors):
            continue  # "real estate ranked second": no place, no investor rank
        part = _PART_OF.search(folded, max(left, figure.start - 60), figure.start)
        if part is not None and not any(part.start() <= a.start < right for a in sentence_actors):
            continue  # "…, of whom 250,000 are technical interns": a part with no party of its own
        if (company_owned and figure.rank is not None) or owned_by_company(article, (start, end), left,
                                                                            figure.start, mentions):
            company_owned = True  # "Korea's Samsung alone has invested $22 billion, making it the largest…"
            continue  # a company's figure, not a country's
        if previous is None and (figure.choice.league in ("carry", "figure")
                                 or figure.rank is not None and figure.rank.league):
            previous = memory.binding  # the list goes on from the sentence before: same host
        inherited = previous is not None and not out
        if rank_own and previous is not None:
            binding: Binding | None = previous  # the rank's party and host
        else:
            binding = bind_figure(folded, figure, left, right, sentence_actors, topic, previous, inherited,
                                  first_country, vocab)
        if binding is not None and figure.choice.inverted:
            binding = Binding(binding.target, binding.subject)  # Japan's deficit with Vietnam: Vietnam's surplus
        if binding is not None and figure.choice.league == "carry":
            binding = destination(binding, previous, previous_league if out else memory.binding_league)
        if binding is None or binding.subject is None or binding.target is None:
            continue
        previous = binding
        previous_league = bool(figure.choice.league or figure.rank is not None and figure.rank.league)
        own = _own_period(figure, periods, figures, index, folded, end)
        if own is None and figure.choice.league == "prior":
            continue  # "up from 53.2%" with no date of its own: nothing to tell it from the figure before
        if own is not None and figure.choice.league == "prior":
            periods = [p for p in periods if p is not own]  # "up from 53.2% in 2023": no later figure's date
        mention = own or _before(periods, figure.start)
        if own is None and mention is not None and spec.kind == "stock" and _told_as_now(folded, mention, figure):
            mention = None  # "In 2024, Nghe An sent …, adding that 9,000 people … are working in Japan": today's
        later = None if mention else _after(periods, figure.end)
        if later is not None and spec.kind == "stock" and later.kind == "span" \
                and _CLAUSE_CUT.search(folded, figure.end, later.start):
            later = None  # "nearly 100 partnerships, with three new pairs added in 2024": the date is the other's
        mention = mention or later
        stated = mention
        if mention is not None and mention.kind == "reference":
            # "during the period": the article's reporting period, else the months it counts ("in the 11 months")
            mention = memory.flow_period or (mention if mention.period.end else None)
        if mention is None and spec.kind == "stock":
            mention = _pronoun_period(folded, following, finder)
        if mention is None and memory.point is not None and memory.point[0] == metric:
            mention = memory.point[1]  # "…as of the end of October 2024." "Chinese came second with 408,805"
        elif mention is None and (figure.choice.league or figure.rank is not None):
            # "… $92.3 billion in 10,200 projects as of end-June. Singapore came second with $84.1 billion": a league
            # item (and its rank) of any stock that sentence dated, not only of its last
            dated = [metric] if figure.rank is None else [f.choice.metric for f in figures if f.choice.league == "carry"]
            mention = next((memory.points[m] for m in dated if m in memory.points), None)
        if mention is None and spec.kind == "stock" and memory.points and league_sentence:
            mention = next(iter(memory.points.values()))  # "… by December 20. Korea led … with 9,924 projects …"
        if mention is None and figure.choice.league == "list" and item[1] and vocab.metrics[item[1]].unit == spec.unit:
            mention, metric = item  # "…, followed by South Korea with $2.6 billion": as the item before
        if mention is None and memory.flow_period and (
                figure.choice.league in ("carry", "figure") and spec.unit == "USD"
                or figure.rank is not None and any(f.choice.league == "carry" for f in figures)):
            mention = memory.flow_period  # a league of the period's investors
        if mention is None and (continuation or spec.kind == "flow"):
            mention = memory.period if continuation else memory.flow_period
        if mention is None and spec.kind == "flow" and preceding is not None:
            mention = _span_of(preceding, finder)  # "FDI rose in the first nine months. Newly…"
        if mention is not None:
            last_period = mention
        ev_start, ev_end = _evidence(folded, figure, start, end, segments)
        if _as_flow(metric, stated, figure, folded, ev_start, ev_end, start) or (
                figure.choice.league and mention is not None and mention.kind in ("span", "ytd")):
            metric = AS_FLOW.get(metric, metric)
        kind = vocab.metrics[metric].kind
        if kind == "stock" and metric not in KEEPS_SPAN and stated is not None and stated.kind in ("span", "ytd") \
                and ev_start <= stated.start < ev_end and vocab.has("flow_verb", folded[ev_start:ev_end]):
            continue  # "16,000 workers went to Korea in the first half": a flow, not how many there are
        period = _period(kind, mention, context, memory, metric, days, periods)
        if kind == "flow" and period.start and period.start.endswith("-01") and mention and mention.kind == "span":
            memory.reporting = period
        if kind == "flow" and mention is not None and mention.kind in ("span", "ytd"):
            memory.flow_period = mention
        if figure.rank is None:
            item = (mention, metric)
        if kind == "stock" and mention is not None and mention.kind == "point":
            memory.point = (metric, mention)
            points[metric] = mention
        out.append(_record(article, figure, metric, binding, period, ev_start, ev_end))
    if points:  # the stocks the last sentence with a date stated: a league after them is as of that date
        memory.points = points
    if previous is not None:
        memory.binding, memory.binding_league = previous, previous_league
    memory.carry = _carry(memory.carry, out)
    if out:
        memory.league_of = next((r.rank_of for r in ranks if r.league and r.rank_of), None)
    if last_period is not None:
        memory.period = last_period
    return out


def _as_flow(metric: str, stated: PeriodMention | None, figure: Figure, folded: str, ev_start: int,
             ev_end: int, start: int) -> bool:
    """A stock stated for a span of time is the flow of that span ("submitted 139 projects … in the first half")."""
    if metric not in AS_FLOW or stated is None or stated.kind not in ("span", "ytd", "reference"):
        return False
    if _STOCK_WORDS.search(folded, start, max(figure.choice.reach, figure.end)):
        return False  # "valid projects", "accumulated capital"
    if _RUNNING_TOTAL.search(folded, max(start, figure.start - 100), figure.start):
        return False  # "…, lifting the province's total Korean investment to $6.8 billion": the stock after the flow
    return ev_start <= stated.start < ev_end or _own_clause(folded, figure, stated) or (
        stated.end <= figure.start and _WITH_ADJUNCT.fullmatch(folded, stated.end, figure.start) is not None)


def _bracketed_item(folded: str, figure: Figure, mentions: list[Mention]) -> bool:
    """A sum in brackets after a thing that is no place: a product's share ("seafood ($1.5 billion)")."""
    quantity = figure.quantity
    if quantity is None or not folded.endswith("(", 0, quantity.start) or not folded.startswith(")", quantity.end):
        return False
    bracket = quantity.start - 1
    return not any(m.end in (bracket, bracket - 1) for m in mentions)  # "Japan ($1.2 billion)" names its party


def _told_as_now(folded: str, mention: PeriodMention, figure: Figure) -> bool:
    """A stock in a clause of its own, told in the present, after a period of the sentence's earlier clause."""
    if not _CLAUSE_CUT.search(folded, mention.end, figure.start):
        return False
    reach = max(figure.end, figure.choice.reach)
    return _PRESENT_AFTER.match(folded, figure.end) is not None or _PRESENT_AFTER.match(folded, reach) is not None or \
        _NOW_BEFORE.search(folded, max(mention.end, figure.start - 30), figure.start) is not None


def _own_clause(folded: str, figure: Figure, mention: PeriodMention) -> bool:
    """No clause boundary between the figure and the period."""
    a, b = sorted((figure.end, mention.start))
    return _CLAUSE_END.search(folded, a, b) is None


def _carry(carry: Carry, found: list[Statistic]) -> Carry:
    """What the next league item without wording of its own measures."""
    count, money, percent = carry.count, carry.money, carry.percent
    for record in found:
        if record.unit in ("count", "persons") and record.metric not in ("event_attendance",):
            count = record.metric
        elif record.unit == "percent":
            percent = record.metric
        elif record.unit not in ("rank", "count", "persons"):
            money = "registered_capital" if record.metric in INVESTMENT_MONEY else record.metric
    return Carry(count, money, percent)


def _figures(folded: str, start: int, end: int, quantities: list[Quantity], ranks: list[RankHit],
             vocab: Vocabulary, carry: Carry) -> list[Figure]:
    figures: list[Figure] = []
    chosen: list[tuple[Quantity, str, int]] = []
    for quantity in quantities:
        if any(r.start <= quantity.start < r.end for r in ranks):
            continue
        choice = choose_metric(folded, start, end, quantity, chosen, vocab, carry)
        if choice is None or quantity.spelled and choice.metric not in SPELLED_METRICS:
            continue  # "two Japanese firms signed…": small counts in words are events, not statistics
        figures.append(Figure(quantity, None, choice))
        chosen.append((quantity, choice.metric, choice.reach))
    for rank in ranks:
        figures.append(Figure(None, rank, MetricChoice(rank.metric, rank.value, "rank", rank.end)))
    figures.sort(key=lambda f: f.start)
    return figures


def _window(folded: str, figures: list[Figure], index: int, start: int, end: int) -> tuple[int, int]:
    """The stretch around a figure whose places bind it: from the previous figure to the clause end."""
    figure = figures[index]
    before = figures[index - 1] if index > 0 else None
    if before is not None and before.rank is not None and before.rank.league:
        before = figures[index - 2] if index > 1 else None  # "Japan came second with $3.1 billion": the item's party
    left = before.choice.reach if before is not None else start
    left = min(left, figure.start)
    if index > 0:  # "… in Hanoi, while some 11,000 Vietnamese live in Fukuoka": a new clause, new places
        boundary = None
        for boundary in (_ITEM_END if figure.choice.league else _CLAUSE_CUT).finditer(folded, left, figure.start):
            pass
        left = boundary.end() if boundary else left
    right_limit = figures[index + 1].start if index + 1 < len(figures) else end
    reach = max(figure.choice.reach, figure.end)
    stop = (_ITEM_END if figure.choice.league else _CLAUSE_END).search(folded, reach, right_limit)
    right = stop.start() if stop else right_limit
    other = _NEXT_MEASURE.search(folded, reach, right) if " and " in folded[reach:right] else None
    return left, (other.start() if other else right)  # "… 1.80 trillion yen and imports from Vietnam …": not its


def _own_period(figure: Figure, periods: list[PeriodMention], figures: list[Figure], index: int,
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
            days: list[PeriodMention], periods: list[PeriodMention]) -> Period:
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
        # "as of December 20, … had attracted $7.2 billion this year": the year until that day
        as_of = next((p.period.end for p in periods if p.kind == "point" and (p.period.end or "").startswith(year)), None)
        period = reporting if reporting and reporting.start == f"{year}-01" else Period(f"{year}-01", as_of or period.end)
    if kind == "stock":
        return Period(period.start if mention.kind == "since" else None, period.end)
    return period


def _record(article: Article, figure: Figure, metric: str, binding: Binding, period: Period,
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


def _evidence(folded: str, figure: Figure, start: int, end: int,
              segments: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of the sentence that holds the figure; ``segments`` are the sentence's clause breaks."""
    seg_start, seg_end = start, end
    for cut_start, cut_end in segments:
        if cut_end <= figure.start:
            seg_start = cut_end
        elif cut_start >= figure.end and cut_start >= figure.choice.reach:
            seg_end = cut_start
            break
    while seg_end > seg_start and folded[seg_end - 1] in " .,;:\"'”":
        seg_end -= 1
    while seg_start < seg_end and folded[seg_start] in " ,;:\"'“-":
        seg_start += 1
    return seg_start, seg_end

