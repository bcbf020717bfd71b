"""Title grammar: "Minister of Finance", "Secretary of Bac Ninh's Party Committee", "BKPM Chief".

A title phrase is built around a *head* from ``vocab/titles.csv`` ("Governor", "Deputy Prime
Minister", "Executive Officer") with, around it:

- a *body* before or after it ("Party Committee Secretary", "Chairman of the Provincial
  People's Council", "head of the management board of industrial parks"): part of the title;
- a *portfolio* after a minister ("Minister of Finance"): part of the title;
- a possessor or owner ("Japan's", "Đà Nẵng's", "BKPM", "Kanagawa"): not part of the title,
  it tells the organisation or country;
- an organisation after "of" ("President of Gunma Bank"): the org, not part of the title.

The office is kept as the document states it: qualifiers ("acting", "interim") stay in the title,
abbreviations are read ("Gov.", "Vice Gov.", "Amb.", "Rep."), a hyphen may join the words of a
head ("Vice-chairwoman"), a portfolio before a minister becomes "Minister of …" ("Japanese Foreign
Minister", "Japan's economy minister"), and two offices of one person are joined ("Deputy Prime
Minister and Commerce Minister X").

``find_titles`` returns these phrases with token spans; people.py attaches names to them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .tokens import PhraseTable, Token, read_vocab

ORG_RULES = {"country", "ministry", "locality", "stated", "embassy", ""}
_CONNECTORS = {"of", "and", "&", "for", "the", "'s", "-", "–", "de"}
_STOP_BEFORE = {"the", "a", "an", "its"}
_SKIP_MODIFIERS = {"late", "former", "ex", "then", "outgoing"}
_QUALIFIERS = {"acting", "interim"}
_PLACE_WORDS = {"city", "province"}
_LOCAL_ADJECTIVES = {"provincial", "municipal"}
_NOT_OWNER = {"visiting", "provincial", "municipal", "prefectural", "acting", "interim"}
_LEGAL = {"co", "ltd", "inc", "jsc", "corp", "llc", "plc"}
_INNER_BODIES = {"committee", "commission", "council", "caucus", "group", "board"}  # "the National Assembly's … Committee"


@dataclass(frozen=True)
class TitleWord:
    """A row of titles.csv: a head, a body or a portfolio."""

    part: str
    normal: str
    org: str
    country: str | None


@dataclass(frozen=True)
class TitleVocab:
    heads: PhraseTable[TitleWord]
    bodies: PhraseTable[TitleWord]
    portfolios: PhraseTable[TitleWord]
    words: frozenset[str]  # every word used in a head: never part of a name


@lru_cache(maxsize=1)
def vocab() -> TitleVocab:
    """titles.csv, checked and compiled once."""
    rows = read_vocab("titles.csv", ("phrase", "part", "normal", "org", "country"),
                      {"part": {"head", "body", "portfolio"}, "org": ORG_RULES})
    tables: dict[str, list[tuple[str, TitleWord]]] = {"head": [], "body": [], "portfolio": []}
    words: set[str] = set()
    for row in rows:
        word = TitleWord(row["part"], row["normal"], row["org"], row["country"] or None)
        tables[row["part"]].append((row["phrase"], word))
        if row["part"] == "portfolio" and "," in row["normal"]:
            tables["portfolio"].append((row["normal"], word))
        if row["part"] == "head":
            phrase = row["phrase"].lower()
            words.update(phrase.replace("-", " ").split())
            if " " in phrase and "-" not in phrase:  # "Vice-chairwoman", "Deputy-Director": one token
                hyphenated = phrase.replace(" ", "-", 1)
                tables["head"].append((hyphenated, word))
                words.add(hyphenated.split()[0])
    return TitleVocab(PhraseTable.build(tables["head"]), PhraseTable.build(tables["body"]),
                      PhraseTable.build(tables["portfolio"]), frozenset(words))


@lru_cache(maxsize=256)
def rule_of(normal: str | None) -> str:
    """The organisation rule (titles.csv ``org``) of a head by its normal form ("Prime Minister" → country)."""
    return next((word.org for word in vocab().heads.entries.values() if word.normal == normal), "")


@dataclass(frozen=True)
class TitlePhrase:
    """A title found in a sentence's tokens (indices are token positions, end exclusive)."""

    first: int            # first token of the whole phrase (article, possessor, body before)
    head_first: int
    last: int             # token after the phrase
    title: str            # the title as the contract writes it
    head: TitleWord
    body: TitleWord | None
    owner: tuple[int, int] | None   # possessor or organisation tokens (Bac Ninh, Gunma Bank)
    skip: bool            # "the late", "former"
    definite: bool        # "the governor": an anaphor when no name is attached
    visiting: bool        # "visiting Governor": the guest side
    lowercase: bool
    in_charge: str | None = None


