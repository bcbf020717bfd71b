"""Which metric a figure measures, from the words around it (``vocab/metrics.csv``).

- a count takes its metric from the noun after it: "5,681 active projects", "246 newly
  licensed projects", "32 Kanagawa enterprises", "14,000 Vietnamese people" (a nationality
  is required for people), "90 pairs of localities"; an event nearby turns firms into
  ``event_attendance``; "jobs for 3,700 local people" is ``jobs``;
- money takes the nearest cue before it in the sentence ("total registered capital of",
  "two-way trade … surpassed", "exports to Japan totalling"); "worth"/"valued at" only
  after a count of projects; hedged figures (targets, plans, commitments) and subsets
  ("these commodities", "main imports") are dropped;
- a percentage is growth ("up 2.9 per cent", "a rise of 1.7 percent") of the figure or cue
  before it (capital → ``capital_growth``, trade → ``trade_growth``), or a share named
  after it ("0.2 per cent of … overseas investment");
- a count with no noun after it takes the noun of its clause's subject ("Workers from
  Indonesia rose 39.5 percent to 169,539", "the number of foreign workers … hit 2.3
  million"); money takes a cue written right after it ("$650 million in newly registered
  foreign investment");
- a list goes on: a figure with no wording of its own right after another of its unit
  ("62.1 per cent of firms in Vietnam, 58 per cent in India") takes that figure's metric,
  and a league item ("Singapore led with $2.4 billion", "Chinese came second with
  408,805") the metric the article last counted in (``Carry``); such choices are marked
  ``league`` and need a place of their own;
- "up from 53.2% in 2023" after a figure is the same measure at an earlier date (``prior``,
  kept only with a date of its own); "more than 500 of them" is a part of the figure before;
  "In Thailand, the figure was 29.9%" takes the article's last measure (``figure``);
- a survey share named before its figure ("the share of companies … that plan to expand
  … stood at 56.2%") is a ``firms_*_share``; a trade "deficit" is a ``trade_surplus`` of
  the other party (``inverted``);
- survey samples ("4,982 companies surveyed"), counts that are no stock ("existing
  projects") and a single company's sums ("invested $4.5 million in its plant", "Kato Farm
  Co. has invested", "inaugurated its factory …, with total investment of") are not
  statistics.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .. import gazetteer
from ..text import blank
from .numbers import Quantity
from .stat_vocab import CURRENCY_END, FIGURE_LEAD, LEAGUE_JOINS, PART_LEADS, MetricSpec, Vocabulary

_CLAUSE_STOP = re.compile(r"[,;(]")
_PERCENT_FIGURE = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)")
_NO_ORIGIN_WORDS = re.compile(r"(?:local|more|other|such|these|those|the|some|many)(?:\s+\w+)?")
_OF_AFTER = re.compile(r"\s+of\b")
# a verb right after a share: "63.7% reported a profit" (not "51 per cent in Indonesia", "5% of", "10% and")
_VERB_AFTER_SHARE = re.compile(r"\s+(?!(?:in|of|for|at|among|from|with|and|or|to|on|per|percent|by|over|year)\b)[a-z]+\b")
_CLAUSE_PUNCT = re.compile(r"[,;.]")

_CUE_REACH = 170
# words that never stand between a count and its noun: the noun belongs to another phrase
_NOT_A_MODIFIER = re.compile(r"(?<![\w-])(?:for|to|with|at|from|by|work|works|worked|working|live|lives|lived|"
                             r"living)(?![\w-])")
# where one clause of a sentence ends and another, about something else, begins
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|as)\s|\s+(?:while|whereas)\s")
_NEW = re.compile(r"(?<![\w-])(?:new|newly)(?![\w-])")
# a sum for investment that goes to existing projects is capital added to them, not new capital
ADDED_TO_EXISTING = ("registered_capital", "new_registered_capital")
# "… an additional $500 million into 120 projects": the count names the projects the sum went to
_INTO_COUNT = re.compile(r"\s+(?:into|to|for|in)\s+(?:the\s+|its\s+|their\s+)?(?:(?:some|about|over|nearly|"
                         r"more than)\s+)?")
_INTO_PROJECTS = re.compile(_INTO_COUNT.pattern + r"(?:[\d,]+\s+)?")  # "… into (120) existing projects"


class MetricChoice(NamedTuple):
    """The metric of a figure, its value and unit, and how far its wording reaches."""

    metric: str
    value: int | float  # a rank is an int; not float, which compiled code (mypyc) would store as 1.0
    unit: str
    reach: int  # folded offset where the figure's wording (noun phrase, share phrase) ends
    league: str = ""  # "list": the metric of the figure before; "carry": of the article's last count;
    # "prior": the figure before's measure at an earlier date; "figure": "the figure was …" (the last measure)
    inverted: bool = False  # the parties are swapped: "a trade deficit of $1 billion with Vietnam"


@dataclass(frozen=True)
class Carry:
    """Metrics the article last counted in, for league items with no wording of their own."""

    count: str | None = None  # last metric of a count or persons figure
    money: str | None = None  # last metric of a money figure
    percent: str | None = None  # last metric of a percentage


_LIST_GAP = re.compile(
    r"[\s,;]*(?:(?:in|for|at|among|from)\s+[^,;\d()]{1,30}?[\s,]*)?(?:(?:and|while|with|followed by|ahead of|"
    r"compared with|versus|against|then|or)\s+)?(?:[^,;\d()]{1,30}?\s+(?:with|at|on|of)\s+)?(?:\w+\s+){0,2}?"
)
# people nouns that count without a nationality before them; the sentence must name it (``subjects.refine``)
_BARE_PEOPLE = ("workers", "technical interns", "technical intern trainees", "interns", "trainees", "guest workers",
                "nationals", "citizens", "expatriates", "expats")
_PART_GAP = re.compile(r"[^;]{0,40}?[\s,]*(?:" + PART_LEADS + r"|of this|including)\s+"
                       r"(?:[a-z]+\s+){0,4}?")  # "4,000 FDI projects, of which about 800 are from South Korea"
_THE_FIGURE = re.compile(r"(?<![\w-])the\s+(?:figure|rate|share|ratio|proportion|percentage|number|tally)\s+"
                         r"(?:was|is|stood at|stands at|came in at|reached|hit)\s+(?:[a-z]+\s+){0,2}$")
_SHARE_OF = re.compile(r"(?<![\w-])(?:the\s+)?(?:share|proportion|percentage|ratio|number)\s+of\s+(?P<words>[^;]{0,140}?)\s+"
                       r"(?:stood at|stands at|was|is|were|reached|hit|rose to|fell to|climbed to|dropped to|"
                       r"came in at)\s+(?:[a-z]+\s+){0,2}$")
_FIRM_WORDS = re.compile(r"(?<![\w-])(?:companies|firms|enterprises|businesses|respondents)(?![\w-])")
_PRIOR_GAP = re.compile(r"[\s,;]*(?:up|down|rising|falling|increasing|decreasing|climbing|declining)\s+from\s+")
_PART_AFTER = re.compile(r"\s+of\s+(?:them|these|those|whom)(?![\w-])")
_AID_BEFORE = re.compile(r"(?<![\w-])oda\b[^,;]*$")  # "Japanese ODA has supported 100 projects": aid, not investment
_LEAGUE_BEFORE = re.compile(r"(?<![\w-])" + LEAGUE_JOINS + r"\s+" + FIGURE_LEAD + "$")
_BARE_AFTER = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|while|followed|or|as of|at the|up|down|compared|against|"
                         r"in\s+(?:19|20)\d\d|last|this|people|persons|nationals|residents|workers)\b)")
# the investment of a party or of all foreign investors, as the subject of a clause: "Japanese FDI into Thailand"
_FDI_NOUN = (
    r"(?:^|[^\w-])(?:total\s+)?(?:(?P<lead>realised|realized|disbursed|implemented|actual)\s+)?"
    r"(?:foreign direct investment|fdi|foreign investment|"
    r"[\w-]+'s\s+(?:(?:outstanding|cumulative|accumulated)\s+)?(?:(?:foreign\s+)?direct\s+)?investments?|"
    r"(?:<DEMONYMS>)\s+(?:(?:outstanding|cumulative|accumulated)\s+)?(?:(?:foreign\s+)?direct\s+)?investments?)"
    r"(?:\s+(?:pledges|inflows?|applications|flows|pledged|attracted))?(?:\s+\([^()]{1,10}\))?"
    r"(?:\s+(?:in|into|to|from|inflows?\s+(?:in|into|to|from))\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,5})?"
    # the period may stand before the verb: "Japanese FDI into Vietnam in the first seven months of 2023 fell …"
    r"(?:,?\s+(?:in|during|over|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:months?|quarters?|half|year|period|(?:19|20)\d\d)"
    r"(?:\s+of\s+(?:the\s+year|this\s+year|(?:19|20)\d\d))?,?)?")
# one sector's part of the investment, the sum following in the same clause: "Korean investment in Vietnam's
# manufacturing sector totalled $4.1 billion" is no total of Korea's
_SECTOR_SHARE = re.compile(r"(?<![\w-])(?:investments?|fdi|capital)\s+(?:in|into)\s+(?:[\w'’-]+\s+){0,4}?"
                           r"(?:sector|sectors|industry|industries|field|fields|segment)(?![\w-])[^,;]*$")
# FDI "pledged" to a country is what investors registered, as Vietnamese reports use the word: no hedge
_PLEDGED_FDI = re.compile(r"(?<![\w-])(?:(?:fdi|investment|investments|capital)\s+pledged|pledged\s+(?:fdi|(?:foreign\s+)?"
                          r"(?:direct\s+)?investment|capital))(?![\w-])")
_CHANGE_VERB = (r"(?:rose|fell|climbed|surged|jumped|dropped|grew|increased|decreased|declined|plunged|plummeted|"
                r"soared|slipped|edged up|edged down)")
_FDI_SUBJECT = (
    _FDI_NOUN + r"\s+(?:totalled|totaled|reached|hit|amounted to|stood at|was|surpassed|exceeded|topped|passed|"
    r"(?:remains|remained|stays|stayed)\s+(?:[a-z]+\s*,?\s+)?at|"  # "remains modest, at"
    + _CHANGE_VERB + r"(?:\s+(?:by\s+)?\d[\d.,]*\s?(?:%|per\s?cent|percent))?(?:\s+year[- ]on[- ]year)?\s+to)\s+"
    r"(?:a\s+record(?:\s+high\s+of)?\s+|an\s+all-time\s+high\s+of\s+)?" + FIGURE_LEAD + "$")
# "Vietnamese made up the largest group of foreign workers in Japan at": the people counted are named before
_GROUP_OF = re.compile(
    r"(?<![\w-])(?:made up|make up|makes up|making up|formed|form|forms|were|was|are|is|remained|remain|remains|became|"
    r"constituted|constitute|hosted|hosts|had|has|was home to|is home to)\s+the\s+(?:[\w-]+\s+|\w+-)?(?:largest|biggest)\s+"
    r"(?:foreign\s+|overseas\s+|expatriate\s+|[a-z]+\s+)?"  # "the largest Vietnamese community"
    r"(?P<group>group|contingent|community|nationality)(?:\s+(?:of|among)\s+(?P<noun>[^,;\d]{1,60}?))?"
    r"(?:\s+in\s+(?:the\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,2}?)?\s*,?\s+(?:at|with|numbering|totalling|totaling)\s+"
    + FIGURE_LEAD + "$")
# a party's part of the total the article last stated: "… accounted for $4.2 billion of the total"
_PART_OF_TOTAL_BEFORE = re.compile(r"(?<![\w-])(?:accounted for|accounting for|accounts for|account for|made up|"
                                   r"making up|makes up|contributed|contributing|represented|representing)\s+"
                                   + FIGURE_LEAD + "$")
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|this|that)\s+(?:total|amount|sum|figure)(?![\w-])")
# the word right after a percentage, which may name its change: "a 2.9 per cent rise", "a 12% year-on-year drop"
_WORD_AFTER_PERCENT = re.compile(r"\s+(?:(?:year-on-year|on-year|y-o-y|yoy|annual)\s+)?([a-z]+)(?![\w-])")
# people counted by where they come from, named after them: "9,000 people from Nghe An"
_FROM_AFTER = re.compile(r"\s+from\s+(?:the\s+)?[a-z]")
# what the people counted do: "… are working in Japan", "… work for Japanese firms"
_WORKING_AFTER = re.compile(r"[^,;.]{0,40}?(?<![\w-])(?:working|employed|work|works|worked)\s+(?:in|at|for|as)\b")
_LIVING_AFTER = re.compile(r"[^,;.]{0,40}?(?<![\w-])(?:live|lives|living|lived|reside|resides|residing)(?![\w-])")
# the verbs that bring a subject to its figure: "… rose to", "… numbered", "… stood at"
_REACH_VERBS = (r"(?:rose|risen|increased|grew|grown|climbed|jumped|surged|swelled|reached|hit|totalled|totaled|"
                r"numbered|number|numbers|totals|stood at|amounted to|amount to|amounts to|"
                r"came to|topped|exceeded|surpassed|fell|dropped|declined|decreased|was|were|is|are|stands at|stood)")
# the parts a total is made of, set off by commas before its verb: the parts name no metric of the total
_INCLUDING_ASIDE = re.compile(r",\s+(?:including|comprising|consisting\s+of)\s+[^;]*?,(?=\s+" + _REACH_VERBS
                              + r"(?![\w-]))")
# a percentage that measures the number of projects: "up 17.8 percent in the number of projects"
_COUNT_CHANGE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:number|numbers)\s+of\s+(?:new\s+)?projects|project\s+numbers?|"
                                 r"terms\s+of\s+(?:the\s+)?(?:number\s+of\s+)?projects)")
# a nationality right after a count, used as a noun: "600,000 Vietnamese, …", "8,000 Japanese living in …"
_DEMONYM_NOUN = re.compile(r"\s+([a-z]+(?:\s+[a-z]+)?)(?=\s*[,.;]|\s+(?:live|lives|living|reside|residing|who|are|were|in)\b)")
_TO_SUM = re.compile(r"\s+(?:year[- ]on[- ]year\s+|on[- ]year\s+)?to\s")  # the change leads to the sum stated
# the same subject with its change before the percentage: "Japanese FDI into Thailand fell 30 percent to …"
_FDI_CHANGE = _FDI_NOUN + r"\s+" + _CHANGE_VERB + r"(?:\s+by)?\s+" + FIGURE_LEAD + "$"
_FDI_REGIONS = ("european", "hong kong")  # investors named by a region or a territory's name, not a demonym


@lru_cache(maxsize=1)
def _fdi_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``_FDI_SUBJECT`` and ``_FDI_CHANGE`` compiled with every country demonym of the bundled gazetteer
    ("Swedish investment fell …" as well as "Japanese …"): demonyms are facts of English, not of a corpus."""
    alternation = "|".join(re.escape(d) for d in sorted(_demonyms() | set(_FDI_REGIONS), key=lambda d: (-len(d), d)))
    return (re.compile(_FDI_SUBJECT.replace("<DEMONYMS>", alternation)),
            re.compile(_FDI_CHANGE.replace("<DEMONYMS>", alternation)))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Every country demonym of the bundled gazetteer, folded ("japanese", "south korean")."""
    return gazetteer.default().demonyms("country")


# a sum of an investor named by its rank: "the largest foreign investor in Vietnam with $87 billion"
_RANKED_INVESTOR_WITH = re.compile(
    r"(?<!\w)(?:largest|biggest|top|leading|no\.?\s?\d{1,2})\s+(?:foreign\s+)?(?:investor|source\s+of\s+(?:foreign\s+)?"
    r"(?:direct\s+)?(?:investment|fdi))(?:\s+[^,;]{0,40}?)?,?\s+with\s+(?:a\s+combined\s+)?" + FIGURE_LEAD
    + r"(?:us\$|\$|usd\s?|¥|₩)?$")
_BRACKET = re.compile(r"\s*\([^()]{0,45}\)")
_AFTER_CUE = re.compile(r"\s+(?:in|of|worth of|as)\s+(?:the\s+)?([a-z-]+\s+)?")
_REACH_VERB = re.compile(r"(?<![\w-])" + _REACH_VERBS + r"(?![\w-])")
_FEW_WORDS = re.compile(r"\s+(?:\w+\s+){0,2}")
_FEW_WORDS_4 = re.compile(r"(?:[\w'-]+\s+){0,4}")
_FROM_START = re.compile(r"\s+from\s")
_NUMBER_OF = re.compile(r"(?:the\s+)?(?:total\s+)?number\s+of\s+(?=(?:[\w'-]+\s+){0,4}$)")


def choose_metric(folded: str, start: int, end: int, quantity: Quantity, earlier: list[tuple[Quantity, str, int]],
                  vocab: Vocabulary, carry: Carry = Carry()) -> MetricChoice | None:
    """The metric of ``quantity`` in the sentence ``folded[start:end]``, or None.

    ``earlier`` holds the sentence's figures before it: (quantity, metric, reach of its wording).
    """
    percent: MetricChoice | None = None
    if quantity.unit == "percent":
        share = _share_before(folded, start, quantity, vocab)
        if share is not None:
            return share  # "the share of companies … that plan to expand … stood at 56.2%"
        percent = _percent_metric(folded, start, end, quantity, earlier, vocab)
        if percent is not None and _survey_share(percent.metric, vocab):
            return percent  # "60% plan to expand": the plan is what the survey measures, no hedge
    if _hedged(folded, start, end, quantity, earlier, vocab):
        return None
    if quantity.unit == "count":
        if earlier and earlier[-1][1] == "additional_capital" \
                and _INTO_COUNT.fullmatch(folded, earlier[-1][0].end, quantity.start):
            return None  # the projects the added capital went to: no stock of projects
        choice = _count_metric(folded, start, end, quantity, vocab)
        if choice is not None and choice.metric == "jobs" and (_single_project(folded, end, quantity, vocab)
                                                               or _one_unit_before(folded, start, quantity, vocab)):
            return None  # "employs 2,000 workers at its plant", "the plant will create 2,000 jobs": one company's
    elif quantity.unit == "percent":
        choice = percent
    else:
        if _single_project(folded, end, quantity, vocab) or _one_company_before(folded, start, quantity, vocab):
            return None
        choice = _money_metric(folded, start, quantity, earlier, vocab)
    if choice is None:
        choice = _list_item(folded, start, quantity, earlier, vocab, carry)
    return choice


def _share_before(folded: str, start: int, quantity: Quantity, vocab: Vocabulary) -> MetricChoice | None:
    """A survey share named before the figure: "the share of companies in Vietnam that plan to expand
    … stood at 56.2%" (the named plan is what is measured, not a hedge)."""
    share = _SHARE_OF.search(folded, max(start, quantity.start - 200), quantity.start)
    if share is None or _FIRM_WORDS.search(share.group("words")) is None:
        return None
    for spec in vocab.metrics.values():
        if _survey_share(spec.metric, vocab) and any(w in share.group("words") for w in spec.after):
            return MetricChoice(spec.metric, quantity.value, "percent", quantity.end)
    return None


