"""A cheap test before costly regexes: literal strings that every match must contain.

``required_literals(re.compile(r"\\b(?:signed|inked)\\s+(?:an?\\s+)?MoUs?"))`` says that
every match holds "signed" or "inked", and "MoU" or "MoUs", both at a word start, so a text
lacking them cannot match and the regex need not run. The literals come from the pattern's
syntax tree: fixed pieces ("signed"), short alternations and character classes (``seeks?``),
branches (each branch must give one). Only ASCII literals are kept. Case-sensitive patterns are
tested on the text as it is; when a pattern ignores case, literals and text are compared in
lower case (``haystack`` maps the few non-ASCII letters ``re.IGNORECASE`` equates with ASCII
ones: ſ, ı, İ, the Kelvin sign). The test never rejects a text the regex would match.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import itemgetter, or_
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import cast

import ahocorasick

from ..text import spaced

Clause = frozenset[str]  # one of these strings is in every match

_MAX_STRINGS = 64  # larger sets of exact strings are not worth tracking
_MIN_USEFUL = 2  # a literal shorter than this filters nothing
_SHORT = 3  # clauses with a literal shorter than this ("in", "are") filter little: kept only when alone
_IGNORECASE_TWINS = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})  # \u212a: Kelvin sign
_TWIN = re.compile("[ſıİ\u212a]")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_BITS = itemgetter(1)  # of an automaton hit: (end, bits)


@dataclass(frozen=True)
class _Facts:
    """What a piece of pattern matches: ``exact`` all its strings (when few and known); ``clauses``
    sets of strings each of which has one member in every match, with whether that member
    starts a word; whether a match may be empty, and whether every non-empty match ends with a
    non-word character (both tell whether what follows starts a word)."""

    exact: Clause | None
    clauses: tuple[tuple[Clause, bool], ...] = ()
    empty: bool = False
    nonword_end: bool = False
    boundary: bool = False  # a zero-width word-boundary assertion


_UNKNOWN = _Facts(None)


def required_literals(pattern: re.Pattern[str], slices: bool = False) -> tuple[tuple[Clause, bool], ...]:
    """Clauses of ASCII strings: every match of ``pattern`` holds a string of each clause (in
    any case when ``ignores_case(pattern)``), at a word start when the flag says so. Empty when
    nothing is known. ``slices``: the pattern runs on slices that may cut a word, so a word
    boundary it asserts before matching anything says nothing about the text."""
    return _clauses_of(_parser.parse(pattern.pattern, pattern.flags), pattern, slices)


def literal_choices(pattern: re.Pattern[str], slices: bool = False) -> tuple[tuple[tuple[Clause, bool], ...], ...]:
    """``required_literals`` of each alternative of the pattern's outermost alternation ("A|B",
    "\\b(?:A|B)\\s+"): every match holds all clauses of one of them. Stricter than
    ``required_literals``, which keeps of each alternative only one clause."""
    nodes = list(_parser.parse(pattern.pattern, pattern.flags))
    for _ in range(8):  # open groups until the alternation stands among the nodes
        at = next((i for i, (op, _) in enumerate(nodes) if op == sre.BRANCH), None)
        if at is not None:
            return tuple(_clauses_of(nodes[:at] + list(branch) + nodes[at + 1:], pattern, slices)
                         for branch in nodes[at][1][1])
        groups = [i for i, (op, argument) in enumerate(nodes) if op == sre.SUBPATTERN]
        if len(groups) != 1:
            break
        at = groups[0]
        nodes = nodes[:at] + list(nodes[at][1][-1]) + nodes[at + 1:]
    return (required_literals(pattern, slices),)


def _clauses_of(nodes: object, pattern: re.Pattern[str], slices: bool) -> tuple[tuple[Clause, bool], ...]:
    word_starts = not pattern.flags & re.ASCII  # ASCII \b differs from the finder's Unicode \w
    facts = _sequence(nodes, False, slices)
    clauses = {(clause, anchored and word_starts) for clause, anchored in facts.clauses}
    # a clause holding a string of a smaller clause adds nothing to it
    kept = [(c, a) for c, a in clauses if not any(o < c and (b or not a) for o, b in clauses)]
    strong = [(c, a) for c, a in kept if _strength(c)[0] >= _SHORT]
    kept = strong or kept
    return tuple(sorted(kept, key=lambda ca: (-_strength(ca[0])[0], sorted(ca[0]), ca[1])))


@dataclass(frozen=True)
class NeededWords:
    """Strings one of which every match of a pattern holds (its strongest ``required_literals`` clause,
    without strings that hold a shorter one): ``any_in(text)`` is a plain ``in`` test to run before a
    search that most texts fail, derived from the pattern so that it cannot fall out of step with it.
    No words (every text passes) when nothing is known or the pattern ignores case."""

    words: tuple[str, ...]

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> NeededWords:
        clauses = required_literals(pattern)
        if not clauses or ignores_case(pattern):
            return cls(())
        strings = clauses[0][0]
        return cls(tuple(sorted(s for s in strings if not any(o != s and o in s for o in strings))))

    def any_in(self, text: str) -> bool:
        """Whether ``text`` may hold a match (it surely does not when this is False)."""
        if not self.words:
            return True
        for word in self.words:
            if word in text:
                return True
        return False


class GatedPattern:
    """A regex run only on texts that hold one of the strings every match needs (``NeededWords``): for
    the many searches that most texts fail. ``search`` and ``finditer`` take the arguments of
    ``re.Pattern``'s."""

    __slots__ = ("pattern", "needs")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needs = NeededWords.of(pattern)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        end = len(text) if end is None else end
        return self.pattern.search(text, start, end) if self.needs.any_in(_window(text, start, end)) else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if end is None else end
        return self.pattern.finditer(text, start, end) if self.needs.any_in(_window(text, start, end)) else iter(())