def find_titles(tokens: tuple[Token, ...]) -> list[TitlePhrase]:
    """Every title phrase in a sentence, left to right, not overlapping."""
    words = vocab()
    firsts = words.heads.firsts
    found: list[TitlePhrase] = []
    resume = 0  # the first token after the last phrase found
    for i in [i for i, tok in enumerate(tokens) if tok.low in firsts]:  # where a head may start
        hit = words.heads.match(tokens, i) if i >= resume else None
        if hit is None:
            continue
        phrase = _parse(tokens, i, hit[0], hit[1], words)
        second = _second_office(tokens, phrase, words)
        if second is not None:  # "Deputy Prime Minister and Commerce Minister X": one person, both offices
            phrase = replace(phrase, last=second.last, title=f"{phrase.title} and {second.title}")
        found.append(phrase)
        resume = max(phrase.last, i + 1)
    return found


def _second_office(tokens: tuple[Token, ...], phrase: TitlePhrase, words: TitleVocab) -> TitlePhrase | None:
    """The office joined to a title by "and" when a name follows it: "Chairman and CEO Akio Toyoda"."""
    j = phrase.last
    if j + 1 >= len(tokens) or tokens[j].low != "and":
        return None
    for start in range(j + 1, min(j + 4, len(tokens))):
        hit = words.heads.match(tokens, start) if tokens[start].low in words.heads.firsts else None
        if hit is not None:
            second = _parse(tokens, start, hit[0], hit[1], words)
            if second.first == j + 1 and not second.skip and second.last < len(tokens) and \
                    (tokens[second.last].cap or tokens[second.last].low == "of"):
                return second
            return None
    return None


def _parse(tokens: tuple[Token, ...], head_first: int, head_end: int, head: TitleWord,
           words: TitleVocab) -> TitlePhrase:
    first = head_first
    body: TitleWord | None = None
    owner: tuple[int, int] | None = None
    title_parts = [head.normal]
    before = words.bodies.match_ending(tokens, head_first)
    if before is not None:
        first, body = before
        inner = _place_word_inside(tokens, first, head_first, words)
        if inner is not None:  # "Ho Chi Minh City People's Committee Chairman": the city is the owner
            first, body = inner
        title_parts = [body.normal, head.normal]
    qualifier = ""
    if first > 0 and tokens[first - 1].low in _QUALIFIERS:  # "acting Governor": part of the office
        first -= 1
        qualifier = tokens[first].low.capitalize() + " "
    portfolio_before = _portfolio_ending(tokens, first, words) if head.org == "ministry" and body is None else None
    if portfolio_before is not None:  # "Japanese Foreign Minister", "Japan's economy minister": of Foreign Affairs
        first = portfolio_before[0]
        ranked = _rank_before_portfolio(tokens, first, head_first, words)
        if ranked is not None:  # "Deputy Foreign Minister": Deputy Minister of Foreign Affairs
            first, head = ranked
            title_parts = [head.normal]
    owner_span = _owner_before(tokens, first)
    if owner_span is not None:
        owner, first = owner_span, owner_span[0]
    local = first > 1 and tokens[first - 1].low in _LOCAL_ADJECTIVES and not tokens[first - 1].cap
    definite = first > local and tokens[first - 1 - local].low in _STOP_BEFORE  # "the (provincial) chairman"
    if definite:
        first -= 1 + local
    modifiers = {t.low for t in tokens[max(0, first - 2):first]}
    last = head_end
    in_charge = None
    if _words_at(tokens, last, ("in", "charge", "of")):
        stop = last + 3
        while stop < len(tokens) and tokens[stop].cap and tokens[stop].low != "of":
            stop += 1
        if stop > last + 3:
            in_charge = " ".join(t.text for t in tokens[last + 3:stop])
            title_parts.append("in charge of " + in_charge)
            last = stop
    if body is None and last < len(tokens) and tokens[last].low == "of":
        k = last + 1 + (last + 1 < len(tokens) and tokens[last + 1].low == "the")
        hit = words.bodies.match(tokens, k)
        place = None if hit else _place_before_body(tokens, k, words)
        possessor = None if hit or place else _possessor_at(tokens, k)
        if possessor:
            place = (possessor[0], possessor[1] - 1, possessor[1])
        hit = hit or words.bodies.match(tokens, place[2] if place else k)
        if hit is not None:
            body = hit[1]
            title_parts.append("of the " + body.normal)
            owner = (place[0], place[1]) if place else owner
            last = hit[0]
            committee_end = _inner_body(tokens, last)
            if committee_end is not None:  # "Chairwoman of the National Assembly's Foreign Affairs Committee"
                title_parts[-1] += "'s " + " ".join(t.text for t in tokens[last + 1:committee_end])
                last = committee_end
        elif head.org == "ministry" and (port := words.portfolios.match(tokens, k)) is not None:
            title_parts.append("of " + port[1].normal)
            last = port[0]
            portfolio_before = None
    elif body is None and head.org == "ministry" and last + 1 < len(tokens) and tokens[last].low == "for" and \
            (port := words.portfolios.match(tokens, last + 1)) is not None:  # "Minister for Trade and Industry"
        title_parts.append("for " + port[1].normal)
        last = port[0]
        portfolio_before = None
    if portfolio_before is not None:
        title_parts.append("of " + portfolio_before[1])
    return TitlePhrase(first, head_first, last, qualifier + " ".join(title_parts), head, body, owner,
                       skip=bool(modifiers & _SKIP_MODIFIERS), definite=definite,
                       visiting="visiting" in modifiers, lowercase=not tokens[head_first].cap,
                       in_charge=in_charge)