def _share_named_after(quantity: Quantity, stretches: tuple[str, ...], reach: int, vocab: Vocabulary) -> MetricChoice | None:
    """The percent metric whose words come first after the figure, in the first stretch holding any."""
    for words in stretches:
        found = [(words.find(w), spec.metric) for spec in vocab.metrics.values() if spec.unit == "percent"
                 for w in spec.after if w in words]
        if found:
            return MetricChoice(min(found)[1], quantity.value, "percent", quantity.end + reach)
    return None


def _survey_share(metric: str, vocab: Vocabulary) -> bool:
    """A share of surveyed firms, named by words after its figure ("59.5% of firms … reported a profit")."""
    spec = vocab.metrics[metric]
    return spec.unit == "percent" and bool(spec.after)


def _hedged(folded: str, start: int, end: int, quantity: Quantity, earlier: list[tuple[Quantity, str, int]],
            vocab: Vocabulary) -> bool:
    """A target, plan or forecast: hedge words before the figure (after any earlier figure's own wording) or
    just after it, within the sentence."""
    # the wording of an earlier figure is its own ("59.1% of firms forecast a profit, up from 53.2%")
    floor = max([start] + [max(q.end, r) if r <= quantity.start else q.end for q, _, r in earlier
                           if q.end <= quantity.start])
    left = _PLEDGED_FDI.sub(blank, folded[max(floor, quantity.start - 90):quantity.start])
    right = folded[quantity.end:min(end, quantity.end + 30)]
    right = right.split(",")[0]
    return vocab.has("hedge", left) or vocab.has("hedge", right)


