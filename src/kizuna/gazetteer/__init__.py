"""Gazetteers: places, countries and organisations loaded from the CSV files in ``data/``.

Every file is checked on load and every bad row is reported at once (``GazetteerError``).
Names are matched in text with one Aho-Corasick automaton over accent-folded text, so
``Đà Nẵng``, ``Da Nang`` and ``Danang`` all find the same entry.

Files (``;`` separates list items inside a cell):

- ``countries.csv``: key,name,iso2,aliases,demonyms
- ``vn_provinces.csv``: key,name,name_vi,kind,aliases,successor,lat,lon
  (``successor`` is the key of the province it became part of on 2025-07-01, empty if it
  still exists; ``kind`` is ``province`` or ``city`` for a centrally-run city)
- ``jp_prefectures.csv``: key,name,kanji,capital,aliases,lat,lon
- ``jp_cities.csv``: key,name,kanji,prefecture,kind,aliases,lat,lon
- ``regions.csv``: key,name,kind,country,aliases (first-level divisions of other countries)
- ``organisations.csv``: key,name,kind,country,aliases,successor,since
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from ..errors import GazetteerError
from ..records import EntityRef
from ..text import fold, key

DATA_DIR = Path(str(resources.files("kizuna.gazetteer") / "data"))
ENTITY_KINDS = {"country", "province", "prefecture", "city", "organisation", "company", "group"}
VN_MERGER_DATE = "2025-07-01"


@dataclass(frozen=True)
class Entry:
    """One known entity."""

    key: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    parent: str | None = None  # key of the containing prefecture or province
    successor: str | None = None  # key of the entity it merged into
    successor_since: str | None = None
    lat: float | None = None
    lon: float | None = None

    def ref(self) -> EntityRef:
        return EntityRef(self.name, self.kind, self.country)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Mention:
    """An entry found in a text: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str
    entry: Entry
    form: str  # "name" or "demonym"


