"""People in an article: who is named, with which title and affiliation, and every later mention.

A name is only taken where a title or an honorific anchors it: after the title, before it ("X,
chairman of …"), in apposition ("The Chairman of …, X, …"), after "counterpart" (the other side's
same office), or as one word before ", president of Kubota" right after a meeting verb ("held
talks with Tomita, …"). A lower-case title takes a following name only after the organisation it
belongs to ("BOI secretary-general Narit …", not "Film director …"). Honorifics (Mr., Ms., H.E.,
Dr., Madam) are dropped; "the late" and "former" office holders are left out. The words a name
may have are ``names``' grammar; later mentions ("Minister Thang", "Tuan", "Prime Minister Pham",
"the Deputy PM") resolve to the person named earlier or later (``short_mentions``). The order of
the name is kept as the text gives it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..gazetteer import Entry, Mention
from ..reading.dates import MONTHS
from ..records import EntityRef
from ..text import fold
from . import Article, per_article
from .affiliations import ArticlePlaces, article_places, office_affiliation
from .names import Blocked, NameVocab, antecedent_org, blocked_tokens, is_japanese, is_name_token, is_vietnamese, \
    name_after, name_after_seat, name_before, name_taking_office, name_tokens, name_vocab, owner_names_org, \
    split_name
from .short_mentions import bare_mentions, resolve_name
from .titles import TitlePhrase, find_titles, org_run, rule_of, vocab as title_vocab
from .tokens import PhraseFinder, Token, phrases_regex


@lru_cache(maxsize=1)
def person_cue() -> PhraseFinder:
    """Words without which a sentence names nobody (a title head, an honorific, "for his part"),
    found in folded text: a cheap test before a sentence is tokenized.

    It finds a superset of what the token grammars need: a phrase starts where a word token can.
    """
    phrases = [" ".join(key) for key in title_vocab().heads.entries] + sorted(name_vocab().honorifics)
    return _finder(phrases + ["for his part", "for her part"])


@lru_cache(maxsize=1)
def honorific_cue() -> PhraseFinder:
    """An honorific ("Mr.", "H.E.") in folded text: the test before honorifics are looked for token by token."""
    return _finder(sorted(name_vocab().honorifics))


def _finder(phrases: list[str]) -> PhraseFinder:
    """Phrases starting a word in folded text (ending one when they end in a letter or digit)."""
    return PhraseFinder(phrases, re.compile(r"(?<![^\W_])" + phrases_regex(phrases)), letters_only=False)


@dataclass(frozen=True)
class PersonMention:
    """A person named (or referred to) in a sentence."""

    sentence: int
    start: int            # character span of the name (or of the anaphor)
    end: int
    name: str
    title: str | None
    org: EntityRef | None
    country: str | None
    head: str | None      # normal form of the title head ("Governor")
    visiting: bool = False
    anaphor: bool = False
    phrase_start: int = -1  # character span of the whole titled phrase (title, organisation, name)
    phrase_end: int = -1
    counterpart_of: "PersonMention | None" = None  # "her Vietnamese counterpart X": whose counterpart X is


@dataclass(frozen=True)
class Person:
    """One person of the article with the office the article gives them."""

    name: str
    title: str | None
    org: EntityRef | None
    country: str | None
    sentence: int         # sentence of the mention the title comes from
    mentions: tuple[PersonMention, ...]


@dataclass(frozen=True)
class Cast:
    """Everyone the article names, and every mention of them."""

    people: tuple[Person, ...]
    # every (person, mention) in text order, and their starts: ``at`` runs for every sentence
    _mentions: tuple[tuple[Person, PersonMention], ...] = field(init=False, repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = sorted(((p, m) for p in self.people for m in p.mentions), key=lambda pm: pm[1].start)
        object.__setattr__(self, "_mentions", tuple(ordered))
        object.__setattr__(self, "_starts", tuple(m.start for _, m in ordered))

    def at(self, start: int, end: int) -> list[tuple[Person, PersonMention]]:
        """People mentioned inside ``[start, end)``, in text order."""
        mentions = self._mentions[bisect_left(self._starts, start):bisect_right(self._starts, end)]
        return [pm for pm in mentions if pm[1].end <= end]


def find_mentions(article: Article, places: ArticlePlaces) -> list[PersonMention]:
    """Titled, honorific and anaphoric person mentions, sentence by sentence."""
    words = name_vocab()
    cue = person_cue()
    honorific = honorific_cue()
    folded = article.folded
    found: list[PersonMention] = []
    for index, span in enumerate(article.sentences):
        if not cue.search(folded, span.start, span.end):
            continue  # no title, honorific or "for his part": nobody named here (and no tokens needed)
        tokens = article.tokens(span.start, span.end)
        starts = [t.start for t in tokens]
        blocked = blocked_tokens(article, span.start, span.end)
        used: set[int] = set()
        for phrase in find_titles(tokens):
            mention = _titled(article, places, tokens, phrase, blocked, words, index)
            if mention is not None:
                found.append(mention)
                used.update(range(bisect_left(starts, mention.start), bisect_left(starts, mention.end)))
        sentence = folded[span.start:span.end]
        if "counterpart" in sentence:
            titled = [m for m in found if m.sentence == index and m.title and not m.anaphor]
            for mention in _counterparts(article, tokens, titled, blocked, words, used, index):
                found.append(mention)
                _other_side(article, places, found, mention)
        if "part" in sentence:
            for a, b in _part_anchored(tokens, blocked, words):
                if not used & set(range(a, b)):
                    found.append(PersonMention(index, tokens[a].start, tokens[b - 1].end,
                                               article.text[tokens[a].start:tokens[b - 1].end], None, None, None, None))
        if not honorific.search(folded, span.start, span.end):
            continue
        for i, tok in enumerate(tokens):
            if tok.low.rstrip(".") in words.honorifics and tok.cap:
                name = name_after(tokens, i + 1, blocked, words)
                if name and not used & set(range(*name)):
                    a, b = name
                    found.append(PersonMention(index, tokens[a].start, tokens[b - 1].end,
                                               article.text[tokens[a].start:tokens[b - 1].end], None, None, None, None))
    return found


def _counterparts(article: Article, tokens: tuple[Token, ...], titled: list[PersonMention], blocked: Blocked,
                  words: NameVocab, used: set[int], index: int) -> list[PersonMention]:
    """"Foreign Minister X met her Vietnamese counterpart Bui Thanh Son": the same office, the other country."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.low != "counterpart" or i in used:
            continue
        model = next((m for m in reversed(titled) if m.end <= tok.start), None)
        name = name_after(tokens, i + 1, blocked, words)
        if model is None or name is None or name[1] - name[0] < 2 or used & set(range(*name)):
            continue
        a, b = name
        before = article.mentions_in(tokens[i - 1].start, tokens[i - 1].end) if i > 0 else []
        code = next((m.entry.country for m in before if m.entry.kind == "country"), None)
        org = _office_in(article, model, code) if code is not None else None
        title = model.title
        if title and title.startswith("Minister of ") and org is not None and org.name.startswith("Ministry of "):
            title = "Minister" + org.name[len("Ministry"):]  # the counterpart's own portfolio
        found.append(PersonMention(index, tokens[a].start, tokens[b - 1].end,
                                   article.text[tokens[a].start:tokens[b - 1].end], title, org,
                                   code, model.head, phrase_start=tok.start, phrase_end=tokens[b - 1].end,
                                   counterpart_of=model))
        used.update(range(a, b))
    return found


