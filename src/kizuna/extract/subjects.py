"""Who a statistic is about: the subject (origin) and the target (host) of a figure.

``Topic`` is built once per article: the country pair it is about (origin, host), and the
localities "the province", "the city" and "the prefecture" stand for. ``Actor`` is a place
(or anaphor) found in a sentence with the role its wording gives it: ``origin`` ("Japan's
capital", "Japanese investors", "from Gunma", "by Japan", "Gunma-based"), ``target``
("in Vietnam", "into Da Nang", "Ha Nam has attracted", "exports to Japan") or ``neutral``.
``bind`` picks, for one figure, the nearest origin and target around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from ..gazetteer import Entry, Gazetteer, Mention
from ..records import WORLD, EntityRef
from .prefilter import GatedPattern
from .stat_vocab import FIGURE_LEAD, Vocabulary

_FROM_BY_END = re.compile(r"(?:^|\W)(?:from|by)\s+(?:the\s+)?$")
_FROM_END = re.compile(r"(?:^|\W)from\s+(?:the\s+)?$")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)(?:the\s+)?")
_FOREIGN = re.compile(r"(?<![\w-])foreign(?:ers)?(?![\w-])")

PLACE_KINDS = ("country", "province", "prefecture", "city")
_COUNT = itemgetter(1)  # the count of a (key, count) item
_ANAPHOR = re.compile(  # every phrase starts with "t" or "b": the look-ahead spares the rest elsewhere
    r"(?=[tb])(?<![\w-])(?:the two (?:countries|nations|sides|economies)|both (?:countries|nations|sides)|"
    r"the (?:(?:expanded|enlarged|merged|newly[- ]merged|new)\s+)?"
    r"(?:province|city|prefecture|locality|country|market|nation)(?!\w)|their country|this province|"
    r"this city|this prefecture|the southern province|the northern province|the central province|"
    r"the central city|the beach city|the coastal city|the coastal province|the mekong delta province|"
    r"the mekong delta city|the municipal|the provincial|the (?:southeast |south |east )?asian country)(?![\w-])"
)
_ORIGIN_NOUNS = (r"(?:investors?|firms?|enterprises?|businesses|business|companies|company|corporations?|people|"
                 r"expatriates|expats|community|workers|nationals|residents|citizens|investments?|capital|"
                 r"interns|trainees|delegates|localities|partners|fdi|oda)")
_TRADE_NOUNS = r"(?:goods|products|exports|imports|commodities|market|markets)"
_HOST_NOUNS = (r"(?:(?:(?:largest|biggest|top|leading|key|main|major|most important)\s+)?(?:foreign\s+)?(?:investors|partners)|"
               # "Indonesia's second-largest investor", "Japan's fourth-biggest trading partner": a rank among the host's
               r"(?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|single)?[\s-]?"
               r"(?:largest|biggest|leading|top)\s+(?:foreign\s+)?(?:investor|(?:trading\s+|trade\s+)?partner|"
               r"source|donor|provider|lender|export\s+market|market)(?![\w-]))")
# words between "in" and a place that keep it the host: "in the expanded Hai Phong", "in the southern province of"
_PLACE_LEAD = (r"(?:the\s+)?(?:(?:expanded|enlarged|merged|newly[- ]merged|new|neighbouring|neighboring|northern|"
               r"southern|central|eastern|western|north-central|south-central|northeastern|northwestern|"
               r"southeastern|southwestern|coastal|mountainous|mekong\s+delta|central\s+highlands|beach|port|"
               r"industrial|japanese|vietnamese|korean|thai)\s+){0,3}"
               r"(?:(?:province|city|prefecture|region|municipality|town|district)\s+of\s+)?")
_VERB_AFTER = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:has|had|have|is|was|were|are|ranks|ranked|remains|stands|"
                         r"[a-z]+ed|hit|saw|sent|led|leads|held|holds|brought|sold|spent|put|became|becomes|came|comes|"
                         r"took|takes|tops)\b")

_POSSESSIVE_GAP = re.compile(r"'s\s+")
_HAS_COUNT = re.compile(r"(?:\s+(?:province|city|prefecture))?\s+(?:currently\s+|now\s+|still\s+|already\s+)?"
                        r"(?:has|had|have|hosts|hosted)\s+" + FIGURE_LEAD + r"\d[\d,.]*\s+")
_COUNT_BEFORE = re.compile(r"\d[\d,.]*\s+$")
_COUNTED_AFTER = re.compile(r"(?:-invested)?\s+(?:[\w-]+\s+)?(?:projects?|firms|companies|enterprises|businesses|investors)\b")
_OF_GAP = re.compile(r"\s+of\s+")
_BETWEEN = re.compile(r"between\s+(?:the\s+)?$")
_AND_GAP = re.compile(r"\s+and\s+(?:the\s+)?")
_DASH_GAP = re.compile(r"\s*-\s*")
_HOST_VOTE = re.compile(r"(?:^|\W)(?:in|into|investing in|invested in|investors in)\s+(?:the\s+)?$")
_TOPIC_ASIDE = GatedPattern(re.compile(r"(?:^|\W)(?:after|behind|than|ahead of)\s+(?:the\s+)?$"))
_ASIDE_LIST = re.compile(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?")
_ORIGIN_VOTE = re.compile(r"\s*(?:-based\s+)?" + _ORIGIN_NOUNS)  # a demonym that names investors: an origin


@dataclass(frozen=True)
class Topic:
    """What an article is about, for defaults and anaphora."""

    origin: EntityRef | None
    host: EntityRef | None
    localities: dict[str, EntityRef]  # "province", "city", "locality", "prefecture" → entity
    origin_marked: bool = False  # the origin is written as such ("Japanese investors"), not only counted
    # the one province, city or prefecture an article names, even once: what "the province" can only mean
    antecedents: dict[str, EntityRef] = field(default_factory=dict)

    def pair(self) -> tuple[EntityRef, EntityRef] | None:
        return (self.origin, self.host) if self.origin and self.host else None

    def host_of(self, place: EntityRef) -> EntityRef | None:
        """The country of the pair that ``place`` lies in."""
        return next((c for c in (self.origin, self.host) if c is not None and c.country == place.country), None)

    def other(self, ref: EntityRef | None) -> EntityRef | None:
        """The other side of the pair from ``ref`` (a country, or a place within one)."""
        if ref is None or self.origin is None or self.host is None:
            return None
        if ref.country == self.origin.country:
            return self.host
        if ref.country == self.host.country:
            return self.origin
        return None


class Actor(NamedTuple):
    """A place or anaphor in a sentence, with the role its wording gives it (a tuple: sentences make many)."""

    start: int
    end: int
    ref: EntityRef | None  # None for anaphora resolved at binding time
    role: str  # origin, target, neutral
    anaphor: str = ""
    demonym: bool = False  # written as a nationality ("Vietnamese", "Japanese")

    def with_role(self, role: str) -> "Actor":
        return Actor(self.start, self.end, self.ref, role, self.anaphor, self.demonym)


def topic_of(mentions: list[Mention], folded: str, gazetteer: Gazetteer) -> Topic:
    """The article's country pair and topic localities, from counts of its mentions.

    A province or prefecture counts for its country, named or not.
    """
    countries: dict[str, int] = {}
    country_entries: dict[str, Entry] = {}  # the last entry named for each country
    origin_votes: dict[str, int] = {}
    host_votes: dict[str, int] = {}
    localities: dict[str, dict[str, int]] = {"province": {}, "city": {}, "prefecture": {}}  # kind → key → count
    entries: dict[str, Entry] = {}
    aside_end = -1  # end of the last mention named only for comparison
    for m in mentions:
        entry = m.entry
        kind, country_key = entry.kind, entry.country
        if country_key is None or kind not in PLACE_KINDS:
            continue
        before = folded[max(0, m.start - 14):m.start]
        if _TOPIC_ASIDE.search(before) \
                or aside_end >= 0 and _ASIDE_LIST.fullmatch(folded, aside_end, m.start):
            aside_end = m.end  # "ranking third after China and Singapore": not what the article is about
            continue
        aside_end = -1
        countries[country_key] = countries.get(country_key, 0) + 1
        if kind == "country":
            country_entries[country_key] = entry
            if m.form == "demonym" and _ORIGIN_VOTE.match(folded, m.end, m.end + 20):
                origin_votes[country_key] = origin_votes.get(country_key, 0) + 1
            elif m.form != "demonym" and "in" in before and _HOST_VOTE.search(before):
                host_votes[country_key] = host_votes.get(country_key, 0) + 1
        else:
            counts = localities[kind]
            counts[entry.key] = counts.get(entry.key, 0) + 1
            entries[entry.key] = entry
    for code in countries:
        if code not in country_entries and (country_entry := gazetteer.country(code)) is not None:
            country_entries[code] = country_entry
    refs = {code: entry.ref() for code, entry in country_entries.items()}
    ranked = [c for c, _ in sorted(countries.items(), key=_COUNT, reverse=True) if c in refs][:2]  # most named first
    origin = host = None
    marked = False
    if len(ranked) == 2:
        a, b = ranked
        votes_a, votes_b = origin_votes.get(a, 0), origin_votes.get(b, 0)
        marked = votes_a != votes_b
        hosted_a, hosted_b = host_votes.get(a, 0), host_votes.get(b, 0)
        if marked:
            origin, host = (a, b) if votes_a > votes_b else (b, a)
        elif "VN" not in (a, b) and hosted_a != hosted_b:  # "investing in Thailand": the host is invested in
            origin, host = (b, a) if hosted_a > hosted_b else (a, b)
        else:
            origin, host = (b, a) if a == "VN" else (a, b) if b == "VN" else (a, b)
    elif len(ranked) == 1:
        host = ranked[0]
    found: dict[str, EntityRef] = {}
    for kind, counter in localities.items():
        if counter:
            best, count = max(counter.items(), key=_COUNT)  # the first named of the most named
            if count >= 2:
                found[kind] = entries[best].ref()
    host_locals = [found[k] for k in ("province", "city") if k in found and found[k].country == host]
    if host_locals:
        found["locality"] = max(host_locals, key=lambda r: localities["province" if r.kind == "province" else "city"]
                                .get(next(k for k, e in entries.items() if e.ref() == r), 0))
    antecedents = {kind: entries[next(iter(counter))].ref() for kind, counter in localities.items() if len(counter) == 1}
    return Topic(refs.get(origin) if origin else None, refs.get(host) if host else None, found, marked, antecedents)


def actors(folded: str, start: int, end: int, mentions: list[Mention], vocab: Vocabulary,
           text: str | None = None) -> list[Actor]:
    """Places and anaphora of ``folded[start:end]`` with their roles, in text order; with the ``text`` as
    written, a place that begins an event's name ("the Vietnam Products Fair") is no party."""
    out: list[Actor] = []
    places = [m for m in mentions if m.entry.kind in PLACE_KINDS and start <= m.start and m.end <= end
              and not folded.startswith("$", m.end)]  # "US$" is a currency, not the United States
    skip: set[int] = set()
    for i, m in enumerate(places):
        nxt = places[i + 1] if i + 1 < len(places) else None
        # "Japan's Gunma prefecture": the country possessive only qualifies the place after it
        if (m.entry.kind == "country" and nxt is not None and nxt.entry.country == m.entry.country
                and _POSSESSIVE_GAP.fullmatch(folded, m.end, nxt.start)):
            skip.add(i)
    for i, m in enumerate(places):
        if i in skip:
            continue
        role_start = places[i - 1].start if i - 1 in skip else m.start
        role = _role(folded, start, role_start, m.end, m.form == "demonym", vocab)
        out.append(Actor(m.start, m.end, m.entry.ref(), role, demonym=m.form == "demonym"))
    for match in _ANAPHOR.finditer(folded, start, end):
        if any(a.start <= match.start() < a.end for a in out):
            continue
        if any(_OF_GAP.fullmatch(folded, match.end(), a.start) for a in out):
            continue  # "the southern province of Dong Nai": the place itself is named
        role = _role(folded, start, match.start(), match.end(), False, vocab)
        out.append(Actor(match.start(), match.end(), None, role, match.group()))
    _between(folded, out, vocab)
    out.sort(key=lambda a: a.start)
    for i in range(len(out) - 1):  # "Bac Ninh has 16 Japanese projects": the demonym invests, the place hosts
        place, people = out[i], out[i + 1]
        if place.ref is not None and not place.demonym and people.demonym and people.ref is not None \
                and people.ref != place.ref and (_HAS_COUNT.fullmatch(folded, place.end, people.start) or (
                    place.role == "origin" and _COUNT_BEFORE.search(folded, max(start, people.start - 16), people.start)
                    and _COUNTED_AFTER.match(folded, people.end))):  # "Thailand's BOI approved 76 Japanese projects"
            out[i], out[i + 1] = place.with_role("target"), people.with_role("origin")
    for i in range(1, len(out)):  # "after China and Singapore": both are beside the point
        if out[i - 1].role == "aside" and _ASIDE_LIST.fullmatch(folded, out[i - 1].end, out[i].start):
            out[i] = out[i].with_role("aside")
    if text is not None:
        out = [a.with_role("aside") if a.ref is not None and text[a.end + 1:a.end + 2].isupper()
               and _EVENT_NAME_AFTER.match(text, a.end) else a for a in out]
    return out


