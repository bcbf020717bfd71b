"""Binding a figure to its parties: who a statistic is about (subject) and where (target).

A ``Figure`` is a quantity or a rank with its metric. ``bind_figure`` gives its subject and
target from the places of its stretch of the sentence (``subjects``), the figure before it and
the article's topic; rank statements and league items ("Japan ranked third with $2.3
billion", "followed by Hong Kong with $3.1 billion", "Bac Ninh was the top destination with
$2.8 billion") name their own party.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..gazetteer import Mention
from ..records import WORLD, EntityRef
from . import Article
from .companies import companies_in
from .metric_cues import MetricChoice
from .numbers import CURRENCY_COUNTRY, Quantity
from .ranks import RankHit
from .stat_vocab import FIGURE_LEAD, LEAGUE_JOINS, PART_LEADS, Vocabulary
from .subjects import HOST_TOTALS, PEOPLE, Actor, Binding, Topic, bind, coordinated, refine, world_if_foreign

_PEOPLE_AFTER = re.compile(r"\s+(?:workers|labourers|laborers|employees|staff|people|nationals|locals)\b")
_COMMA_END = re.compile(r",\s*$")
_ING_WORD = re.compile(r"\w+ing\b")
_FROM_WITH_END = re.compile(r"(?:from|with)\s+(?:the\s+)?$")
_OF_IN_FOR_END = re.compile(r"(?:of|in|for)\s+$")
_POSSESSIVE = re.compile(r"'s\b")
# between a company and the figure it owns: a short stretch with no clause break ("Samsung alone has invested")
_OWNER_GAP = re.compile(r"[^,;:()\u2014\u2013]{0,45}")
# from a count's wording to the sum its projects are worth: "… projects in the province worth"
_WORTH_GAP = re.compile(r"(?:\s+(?!with\b|and\b|while\b)[\w'’-]+){0,5}\s+(?:worth|valued\s+at|totall?ing|totall?ed)\s+"
                        + FIGURE_LEAD)
# a sum or count spread over every foreign destination
_ALL_ABROAD = re.compile(r"(?<![\w-])(?:abroad|in\s+(?:\d+\s+|many\s+|other\s+)?(?:foreign|other|overseas)\s+"
                         r"(?:countries|nations|economies|markets)|in\s+\d+\s+countries)(?![\w-])")
# a description set off by commas right after a company's name
_APPOSITIVE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?[^,;:()]{1,80}?,\s+(?=(?:which\s+|who\s+)?(?:has|have|had|is|was|"
                         r"alone|also|already|now|invested|poured|injected|registered|put|spent|pumped)\b)")
_APPOSITION_START = re.compile(r",\s+(?:the\s+|a\s+|an\s+|its\s+)?")
# a company given as an example of the owners: "Japanese investors such as Aeon poured $2.5 billion"
_EXAMPLE_END = re.compile(r"(?<![\w-])(?:such as|like|including|led by|notably|e\.g\.|among them)\s+$")

# counts and flows of all foreign investors that a host's report states without naming them (a total investment
# may be one company's: "Aeon has opened six malls … with total investment of $1.2 billion")
_PERIOD_TOTALS = ("active_projects", "new_projects", "new_registered_capital", "disbursed_capital")
SYMMETRIC = ("trade_turnover", "trade_growth", "locality_partnerships")
FROM_IS_TARGET = ("imports", "trade_surplus")  # "imports from Japan", "a trade surplus with Japan"
# between a league item's party and its figure: "Japan came second with", "Chinese nationals were the largest group at"
_LEAGUE_PARTY = re.compile(
    r"(?:\s+(?:nationals|citizens|people|residents|workers|investors|firms|companies|businesses|enterprises))?"
    r"(?:,?\s+(?:made|make|makes|came|comes|ranked|ranks|led|leads|topped|tops|followed|was|were|is|are|stood|"
    r"stands|accounted|placed|took|takes|had|has|remained|remains)(?:\s+[\w-]+){0,6}?)?"
    r"\s+" + LEAGUE_JOINS + r"\s+"
    r"(?:[a-z]+\s+){0,2}(?:us\$|\$|usd\s?)?")
# the part of a figure named right after it: ", including 120 Japanese businesses", ", of which 800 are from Korea",
# ", 60 of them from Vietnam"
_PART_CLAUSE = re.compile(r",\s+(?:including|" + PART_LEADS + r"|"
                          r"(?:about\s+|some\s+|nearly\s+|over\s+)?\d[\d,.]*\s+of\s+(?:them|these|those))\s+[^,;]*")
_WHICH_WITH = re.compile(r",\s+which\s+(?:[a-z]+\s+){1,3}?(?:with|at)\s+" + FIGURE_LEAD + r"(?:us\$|\$|usd\s?)?$")
_UNITS_AFTER = re.compile(r"\s+(?:units?|subsidiar(?:y|ies)|arms?|affiliates?|plants|factories|operations)\b")
_NATIONWIDE = re.compile(r"(?<![\w-])(?:nationwide|across\s+the\s+country|in\s+the\s+whole\s+country|nationally)"
                         r"(?![\w-])(?!\s+[a-z])")  # the adverb, not "a nationwide reorganisation"
# a league item's place, its rank and its figure: "Taiwan ranked second with 38,000 workers"
_RANKED_WITH = re.compile(r"\s+(?:ranked|ranks|came|comes|placed|stood|was|is)\s+(?:[\w-]+\s+){1,3}?(?:with|at)\s+"
                          + FIGURE_LEAD)
_RANK_PARTY = re.compile(r"(?:'s|\s+(?:investors?|firms|businesses|companies))?(?:,\s+which\s+|\s+(?:(?:\w+\s+){0,2}?"
                         r"(?:which|that|who)\s+)?)(?:(?:has|have|had|was|is|also|again|still|now|then)\s+)?")


class Figure(NamedTuple):
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


def destination(binding: Binding, previous: Binding | None, after_league: bool) -> Binding:
    """A league of the host's localities: "Bac Ninh was the top destination with $2.8 billion".

    The locality is the target; the investor is the one of the figure before, or ``World``
    after a league of investor countries (or with no figure before).
    """
    subject, target = binding.subject, binding.target
    if subject is None or target is None or subject.kind not in ("province", "city") or target.kind != "country" \
            or subject.country != target.country:
        return binding
    origin = previous.subject if previous is not None and not after_league else None
    return Binding(origin if origin is not None and origin.country != subject.country else WORLD, subject)


def names_its_party(figure: Figure, folded: str, sentence_actors: list[Actor], left: int, right: int) -> bool:
    """A list item has a place of its own; a league item has it right before: "Japan came second with 408,805"."""
    league = figure.choice.league
    if not league or league == "prior":
        return True
    if league in ("list", "figure"):
        return any(a.ref is not None for a in sentence_actors if left <= a.start < right)
    return any(a.ref is not None and a.end <= figure.start and _LEAGUE_PARTY.fullmatch(folded, a.end, figure.start)
               for a in sentence_actors)


def rank_has_party(rank: RankHit, folded: str, sentence_actors: list[Actor]) -> bool:
    """A bare league rank ("Japan came fourth with…") needs its party right before the verb."""
    if rank.verb_at is None or rank.among_at is not None or (rank.rank_of is not None and not rank.league):
        return True
    before = [a for a in sentence_actors if a.ref is not None and a.end <= rank.verb_at]
    if any(a.start == rank.start and a.end == rank.verb_at for a in before):
        return True  # the rank is the party's own: "…, followed by Singapore and Japan"
    if before and _COMMA_END.search(folded[max(0, rank.verb_at - 3):rank.verb_at]) and \
            _ING_WORD.match(folded[rank.verb_at:rank.verb_at + 12]):
        return True  # "Japanese investors submitted 139 projects …, ranking third after China"
    return any(a.end <= rank.verb_at and _RANK_PARTY.fullmatch(folded, a.end, rank.verb_at) for a in before)


def bind_figure(folded: str, figure: Figure, left: int, right: int, sentence_actors: list[Actor], topic: Topic,
                previous: Binding | None, inherited: bool, first_country: EntityRef | None,
                vocab: Vocabulary) -> Binding | None:
    """Subject and target of a figure; ``previous`` is the figure before (``inherited``: of the sentence before).

    A sum in a country's own money (baht, won, yen, dong) is one of that country's: if neither
    party is that country, the parties are wrong and the figure is not bound.
    """
    binding = _bind(folded, figure, left, right, sentence_actors, topic, previous, inherited, first_country, vocab)
    if binding is not None and figure.choice.metric in PEOPLE and _listed_party(binding, figure, left, right,
                                                                                sentence_actors, folded):
        return None  # "workers from Japan, South Korea and Taiwan", "in Japan and Korea": several parties, one figure
    home = _currency_home(figure)
    if home and binding is not None and binding.subject is not None and binding.target is not None \
            and home not in (binding.subject.country, binding.target.country):
        return None  # "290 billion baht" is not a sum between Japan and Vietnam
    return binding


def _bind(folded: str, figure: Figure, left: int, right: int, sentence_actors: list[Actor], topic: Topic,
          previous: Binding | None, inherited: bool, first_country: EntityRef | None,
          vocab: Vocabulary) -> Binding | None:
    metric = figure.choice.metric
    if metric in FROM_IS_TARGET:
        sentence_actors = [a.with_role("target") if _FROM_WITH_END.search(folded[max(0, a.start - 10):a.start]) else a
                           for a in sentence_actors]
    which = _WHICH_WITH.search(folded, max(0, figure.start - 60), figure.start) if figure.quantity is not None else None
    if which is not None:  # "… after the Republic of Korea, which leads with 231 projects": Korea's, in the same host
        party = next((a.ref for a in sentence_actors if a.ref is not None and 0 <= which.start() - a.end <= 1), None)
        if party is not None:
            host = previous.target if previous is not None and previous.target != party else topic.other(party)
            return Binding(party, host) if host is not None else None
    local = [a for a in sentence_actors if left <= a.start < right and a.role != "aside"]
    if figure.quantity is not None and any(a.role == "aside" and _LEAGUE_PARTY.fullmatch(folded, a.end, figure.start)
                                           for a in sentence_actors):
        return None  # "…, ahead of Chinese at 408,805": the figure of the one compared with, whose wording is gone
    if metric == "jobs":  # "employing some 700,000 Thai workers": the workers' country is the host
        local = [a.with_role("target") if figure.end <= a.start < figure.end + 40
                 and _PEOPLE_AFTER.match(folded, a.end) else a for a in local]
    rank = figure.rank
    if rank is not None and rank.verb_at == rank.end and previous is not None:
        party = next((a.ref for a in sentence_actors if a.start == rank.start and a.end == rank.end), None)
        if party is not None and party != previous.target:  # "…, followed by Singapore and Japan": the same host's
            return Binding(party, previous.target)
    if rank is not None and rank.verb_at is not None:
        local = _rank_actors(rank, sentence_actors, folded)
    elif rank is not None:
        local = _partner_list_actors(figure, sentence_actors, folded)
    if not local and previous is not None and rank is None and not inherited:
        return previous  # a list goes on: "US$0.4 billion in 2011, US$1.5 billion in 2012"
    if previous is not None and not inherited and metric in ("registered_capital", "new_registered_capital") \
            and _WORTH_GAP.fullmatch(folded, left, figure.start):
        return previous  # "the 170 FDI projects in the province worth $2.5 billion": the worth of those projects
    part = _PART_CLAUSE.match(folded, max(figure.end, figure.choice.reach))
    if part is not None:  # "300 delegates, including 120 Japanese businesses": the part's party is not the total's
        sentence_actors = [a for a in sentence_actors if not part.start() <= a.start < part.end()]
    binding = bind(local, sentence_actors, topic, figure.start, first_country, previous)
    binding = refine(binding, metric, local, folded, (left, right),
                     (figure.start, figure.end, max(figure.choice.reach, figure.end)), topic, vocab)
    subject, target = binding.subject, binding.target
    if target is not None and target.kind != "country" and _NATIONWIDE.search(folded, left, figure.start):
        country = next((a.ref for a in sentence_actors if a.ref is not None and a.ref.kind == "country"
                        and a.ref.country == target.country), None) or topic.host_of(target)
        target = country or target  # "Nationwide, Vietnamese residents numbered 520,000": the country's
    if metric == "destination_rank" and subject is not None and target is not None and subject.kind == "country" \
            and subject.country == target.country:
        subject = WORLD  # "ranking third among Vietnam's 63 provinces" in attracting FDI: no country invests at home
    if metric in PEOPLE and subject == WORLD and "foreign" not in folded[left:right] and (figure.choice.league or any(
            a.ref == target and _RANKED_WITH.fullmatch(folded, a.end, figure.start) for a in local)):
        return None  # "… the largest market for Vietnamese workers. Taiwan ranked second with 38,000": not all nations'
    if metric == "event_attendance" and subject is not None and (target is None or target == subject):
        # "a forum held in Fukuoka drew 180 Fukuoka-based companies looking for opportunities in Vietnam": firms at
        # an event in their own place are counted for the other side's place the sentence names
        target = next((a.ref for a in reversed(local) if a.role == "target" and a.ref is not None
                       and a.ref.country != subject.country), target)
    if subject is not None and not any(a.ref == subject for a in local):
        # a subject from elsewhere in the sentence or the article's topic: "foreign direct investment" or "FDI
        # projects" with no investor in the figure's own stretch count all foreign investors ("FDI … reached
        # $2.98 billion, with Singapore leading …, followed by Japan")
        subject = world_if_foreign(folded[left:right], vocab) or subject
    if subject is None:
        subject = world_if_foreign(folded[left:right], vocab)
    if previous is not None:
        subject = subject or previous.subject
        target = target or (previous.target if previous.target != subject else None)
    if subject is None and target is None:
        if metric in SYMMETRIC and (pair := topic.pair()) is not None:
            subject, target = pair
        elif metric in HOST_TOTALS and topic.origin is None and topic.host is not None and rank is None:
            subject, target = WORLD, topic.host  # an article on one country's FDI: "Newly registered capital hit…"
        return Binding(subject, target)
    if subject is not None and not any(a.ref == target for a in local if target is not None) \
            and _ALL_ABROAD.search(folded, left, right):
        return None  # "1,800 projects invested in foreign countries": every destination, not the article's one
    if target is None and subject is not None:
        if any(a.role == "aside" and folded.startswith("'s", a.end) for a in sentence_actors):
            return None  # "the largest investor in HCM City's export processing zone": the host is the zone
        locality = topic.localities.get("locality")
        if locality is not None and any(a.ref == locality and a.role == "aside" for a in sentence_actors):
            locality = None  # "… told a press conference in Jakarta": where it was said, not the host
        if locality and (subject.kind != "country" or metric in ("jobs", "event_attendance")):
            target = locality
        elif subject == WORLD and metric in HOST_TOTALS:
            target = topic.host  # all foreign investors' total, in the article's host country
        else:
            target = topic.other(subject)
        if target is None and subject.kind == "country" and metric != "partner_rank" and topic.host != subject \
                and _currency_home(figure) != subject.country:  # "Thailand's BOI … 290 billion baht": at home
            target = topic.host  # a third country in a league of the host's partners
        if target is not None and any(a.ref == target and a.role in ("origin", "aside") for a in sentence_actors):
            return None  # "Singapore was the largest investor …, followed by Japan": a peer of the subject, not its host
    if subject is None and target is not None and target == topic.host and topic.origin is None \
            and metric in _PERIOD_TOTALS and "'s " not in folded[left:figure.start]:
        # "1,988 new projects were licensed in Vietnam", "newly registered capital in Vietnam reached …": an article
        # on one country's FDI, with no investor named anywhere
        return Binding(WORLD, target)
    if subject is None and target is not None and (metric in SYMMETRIC or metric.endswith("_rank")
                                                   or metric.startswith("firms_") and topic.origin_marked
                                                   or metric in ("exports", "imports")):
        subject = topic.other(target)  # "Exports to Japan rose 7.7% to $20.41 billion": the article's other side's
    if subject is not None and subject == target:
        return None
    return Binding(subject, target)


def _listed_party(binding: Binding, figure: Figure, left: int, right: int, sentence_actors: list[Actor],
                  folded: str) -> bool:
    """A party of the binding is named, nearest the figure, in a list with other places."""
    for ref in (binding.subject, binding.target):
        named = [a for a in sentence_actors if a.ref == ref and left <= a.start < right]
        if named and coordinated(min(named, key=lambda a: abs(a.start - figure.start)), sentence_actors, folded):
            return True
    return False


def _currency_home(figure: Figure) -> str:
    """The country whose money the figure's sum is in ("" for the dollar, the euro, counts and ranks)."""
    quantity = figure.quantity
    return CURRENCY_COUNTRY.get(figure.choice.unit, "") if quantity is not None and quantity.is_money else ""


