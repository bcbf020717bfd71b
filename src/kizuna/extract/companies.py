"""Company names in running text.

A company is found three ways:

- a run of capitalised words ending in a head word ("Niwa Foundry", "Mikazuki Hotel Group")
  or a legal suffix ("Sojitz Corporation", "Meitoku Engineering Co., Ltd"), with the words of
  ``vocab/company_words.csv``;
- an item of a list introduced by a company cue ("companies like Toshiba Asia Industrial
  Products", "businesses … such as Aeon Mall and Akuruhi", "especially those by Nippon, Asahi");
- a gazetteer organisation of kind ``company``.

The reported ``name`` is the name as written ("LG Innotek", "Canon Vietnam") without legal suffixes,
with "Viet Nam"/"Việt Nam" written "Vietnam"; ``known_as`` keeps the gazetteer's name.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..gazetteer import Gazetteer, Mention
from ..text import Span, key
from . import Article
from .context import sentence_cues
from .prefilter import CueFilter, alternation_matches
from ..errors import VocabularyError
from .sectors import VOCAB_DIR

ROLES = ("head", "legal")
_WORD = re.compile(r"[A-Z0-9ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚĂĐƯẠ-ỹ][\w'’.&-]*|&")
_LEADING_NOISE = {
    "the", "a", "an", "its", "his", "her", "their", "two", "three", "both", "major", "leading", "giant",
    "companies", "company", "firms", "firm", "investors", "investor", "businesses", "enterprises",
    "meanwhile", "besides", "in", "at", "on", "with", "by", "from", "for", "and", "also", "while",
    "japanese", "vietnamese", "korean", "chinese", "thai", "taiwanese", "singaporean", "american",
    "general", "director", "president", "ceo", "chairman", "mr", "mrs", "ms", "dr", "under", "after",
}
_NOT_COMPANY = re.compile(
    r"\b(?:Ministry|Department|Committee|Agency|University|Chamber|Association|Council|Embassy|Consulate|"
    r"Government|Party|Office|Institute|Federation|Organi[sz]ation|Authority|Board|Assembly|Park|Zone|"
    r"Centre|Center|Forum|Festival|Day|Week|Fund|Programme|Program|Province|Prefecture|City|Port|Fair|Expo|"
    r"Exhibition|Summit|Conference|Show)\b"
)
# a name an event's name goes on with: "the Vietnam Products Fair" is no company "Vietnam Products"
_EVENT_AFTER = re.compile(r"\s+(?:Fair|Expo|Exhibition|Forum|Festival|Conference|Summit|Show|Week|Awards?)\b")
_COUNTRY_TAIL = re.compile(r"\s+(?:Viet\s?Nam|Việt\s?Nam|Vietnam|Japan|Asia|Thailand|Indonesia|Korea)\b")
_LIST_CUES = (  # the ways a list of companies is introduced
    r"(?:companies|firms|businesses|enterprises|investors|corporations|groups|brands|giants|"
    r"conglomerates|retailers|manufacturers|producers|names|projects)\b[^.;:]{0,60}?\b"
    r"(?:such\s+as|like|including|namely)",
    r"especially\s+those\s+(?:by|of|from)",
    r"(?:notably|particularly|including)\s+(?:those\s+)?(?:by|of|from)",
)
# each way alone, for the prefilter (the literals one of them needs are stricter than those of any), and
# searched alone: "\b(?:A|B|C)\s+" finds what the cues a sentence may hold find together (``alternation_matches``)
LIST_CUE_PATTERNS = tuple(re.compile(r"\b(?:" + cue + r")\s+", re.IGNORECASE) for cue in _LIST_CUES)
_WORD_BEFORE_SPACE = re.compile(r"(" + _WORD.pattern + r")\s+$")
_LIST_ITEM = re.compile(r"(?:[A-Z][\w'’.&-]*)(?:\s+(?:[A-Z][\w'’.&-]*|&))*")
_BRAND_WORD = re.compile(r"[ \t]+(?P<word>[A-Z][\w’'-]*[\w])(?![’']s\b)")
_NOT_BRAND_WORD = frozenset({
    "Chairman", "Chairwoman", "President", "Vice", "CEO", "Chief", "Director", "General", "Executive", "Deputy", "Head",
    "Managing", "Senior", "Representative", "Ambassador", "Governor", "Mayor", "Minister", "Secretary", "Mr", "Ms", "Mrs",
    "Dr", "The", "In", "On", "At", "And", "But", "For", "With", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Co", "Ltd", "Inc", "Corp",
})
_COORDINATED_BEFORE = re.compile(r"(?:^|(?<=[\s(—–]))(?P<name>[A-Z][\w'’&.-]*[\w](?:\s+[A-Z][\w'’&.-]*[\w]){0,2})"
                                 r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$")
_COORDINATED_AFTER = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<name>[A-Z][\w'’&.-]*[\w](?:\s+[A-Z][\w'’&.-]*[\w]){0,2}+)"
                                r"(?![\w'’-])(?!\s+(?:province|prefecture|city|Province|Prefecture|City)\b)")
_VIET_NAM = re.compile(r"\b(?:Viet|Việt)\s?Nam\b")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)")


# "Japanese confectioner Meiji", "Taiwan's electronics giant Foxconn": a company introduced by what it is, right
# after a demonym or a country's possessive (gazetteer mentions, so only the words after them are matched)
_DESCRIPTION_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,3}?(?:maker|manufacturer|producer|retailer|confectioner|conglomerate|giant|firm|"
    r"company|developer|trading\s+house|lender|bank|insurer|operator|supplier|brewer|chain|brand|start-?up|contractor|"
    r"builder|exporter|distributor|provider|investor|group)\s+(?P<name>[A-Z][\w&'’.-]*[\w&](?:\s+[A-Z][\w&'’.-]*[\w&]){0,3})")

_AMPERSAND_END = re.compile(r"\s*&$")
_POSSESSIVE_START = re.compile(r"\s*(?:'s|’s)")
_BACKED_END = re.compile(r"-(?:funded|based|invested|owned|backed)$")  # "Japanese-backed": no part of a name


@dataclass(frozen=True)
class CompanyMention:
    """A company named in a text: ``surface == text[start:end]``; ``name`` is the normalised name."""

    start: int
    end: int
    surface: str
    name: str
    listed: bool = False  # found as an item of a company list
    known_as: str | None = None  # the gazetteer's name when it knows the company ("LG" for "LG Innotek")


@dataclass(frozen=True)
class CompanyWords:
    """Head words and legal suffixes of company names, compiled."""

    heads: frozenset[str]
    legal: tuple[str, ...]
    head_pattern: re.Pattern[str]
    legal_tail: re.Pattern[str]
    legal_end: re.Pattern[str]  # legal suffixes ending a name


def load_words(vocab_dir: Path = VOCAB_DIR) -> CompanyWords:
    """Read and check ``company_words.csv``; raise ``VocabularyError`` listing bad rows."""
    problems: list[str] = []
    heads: set[str] = set()
    legal: list[str] = []
    with (vocab_dir / "company_words.csv").open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            word, role = (row.get("word") or "").strip(), (row.get("role") or "").strip()
            if not word or role not in ROLES:
                problems.append(f"company_words.csv:{number}: need a word and a role (head or legal)")
            elif role == "head":
                heads.add(word)
            else:
                legal.append(word)
    if problems:
        raise VocabularyError(problems)
    words = sorted(heads | set(legal), key=len, reverse=True)
    legal_alternatives = "|".join(_flexible(w) for w in sorted(legal, key=len, reverse=True))
    legal_tail = r"(?:,?\s+(?:" + legal_alternatives + r")(?![\w-]))+\.?"
    return CompanyWords(
        heads=frozenset(heads),
        legal=tuple(legal),
        head_pattern=re.compile(_word_alternation(words) + r"(?![\w-])"),
        legal_tail=re.compile(legal_tail),
        legal_end=re.compile(legal_tail + "$"),
    )


def _word_alternation(words: list[str]) -> str:
    r"""``(?<![\w-])(?:w1|w2|…)`` for words in this order, written so that the regex engine skips
    quickly to the capital letters words start with: "P(?<![\w-]P)(?:recision|…)|C(?<![\w-]C)(?:o…)".
    Words that start with another character keep the plain form."""
    groups: dict[str, list[str]] = {}
    for word in words:
        flexible, first = _flexible(word), re.escape(word[:1])
        if not word[:1].isalnum() or not flexible.startswith(first) or flexible[len(first):len(first) + 1] == "?":
            return r"(?<![\w-])(?:" + "|".join(_flexible(w) for w in words) + ")"
        groups.setdefault(first, []).append(flexible[len(first):])
    return "(?:" + "|".join(f"{first}(?<![\\w-]{first})(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def _flexible(word: str) -> str:
    """A regex for a vocabulary word where spaces and commas may vary ("Co., Ltd" = "Co.,Ltd")."""
    parts = [re.escape(p) for p in re.split(r"\s+", word.replace(",", ", ").strip())]
    return r"\s*".join(parts).replace(r"\.", r"\.?")


@lru_cache(maxsize=1)
def words() -> CompanyWords:
    """The bundled company words, loaded once per process."""
    return load_words()


def normalise(name: str) -> str:
    """The investor name: no legal suffix, "Viet Nam" → "Vietnam", single spaces."""
    vocab = words()
    name = _VIET_NAM.sub("Vietnam", name.strip(" ,.;"))
    trimmed = vocab.legal_end.sub("", " " + name).strip(" ,.")
    trimmed = _AMPERSAND_END.sub("", trimmed)  # "Mitsui & Co": the "&" went with the suffix
    return " ".join((trimmed or name).split())


def companies_in(article: Article, start: int, end: int) -> tuple[CompanyMention, ...]:
    """``find_companies`` over ``article.text[start:end]``, computed once per stretch per article."""
    def compute() -> tuple[CompanyMention, ...]:
        sentence = _sentence_holding(article, start, end)
        if sentence is None:
            return tuple(find_companies(article.text, start, end, article.gazetteer))
        # the sentence's mentions and cues are known (``analyse``, ``context.sentence_cues``); a list cue
        # found from ``start`` is one of the sentence, as regexes see the text around the stretch
        lists = sentence_cues(article, sentence, "company_lists")
        mentions = article.mentions_in(start, end)
        described = _described(article.text, end, mentions)
        if not lists and not described and not words().head_pattern.search(article.text, start, end) \
                and all(m.entry.kind != "company" for m in mentions):
            return ()  # most stretches: nothing a company could be found from
        return tuple(find_companies(article.text, start, end, article.gazetteer, mentions=mentions, lists=lists,
                                    described=described))

    return article.memo.get(("companies", start, end), compute)


def _sentence_holding(article: Article, start: int, end: int) -> Span | None:
    """The sentence of the article that holds ``[start, end)``, if any."""
    index = article.sentence_at(start)
    if index is not None and end <= article.sentences[index].end:
        return article.sentences[index]
    return None


def find_companies(text: str, start: int = 0, end: int | None = None,
                   gazetteer: Gazetteer | None = None, mentions: list[Mention] | None = None,
                   lists: tuple[int, ...] | None = None,
                   described: list[CompanyMention] | None = None) -> list[CompanyMention]:
    """Companies named in ``text[start:end]``, in text order, without overlaps.

    ``mentions`` are the gazetteer's mentions of that stretch when the caller has them already;
    ``lists`` which company-list cues ("firms such as", indices of ``LIST_CUE_PATTERNS``) may be in it,
    and ``described`` the companies named by a description ("Japanese confectioner Meiji"), when the
    caller knows.
    """
    end = len(text) if end is None else end
    found = _by_head_word(text, start, end)
    if lists is None:
        lists = _list_cue_filter().candidates(text[start:end])
    if lists:
        found += _by_list(text, start, end, lists)
    if gazetteer is not None:
        if mentions is None:
            mentions = gazetteer.find(text, start, end)
        found += _described(text, end, mentions) if described is None else described
        for mention in mentions:
            if mention.entry.kind == "company":
                stop = _brand_unit_end(text, mention.end, end, mention.entry.name, mentions)
                surface = text[mention.start:stop]
                name = normalise(surface)
                if not key(name).startswith(key(mention.entry.name)):
                    name = mention.entry.name  # an alias of another form ("Matsushita" for Panasonic)
                found.append(CompanyMention(mention.start, stop, surface, name, known_as=mention.entry.name))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), not c.listed))
    result: list[CompanyMention] = []
    for company in found:
        if result and company.start < result[-1].end:
            continue
        result.append(company)
    if gazetteer is not None:
        result = _with_coordinated(text, start, end, result, gazetteer)
    return result


def _described(text: str, end: int, mentions: list[Mention]) -> list[CompanyMention]:
    """Companies named after what they are: "Japanese confectioner Meiji", "Japan's trading house Sojitz"."""
    found = []
    for mention in mentions:
        if mention.form != "demonym" and not (mention.entry.kind == "country" and text.startswith(("'s", "’s"), mention.end)):
            continue
        match = _DESCRIPTION_AFTER.match(text, mention.end, end)
        if match is None or mention.form == "demonym" and match.group().startswith(("'", "’")):
            continue
        names = match.group("name").split()
        while names and (names[-1] in _NOT_BRAND_WORD or names[-1].lower() in _LEADING_NOISE):
            names.pop()  # "… Meiji On Monday": not the name's
        if not names or names[0] in _NOT_BRAND_WORD:
            continue
        first = stop = match.start("name")
        for name in names:  # the surface up to the last word kept
            stop = text.index(name, stop) + len(name)
        surface = text[first:stop]
        if _NOT_COMPANY.search(surface) or any(m.start == first and m.entry.kind != "company" for m in mentions):
            continue  # "Japanese firm Hanoi …" is no name; a place or an organisation is no company
        found.append(CompanyMention(first, stop, surface, normalise(surface)))
    return found


def _with_coordinated(text: str, start: int, end: int, found: list[CompanyMention],
                      gazetteer: Gazetteer) -> list[CompanyMention]:
    """Names joined to a company by "and" or a comma are companies too ("Hisamitsu and Ajinomoto",
    "Canon, Brother and Nidec") unless they are places, organisations, titles or people's words."""
    result = list(found)
    queue = list(found)
    while queue:
        company = queue.pop()
        for candidate in (_coordinated_before(text, start, company.start), _coordinated_after(text, company.end, end)):
            if candidate is None or any(c.start < candidate[1] and candidate[0] < c.end for c in result):
                continue
            surface = text[candidate[0]:candidate[1]]
            if not _may_be_company(surface, gazetteer):
                continue
            mention = CompanyMention(candidate[0], candidate[1], surface, normalise(surface), listed=company.listed)
            result.append(mention)
            queue.append(mention)
    return sorted(result, key=lambda c: c.start)