_EVENT_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w&'’-]*){1,3}\s+(?:Fair|Expo|Festival|Exhibition|Forum|Conference|Summit|"
                               r"Week|Show|Awards?)\b")
_LOCAL_PEOPLE = re.compile(r"\s+(?:[a-z]+\s+)?local\s+(?:people|residents|workers|labou?rers|youths?)\b|\s+locals\b")
_ASIDE_BEFORE = GatedPattern(re.compile(r"(?:^|\W)(?:after|behind|than|besides|except|ahead of|such as|unlike|like|"
                                        r"(?:press|news)\s+conference\s+in|briefing\s+in)\s+(?:the\s+)?$"))  # where it was told
_HOST_AFTER = re.compile(r"'s\s+" + _HOST_NOUNS)
_SITE_AFTER = re.compile(r"'s\s+(?:[\w-]+\s+){0,4}?(?:industrial\s+(?:park|zone|cluster|estate)|export\s+processing\s+zone|"
                         r"(?:hi|high)[\s-]tech\s+park|economic\s+zone|special\s+zone|free\s+trade\s+zone|port)s?(?![\w-])")
# the host's body that approves or registers foreign investment: "approved by Thailand's Board of Investment"
_APPROVER_AFTER = re.compile(r"'s\s+(?:board\s+of\s+investment|boi|investment\s+(?:coordinating\s+)?board|"
                             r"foreign\s+investment\s+agency|investment\s+authority)(?![\w-])")