def _office_in(article: Article, model: PersonMention, code: str | None) -> EntityRef | None:
    """The organisation of ``model``'s office in country ``code``: the country, or its ministry of the portfolio."""
    if model.org is not None and model.org.kind == "country" or rule_of(model.head) == "country":
        entry = article.gazetteer.country(code)
        return entry.ref() if entry is not None else None
    if model.title and model.title.startswith("Minister of "):
        ministry = "Ministry" + model.title[len("Minister"):]
        entry = article.gazetteer.lookup(ministry, country=code) if code is not None else None
        entry = entry or (_nearest_ministry(article, ministry, code) if code is not None else None)
        return entry.ref() if entry else EntityRef(ministry, "organisation", code)
    return None


_PORTFOLIO_STOP = frozenset({"ministry", "of", "and", "the"})


def _nearest_ministry(article: Article, ministry: str, code: str) -> Entry | None:
    """Country ``code``'s ministry whose portfolio shares most words with ``ministry`` ("Ministry of Economy,
    Trade and Industry" → Vietnam's "Ministry of Industry and Trade"), at least half of its own words."""
    def words(name: str) -> set[str]:
        return {w for w in fold(name).replace(",", " ").split() if w not in _PORTFOLIO_STOP}

    wanted = words(ministry)
    best: tuple[float, int, Entry] | None = None
    for entry in article.gazetteer.entries_of("organisation"):
        if entry.country != code or not entry.name.startswith("Ministry of ") or entry.successor:
            continue
        own = words(entry.name)
        shared = len(own & wanted)
        if shared and shared * 2 >= len(own) and (best is None or (shared / len(own), shared) > best[:2]):
            best = (shared / len(own), shared, entry)
    return best[2] if best else None