def _inner_body(tokens: tuple[Token, ...], i: int) -> int | None:
    """End of "'s Foreign Affairs Committee" at ``i``: a committee of the body just named, or None."""
    if i + 2 >= len(tokens) or tokens[i].low != "'s":
        return None
    j = i + 1
    while j < len(tokens) and j - i <= 6 and (tokens[j].cap and tokens[j].word or
                                              tokens[j].low in ("and", "for", "on") and j > i + 1):
        j += 1
        if tokens[j - 1].low in _INNER_BODIES:
            return j
    return None


def _rank_before_portfolio(tokens: tuple[Token, ...], start: int, head_first: int,
                           words: TitleVocab) -> tuple[int, TitleWord] | None:
    """``(start, head)`` when a rank precedes the portfolio: "Deputy | Foreign | Minister", "Vice | Trade | Minister"."""
    joined = tokens[:start] + (tokens[head_first],)
    hit = words.heads.match_ending(joined, len(joined))
    if hit is None or hit[0] >= start or hit[1].org != "ministry":
        return None
    return hit


def _portfolio_ending(tokens: tuple[Token, ...], end: int, words: TitleVocab) -> tuple[int, str] | None:
    """``(start, portfolio)`` of the longest portfolio right before a minister ("Industry and Trade")."""
    before = tokens[:end]
    for k in range(max(0, end - words.portfolios.longest), end):
        port = words.portfolios.match(before, k)
        if port is not None and port[0] == end:
            return k, port[1].normal
    return None


def _words_at(tokens: tuple[Token, ...], i: int, words: tuple[str, ...]) -> bool:
    return tuple(t.low for t in tokens[i:i + len(words)]) == words


def _possessor_at(tokens: tuple[Token, ...], i: int) -> tuple[int, int] | None:
    """``(start, end)`` of "Bac Ninh 's" / "Ha Nam Province 's" starting at ``i`` (end after 's)."""
    j = i
    while j < len(tokens) and j - i < 5 and (tokens[j].cap or tokens[j].low in ("-", "–")):
        j += 1
    if j > i and j < len(tokens) and tokens[j].low == "'s":
        return i, j + 1
    return None