_MARKED_AFTER = re.compile(r"'s\b|-based\b|-invested\b|-funded\b")
_FROM_BY_BEFORE = GatedPattern(re.compile(r"(?:^|\W)(?:from|by)\s+(?:the\s+)?(?:government of\s+)?$"))
_PARTICIPLE_AFTER = re.compile(r"\s+(?:posting|recording|registering|contributing|accounting|pouring|investing|"
                               r"enjoying|running|seeing|having|holding|leading|ranking)\b")
_IN_BEFORE = re.compile(r"(?:^|\W)(?:in|into|to|at|inside|investing in|invested in)\s+" + _PLACE_LEAD + "$")
_TRADE_AFTER = re.compile(r"\s+(?:and\s+\w+\s+)?(?:-based\s+)?" + _TRADE_NOUNS + r"\b")
_ORIGIN_AFTER = re.compile(r"\s+(?:(?:and|or)\s+\w+\s+)?(?:[\w-]+\s+)?" + _ORIGIN_NOUNS + r"\b")
_HOST_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,4}|,[^,;]{0,80},\s+")


def _role(folded: str, floor: int, a: int, b: int, demonym: bool, vocab: Vocabulary) -> str:
    before = folded[max(floor, a - 40):a]
    after = folded[b:b + 100]
    if _ASIDE_BEFORE.search(before):
        return "aside"  # "the second largest investor after Singapore": a comparison, not a party
    if after.startswith("'s") and _SITE_AFTER.match(after):
        return "aside"  # "the largest investor in HCM City's Tan Thuan export processing zone": the zone's, not the city's
    if _HOST_AFTER.match(after):
        return "target"
    if after.startswith("'s") and (_IN_BEFORE.search(before) or _APPROVER_AFTER.match(after)):
        return "target"  # "applications to (approved by) Thailand's BOI", "investment in Vietnam's north": the host's
    if _MARKED_AFTER.match(after):
        return "origin"
    if _FROM_BY_BEFORE.search(before):
        return "origin"
    if before.endswith("with ") and _PARTICIPLE_AFTER.match(after):
        return "origin"  # "…, with Vietnam posting a trade deficit of …", "with Japan contributing $1.1 billion"
    if _IN_BEFORE.search(before):
        return "target"
    if demonym and _TRADE_AFTER.match(after):
        return "counterpart"
    if _ORIGIN_AFTER.match(after):
        return "origin"
    host = vocab.patterns["host_verb"].search(after[:90])
    if host and _HOST_GAP.fullmatch(after[:host.start()]):
        return "target"
    if _VERB_AFTER.match(after):
        return "origin"
    return "neutral"