def _rank_actors(rank: RankHit, sentence_actors: list[Actor], folded: str) -> list[Actor]:
    """Roles for "X ranks Nth among … (in Y / receiving Z investment)"."""
    before = [a for a in sentence_actors if a.start < (rank.verb_at or rank.start)]
    among = [a for a in sentence_actors if rank.among_at is not None and rank.among_at <= a.start < rank.end]
    out: list[Actor] = []
    if rank.metric == "destination_rank":
        if before:
            out.append(before[-1].with_role("target"))
        ranked = before[-1].ref if before else None
        # "ranking third among Vietnam's 63 provinces": the country holding the league is no investor
        out.extend(a.with_role("origin") for a in among
                   if not (ranked is not None and a.ref is not None and a.ref.kind == "country"
                           and a.ref.country == ranked.country))
    elif rank.metric == "partner_rank":
        out.extend(a.with_role("target") for a in among)
        out.extend(a.with_role("origin") for a in before if not any(a.ref == b.ref and a.ref for b in among))
    else:
        out.extend(a.with_role("target") for a in among)
        origins = [a for a in before if a.role == "origin"]
        verb_at = rank.verb_at or rank.start
        adjacent = [a for a in before if a.ref is not None and _RANK_PARTY.fullmatch(folded, a.end, verb_at)]
        if adjacent:  # "…, while South Korea came fourth": the party right before the verb
            out.append(adjacent[-1].with_role("origin"))
        elif origins:
            out.append(origins[-1])
        elif before and before[-1].ref is not None:
            out.append(before[-1].with_role("origin"))
    return out


