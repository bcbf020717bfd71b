"""The statistics vocabulary: metric cues, qualifiers and cue-word groups, read from CSV.

Files in ``vocab/`` (``;`` separates list items inside a cell):

- ``metrics.csv``: metric,unit,kind,cues,nouns,modifiers,context,after,growth_of — one row per
  metric of ``contract/metrics.csv``. ``cues`` are phrases written before a money or
  percentage figure ("registered capital", "two-way trade"; a leading ``~`` marks a weak cue
  that only counts after a count of projects: "54 projects worth…"); ``nouns`` are the head
  nouns after a count ("projects", "enterprises"); ``modifiers`` must stand before that noun
  ("newly licensed projects"); ``context`` is ``event`` (an event must be named near the
  figure) or ``origin`` (a nationality must modify the noun); ``after`` are words that
  must follow a percentage ("…of overseas investment"); ``growth_of`` names the metrics
  whose change a growth percentage measures.
- ``stat_qualifiers.csv``: phrase,qualifier — words just before a figure.
- ``stat_cues.csv``: group,phrase,value — small word lists (hedges, host verbs, event words,
  rank domains, survey samples, count words that are no stock ("existing projects"),
  investment words, single-project words; ``after_cue`` phrases name the money metric
  of a sum written right before them: "$1 billion in FDI"; ``company_mark`` (legal forms:
  "Co.", "Ltd", "JSC") and ``one_project`` ("inaugurated", "its factory") written before a sum
  make it one company's); ``deficit`` phrases are ``trade_surplus`` cues that swap the parties
  ("Japan's trade deficit with Vietnam" is Vietnam's surplus with Japan).

Everything is checked on load; ``VocabularyError`` lists every bad row. ``default()``
builds the frozen ``Vocabulary`` once per process.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import ahocorasick

from ..errors import VocabularyError
from ..records import QUALIFIERS

VOCAB_DIR = Path(str(resources.files("kizuna.extract") / "vocab"))
KINDS = ("stock", "flow", "event")
UNITS = ("count", "USD", "percent", "rank", "persons")
CONTEXTS = ("", "event", "origin", "ties")
CUE_GROUPS = ("hedge", "host_verb", "event", "subset", "continuation", "world", "domain", "rank_noun",
              "comparison", "growth", "decline", "sample", "not_counted", "investment", "single_project", "after_cue",
              "company_mark", "one_project", "deficit", "existing_projects",
              "one_unit", "many_units", "ties", "flow_verb", "event_verb", "event_noun")
DOMAINS = ("oda", "labour", "investment", "trade", "tourism")


@dataclass(frozen=True)
class MetricSpec:
    """How one metric shows itself in text."""

    metric: str
    unit: str
    kind: str
    cues: tuple[str, ...]
    weak_cues: tuple[str, ...]
    nouns: tuple[str, ...]
    modifiers: tuple[str, ...]
    context: str
    after: tuple[str, ...]
    growth_of: tuple[str, ...]
    noun_patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (noun, "<modifiers> noun" at the start)
    noun_words: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (noun, the noun as a word anywhere)
    modifier_pattern: re.Pattern[str] | None = None  # any of ``modifiers`` as a word


@dataclass(frozen=True)
class Vocabulary:
    """Every word list the statistics extractor reads, built once per process."""

    metrics: Mapping[str, MetricSpec]
    qualifiers: Mapping[str, str]  # phrase → qualifier
    groups: Mapping[str, tuple[str, ...]]
    domains: Mapping[str, str]
    patterns: Mapping[str, re.Pattern[str]]
    money_cues: Mapping[str, str]  # cue → metric (strong cues)
    weak_money_cues: Mapping[str, str]
    money_pattern: re.Pattern[str]
    weak_money_pattern: re.Pattern[str]
    after_cues: Mapping[str, str]  # phrase → money metric, only right after a sum
    count_specs: tuple[MetricSpec, ...] = ()  # count and persons metrics that have head nouns
    count_cues: tuple[tuple[MetricSpec, re.Pattern[str]], ...] = ()  # cues written before a count
    qualifier_pattern: re.Pattern[str] = re.compile(r"(?!x)x")  # the longest qualifier ending a window
    # (spec, noun, "<modifiers> noun" pattern) of every head noun of ``count_specs``, in their order
    count_nouns: tuple[tuple[MetricSpec, str, re.Pattern[str]], ...] = ()
    count_noun_finder: ahocorasick.Automaton | None = None  # noun → its indices in ``count_nouns``
    finders: Mapping[str, ahocorasick.Automaton | None] = field(default_factory=dict)  # group → phrases (``has``)

    def group(self, name: str) -> tuple[str, ...]:
        return self.groups.get(name, ())

    def has(self, group: str, text: str) -> bool:
        """A phrase of ``group`` occurs in ``text`` (folded) on word boundaries.

        The same answer as ``patterns[group].search(text)``, found faster: an automaton lists every
        occurrence of the group's phrases (overlaps too), whose edges are then checked.
        """
        finder = self.finders[group]
        if finder is None:
            return False
        last = len(text) - 1
        for end, length in finder.iter(text):
            start = end - length + 1
            if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                continue
            if end < last and (text[end + 1].isalnum() or text[end + 1] in "_-"):
                continue
            return True
        return False

    def find(self, group: str, text: str) -> list[re.Match[str]]:
        return list(self.patterns[group].finditer(text))

    def count_nouns_in(self, text: str) -> Iterator[tuple[MetricSpec, str, re.Pattern[str]]]:
        """The ``count_nouns`` entries whose noun occurs in ``text`` (as a plain substring), in their order.

        Speed: one scan finds every noun (overlaps too), instead of one ``noun in text`` per entry.
        """
        if self.count_noun_finder is None:
            return iter(())
        found = {index for _, indices in self.count_noun_finder.iter(text) for index in indices}
        return (self.count_nouns[index] for index in sorted(found))

    def qualifier_before(self, folded: str, position: int, floor: int = 0) -> str:
        """The qualifier written right before ``position`` ("more than $5 billion" → ``more_than``)."""
        window = folded[max(floor, position - 24):position].rstrip(" ")
        if window.endswith(_CURRENCY_ENDINGS):  # a cheap test first: most windows end with no currency
            window = CURRENCY_END.sub("", window).rstrip(" ")
        found = self.qualifier_pattern.search(window)
        return self.qualifiers[found.group()] if found else "exact"


# Words that may stand between a verb or preposition and its figure ("stood at about", "with more than"), as a
# regex fragment for the grammars that look for what precedes a figure (the qualifier itself is read from
# ``stat_qualifiers.csv`` by ``qualifier_before``).
FIGURE_LEAD = (r"(?:(?:an\s+estimated|a\s+total\s+of|about|around|some|nearly|almost|over|more\s+than|roughly|"
               r"approximately|just\s+over|just\s+under|up\s+to)\s+)?")

# The words that join a league item's party to its figure ("Japan came second with", "with Japan accounting for"),
# as a regex fragment shared by the metric reading and the binding of league items.
LEAGUE_JOINS = (r"(?:with|at|numbered|numbering|totalled|totaled|totalling|stood at|"
                r"(?<=\s)(?:contributing|pouring|registering|accounting\s+for))")

# The words that introduce a part of a figure told just before ("345,000 interns, of whom 209,000 were Vietnamese",
# "4,000 projects, among them 800 from Korea"), as a regex fragment for the metric reading, the party binding and
# the statistics of a sentence (single spaces, so that ``NeededWords`` can gate a search on them).
PART_LEADS = r"(?:of which|of whom|of these|of them|among them|among which)"

# A currency mark ending a window, stripped before qualifiers and cues are looked for ("more than US$").
CURRENCY_END = re.compile(r"(?:us\$|\$|usd|vnd|¥|€)$")
_CURRENCY_ENDINGS = ("$", "usd", "vnd", "¥", "€", "\n")  # how a window ``CURRENCY_END`` matches in may end


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex finding any phrase on word boundaries, longest first."""
    if not phrases:
        return re.compile(r"(?!x)x")
    ordered = sorted(set(phrases), key=len, reverse=True)
    # the look-ahead on first letters spares the look-behind and the alternation at most positions
    firsts = "".join(sorted({re.escape(p[0]) for p in ordered}))
    return re.compile(rf"(?=[{firsts}])(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in (cell or "").split(";") if p.strip())


def _rows(path: Path, columns: tuple[str, ...], problems: list[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        problems.append(f"{path.name}: missing file")
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            problems.append(f"{path.name}: missing columns {', '.join(missing)}")
            return []
        rows = []
        for number, row in enumerate(reader, start=2):
            if None in row or any(row.get(c) is None for c in columns):
                problems.append(f"{path.name}:{number}: wrong number of cells")
                continue
            rows.append((number, {k: (v or "").strip() for k, v in row.items()}))
        return rows


def _metrics(path: Path, problems: list[str]) -> dict[str, MetricSpec]:
    columns = ("metric", "unit", "kind", "cues", "nouns", "modifiers", "context", "after", "growth_of")
    specs: dict[str, MetricSpec] = {}
    growth_refs: list[tuple[int, str]] = []
    for number, row in _rows(path, columns, problems):
        where = f"{path.name}:{number}"
        if not re.fullmatch(r"[a-z_]+", row["metric"]):
            problems.append(f"{where}: bad metric name {row['metric']!r}")
            continue
        if row["metric"] in specs:
            problems.append(f"{where}: duplicate metric {row['metric']!r}")
            continue
        if row["unit"] not in UNITS:
            problems.append(f"{where}: unknown unit {row['unit']!r}")
            continue
        if row["kind"] not in KINDS:
            problems.append(f"{where}: kind must be one of {', '.join(KINDS)}")
            continue
        if row["context"] not in CONTEXTS:
            problems.append(f"{where}: context must be empty, event, origin or ties")
            continue
        cues = _split(row["cues"])
        growth = _split(row["growth_of"])
        growth_refs.extend((number, g) for g in growth)
        nouns = _split(row["nouns"])
        noun_patterns = tuple((n, re.compile(r"\s?((?:[\w'()-]+\s+){0,5}?)" + re.escape(n) + r"(?![\w-])"))
                              for n in nouns)
        noun_words = tuple((n, re.compile(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])")) for n in nouns)
        modifiers = _split(row["modifiers"])
        modifier_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in modifiers) + r")(?![\w])") \
            if modifiers else None
        specs[row["metric"]] = MetricSpec(
            row["metric"], row["unit"], row["kind"], tuple(c for c in cues if not c.startswith("~")),
            tuple(c[1:] for c in cues if c.startswith("~")), nouns, modifiers,
            row["context"], _split(row["after"]), growth, noun_patterns, noun_words, modifier_pattern)
    for number, name in growth_refs:
        if name not in specs:
            problems.append(f"{path.name}:{number}: growth_of names unknown metric {name!r}")
    return specs


def load(vocab_dir: Path = VOCAB_DIR) -> Vocabulary:
    """Read and check the statistics vocabulary; raise ``VocabularyError`` listing every bad row."""
    problems: list[str] = []
    metrics = _metrics(vocab_dir / "metrics.csv", problems)
    qualifiers: list[tuple[str, str]] = []
    path = vocab_dir / "stat_qualifiers.csv"
    for number, row in _rows(path, ("phrase", "qualifier"), problems):
        if not row["phrase"] or row["qualifier"] not in QUALIFIERS:
            problems.append(f"{path.name}:{number}: needs a phrase and a qualifier of {', '.join(QUALIFIERS)}")
            continue
        qualifiers.append((row["phrase"].lower(), row["qualifier"]))
    groups: dict[str, list[str]] = {g: [] for g in CUE_GROUPS}
    domains: dict[str, str] = {}
    after_cues: dict[str, str] = {}
    path = vocab_dir / "stat_cues.csv"
    for number, row in _rows(path, ("group", "phrase", "value"), problems):
        group, phrase = row["group"], row["phrase"].lower()
        if group not in groups or not phrase:
            problems.append(f"{path.name}:{number}: unknown group {group!r} or empty phrase")
            continue
        if group == "domain":
            if row["value"] not in DOMAINS:
                problems.append(f"{path.name}:{number}: domain must be one of {', '.join(DOMAINS)}")
                continue
            domains[phrase] = row["value"]
        if group == "after_cue":
            if row["value"] not in metrics or metrics[row["value"]].unit != "USD":
                problems.append(f"{path.name}:{number}: after_cue needs a money metric, not {row['value']!r}")
                continue
            after_cues[phrase] = row["value"]
        groups[group].append(phrase)
    money: dict[str, str] = {}
    weak: dict[str, str] = {}
    for spec in metrics.values():
        if spec.unit != "USD":
            continue
        for table, cues in ((money, spec.cues), (weak, spec.weak_cues)):
            for cue in cues:
                if cue in table and table[cue] != spec.metric:
                    problems.append(f"metrics.csv: cue {cue!r} signals both {table[cue]} and {spec.metric}")
                table[cue] = spec.metric
    if problems:
        raise VocabularyError(problems)
    frozen_groups = {g: tuple(p) for g, p in groups.items()}
    patterns = {g: phrase_pattern(p) for g, p in frozen_groups.items()}
    for spec in metrics.values():
        if spec.unit in ("count", "persons") and spec.cues:
            patterns[f"cue:{spec.metric}"] = phrase_pattern(spec.cues)
    qualifiers.sort(key=lambda q: len(q[0]), reverse=True)
    # the longest phrase that ends the window and starts a word: the leftmost match
    qualifier_pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p, _ in qualifiers) + r")\Z") \
        if qualifiers else re.compile(r"(?!x)x")
    count_specs = tuple(s for s in metrics.values() if s.unit in ("count", "persons") and s.nouns)
    count_cues = tuple((s, patterns[f"cue:{s.metric}"]) for s in metrics.values() if f"cue:{s.metric}" in patterns)
    first_qualifiers = dict(reversed(qualifiers))  # a phrase listed twice keeps its first qualifier
    count_nouns = tuple((spec, noun, pattern) for spec in count_specs for noun, pattern in spec.noun_patterns)
    return Vocabulary(MappingProxyType(metrics), MappingProxyType(first_qualifiers), MappingProxyType(frozen_groups),
                      MappingProxyType(domains), MappingProxyType(patterns), MappingProxyType(money),
                      MappingProxyType(weak), phrase_pattern(tuple(money)), phrase_pattern(tuple(weak)),
                      MappingProxyType(after_cues), count_specs, count_cues, qualifier_pattern,
                      count_nouns, _substring_finder([noun for _, noun, _ in count_nouns]),
                      MappingProxyType({g: _phrase_finder(p) for g, p in frozen_groups.items()}))


def _phrase_finder(phrases: tuple[str, ...]) -> ahocorasick.Automaton | None:
    """An automaton finding every occurrence of ``phrases``; its value is the phrase's length."""
    if not phrases:
        return None
    automaton = ahocorasick.Automaton()
    for phrase in set(phrases):
        automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    return automaton


def _substring_finder(words: list[str]) -> ahocorasick.Automaton | None:
    """An automaton finding every occurrence of ``words`` in a text; its value is the word's indices in ``words``."""
    if not words:
        return None
    indices: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        indices.setdefault(word, []).append(index)
    automaton = ahocorasick.Automaton()
    for word, where in indices.items():
        automaton.add_word(word, tuple(where))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def default() -> Vocabulary:
    """The bundled vocabulary, loaded once per process."""
    return load()