def _window(text: str, start: int, end: int) -> str:
    return text if start == 0 and end >= len(text) else text[start:end]


def alternation_matches(patterns: list[re.Pattern[str]], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What ``finditer`` of the alternation "P0|P1|…" of these patterns finds in ``text[start:end]`` (never empty
    matches), each match from the first pattern that matches leftmost: for an alternation most of whose
    patterns a ``CueFilter`` ruled out, the few left run faster alone than the whole one does."""
    position = start
    while True:
        first: re.Match[str] | None = None
        for pattern in patterns:
            match = pattern.search(text, position, end)
            if match is not None and (first is None or match.start() < first.start()):
                first = match
        if first is None or first.end() == first.start():
            return
        yield first
        position = first.end()


_FEW_FIRST = 24  # more characters a match may start with than this: a look-ahead for them filters little


def led_by_first_chars(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, led by a look-ahead for the few characters its matches can start with
    ("(?=[pia])(?:…)"), so that the regex engine passes over other positions with one test instead of trying
    every branch there. It finds the same matches, as the look-ahead only states what the pattern needs.
    Without a look-ahead when those characters are unknown or many, when the pattern may match the empty
    string, or when only a part of it ignores case. The source is parsed once and compiled once (cue files
    hold a hundred patterns, read at start-up); a bad one raises ``re.error`` as ``re.compile`` does."""
    tree = _parser.parse(source, flags)
    if _scoped_ignorecase(tree) and not flags & re.IGNORECASE:
        return re.compile(source, flags)
    chars, empty = _first_chars(tree)
    if not chars or empty or len(chars) > _FEW_FIRST:  # an empty match may stand anywhere
        return re.compile(source, flags)
    if flags & re.IGNORECASE:
        chars = frozenset(c.lower() for c in chars)  # the look-ahead ignores case as the pattern does
    try:
        return re.compile(f"(?=[{''.join(re.escape(c) for c in sorted(chars))}])(?:{source})", flags)
    except re.error:  # e.g. a global "(?i)" that must stay first
        return re.compile(source, flags)


def _first_chars(items: object) -> tuple[frozenset[str] | None, bool]:
    """The characters a non-empty match of these pattern nodes can start with (None: unknown or any), and
    whether the nodes can match the empty string."""
    found: frozenset[str] = frozenset()
    for op, argument in items:  # type: ignore[attr-defined]
        chars, empty = _first_chars_of(op, argument)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_chars_of(op: object, argument: object) -> tuple[frozenset[str] | None, bool]:
    if op == sre.LITERAL:
        return frozenset({chr(argument)}), False  # type: ignore[arg-type]
    if op == sre.IN:
        items = cast("list[tuple[object, object]]", argument)
        if any(kind != sre.LITERAL for kind, _ in items):
            return None, False  # ranges, categories, negation
        return frozenset(chr(value) for _, value in items), False  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return frozenset(), True
    if op == sre.SUBPATTERN:
        return _first_chars(argument[-1])  # type: ignore[index]
    if op == getattr(sre, "ATOMIC_GROUP", None):
        return _first_chars(argument)
    if op == sre.BRANCH:
        found: frozenset[str] = frozenset()
        empty = False
        for branch in argument[1]:  # type: ignore[index]
            chars, branch_empty = _first_chars(branch)
            if chars is None:
                return None, False
            found, empty = found | chars, empty or branch_empty
        return found, empty
    if op in _REPEATS:
        low, _, body = cast("tuple[int, int, object]", argument)
        chars, empty = _first_chars(body)
        return chars, empty or low == 0
    return None, False


def ignores_case(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern, or a part of it (``(?i:…)``), matches letters in any case."""
    return bool(pattern.flags & re.IGNORECASE) or _scoped_ignorecase(_parser.parse(pattern.pattern, pattern.flags))


def _scoped_ignorecase(items: object) -> bool:
    for op, argument in items:  # type: ignore[attr-defined]
        if op == sre.SUBPATTERN:
            if argument[1] & re.IGNORECASE or _scoped_ignorecase(argument[-1]):
                return True
        elif op == sre.BRANCH:
            if any(_scoped_ignorecase(branch) for branch in argument[1]):
                return True
        elif op in _REPEATS or op in (sre.ASSERT, sre.ASSERT_NOT):
            if _scoped_ignorecase(argument[-1]):
                return True
        elif op == getattr(sre, "ATOMIC_GROUP", None) and _scoped_ignorecase(argument):
            return True
        elif op == sre.GROUPREF_EXISTS and any(_scoped_ignorecase(b) for b in argument[1:] if b is not None):
            return True
    return False


def haystack(text: str) -> str:
    """``text`` prepared for ``CueFilter``: lower case, IGNORECASE twins of ASCII letters mapped to them."""
    if not text.isascii() and _TWIN.search(text):
        text = text.translate(_IGNORECASE_TWINS)
    return text.lower()


class CueFilter:
    """The required literals of several patterns, tested together.

    One Aho-Corasick automaton finds every literal of every pattern in the text, in C; a
    literal that begins a word in its pattern counts only where a word starts in the text.
    Each clause of each pattern is a bit: a literal found sets the bits of the clauses it
    satisfies, and a pattern may match when all the bits of one of its choices are set
    (``literal_choices``: "A|B" needs the literals of A or those of B). ``candidates(text)``
    gives, in order, the indices of the patterns that may match ``text`` (every one that does,
    and rarely one more: see ``__init__``); ``any(text)`` whether one may.

    ``word_starts=True`` uses word starts. When the patterns run on slices of the text given to
    the filter, which may cut a word, say ``slices=True`` (or give one flag per pattern).
    """

    __slots__ = ("fold", "unconstrained", "keyed", "keys", "always", "automaton")

    def __init__(self, patterns: Iterable[re.Pattern[str]], word_starts: bool = False,
                 slices: bool | tuple[bool, ...] = False) -> None:
        patterns = list(patterns)
        cut = slices if isinstance(slices, tuple) else (slices,) * len(patterns)
        self.fold = any(ignores_case(pattern) for pattern in patterns)  # compare in lower case
        per_pattern = [tuple(tuple((frozenset(s.lower() for s in clause) if self.fold else clause, anchored)
                                   for clause, anchored in choice)
                             for choice in literal_choices(pattern, sliced))
                       for pattern, sliced in zip(patterns, cut, strict=True)]
        bits: dict[tuple[Clause, bool], int] = {}
        for choices in per_pattern:
            for clause, anchored in (item for choice in choices for item in choice):
                bits.setdefault((clause, anchored and word_starts), 1 << len(bits))
        # a pattern may match when one of its choices has all its bits. Each choice is filed under the bit
        # of its strongest clause, so that only the choices of clauses a text satisfies are looked at.
        self.unconstrained = tuple(index for index, choices in enumerate(per_pattern) if any(not c for c in choices))
        keyed: dict[int, list[tuple[int, int]]] = {}
        for index, choices in enumerate(per_pattern):
            for choice in (c for c in choices if c and index not in self.unconstrained):
                mask = sum({bits[(c, a and word_starts)] for c, a in choice})
                keyed.setdefault(bits[(choice[0][0], choice[0][1] and word_starts)], []).append((index, mask))
        self.keyed = {bit: tuple(choices) for bit, choices in keyed.items()}
        self.keys = sum(self.keyed)
        # every literal, with the clauses it satisfies found anywhere (a free clause with a string inside
        # it) and found at a word start (also a word-start clause with a string that is its prefix)
        literals: dict[str, list[int]] = {}
        for anchored in (False, True):
            for literal in {s for (clause, a) in bits if a == anchored for s in clause}:
                satisfies = sum(bit for (clause, a), bit in bits.items()
                                if any(member in literal if not a else anchored and literal.startswith(member)
                                       for member in clause))
                literals.setdefault(literal, [0, 0])[anchored] = satisfies
        # the automaton reads " " + ``spaced`` text, where every character but an ASCII letter or digit is a
        # space: a literal is looked for spaced, and with a space before it where it must start a word. That
        # finds it wherever the text holds it (and in a few more places: "co operation" for "co-operation"),
        # so each hit's bits are set with no check of its own, and the bits are gathered in C
        keys: dict[str, int] = {}
        for literal, (anywhere, at_word_start) in literals.items():
            for key, bits_found in ((spaced(literal), anywhere), (" " + spaced(literal), at_word_start)):
                if bits_found:
                    keys[key] = keys.get(key, 0) | bits_found
        self.always = 0  # bits of literals with no ASCII letter or digit ("%"): every text may hold them
        self.automaton = ahocorasick.Automaton()
        for key, bits_found in keys.items():
            if key.strip():
                self.automaton.add_word(key, bits_found)
            else:
                self.always |= bits_found
        if len(self.automaton):
            self.automaton.make_automaton()  # else it stays EMPTY: nothing to find

    def satisfied(self, text: str) -> int:
        """The clauses ``text`` may satisfy, as bits (see ``allowed``): all it does, and a few more."""
        if self.automaton.kind == ahocorasick.EMPTY:
            return self.always
        prepared = " " + spaced(haystack(text) if self.fold else text)
        return reduce(or_, map(_BITS, self.automaton.iter(prepared)), self.always)

    def any(self, text: str) -> bool:
        """Whether any of the patterns may match ``text``."""
        return bool(self.allowed(self.satisfied(text)))

    def candidates(self, text: str) -> tuple[int, ...]:
        """The indices of the patterns that may match ``text``, in order."""
        return self.allowed(self.satisfied(text))

    @lru_cache(maxsize=4096)  # holds the filter too: filters live as long as the process
    def allowed(self, satisfied: int) -> tuple[int, ...]:
        """The indices of the patterns that may match a text with these ``satisfied`` clauses, in order.

        Remembered per set of clauses: sentences meet the same few sets again and again."""
        found = list(self.unconstrained)
        bits = satisfied & self.keys
        while bits:
            bit = bits & -bits  # the lowest bit set
            bits ^= bit
            for index, mask in self.keyed[bit]:
                if satisfied & mask == mask:
                    found.append(index)
        return tuple(sorted(set(found)))


def _strength(strings: Clause) -> tuple[int, int]:
    return (min(len(s) for s in strings), -len(strings))


def _useful(strings: Clause | None) -> bool:
    return strings is not None and _strength(strings)[0] >= _MIN_USEFUL


def _is_word(char: str) -> bool:
    """What ``\\w`` matches in a str pattern: a letter or digit of any script, or "_"."""
    return char.isalnum() or char == "_"


def _after(strings: Clause, word_start: bool) -> bool:
    """Whether the position after any of ``strings`` starts a word (``word_start``: the one before did)."""
    return all(_is_word_start_after(s, word_start) for s in strings)


def _is_word_start_after(string: str, word_start: bool) -> bool:
    return word_start if not string else not _is_word(string[-1])


def _starts_words(strings: Clause) -> bool:
    return all(s and _is_word(s[0]) for s in strings)


def _sequence(items: object, word_start: bool, cut: bool) -> _Facts:
    """Facts of consecutive pattern nodes: exact strings multiply, every requirement holds.

    ``word_start``: the position before the first node starts a word (the character before it,
    if any, is no word character), or is a word boundary where a word character follows. ``cut``:
    nothing is matched yet on a slice that may cut a word (a word boundary there is no word start)."""
    clauses: list[tuple[Clause, bool]] = []
    current: Clause = frozenset({""})
    chain_start = word_start
    exact, empty = True, True
    node_list = list(items)  # type: ignore[call-overload]
    for op, argument in node_list:
        facts = _node(op, argument, word_start, cut)
        empty = empty and facts.empty
        cut = cut and facts.empty
        if facts.boundary:
            if not cut:
                word_start = current == {""} or all(not _is_word(s[-1]) for s in current if s)
            if current == {""}:
                chain_start = word_start
            continue
        if facts.exact is not None and len(current) * len(facts.exact) <= _MAX_STRINGS:
            current = frozenset(a + b for a in current for b in facts.exact)
            word_start = _after(facts.exact, word_start)
            if current == {""}:
                chain_start = word_start
            continue
        exact = False
        clauses.append((current, chain_start and _starts_words(current)))
        if facts.exact is not None:
            clauses.append((facts.exact, word_start and _starts_words(facts.exact)))
        clauses.extend(facts.clauses)
        word_start = facts.nonword_end and (not facts.empty or word_start)
        current, chain_start = frozenset({""}), word_start
    clauses.append((current, chain_start and _starts_words(current)))
    return _Facts(current if exact else None, tuple((c, a) for c, a in clauses if _useful(c)),
                  empty=empty, nonword_end=_nonword_end(node_list, word_start))


def _nonword_end(node_list: list[tuple[object, object]], _: bool) -> bool:
    """Every non-empty match of the sequence ends with a non-word character."""
    for op, argument in reversed(node_list):
        facts = _node(op, argument, False, False)
        if facts.boundary:
            continue
        if not facts.nonword_end:
            return False
        if not facts.empty:
            return True
    return True


def _node(op: object, argument: object, word_start: bool, cut: bool) -> _Facts:
    if op == sre.LITERAL:
        char = chr(argument)  # type: ignore[arg-type]
        if not char.isascii():
            return _Facts(None, nonword_end=not _is_word(char))
        return _Facts(frozenset({char}), nonword_end=not _is_word(char))
    if op == sre.IN:
        return _char_class(argument)  # type: ignore[arg-type]
    if op == sre.SUBPATTERN:
        return _sequence(argument[-1], word_start, cut)  # type: ignore[index]
    if op == getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(argument, word_start, cut)
    if op == sre.BRANCH:
        return _branch([_sequence(branch, word_start, cut) for branch in argument[1]])  # type: ignore[index]
    if op in _REPEATS:
        low, high, body = cast("tuple[int, int, object]", argument)
        facts = _sequence(body, False, cut)
        if word_start and facts.nonword_end:  # every repetition starts where a word may start
            facts = _sequence(body, True, cut)
        if low == 0:  # "s?" adds "" to the strings; longer optional repeats are unknown
            exact = frozenset({""}) | facts.exact if facts.exact is not None and high == 1 else None
            return _Facts(exact, empty=True, nonword_end=facts.nonword_end)
        return _Facts(facts.exact if low == high == 1 else None, facts.clauses if low >= 1 else (),
                      empty=facts.empty, nonword_end=facts.nonword_end)
    if op == sre.AT:
        return _Facts(frozenset({""}), empty=True, nonword_end=True, boundary=argument == sre.AT_BOUNDARY)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _Facts(frozenset({""}), empty=True, nonword_end=True)
    return _UNKNOWN


def _char_class(items: list[tuple[object, object]]) -> _Facts:
    """``[sz]`` is exact; ``\\s`` and ``[.,;]`` end with a non-word character."""
    chars = [chr(value) for kind, value in items if kind == sre.LITERAL]  # type: ignore[arg-type]
    nonword_categories = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)
    nonword = all((kind == sre.LITERAL and not _is_word(chr(value)))  # type: ignore[arg-type]
                  or (kind == sre.CATEGORY and value in nonword_categories) for kind, value in items)
    if len(chars) != len(items) or not all(c.isascii() for c in chars):
        return _Facts(None, nonword_end=nonword)  # ranges, categories, negation, non-ASCII letters
    return _Facts(frozenset(chars), nonword_end=nonword)


def _branch(branches: list[_Facts]) -> _Facts:
    """Alternatives: exact when every branch is; one clause, the union of each branch's strongest
    clause, when every branch has one (a word start only when it is one in every branch)."""
    exact: Clause | None = frozenset()
    for facts in branches:
        exact = exact | facts.exact if exact is not None and facts.exact is not None else None
    if exact is not None and len(exact) > _MAX_STRINGS:
        exact = None
    empty = any(f.empty for f in branches)
    nonword_end = all(f.nonword_end for f in branches)
    if not all(facts.clauses for facts in branches):
        return _Facts(exact, empty=empty, nonword_end=nonword_end)
    best = [max(f.clauses, key=lambda ca: _strength(ca[0])) for f in branches]
    union = frozenset().union(*(clause for clause, _ in best))
    return _Facts(exact, ((union, all(a for _, a in best)),), empty=empty, nonword_end=nonword_end)