def coordinated(actor: Actor, others: list[Actor], folded: str) -> bool:
    """Another place is listed with this one ("from Japan, South Korea and Taiwan", "in Japan and Korea")."""
    return any(other.ref is not None and other.ref != actor.ref
               and (_COORDINATION.fullmatch(folded, actor.end, other.start) is not None
                    or _COORDINATION.fullmatch(folded, other.end, actor.start) is not None)
               for other in others)


def _between(folded: str, found: list[Actor], vocab: Vocabulary) -> None:
    """"between X and Y", "Japan-Vietnam trade": X is the origin, Y the target (in place); a pair that
    names an event ("the Vietnam-Japan investment conference in Hanoi") names no party at all."""
    found.sort(key=lambda a: a.start)
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        if _BETWEEN.search(folded, max(0, first.start - 12), first.start) and \
                _AND_GAP.fullmatch(folded, first.end, second.start):
            found[i] = first.with_role("origin")
            found[i + 1] = second.with_role("target")
        elif first.ref and second.ref and _DASH_GAP.fullmatch(folded, first.end, second.start):
            if vocab.has("event_noun", folded[second.end:second.end + 50]):  # the event's name: no party
                found[i], found[i + 1] = first.with_role("aside"), second.with_role("aside")
            else:
                found[i] = first.with_role("origin")
                found[i + 1] = second.with_role("target")