def _coordinated_before(text: str, floor: int, company_start: int) -> tuple[int, int] | None:
    match = _COORDINATED_BEFORE.search(text, max(floor, company_start - 80), company_start)
    return (match.start("name"), match.end("name")) if match else None


def _coordinated_after(text: str, company_end: int, end: int) -> tuple[int, int] | None:
    match = _COORDINATED_AFTER.match(text, company_end, end)
    return (match.start("name"), match.end("name")) if match else None


def _may_be_company(surface: str, gazetteer: Gazetteer) -> bool:
    words = surface.split()
    if any(w in _NOT_BRAND_WORD or w.lower() in _LEADING_NOISE for w in words) or _NOT_COMPANY.search(surface):
        return False
    if any(m.entry.kind != "company" for m in gazetteer.find(surface)):
        return False
    return len(words) <= 3


def _brand_unit_end(text: str, stop: int, end: int, brand: str, mentions: list[Mention]) -> int:
    """The end of "LG Innotek", "Samsung Display", "Canon Vietnam": a one-word brand the gazetteer
    knows, followed by up to two capitalised words that are no place, title or date (a country
    ends the name: a subsidiary)."""
    if " " in brand:
        return stop
    for _ in range(2):
        word = _BRAND_WORD.match(text, stop, end)
        if not word or word.group("word") in _NOT_BRAND_WORD:
            break
        place = next((m for m in mentions if m.start == word.start("word") and m.entry.kind != "company"), None)
        if place is not None:
            if place.entry.kind == "country" and place.form == "name":
                stop = place.end
            break
        stop = word.end()
    return stop