def _other_side(article: Article, places: ArticlePlaces, found: list[PersonMention],
                counterpart: PersonMention) -> None:
    """"Foreign Minister Iwaya … his Vietnamese counterpart": Iwaya's office is not Vietnam's. A country the
    title left to guesswork and the counterpart's agree: the model is moved to the article's other country."""
    model = counterpart.counterpart_of
    if model is None or counterpart.country is None or model.country not in (None, counterpart.country):
        return
    other = next((c for c in places.countries if c != counterpart.country), None)
    if other is None and model.country is None:
        return  # "Prime Minister Ishiba … his Vietnamese counterpart": no other country named to give him
    org = _office_in(article, model, other) if model.org is None or model.org.kind in ("country", "organisation") \
        else model.org
    found[found.index(model)] = replace(model, org=org, country=other)


def _part_anchored(tokens: tuple[Token, ...], blocked: Blocked, words: NameVocab) -> list[tuple[int, int]]:
    """Full names anchored by "X, for his part, …" or "For her part, X …" (the other side of a meeting)."""
    lows = [t.low for t in tokens]
    found = []
    for i in range(len(tokens) - 2):
        if lows[i] == "for" and lows[i + 1] in ("his", "her") and lows[i + 2] == "part":
            before = name_before(tokens, i, blocked, words)
            if before is not None:
                found.append(before)
            elif i == 0 and len(tokens) > 4 and lows[3] == ",":
                after = name_after(tokens, 4, blocked, words)
                if after is not None and after[1] - after[0] >= 2:
                    found.append(after)
    return found