def _single_project(folded: str, end: int, quantity: Quantity, vocab: Vocabulary) -> bool:
    """A sum spent on one plant or by one company ("invested $4.5 million in its plant")."""
    right = folded[quantity.end:min(end, quantity.end + 45)]
    right = _CLAUSE_STOP.split(right, 1)[0]
    return vocab.has("single_project", right)


def _one_company_before(folded: str, start: int, quantity: Quantity, vocab: Vocabulary) -> bool:
    """A sum stated by or for one company: "Kato Farm Co. has invested $4.5 million", "inaugurated its
    factory …, with total investment of $45 million"."""
    left = folded[start:quantity.start]
    return vocab.has("company_mark", left) or vocab.has("one_project", left)


def _ties_in_clause(folded: str, start: int, end: int, quantity: Quantity, vocab: Vocabulary) -> bool:
    """The clause of the figure speaks of ties ("… have established ties", "cooperative relationships with")."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(folded, start, quantity.start)]
    after = _CLAUSE_BREAK.search(folded, quantity.end, end)
    return vocab.has("ties", folded[breaks[-1] if breaks else start:after.start() if after else end])


def _one_unit_before(folded: str, start: int, quantity: Quantity, vocab: Vocabulary) -> bool:
    """The clause before the figure is about one project or company ("The Japanese-invested project has
    created 1,200 jobs"), not many ("Japanese FDI projects have created 3,700 jobs")."""
    clause = max(start, folded.rfind(",", start, quantity.start) + 1, folded.rfind(";", start, quantity.start) + 1)
    left = folded[clause:quantity.start]
    one = [m.end() for m in vocab.patterns["one_unit"].finditer(left)]
    many = [m.end() for m in vocab.patterns["many_units"].finditer(left)]
    return bool(one) and (not many or one[-1] > many[-1])


def _list_item(folded: str, start: int, quantity: Quantity, earlier: list[tuple[Quantity, str, int]],
               vocab: Vocabulary, carry: Carry) -> MetricChoice | None:
    """A figure that goes on a list: the metric of the figure before it, or of the article's last count."""
    same = [(q, m, r) for q, m, r in earlier if _family(q.unit) == _family(quantity.unit) and q.end <= quantity.start]
    # "… 4,200 projects. Japanese investors run 450 of them": the count before is the sentence before's, but
    # "features 95 exhibitors, 60 of them from Vietnam" counts a part of a figure of its own sentence
    from_before = quantity.unit == "count" and carry.count is not None \
        and not any(c.isdigit() for c in folded[start:quantity.start])
    part = _PART_AFTER.match(folded, quantity.end) if same or from_before else None
    if part is not None:  # "6,000 Japanese companies …, and more than 500 of them come from Aichi"
        metric = same[-1][1] if same else carry.count
        assert metric is not None
        spec = vocab.metrics[metric]
        return MetricChoice(metric, quantity.value, quantity.unit if spec.unit == "USD" else spec.unit, part.end(),
                            league="list" if same else "figure")  # "… 4,200 projects. Japanese investors run 450 of them"
    if same:
        q, metric, reach = same[-1]
        gap = folded[max(q.end, reach):quantity.start]
        if _PRIOR_GAP.fullmatch(gap):  # "59.1% of firms …, up from 53.2% in 2023": the same measure before
            spec = vocab.metrics[metric]
            return MetricChoice(metric, quantity.value, quantity.unit if spec.unit == "USD" else spec.unit,
                                quantity.end, league="prior")
        if (_LIST_GAP.fullmatch(gap) or _PART_GAP.fullmatch(gap)) and not (
                quantity.unit == "count" and vocab.has("not_counted", _CLAUSE_STOP.split(
                    folded[quantity.end:quantity.end + 40], 1)[0])):  # "… and 50,000 Vietnamese students"
            spec = vocab.metrics[metric]
            unit = quantity.unit if spec.unit == "USD" else spec.unit
            return MetricChoice(metric, quantity.value, unit, quantity.end, league="list")
    left = folded[max(start, quantity.start - 40):quantity.start]
    left = CURRENCY_END.sub("", left)
    carried = carry.percent if quantity.unit == "percent" else carry.count if quantity.unit == "count" else carry.money
    if carried is not None and quantity.unit != "percent" and _PART_OF_TOTAL_BEFORE.search(left) \
            and (_OF_THE_TOTAL.match(folded, quantity.end) or _BARE_AFTER.match(folded, quantity.end)):
        # "Japanese investors accounted for $4.2 billion of the total", "Japan accounted for $9 billion, followed by …"
        spec = vocab.metrics[carried]
        return MetricChoice(carried, quantity.value, quantity.unit if spec.unit == "USD" else spec.unit, quantity.end,
                            league="figure")
    if carried is not None and _THE_FIGURE.search(left):  # "In Thailand, the figure was 29.9%"
        spec = vocab.metrics[carried]
        return MetricChoice(carried, quantity.value, quantity.unit if spec.unit == "USD" else spec.unit, quantity.end,
                            league="figure")
    if same and quantity.unit == "count" and vocab.metrics[same[-1][1]].unit == "persons" \
            and _GROUP_OF.search(folded, max(start, quantity.start - 160), quantity.start):
        return MetricChoice(same[-1][1], quantity.value, "persons", quantity.end, league="list")  # "… largest group at"
    if quantity.unit == "percent" or vocab.has("subset", folded[start:quantity.start]):
        return None
    if not _LEAGUE_BEFORE.search(left) or not _BARE_AFTER.match(folded, quantity.end):
        return None
    carry_metric = carry.count if quantity.unit == "count" else carry.money
    if carry_metric is None and same:  # "attracted $7.2 billion in FDI, with Japan contributing $1.1 billion"
        carry_metric = same[-1][1]
    if carry_metric is None:
        return None
    spec = vocab.metrics[carry_metric]
    unit = quantity.unit if spec.unit == "USD" else spec.unit
    return MetricChoice(carry_metric, quantity.value, unit, quantity.end, league="carry")


def _family(unit: str) -> str:
    return unit if unit in ("count", "percent") else "money"


def _count_metric(folded: str, start: int, end: int, quantity: Quantity, vocab: Vocabulary) -> MetricChoice | None:
    after = folded[quantity.end:min(end, quantity.end + 90)]
    if after.startswith("-member"):
        return None  # "a 320-member business delegation": people of a delegation, no count of firms
    if quantity.strong:
        after = after[len("-strong"):] if after.startswith("-strong") else after
    left = folded[max(start, quantity.start - 30):quantity.start]
    if "oda" in left and _AID_BEFORE.search(left):
        return None  # "Japanese ODA has supported more than 100 projects": aid, no investment projects
    if vocab.has("sample", left):
        return None
    for spec, cue_pattern in vocab.count_cues:  # a cue right before the count: "jobs for more than 3,700 …"
        cues = list(cue_pattern.finditer(left))
        if cues and _FEW_WORDS.fullmatch(left, cues[-1].end()):
            return MetricChoice(spec.metric, quantity.value, spec.unit, quantity.end)
    best: tuple[float, MetricSpec, int] | None = None
    for spec, noun, pattern in vocab.count_nouns_in(after):
        m = pattern.match(after)
        if m is None:
            continue
        modifiers = m.group(1)
        if _NOT_A_MODIFIER.search(modifiers):
            continue  # "60,000 work for Japanese firms": a clause, not words describing the noun
        if vocab.has("not_counted", modifiers) or vocab.has("sample", after[m.end():m.end() + 25]):
            return None
        if spec.modifier_pattern is not None and spec.modifier_pattern.search(modifiers) is None:
            continue
        if spec.context == "origin" and not _has_origin(modifiers, folded, quantity, vocab) and not (
                not modifiers.strip() and noun in _BARE_PEOPLE) and not _FROM_AFTER.match(after, m.end()):
            continue  # "14,000 people" says nothing of where they come from; "570,708 workers", "people from X" may
        if spec.context == "event" and not _near_event(folded, start, end, quantity, vocab):
            continue
        if spec.context == "ties" and not _ties_in_clause(folded, start, end, quantity, vocab):
            continue  # "stores in 20 Vietnamese localities": localities, but no ties between them
        if spec.kind == "stock" and not spec.modifiers and _NEW.search(modifiers):
            continue  # "three new pairs of localities": what was added, not what there is
        score: float = (2.0 if spec.modifiers else 0.0) + (3.0 if spec.context == "event" else 0.0)
        score += len(noun.split()) - len(modifiers.split()) / 10  # on a tie the nearer noun heads the phrase
        if best is None or score > best[0]:
            best = (score, spec, quantity.end + m.end())
    if best is None:
        return _group_of(folded, start, quantity, vocab) or _noun_before(folded, start, end, quantity, vocab) \
            or _demonym_people(folded, start, quantity, vocab)
    _, spec, reach = best
    if spec.metric == "diaspora" and "workers" in vocab.metrics and _WORKING_AFTER.match(folded, reach) \
            and not _LIVING_AFTER.match(folded, quantity.end):  # "… live and work in Gunma", "are living and working": residents
        spec = vocab.metrics["workers"]  # "9,000 Vietnamese people are working in Japan": workers, not residents
    return MetricChoice(spec.metric, quantity.value, spec.unit, reach)


def _demonym_people(folded: str, start: int, quantity: Quantity, vocab: Vocabulary) -> MetricChoice | None:
    """People counted by a nationality used as a noun: "home to more than 600,000 Vietnamese, the …" (the first
    figure of its sentence: "…, of whom 209,000 were Indonesian and 86,000 Vietnamese" is a list of parts)."""
    if any(c.isdigit() for c in folded[start:quantity.start]):
        return None
    word = _DEMONYM_NOUN.match(folded, quantity.end)
    if word is None or word.group(1) not in _demonyms() or "diaspora" not in vocab.metrics \
            or not word.group(1).endswith(("ese", "s")):
        return None  # a noun for people in the plural ("Vietnamese", "South Koreans"), not "86,000 Indonesian"
    working = _WORKING_AFTER.match(folded, word.end(1)) and not _LIVING_AFTER.match(folded, word.end(1))
    return MetricChoice("workers" if working else "diaspora", quantity.value, "persons", word.end(1))


def _group_of(folded: str, start: int, quantity: Quantity, vocab: Vocabulary) -> MetricChoice | None:
    """A count of the largest group of people: "Vietnamese made up the largest group of foreign workers in
    Japan at 570,708" (``workers``), "… remained the biggest community of foreign residents, with 600,000"."""
    group = _GROUP_OF.search(folded, max(start, quantity.start - 160), quantity.start)
    if group is None:
        return None
    phrase = group.group("noun")
    if not phrase and group.group("group") == "community" and "diaspora" in vocab.metrics:
        return MetricChoice("diaspora", quantity.value, "persons", quantity.end)  # "… the largest foreign community in"
    if not phrase:
        return None  # "… making up the largest group at 570,708": the people of the figure before (``_list_item``)
    best: tuple[int, MetricSpec] | None = None
    for spec in vocab.count_specs:
        if spec.unit != "persons":
            continue
        for noun, word in spec.noun_words:
            if noun in phrase and word.search(phrase) and (best is None or len(noun) > best[0]):
                best = (len(noun), spec)
    return MetricChoice(best[1].metric, quantity.value, best[1].unit, quantity.end) if best else None


def _noun_before(folded: str, start: int, end: int, quantity: Quantity, vocab: Vocabulary) -> MetricChoice | None:
    """The metric of a bare count from its clause's subject: "Workers from Indonesia rose … to 169,539"."""
    clause = max(start, folded.rfind(",", start, quantity.start) + 1, folded.rfind(";", start, quantity.start) + 1)
    left = folded[clause:quantity.start]
    if not left or not _only_percent_digits(left):
        return None
    best: tuple[int, MetricSpec] | None = None
    for spec in vocab.count_specs:
        if spec.context == "event" or spec.context == "ties" and not _ties_in_clause(folded, start, end, quantity,
                                                                                     vocab):
            continue
        for noun, word in spec.noun_words:
            if noun not in left:
                continue
            for m in word.finditer(left):
                between = left[m.end():]
                if not _REACH_VERB.search(between) or len(between) > 110:
                    continue
                head = left[:m.start()].lstrip()  # (a clause after a comma starts with a space)
                number_of = _NUMBER_OF.search(head)  # "the number of foreign workers in Japan hit…"
                if number_of is None and not _FEW_WORDS_4.fullmatch(head):
                    continue  # the noun is not the clause's subject
                words = head[number_of.end():] if number_of else head
                if vocab.has("not_counted", words) or vocab.has("event", between):
                    continue
                if spec.modifier_pattern is not None and spec.modifier_pattern.search(words) is None:
                    continue
                if spec.context == "origin" and not (_has_origin(words, folded, quantity, vocab)
                                                     or _FROM_START.match(between)
                                                     or not words.strip() and noun in _BARE_PEOPLE):
                    continue  # "Technical intern trainees in Japan totalled 456,000": all nationalities
                score = (2 if spec.modifiers else 0) + len(noun.split())
                if best is None or score > best[0]:
                    best = (score, spec)
    if best is None:
        return None
    return MetricChoice(best[1].metric, quantity.value, best[1].unit, quantity.end)


_DIGIT_BEFORE = re.compile(r"\d")


def _only_percent_digits(text: str) -> bool:
    """Digits in ``text`` belong only to percentages ("rose 39.5 percent to")."""
    stripped = _PERCENT_FIGURE.sub("", text)
    return _DIGIT_BEFORE.search(stripped) is None

def _has_origin(modifiers: str, folded: str, quantity: Quantity, vocab: Vocabulary) -> bool:
    """A nationality or place modifies the noun ("14,000 Vietnamese people")."""
    words = modifiers.strip()
    if not words:
        return False
    last = words.split()
    return not _NO_ORIGIN_WORDS.fullmatch(words) or last[-1] in _demonyms() or " ".join(last[-2:]) in _demonyms()




def _near_event(folded: str, start: int, end: int, quantity: Quantity, vocab: Vocabulary) -> bool:
    left = folded[max(start, quantity.start - 60):quantity.start]
    right = folded[quantity.end:min(end, quantity.end + 60)]
    if vocab.has("event", left) or vocab.has("event", right):
        return True
    verb = vocab.has("event_verb", left) or vocab.has("event_verb", right)  # "the forum in Hue drew 80 businesses"
    return verb and vocab.has("event_noun", folded[start:end])


def _money_metric(folded: str, start: int, quantity: Quantity, earlier: list[tuple[Quantity, str, int]],
                  vocab: Vocabulary) -> MetricChoice | None:
    floor = max(start, quantity.start - _CUE_REACH)
    left = folded[floor:quantity.start]
    if vocab.has("subset", folded[start:quantity.start]) or _SECTOR_SHARE.search(folded, start, quantity.start):
        return None
    if "includ" in left or "compris" in left:  # "FDI registered, including new, adjusted and capital contributions,"
        left = _INCLUDING_ASIDE.sub(blank, left)
    after = _cue_after(folded, quantity, vocab)
    metric, reach = after if after else (None, quantity.end)
    metric = metric or _nearest_cue(left, vocab, weak_floor=_projects_before(folded, quantity, earlier))
    fdi = _fdi_patterns()[0].search(left) if metric is None else None
    if fdi is not None:  # "Foreign direct investment in Vietnam totalled $21.5 billion"
        metric = "disbursed_capital" if fdi.group("lead") else "registered_capital"  # "Realised Japanese investment…"
    if metric is None and _RANKED_INVESTOR_WITH.search(left):
        metric = "registered_capital"  # "Japan was Indonesia's second-largest investor in 2024 with $4.7 billion"
    if metric is None:
        return None
    if metric == "registered_capital" and earlier and earlier[-1][1] == "new_projects" \
            and _projects_before(folded, quantity, earlier):
        metric = "new_registered_capital"  # "1,472 new projects … with registered capital of $7.29 billion"
    if metric in ADDED_TO_EXISTING and "additional_capital" in vocab.metrics \
            and _into_existing_projects(folded, quantity, vocab):
        metric = "additional_capital"  # "poured an additional $500 million into 120 projects already operating"
    spec = vocab.metrics[metric]
    if spec.unit != "USD":
        return None
    inverted = _deficit(metric, left, vocab) or bool(after) and _deficit(metric, folded[quantity.end:reach], vocab)
    return MetricChoice(metric, quantity.value, quantity.unit, reach, inverted=inverted)


def _into_existing_projects(folded: str, quantity: Quantity, vocab: Vocabulary) -> bool:
    """The sum goes to projects already licensed: "… into 120 existing projects", "… for operating projects"."""
    lead = _INTO_PROJECTS.match(folded, quantity.end)
    return lead is not None and vocab.patterns["existing_projects"].match(folded, lead.end()) is not None


def _deficit(metric: str, left: str, vocab: Vocabulary) -> bool:
    """The trade balance is stated as a deficit (the last balance word before the sum says so)."""
    if metric != "trade_surplus":
        return False
    deficits = vocab.find("deficit", left)
    return bool(deficits) and deficits[-1].end() > left.rfind("surplus")


def _cue_after(folded: str, quantity: Quantity, vocab: Vocabulary) -> tuple[str, int] | None:
    """A cue written right after the sum ("$650 million in newly registered foreign investment") and its end.

    A trade balance may follow the sum as its noun: "a $30 billion trade deficit with China"."""
    position = quantity.end
    balance = vocab.money_pattern.match(folded, position + 1) if folded[position:position + 1] == " " else None
    if balance is not None and vocab.money_cues[balance.group()] == "trade_surplus":
        return "trade_surplus", balance.end()
    bracket = _BRACKET.match(folded, position, position + 50)  # "VND25.6 trillion (US$1 billion) in FDI"
    lead = _AFTER_CUE.match(folded, bracket.end() if bracket else position, position + 90)
    if lead is None:
        return None
    for position in ((lead.start(1),) if lead.group(1) else ()) + (lead.end(),):  # one word may stand before it
        cue = vocab.money_pattern.match(folded, position)
        if cue is not None:
            return vocab.money_cues[cue.group()], cue.end()
        after = vocab.patterns["after_cue"].match(folded, position)
        if after is not None:
            return vocab.after_cues[after.group()], after.end()
    return None


def _projects_before(folded: str, quantity: Quantity, earlier: list[tuple[Quantity, str, int]]) -> bool:
    """A count of projects stands just before ("54 projects worth…")."""
    if not earlier:
        return False
    q, metric, _ = earlier[-1]
    return metric in ("active_projects", "new_projects") and quantity.start - q.end < 60


def _nearest_cue(left: str, vocab: Vocabulary, weak_floor: bool) -> str | None:
    """The money metric whose cue ends closest to the figure."""
    best: tuple[int, int, str] | None = None
    tables = ((vocab.money_pattern, vocab.money_cues),) + (
        ((vocab.weak_money_pattern, vocab.weak_money_cues),) if weak_floor else ())
    for pattern, table in tables:
        for m in pattern.finditer(left):
            key = (m.end(), len(m.group()))
            if best is None or key > best[:2]:
                best = (m.end(), len(m.group()), table[m.group()])
    return best[2] if best else None


def _percent_metric(folded: str, start: int, end: int, quantity: Quantity, earlier: list[tuple[Quantity, str, int]],
                    vocab: Vocabulary) -> MetricChoice | None:
    after = folded[quantity.end:min(end, quantity.end + 160)]
    own = after[:_clause_length(after)]  # "56.2% of firms plan to expand, while 63.7% reported a profit"
    if _OF_AFTER.match(after):
        return _share_named_after(quantity, (own, after), _clause_length(after), vocab)
    if _VERB_AFTER_SHARE.match(after) and any(_survey_share(metric, vocab) for _, metric, _ in earlier):
        share = _share_named_after(quantity, (own,), _clause_length(after), vocab)  # "…, while 63.7% reported a profit"
        if share is not None:
            return share
    left = folded[max(start, quantity.start - 32):quantity.start]
    growth = vocab.find("growth", left)
    decline = vocab.find("decline", left)
    if not growth and not decline and (word := _WORD_AFTER_PERCENT.match(folded, quantity.end)) is not None:
        growth = vocab.find("growth", word.group(1))  # named after it: "representing a 2.9 per cent rise", "a 12% drop"
        decline = vocab.find("decline", word.group(1))
    if not growth and not decline or _COUNT_CHANGE_AFTER.match(folded, quantity.end):
        return None  # (not "up 17.8 percent in the number of projects": no change of capital)
    sign = -1 if decline and (not growth or decline[-1].end() > growth[-1].end()) else 1
    anchor = next((metric for q, metric, _ in reversed(earlier) if q.unit not in ("count", "percent")), None)
    if anchor is None:
        anchor = _nearest_cue(folded[max(start, quantity.start - _CUE_REACH):quantity.start], vocab, False)
    if anchor is None and _TO_SUM.match(folded, quantity.end) \
            and (fdi := _fdi_patterns()[1].search(folded, max(start, quantity.start - _CUE_REACH), quantity.start)):
        anchor = "disbursed_capital" if fdi.group("lead") else "registered_capital"  # "Japanese FDI … fell 30% to"
    near = folded[max(start, quantity.start - 60):quantity.start]
    direct = [s for s in vocab.metrics.values() if s.unit == "percent" and s.cues and any(c in near for c in s.cues)]
    if direct:
        return MetricChoice(direct[0].metric, sign * quantity.value, "percent", quantity.end)
    for spec in vocab.metrics.values():
        if anchor in spec.growth_of:
            return MetricChoice(spec.metric, sign * quantity.value, "percent", quantity.end)
    return None


def _clause_length(text: str) -> int:
    stop = _CLAUSE_PUNCT.search(text)
    return stop.start() if stop else len(text)