@dataclass(frozen=True)
class Binding:
    subject: EntityRef | None
    target: EntityRef | None


def resolve(actor: Actor, other: EntityRef | None, topic: Topic, sentence_first: EntityRef | None) -> EntityRef | None:
    """The entity an actor names; anaphora use the article topic and the other role."""
    if actor.ref is not None:
        return actor.ref
    word = actor.anaphor
    if word.startswith(("the two", "both")):
        return None  # handled by the caller as the pair
    if "prefecture" in word:
        return topic.localities.get("prefecture") or topic.antecedents.get("prefecture")
    if "province" in word:
        return topic.localities.get("province") or topic.localities.get("locality") or topic.antecedents.get("province")
    if "city" in word or word in ("the municipal",):
        return topic.localities.get("city") or topic.localities.get("locality") or topic.antecedents.get("city")
    if "locality" in word or word == "the provincial":
        return topic.localities.get("locality")
    if word in ("the country", "the nation", "the market") or word.endswith(" asian country"):
        if other is not None:
            return topic.other(other)
        return sentence_first if sentence_first and sentence_first.kind == "country" else topic.host
    return None


def bind(local: list[Actor], wider: list[Actor], topic: Topic, position: int,
         sentence_first: EntityRef | None, hint: Binding | None = None) -> Binding:
    """Subject and target of a figure at ``position`` from the actors around it.

    The nearest origin and target of the figure's own stretch come first, then its other
    places, then the rest of the sentence; ``hint`` (the binding of the figure before)
    resolves anaphora such as "the market" or "the country".
    """
    if any(a.anaphor.startswith(("the two", "both")) for a in local) and topic.pair():
        pair = topic.pair()
        assert pair is not None
        return Binding(pair[0], pair[1])
    subject = _nearest_actor(local, "origin", position)
    target = _nearest_actor(local, "target", position)
    counter = _nearest_actor(local, "counterpart", position)
    hint_subject = hint.subject if hint else None
    hint_target = hint.target if hint else None
    subj_ref = resolve(subject, hint_target if subject and subject.ref is None and target is None else None,
                       topic, sentence_first) if subject else None
    targ_ref = resolve(target, subj_ref or hint_subject, topic, sentence_first) if target else None
    if target is not None and target.ref is None and targ_ref is not None and subj_ref is None and any(
            a.ref == targ_ref for a in local if a is not target and a.role != "aside"):
        targ_ref = topic.other(targ_ref)  # "left Japan with a deficit with the Southeast Asian country": not Japan
    if subject and subject.ref is None and targ_ref is not None:
        subj_ref = resolve(subject, targ_ref, topic, sentence_first)
    if counter is not None:
        counter_ref = resolve(counter, subj_ref, topic, sentence_first)
        if targ_ref is None:
            targ_ref = counter_ref
        elif subj_ref is None:
            subj_ref = counter_ref
    if subj_ref is None or targ_ref is None:
        rest = sorted((a for a in local if a.role != "aside" and a is not subject and a is not target),
                      key=lambda a: (a.role != "neutral", abs(a.start - position)))
        for actor in rest:
            ref = resolve(actor, subj_ref or targ_ref, topic, sentence_first)
            if ref is None or ref in (subj_ref, targ_ref):
                continue
            if subj_ref is None and actor.role != "target":
                subj_ref = ref
            elif targ_ref is None:
                targ_ref = ref
    if subj_ref is None:
        subj_ref = _nearest_ref(wider, "origin", position, targ_ref, topic, sentence_first)
    if targ_ref is None:
        targ_ref = _nearest_ref(wider, "target", position, subj_ref, topic, sentence_first)
    if subj_ref is not None and subj_ref == targ_ref:
        targ_ref = None
    return Binding(subj_ref, targ_ref)