def _titled(article: Article, places: ArticlePlaces, tokens: tuple[Token, ...],
            phrase: TitlePhrase, blocked: Blocked, words: NameVocab, index: int) -> PersonMention | None:
    if phrase.skip:
        return None
    ends = _mention_ends(article, tokens[0].start, tokens[-1].end)
    owner = phrase.owner
    name: tuple[int, int] | None = None
    after = phrase.last
    embassy = phrase.head.org == "embassy"
    linkers = ("of", "at", "to", "in") if embassy else ("of", "at")
    title = phrase.title
    seat = _seat(article, tokens, after) if embassy and phrase.body is None else None
    posted_to: str | None = None  # the country an ambassador is posted to: not their own
    if seat is not None:  # "Ambassador to Indonesia Yamada Shinichi", "Consul General in Da Nang Yakabe Yoshinori"
        seat_end, place = seat
        name = name_after(tokens, seat_end, blocked, words)
        if name is not None and name[1] - name[0] >= 2 and name[0] == seat_end:
            if tokens[after].low == "to":
                title = f"{title} to {article.text[place.start:place.end]}"
                posted_to = place.entry.country if place.entry.kind == "country" else None
            after = name[1]
        else:
            name = None
    if name is None and not embassy and owner is not None and after < len(tokens) and tokens[after].low == "in":
        seat = _seat(article, tokens, after)  # "JICA Chief Representative in Vietnam Fukase Fumio"
        name = name_after(tokens, seat[0], blocked, words) if seat is not None else None
        if name is not None and seat is not None and name[1] - name[0] >= 2 and name[0] == seat[0]:
            after = name[1]
        else:
            name = None
    if name is None and phrase.body is None and after < len(tokens) and tokens[after].low in linkers:
        end = org_run(tokens, after + 1, embassy=embassy)
        if end > after + 1:
            split = split_name(tokens, after + 1, end, blocked, words, ends)
            if split is None and phrase.head.org == "locality" and end - after - 1 >= 3 and \
                    all(is_name_token(t, blocked, words) for t in tokens[end - 2:end]):
                split = end - 2  # "Mayor of Sakai Nagafuji Hideki": an unknown place, then the name
            org_end = None
            if split is None and not embassy:  # "… Agency (JICA) in Vietnam Sugano Yuichi"
                org_end = end
                split, end = name_after_seat(tokens, end, blocked, words, ends) or (None, end)
            # "Vietnamese Ambassador to Japan", "Japanese Consul General in Da Nang": the owner says whose
            keep = tokens[after].low in ("to", "in") and owner is not None
            if split is not None:
                owner, name = (owner if keep else (after + 1, org_end or split)), (split, end)
            else:
                owner = owner if keep else (after + 1, end)
            posted = _posted_to(article, tokens, owner) if embassy and tokens[after].low == "of" else None
            if posted is not None and owner is not None:  # "Ambassador of Vietnam to Japan": Vietnam's, posted to Japan
                owner, place = (owner[0], posted[0]), posted[1]
                title = f"{title} to {article.text[place.start:place.end]}"
                posted_to = place.entry.country if place.entry.kind == "country" else None
            after = end
    elif phrase.body is not None and after + 1 < len(tokens) and tokens[after].low in ("of", "in") \
            and tokens[after + 1].cap | (tokens[after + 1].low == "the") and tokens[after + 1].low not in MONTHS:
        end = org_run(tokens, after + 1)
        split = split_name(tokens, after + 1, end, blocked, words, ends)
        owner, name = ((after + 1, split), (split, end)) if split is not None else ((after + 1, end), None)
        after = end
    if name is None and (not phrase.lowercase or owner_names_org(tokens, phrase.owner, blocked)):
        name = name_after(tokens, after, blocked, words)
        if name is not None and phrase.lowercase and name[1] - name[0] < 2:
            name = None  # "BOI secretary-general Narit Therdsteerasukdi": a full name, or nobody
        if name is not None and owner is None and name[1] + 1 < len(tokens) and tokens[name[1]].low == "of":
            end = org_run(tokens, name[1] + 1)
            owner = (name[1] + 1, end) if end > name[1] + 1 else None
    if name is None and (not phrase.lowercase or phrase.definite) and after + 2 < len(tokens) \
            and tokens[after].low == ",":
        name = name_after(tokens, after + 1, blocked, words)  # "The Chairman of …, Cao Tuong Huy, on Monday …"
        if name is not None and (name[1] - name[0] < 2 or name[1] < len(tokens) and tokens[name[1]].low != ","):
            name = None
    if name is None:
        name = name_before(tokens, phrase.first, blocked, words, single=owner is not None) or \
            name_taking_office(tokens, phrase.first, blocked, words)  # "X was appointed (as) Minister of …"
    if name is None:
        if not phrase.definite:
            return None
        start, end = tokens[phrase.first].start, tokens[phrase.last - 1].end
        org, country = office_affiliation(article, places, tokens, phrase, owner, vietnamese=False)
        return PersonMention(index, start, end, article.text[start:end], phrase.title, org, country,
                             phrase.head.normal, phrase.visiting, anaphor=True, phrase_start=start, phrase_end=end)
    a, b = name
    person_name = article.text[tokens[a].start:tokens[b - 1].end]
    if owner is not None and tokens[owner[0]].low == "its":
        owner = antecedent_org(tokens, owner[0]) or owner  # "a delegation of the X Association led by its chairman"
    elif owner is None and phrase.head.org == "stated" and phrase.first >= 2 and \
            tokens[phrase.first - 1].low == "by" and tokens[phrase.first - 2].low in ("led", "headed"):
        owner = antecedent_org(tokens, phrase.first - 2) or _delegation_place(article, tokens, phrase.first - 2)
        # "a delegation of Aeon Group (from Binh Dinh) led by Chairman Okada (Vice Chairman X)"
    org, country = office_affiliation(article, places, tokens, phrase, owner, is_vietnamese(person_name),
                                      is_japanese(person_name))
    if posted_to is not None and country == posted_to:  # nothing said whose ambassador: not the host country's
        other = next((c for c in places.countries if c != posted_to), None)
        entry = article.gazetteer.country(other)
        org, country = (entry.ref() if entry is not None else None), other
    edges = (phrase.first, a, max(phrase.last, b, after, owner[1] if owner else 0) - 1)
    return PersonMention(index, tokens[a].start, tokens[b - 1].end, person_name, _clean_title(title),
                         org, country, phrase.head.normal, phrase.visiting,
                         phrase_start=tokens[min(edges)].start, phrase_end=tokens[max(edges)].end)