def _partner_list_actors(figure: Figure, sentence_actors: list[Actor], folded: str) -> list[Actor]:
    """"Japan is Vietnam's top partner…, the fourth trading partner of Vietnam": subject first, host named."""
    out: list[Actor] = []
    for actor in sentence_actors:
        if actor.ref is None and not actor.anaphor or actor.role == "aside":
            continue  # "after Singapore", "in HCM City's export processing zone": beside the point
        if actor.role == "target" or _OF_IN_FOR_END.search(folded[max(0, actor.start - 5):actor.start]):
            out.append(actor.with_role("target"))
        elif _POSSESSIVE.match(folded[actor.end:actor.end + 3]):
            out.append(actor.with_role("target"))
        elif actor.start < figure.start:
            out.append(actor.with_role("origin"))
    return out


def owned_by_company(article: Article, sentence: tuple[int, int], left: int, figure_start: int,
                     mentions: list[Mention]) -> bool:
    """Whether a company is the owner of the figure at ``figure_start``: a company, not a country.

    "Korea's Samsung alone has invested $22 billion", "Japanese retailer Aeon has poured $1.2
    billion into…", "with Samsung alone accounting for $22 billion": the company named nearest
    before the figure in its clause, with no place between them, owns it.
    """
    owner = None
    for company in companies_in(article, *sentence):
        if company.end <= figure_start and (left <= company.start or _APPOSITIVE.match(article.text, company.end,
                                                                                          figure_start)):
            owner = company
    if owner is None:
        return False
    if _APPOSITION_START.fullmatch(article.text, owner.end, figure_start):
        return True  # "Samsung Electronics, Korea's biggest investor in Vietnam": the company's own rank
    gap_start = owner.end
    aside = _APPOSITIVE.match(article.text, owner.end, figure_start)
    if aside is not None:  # "Samsung Electronics, Korea's biggest investor in Vietnam, has poured": described, not left
        gap_start = aside.end()
    if not _OWNER_GAP.fullmatch(article.text, gap_start, figure_start):
        return False
    if _EXAMPLE_END.search(article.folded, max(left, owner.start - 16), owner.start):
        return False
    # a place in the gap is the figure's party, unless it names the company's own units ("Samsung's Vietnamese units")
    return not any(gap_start <= m.start < figure_start and not _UNITS_AFTER.match(article.text, m.end) for m in mentions)