def _nearest_actor(pool: list[Actor], role: str, position: int) -> Actor | None:
    """The actor of ``role`` nearest ``position`` (the first of the pool on a tie)."""
    nearest: Actor | None = None
    distance = 0
    for actor in pool:
        if actor.role == role and (nearest is None or abs(actor.start - position) < distance):
            nearest, distance = actor, abs(actor.start - position)
    return nearest


def _nearest_ref(pool: list[Actor], role: str, position: int, exclude: EntityRef | None, topic: Topic,
                 first: EntityRef | None) -> EntityRef | None:
    for actor in sorted((a for a in pool if a.role == role), key=lambda a: abs(a.start - position)):
        ref = resolve(actor, exclude, topic, first)
        if ref is not None and ref != exclude:
            return ref
    return None


def world_if_foreign(folded_window: str, vocab: Vocabulary) -> EntityRef | None:
    """``World`` when the wording counts all foreign investors ("FDI projects")."""
    return WORLD if vocab.has("world", folded_window) else None


HOST_TOTALS = ("active_projects", "registered_capital", "new_projects", "new_registered_capital", "disbursed_capital",
               "additional_capital", "capital_contribution", "capital_growth")
PEOPLE = ("workers", "diaspora")
_OUTBOUND = re.compile(r"(?<![\w-])(?:outbound|overseas|abroad|offshore|outward)(?![\w-])")


def _marked_origin(actor: Actor, folded: str) -> bool:
    """Written as an origin: "Japanese", "Japan's", "from Japan", "by Japan", "Japan-based"."""
    if actor.demonym or _MARKED_AFTER.match(folded[actor.end:actor.end + 10]):
        return True
    return _FROM_BY_END.search(folded[max(0, actor.start - 12):actor.start]) is not None


def _named_country(local: list[Actor]) -> EntityRef | None:
    """"Japan's agency says foreign residents in the country reached…": "the country" is the one named before it."""
    anaphor = next((a for a in local if a.anaphor in ("the country", "the nation") and a.role == "target"), None)
    if anaphor is None:
        return None
    named = [a.ref for a in local if a.ref is not None and a.ref.kind == "country" and a.start < anaphor.start]
    return named[-1] if named else None


_SENT_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:so\s+far\s+)?(?:sent|sends|dispatched|sending)\s+"
                         + FIGURE_LEAD + "$")


def _sender(local: list[Actor], folded: str, figure_start: int) -> EntityRef | None:
    """The place that sends the people counted: "Ben Tre has sent 1,200 workers to Japan"."""
    for actor in local:
        if actor.ref is not None and actor.end < figure_start and _SENT_AFTER.match(folded[actor.end:figure_start]):
            return actor.ref
    return None