@dataclass
class Gazetteer:
    """All entries, indexed by key and by folded name, with a matcher for running text."""

    entries: dict[str, Entry]
    _by_name: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        automaton = ahocorasick.Automaton()
        surface: dict[str, list[tuple[Entry, str]]] = {}
        for entry in self.entries.values():
            for name in entry.names:
                self._by_name.setdefault(key(name), []).append(entry)
                surface.setdefault(fold(name), []).append((entry, "name"))
            for demonym in entry.demonyms:
                surface.setdefault(fold(demonym), []).append((entry, "demonym"))
        for form, options in surface.items():
            automaton.add_word(form, (len(form), tuple(options)))
        automaton.make_automaton()
        self._automaton = automaton

    def get(self, entry_key: str) -> Entry | None:
        return self.entries.get(entry_key)

    def lookup(self, name: str, kind: str | None = None, country: str | None = None) -> Entry | None:
        """The entry a name stands for (optionally of a kind or country), or None."""
        candidates = self._by_name.get(key(name), [])
        for entry in candidates:
            if (kind is None or entry.kind == kind) and (country is None or entry.country == country):
                return entry
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping mentions in ``text[start:end]``, longest first, on word boundaries."""
        end = len(text) if end is None else end
        folded = fold(text[start:end])
        found: list[tuple[int, int, tuple[tuple[Entry, str], ...]]] = []
        assert self._automaton is not None
        for last, (length, options) in self._automaton.iter(folded):
            first = last - length + 1
            if _word_boundary(folded, first, last + 1):
                found.append((first, last + 1, options))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        mentions: list[Mention] = []
        cursor = 0
        for first, stop, options in found:
            if first < cursor:
                continue
            entry, form = _preferred(options, text[start + first:start + stop])
            mentions.append(Mention(start + first, start + stop, text[start + first:start + stop], entry, form))
            cursor = stop
        return mentions

    def successor_of(self, entry: Entry) -> Entry | None:
        return self.entries.get(entry.successor) if entry.successor else None


_KIND_PREFERENCE = {"country": 0, "province": 1, "prefecture": 2, "organisation": 3, "city": 4, "company": 5, "group": 6}


def _preferred(options: tuple[tuple[Entry, str], ...], surface: str) -> tuple[Entry, str]:
    """Among entries sharing a surface form, prefer exact case, then the larger kind of place."""
    return min(options, key=lambda o: (o[0].name != surface and surface not in o[0].aliases,
                                       _KIND_PREFERENCE.get(o[0].kind, 9)))


def _word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def _float(cell: str | None) -> float | None:
    return float(cell) if cell and cell.strip() else None


def _read(path: Path, required: tuple[str, ...], problems: list[str]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            problems.append(f"{path.name}: missing columns {', '.join(missing)}")
            return []
        rows = []
        for number, row in enumerate(reader, start=2):
            if None in row or any(row[c] is None for c in required):
                problems.append(f"{path.name}:{number}: wrong number of cells")
                continue
            if not row["key"].strip() or not row["name"].strip():
                problems.append(f"{path.name}:{number}: key and name are required")
                continue
            rows.append((number, {k: (v or "").strip() for k, v in row.items()}))
        return rows


def _coordinates(path: Path, number: int, row: dict[str, str], problems: list[str]) -> tuple[float | None, float | None]:
    try:
        return _float(row.get("lat")), _float(row.get("lon"))
    except ValueError:
        problems.append(f"{path.name}:{number}: lat/lon are not numbers")
        return None, None


def load(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read and check every data file; raise ``GazetteerError`` listing all bad rows."""
    problems: list[str] = []
    entries: dict[str, Entry] = {}

    def add(path: Path, number: int, entry: Entry) -> None:
        if entry.key in entries:
            problems.append(f"{path.name}:{number}: duplicate key {entry.key!r}")
        elif entry.kind not in ENTITY_KINDS:
            problems.append(f"{path.name}:{number}: unknown kind {entry.kind!r}")
        else:
            entries[entry.key] = entry

    path = data_dir / "countries.csv"
    for number, row in _read(path, ("key", "name", "iso2", "aliases", "demonyms"), problems):
        if len(row["iso2"]) != 2:
            problems.append(f"{path.name}:{number}: iso2 must be two letters")
            continue
        add(path, number, Entry(row["key"], row["name"], "country", row["iso2"].upper(),
                                _split(row["aliases"]), _split(row["demonyms"])))

    path = data_dir / "vn_provinces.csv"
    for number, row in _read(path, ("key", "name", "name_vi", "kind", "aliases", "successor"), problems):
        if row["kind"] not in ("province", "city"):
            problems.append(f"{path.name}:{number}: kind must be province or city")
            continue
        lat, lon = _coordinates(path, number, row, problems)
        aliases = _split(row["aliases"]) + ((row["name_vi"],) if row["name_vi"] else ())
        add(path, number, Entry(row["key"], row["name"], row["kind"], "VN", aliases,
                                successor=row["successor"] or None,
                                successor_since=VN_MERGER_DATE if row["successor"] else None, lat=lat, lon=lon))

    path = data_dir / "jp_prefectures.csv"
    for number, row in _read(path, ("key", "name", "kanji", "capital", "aliases"), problems):
        lat, lon = _coordinates(path, number, row, problems)
        base = row["name"]
        aliases = _split(row["aliases"]) + tuple(a for a in (row["kanji"], f"{base}-ken") if a)
        add(path, number, Entry(row["key"], base, "prefecture", "JP", aliases, lat=lat, lon=lon))

    path = data_dir / "jp_cities.csv"
    for number, row in _read(path, ("key", "name", "kanji", "prefecture", "kind", "aliases"), problems):
        lat, lon = _coordinates(path, number, row, problems)
        aliases = _split(row["aliases"]) + ((row["kanji"],) if row["kanji"] else ())
        add(path, number, Entry(row["key"], row["name"], "city", "JP", aliases,
                                parent=row["prefecture"] or None, lat=lat, lon=lon))

    path = data_dir / "regions.csv"
    for number, row in _read(path, ("key", "name", "kind", "country", "aliases"), problems):
        add(path, number, Entry(row["key"], row["name"], row["kind"], row["country"].upper() or None,
                                _split(row["aliases"])))

    path = data_dir / "organisations.csv"
    for number, row in _read(path, ("key", "name", "kind", "country", "aliases", "successor", "since"), problems):
        add(path, number, Entry(row["key"], row["name"], row["kind"], row["country"].upper() or None,
                                _split(row["aliases"]), successor=row["successor"] or None,
                                successor_since=row["since"] or None))

    for entry in entries.values():
        for ref, what in ((entry.successor, "successor"), (entry.parent, "prefecture")):
            if ref and ref not in entries:
                problems.append(f"{entry.key}: {what} {ref!r} is not a known key")
    if problems:
        raise GazetteerError(problems)
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    return load()
