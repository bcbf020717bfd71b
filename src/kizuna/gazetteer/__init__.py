"""Gazetteers: places, countries and organisations loaded from the CSV files in ``data/``.

Every file is checked on load and every bad row is reported at once (``GazetteerError``).
Names are matched in text with one Aho-Corasick automaton over accent-folded text, so
``Đà Nẵng``, ``Da Nang`` and ``Danang`` all find the same entry (see ``matching`` for the
rules on case, word boundaries, person names, kind words and country context).

Files (``;`` separates list items inside a cell; columns in brackets are optional):

- ``countries.csv``: key,name,iso2,aliases,demonyms (plural demonyms such as ``Koreans``
  and spelling variants of hyphenated names are generated)
- ``vn_provinces.csv``: key,name,name_vi,kind,aliases,successor,lat,lon[,capital,suffix_only]
  (the 63 units as they were until 2025-06-30; ``successor`` is the key of the province it
  became part of on 2025-07-01, empty if it still exists; ``kind`` is ``province`` or
  ``city`` for a centrally-run city; lat/lon are those of the capital; ``suffix_only``
  names count only with "city"/"province" around them, e.g. ``Ho Chi Minh``)
- ``vn_cities.csv``: key,name,name_vi,province,aliases,lat,lon[,suffix_only] (cities below
  province level; a city named like its province is ``suffix_only``: ``Bac Ninh City``)
- ``jp_prefectures.csv``: key,name,kanji,capital,aliases,lat,lon[,suffix] (``suffix`` is
  ``ken``, ``fu``, ``to`` or ``do``, giving ``Gunma-ken``, ``Osaka-fu``, ``Tokyo-to``)
- ``jp_cities.csv``: key,name,kanji,prefecture,kind,aliases,lat,lon (``kind``: designated,
  core, city, town or ward; every prefectural capital but Tokyo's is here)
- ``regions.csv``: key,name,kind,country,aliases (first-level divisions of other countries,
  and world regions as ``group``)
- ``organisations.csv``: key,name,kind,country,aliases,successor,since (``kind``:
  organisation, company or group; ``since`` is the date of the merger into ``successor``)
- ``person_words.csv``: word,role (``honorific``, ``vn_family``, ``vn_middle``: words that
  show a place name next to them belongs to a person)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..text import fold, key
from .loading import ENTITY_KINDS, VN_MERGER_DATE, load_entries
from .matching import KIND_RANK, Matcher, fits
from .model import Entry, Mention, PersonWords

__all__ = ["DATA_DIR", "ENTITY_KINDS", "VN_MERGER_DATE", "Entry", "Gazetteer", "Mention", "PersonWords",
           "default", "load"]

DATA_DIR = Path(str(resources.files("kizuna.gazetteer") / "data"))
_KIND_WORDS = re.compile(r"^(?:the )?(?:(?P<prefix>city|province|prefecture) of )?(?P<base>.+?)"
                         r"(?: (?P<suffix>province|prefecture|city|metropolis|ken|fu|to|do|shi|machi|cho))?$")
_KIND_OF_WORD = {"province": "province", "prefecture": "prefecture", "metropolis": "prefecture", "city": "city",
                 "ken": "prefecture", "fu": "prefecture", "to": "prefecture", "do": "prefecture",
                 "shi": "city", "machi": "city", "cho": "city"}


@dataclass
class Gazetteer:
    """All entries, indexed by key and by folded name, with a matcher for running text."""

    entries: dict[str, Entry] = field(repr=False)
    person_words: PersonWords = field(default_factory=PersonWords, repr=False)
    _by_name: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _by_context_name: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _by_demonym: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _order: dict[str, int] = field(default_factory=dict, repr=False)
    _countries: dict[str, Entry] = field(default_factory=dict, repr=False)
    _matcher: Matcher | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._order = {entry_key: i for i, entry_key in enumerate(self.entries)}
        for entry in self.entries.values():
            for name in entry.names:
                self._by_name.setdefault(key(name), []).append(entry)
            for name in entry.context_names:
                self._by_context_name.setdefault(key(name), []).append(entry)
            for demonym in entry.demonyms:
                self._by_demonym.setdefault(key(demonym), []).append(entry)
            if entry.kind == "country" and entry.country:
                self._countries.setdefault(entry.country, entry)
        self._matcher = Matcher(self.entries, self.person_words)

    def get(self, entry_key: str) -> Entry | None:
        return self.entries.get(entry_key)

    def country(self, code: str | None) -> Entry | None:
        """The country with ISO code ``code`` ("JP" → Japan), or None."""
        return self._countries.get(code) if code else None

    def lookup(self, name: str, kind: str | None = None, country: str | None = None) -> Entry | None:
        """The entry a name stands for (optionally of a kind or country), or None.

        ``Chiba`` is the prefecture and ``Chiba City`` the city; ``Japanese`` is Japan;
        ``MOFA`` with ``country="JP"`` is Japan's ministry.
        """
        found = self.lookup_all(name, kind, country)
        return found[0] if found else None

    def lookup_all(self, name: str, kind: str | None = None, country: str | None = None) -> list[Entry]:
        """Every entry a name may stand for, the most likely first."""
        folded = key(name)
        wanted: str | None = None
        candidates = self._by_name.get(folded, [])
        match = _KIND_WORDS.match(folded)
        if match and match.group("base") != folded:
            word = match.group("prefix") or match.group("suffix")
            base = match.group("base")
            with_word = [e for e in self._by_name.get(base, []) + self._by_context_name.get(base, [])
                         if word is None or fits(e, _KIND_OF_WORD[word])]
            if not candidates or (word and with_word):
                candidates, wanted = with_word, _KIND_OF_WORD[word] if word else None
        if not candidates:
            candidates = self._by_demonym.get(folded, [])
        order = self._order
        chosen = [e for e in candidates
                  if (kind is None or e.kind == kind) and (country is None or e.country == country)]
        chosen.sort(key=lambda e: (wanted is not None and not fits(e, wanted), KIND_RANK.get(e.kind, 9),
                                   e.parent is not None, order.get(e.key, 0)))
        return list(dict.fromkeys(chosen))

    def find(self, text: str, start: int = 0, end: int | None = None, folded_text: str | None = None) -> list[Mention]:
        """Non-overlapping mentions in ``text[start:end]``, longest first, on word boundaries.

        ``folded_text``, when given, is ``fold(text)`` computed once for the whole text."""
        assert self._matcher is not None
        return self._matcher.find(text, start, end, folded_text)

    def successor_of(self, entry: Entry) -> Entry | None:
        return self.entries.get(entry.successor) if entry.successor else None

    def current(self, entry: Entry) -> Entry:
        """The entity that ``entry`` is part of today (itself if it was never merged)."""
        seen = {entry.key}
        while (successor := self.successor_of(entry)) is not None and successor.key not in seen:
            seen.add(successor.key)
            entry = successor
        return entry

    def predecessors_of(self, entry: Entry) -> list[Entry]:
        """The entries that merged into ``entry`` (Bac Giang for Bac Ninh; MPI for the MoF)."""
        return [e for e in self.entries.values() if e.successor == entry.key]

    def entries_of(self, kind: str | None = None, country: str | None = None) -> list[Entry]:
        """Every entry of a kind and/or country, in file order."""
        return [e for e in self.entries.values()
                if (kind is None or e.kind == kind) and (country is None or e.country == country)]

    def demonyms(self, kind: str = "country") -> frozenset[str]:
        """Every demonym of the entries of ``kind``, folded ("japanese", "south korean", "koreans")."""
        return frozenset(fold(d) for entry in self.entries_of(kind) for d in entry.demonyms)


def load(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read and check every data file; raise ``GazetteerError`` listing all bad rows."""
    entries, person_words = load_entries(data_dir)
    return Gazetteer(entries, person_words)


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    return load()