def _by_head_word(text: str, start: int, end: int) -> list[CompanyMention]:
    vocab = words()
    found: list[CompanyMention] = []
    for match in vocab.head_pattern.finditer(text, start, end):
        first = _extend_left(text, start, match.start())
        if first is None:
            continue
        stop = match.end()
        tail = _COUNTRY_TAIL.match(text, stop, end)
        if tail and not _POSSESSIVE_START.match(text, tail.end(), tail.end() + 3):
            stop = tail.end()
        legal = vocab.legal_tail.match(text, stop, end)
        if legal:
            stop = legal.end()
        surface = text[first:stop].rstrip(" ,")
        if _NOT_COMPANY.search(surface) or _EVENT_AFTER.match(text, first + len(surface), end):
            continue
        found.append(CompanyMention(first, first + len(surface), surface, normalise(surface)))
    return found


def _extend_left(text: str, floor: int, head_start: int) -> int | None:
    """The start of the capitalised run before a head word, without leading noise; None if empty."""
    tokens: list[tuple[int, int]] = []
    cursor = head_start
    while True:
        before = text[max(floor, cursor - 40):cursor]
        match = _WORD_BEFORE_SPACE.search(before)
        if not match or "\n" in match.group(0):
            break
        token_start = cursor - len(before) + match.start(1)
        tokens.append((token_start, cursor - len(before) + match.end(1)))
        cursor = token_start
    tokens.reverse()
    while tokens:
        word = text[tokens[0][0]:tokens[0][1]]
        bare = word.lower().rstrip(".,")
        if bare in _LEADING_NOISE or _BACKED_END.search(bare) \
                or bare.endswith(("'s", "’s")):
            tokens.pop(0)
            continue
        break
    for index, (token_start, token_end) in enumerate(tokens):
        if text[token_start:token_end].endswith(("'s", "’s")):
            tokens = tokens[index + 1:]
            break
    return tokens[0][0] if tokens else None


@lru_cache(maxsize=1)
def _list_cue_filter() -> CueFilter:
    return CueFilter(LIST_CUE_PATTERNS, word_starts=True)


def _by_list(text: str, start: int, end: int, cues: tuple[int, ...]) -> list[CompanyMention]:
    """The companies of the lists the ``cues`` (indices of ``LIST_CUE_PATTERNS``) introduce."""
    found: list[CompanyMention] = []
    for cue in alternation_matches([LIST_CUE_PATTERNS[i] for i in cues], text, start, end):
        cursor = cue.end()
        while cursor < end:
            item = _LIST_ITEM.match(text, cursor, end)
            if not item:
                break
            surface = item.group(0).rstrip(".,")
            if not _NOT_COMPANY.search(surface):
                legal = words().legal_tail.match(text, item.start() + len(surface), end)
                stop = legal.end() if legal else item.start() + len(surface)
                full = text[item.start():stop]
                found.append(CompanyMention(item.start(), stop, full, normalise(full), listed=True))
            else:
                stop = item.start() + len(surface)
            separator = _LIST_SEPARATOR.match(text, stop, end)
            if not separator:
                break
            cursor = separator.end()
    return found