def _delegation_place(article: Article, tokens: tuple[Token, ...], before: int) -> tuple[int, int] | None:
    """The token span of the place a delegation comes from, named before ``before``: "a delegation from
    Binh Dinh (province) led by …" (only a province, prefecture or city: "from Japan" names no office)."""
    for i in range(before - 1, 0, -1):
        if tokens[i].low in ("from", "of") and tokens[i - 1].low == "delegation":
            j = i + 1 + (i + 1 < before and tokens[i + 1].low == "the")
            for mention in article.mentions_in(tokens[j].start if j < len(tokens) else 0, tokens[before - 1].end):
                if mention.start == tokens[j].start and mention.form == "name" \
                        and mention.entry.kind in ("province", "prefecture", "city"):
                    k = j
                    while k < before and tokens[k].start < mention.end:
                        k += 1
                    return j, k
                break
            return None
    return None


def _posted_to(article: Article, tokens: tuple[Token, ...],
               owner: tuple[int, int] | None) -> tuple[int, Mention] | None:
    """``(index of "to", the country)`` inside an embassy title's owner "Vietnam to Japan", or None."""
    if owner is None:
        return None
    for i in range(owner[0] + 1, owner[1] - 1):
        if tokens[i].low == "to":
            seat = _seat(article, tokens, i)
            return (i, seat[1]) if seat is not None and seat[1].entry.kind == "country" else None
    return None


def _seat(article: Article, tokens: tuple[Token, ...], i: int) -> tuple[int, Mention] | None:
    """``(token after it, mention)`` of the country or city a diplomat is posted to or in: "to (the) Japan"."""
    if i + 1 >= len(tokens) or tokens[i].low not in ("to", "in"):
        return None
    j = i + 1 + (tokens[i + 1].low == "the" and i + 2 < len(tokens))
    for mention in article.mentions_in(tokens[j].start, tokens[-1].end):
        if mention.start == tokens[j].start and mention.form == "name" and \
                mention.entry.kind in ("country", "city", "province", "prefecture"):
            k = j
            while k < len(tokens) and tokens[k].start < mention.end:
                k += 1
            return k, mention
        break
    return None


def _mention_ends(article: Article, start: int, end: int) -> frozenset[int]:
    """Where the gazetteer mentions of a sentence end (computed once per sentence)."""
    return article.memo.get(("mention_ends", start, end),
                            lambda: frozenset(m.end for m in article.mentions_in(start, end)))


def _clean_title(title: str) -> str:
    return title[:1].upper() + title[1:]


@per_article
def cast(article: Article) -> Cast:
    """Everyone the article names with a title or honorific, short mentions resolved."""
    places = article_places(article)
    mentions = find_mentions(article, places)
    groups: list[list[PersonMention]] = []
    keys: list[frozenset[str]] = []
    for mention in sorted((m for m in mentions if not m.anaphor), key=lambda m: -len(name_tokens(m.name))):
        key = name_tokens(mention.name)
        target = resolve_name(key, keys)
        if target is None:
            groups.append([mention])
            keys.append(key)
        else:
            groups[target].append(mention)
    covered = [(m.start, m.end) for g in groups for m in g]
    full_names = [max(g, key=lambda m: len(m.name)).name for g in groups]
    for bare in bare_mentions(article, keys, full_names, covered):
        groups[bare.person].append(PersonMention(bare.sentence, bare.start, bare.end,
                                                 article.text[bare.start:bare.end], None, None, None, None))
    for mention in (m for m in mentions if m.anaphor):
        matches = [g for g in groups if any(m.head == mention.head for m in g)]
        if not matches:  # "the governor" for the one untitled person named in the sentence before (in the same
            matches = [g for g in groups if not any(m.title for m in g)  # one, "X received the governor": another)
                       and any(mention.sentence - m.sentence == 1 for m in g)]
        if len(matches) == 1:
            matches[0].append(mention)
    people = [_person(sorted(g, key=lambda m: m.start)) for g in groups]
    return Cast(tuple(sorted((p for p in people if p is not None), key=lambda p: p.mentions[0].start)))


def _person(mentions: list[PersonMention]) -> Person | None:
    named = [m for m in mentions if not m.anaphor]
    if not named:
        return None
    full = max(named, key=lambda m: len(name_tokens(m.name)))
    titled = [m for m in named if m.title] or [m for m in mentions if m.title]
    if not titled:
        return Person(full.name, None, None, full.country, full.sentence, tuple(mentions))
    best = next((m for m in titled if len(name_tokens(m.name)) == len(name_tokens(full.name))), titled[0])
    org = best.org or next((m.org for m in titled if m.org is not None and m.head == best.head), None)
    country = best.country or next((m.country for m in titled if m.country), None)
    return Person(full.name, best.title, org, country, best.sentence, tuple(mentions))