def refine(binding: Binding, metric: str, local: list[Actor], folded: str, stretch: tuple[int, int],
           figure: tuple[int, int, int], topic: Topic, vocab: Vocabulary) -> Binding:
    """Fix a figure's parties where the metric knows better than word order.

    - people (workers, diaspora) are counted by nationality: "570,708 Vietnamese workers" →
      Vietnam; "foreign workers" → ``World``; with no nationality the place named is the host
      ("Japan had 456,000 technical interns" → World → Japan);
    - "4,000 FDI projects" with no investor named is ``World``;
    - the host's own totals ("the country had 42,800 valid FDI projects") are ``World`` → host.

    ``stretch`` is the part of the sentence whose places bind the figure; ``figure`` its
    start, end and the end of its wording.
    """
    subject, target = binding.subject, binding.target
    figure_start, figure_end, reach = figure
    origins = [a for a in local if a.role == "origin"]
    window = folded[stretch[0]:max(stretch[1], reach)]
    own_words = folded[figure_end:max(reach, figure_end)]
    if metric in PEOPLE:
        sender = _sender(local, folded, figure_start)
        if sender is not None:  # "Ben Tre has sent 1,200 workers to Japan"
            receivers = [a for a in local if a.ref is not None and a.start > figure_start]
            if len(receivers) != 1:
                return Binding(None, None)  # sent to several places: no one pair
            return Binding(sender, receivers[0].ref if receivers[0].ref != sender else None)
        # "Vietnamese workers", "workers from Vietnam"; a province or city only with "from" or before the noun
        # ("workers from Nghe An", "Nghe An workers"): "Japan had 456,000 interns" names the host
        nationals = [a for a in local if a.ref is not None and (
            a.ref.kind == "country" and a.demonym or _FROM_END.search(folded[max(0, a.start - 12):a.start])
            or a.ref.kind != "country" and _ORIGIN_AFTER.match(folded, a.end))]
        # "people from the province": the article's province
        nationals += [a._replace(ref=ref) for a in local if a.ref is None and _FROM_END.search(folded[max(0, a.start - 12):a.start])
                      and (ref := resolve(a, None, topic, None)) is not None]
        home = topic.localities.get("locality") if _LOCAL_PEOPLE.match(folded, figure_end) else None
        if not nationals and home is not None and home != target:  # "some 1,200 local people are working in Japan"
            return Binding(home, target if target is not None and target.country != home.country else None)
        if nationals:
            chosen = min(nationals, key=lambda a: abs(a.start - figure_start))
            subject = chosen.ref
            target = None if target == subject else target
        elif subject is not None and target is not None and subject.kind == "country" and target.kind == "country" \
                and any(a.ref == subject and a.role == "origin" for a in local) \
                and any(a.ref == target and a.role == "target" for a in local):
            pass  # "Vietnam had 200,000 technical interns in Japan": the country before is the workers' own
        elif target is not None and target.kind == "country" and (senders := [
                a for a in local if a.role == "origin" and a.end <= figure_start and (a.ref is None or a.ref.kind != "country")
                and a.ref != target]):
            # "The province has 3,000 workers in Japan": the locality before sends them (an unresolved one: nobody)
            return Binding(senders[-1].ref, target) if senders[-1].ref is not None else Binding(None, None)
        else:
            host = next((a.ref for a in local if a.ref == subject and not _marked_origin(a, folded)), None)
            if vocab.has("world", window) or _FOREIGN.search(window):
                subject = WORLD
            elif metric == "workers" and (host is not None or target is not None and target.kind == "country"):
                subject = WORLD  # "Japan had 456,000 technical interns", "trainees in Japan": all nationalities
            else:
                return Binding(None, None)  # nobody's nationals
            target = _named_country(local) or target or host
        return Binding(subject, target)
    if metric == "jobs" and not origins and vocab.has("world", window):
        return Binding(WORLD, target if target is not None else subject)  # "FDI enterprises employ 500,000 …"
    if metric not in HOST_TOTALS and metric != "enterprises":
        return binding
    if not origins and vocab.has("world", own_words):
        return Binding(WORLD, target if target is not None else None)
    if subject is None or target is not None or _OUTBOUND.search(folded, figure_start, reach + 40):
        return binding
    host_side = subject == topic.host or (subject.kind != "country" and topic.host is not None
                                          and subject.country == topic.host.country)
    if host_side and vocab.has("world", window) and not any(a.demonym and a.ref == subject for a in origins):
        return Binding(WORLD, subject)  # "Vietnam's total registered FDI", "Bac Ninh has 1,600 FDI projects"
    if subject == topic.host and subject.kind == "country" and metric in HOST_TOTALS and local and not any(
            a.ref == subject and _marked_origin(a, folded) for a in local):
        return Binding(WORLD, subject)  # "the country had 42,800 valid projects" (named in the figure's own stretch)
    return binding