def _place_before_body(tokens: tuple[Token, ...], i: int, words: TitleVocab) -> tuple[int, int, int] | None:
    """A place written before a body without "'s": "the Hanoi People's Committee" → ``(i, j, j)``
    (place ``[i, j)``, body from ``j``; "the Ba Ria - Vung Tau Provincial People's Committee" too). In "the Hai
    Phong City People's Committee" the word "City" is both the place's and the body's, as written:
    ``(i, j + 1, j)``."""
    for j in range(i + 1, min(i + 6, len(tokens))):
        if not tokens[j - 1].cap and not (tokens[j - 1].low in ("-", "–") and j - 1 > i):
            return None
        if words.bodies.match(tokens, j) is not None:
            inner = tokens[j].low in _PLACE_WORDS and words.bodies.match(tokens, j + 1) is not None
            return (i, j + 1, j) if inner else (i, j, j)
    return None


def _place_word_inside(tokens: tuple[Token, ...], first: int, end: int,
                       words: TitleVocab) -> tuple[int, TitleWord] | None:
    """A body starting with "City"/"Province" right after a place name: the word belongs to the place."""
    if first == 0 or tokens[first].low not in _PLACE_WORDS or not tokens[first - 1].cap:
        return None
    shorter = words.bodies.entries.get(tuple(t.low for t in tokens[first + 1:end]))
    return (first + 1, shorter) if shorter is not None else None


def _owner_before(tokens: tuple[Token, ...], j: int) -> tuple[int, int] | None:
    """The possessor or organisation right before a title: "Japan's", "BKPM", "Kanagawa", "the company's"."""
    if j > 0 and tokens[j - 1].low == "its":
        return j - 1, j
    if j > 0 and tokens[j - 1].low == "'s":
        k = j - 1
        while k > 0 and k > j - 7 and (tokens[k - 1].cap or tokens[k - 1].low in ("-", "–")):
            k -= 1
        if k == j - 1 and k > 0 and tokens[k - 1].low in ("company", "group", "bank", "corporation", "firm"):
            k -= 1
        return (k, j - 1) if k < j - 1 else None
    k = j
    while k > 0 and j - k < 6:
        if tokens[k - 1].cap and tokens[k - 1].word and \
                tokens[k - 1].low not in _LEGAL | _STOP_BEFORE | _SKIP_MODIFIERS | _NOT_OWNER:
            k -= 1
        elif tokens[k - 1].low == "of" and k < j and k > 1 and tokens[k - 2].cap:
            k -= 1  # "Board of Investment secretary-general"
        elif tokens[k - 1].low == ")" and k > 3 and tokens[k - 3].low == "(" and tokens[k - 2].text.isupper():
            k -= 3  # "Board of Investment (BOI) secretary-general"
        else:
            break
    while k < j and not tokens[k].cap:
        k += 1
    return (k, j) if k < j else None


def org_run(tokens: tuple[Token, ...], i: int, embassy: bool = False) -> int:
    """End of an organisation or place phrase starting at ``i``: capitalised words with
    connectors, acronyms in brackets, "prefecture"/"province"/"city", "in <place>" after a consulate."""
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok.cap and tok.word or tok.low in ("prefecture", "province", "city"):
            j += 1
        elif tok.low == "(" and j + 2 < len(tokens) and tokens[j + 2].low == ")" and tokens[j + 1].text.isupper():
            j += 3
        elif tok.low == "and" and vocab().heads.match(tokens, j + 1) is not None:
            break  # "Governor of X Shiota Koichi and Chairman of …": the next title begins
        elif tok.low in _CONNECTORS and j + 1 < len(tokens) and (tokens[j + 1].cap or tokens[j + 1].low == "'s") \
                and j > i or (tok.low == "the" and j == i):
            j += 1
        elif tok.low in _LOCAL_ADJECTIVES and j == i + (tokens[i].low == "the") and j + 1 < len(tokens) \
                and tokens[j + 1].cap:
            j += 1  # "the provincial Department of Planning and Investment"
        elif tok.low in ("in", "to") and j > i and (tokens[j - 1].low in ("consulate", "embassy", "office") or embassy and j - i == 1) \
                and j + 1 < len(tokens) and tokens[j + 1].cap:
            j += 1
        elif tok.low in (",", ".") and j + 1 < len(tokens) and tokens[j + 1].low in _LEGAL and j > i:
            j += 1
        else:
            break
    while j > i and tokens[j - 1].low in _CONNECTORS | {",", "."}:
        j -= 1
    return j
