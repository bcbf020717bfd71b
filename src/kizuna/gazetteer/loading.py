"""Reading and checking the gazetteer's CSV files; every bad row is reported at once."""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

from ..errors import GazetteerError
from ..text import fold
from .model import Entry, PersonWords

ENTITY_KINDS = {"country", "province", "prefecture", "city", "organisation", "company", "group"}
VN_MERGER_DATE = "2025-07-01"
JP_CITY_KINDS = {"designated", "core", "city", "town", "ward"}
JP_PREFECTURE_SUFFIXES = {"ken", "fu", "to", "do", ""}
PERSON_WORD_ROLES = {"honorific", "vn_family", "vn_middle"}
_BOUNDS = {"VN": (8.0, 24.0, 102.0, 110.0), "JP": (24.0, 46.0, 122.0, 146.0)}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def split_cell(cell: str | None) -> tuple[str, ...]:
    """``a;b; c`` → ``("a", "b", "c")``."""
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def spelling_variants(name: str) -> tuple[str, ...]:
    """``Ba Ria-Vung Tau`` also as ``Ba Ria - Vung Tau`` and ``Ba Ria Vung Tau``."""
    if not _INNER_HYPHEN.search(name):
        return ()
    return (_INNER_HYPHEN.sub(" - ", name), _INNER_HYPHEN.sub(" ", name))


def plural_demonyms(demonyms: tuple[str, ...]) -> tuple[str, ...]:
    """``Korean`` → ``Koreans``; ``Thai`` → ``Thais``; ``Japanese`` has no plural form."""
    return tuple(d + "s" for d in demonyms if re.search(r"(an|i|o)$", d))


def _unique(names: tuple[str, ...], *exclude: str) -> tuple[str, ...]:
    seen = set(exclude)
    out = []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return tuple(out)


class _Loader:
    """Collects entries and problems while reading the files of one data directory."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.problems: list[str] = []
        self.entries: dict[str, Entry] = {}
        self.where: dict[str, str] = {}  # key → "file:line", for messages
        self.countries: set[str] = set()

    # -- generic helpers ---------------------------------------------------------------
    def rows(self, name: str, required: tuple[str, ...], optional: bool = False) -> list[tuple[str, dict[str, str]]]:
        path = self.data_dir / name
        if not path.exists():
            if not optional:
                self.problems.append(f"{name}: file is missing")
            return []
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                self.problems.append(f"{name}: missing columns {', '.join(missing)}")
                return []
            rows = []
            for number, row in enumerate(reader, start=2):
                where = f"{name}:{number}"
                if None in row or any(row[c] is None for c in required):
                    self.problems.append(f"{where}: wrong number of cells")
                    continue
                clean = {k: (v or "").strip() for k, v in row.items()}
                if "name" in required and (not clean.get("key") or not clean.get("name")):
                    self.problems.append(f"{where}: key and name are required")
                    continue
                rows.append((where, clean))
            return rows

    def bad(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def coordinates(self, where: str, row: dict[str, str], country: str) -> tuple[float | None, float | None]:
        try:
            lat = float(row["lat"]) if row.get("lat") else None
            lon = float(row["lon"]) if row.get("lon") else None
        except ValueError:
            self.bad(where, "lat/lon are not numbers")
            return None, None
        if (lat is None) != (lon is None):
            self.bad(where, "give both lat and lon or neither")
            return None, None
        low_lat, high_lat, low_lon, high_lon = _BOUNDS[country]
        if lat is not None and lon is not None and not (low_lat <= lat <= high_lat and low_lon <= lon <= high_lon):
            self.bad(where, f"lat/lon {lat},{lon} is outside {country}")
            return None, None
        return lat, lon

    def country_code(self, where: str, cell: str) -> str | None:
        code = cell.upper() or None
        if code is not None and code not in self.countries:
            self.bad(where, f"country {cell!r} is not the iso2 code of a country in countries.csv")
        return code

    def add(self, where: str, entry: Entry) -> None:
        if entry.key in self.entries:
            self.bad(where, f"duplicate key {entry.key!r} (first at {self.where[entry.key]})")
        elif entry.kind not in ENTITY_KINDS:
            self.bad(where, f"unknown kind {entry.kind!r}")
        else:
            aliases = _unique(entry.aliases + tuple(v for n in entry.names for v in spelling_variants(n)), entry.name)
            context = _unique(entry.context_names + tuple(v for n in entry.context_names for v in spelling_variants(n)))
            demonyms = _unique(entry.demonyms + plural_demonyms(entry.demonyms))
            self.entries[entry.key] = replace(entry, aliases=aliases, demonyms=demonyms, context_names=context)
            self.where[entry.key] = where

    # -- one method per file ----------------------------------------------------------
    def countries_file(self) -> None:
        for where, row in self.rows("countries.csv", ("key", "name", "iso2", "aliases", "demonyms")):
            iso2 = row["iso2"]
            if not re.fullmatch(r"[A-Z]{2}", iso2):
                self.bad(where, "iso2 must be two capital letters")
                continue
            if iso2 in self.countries:
                self.bad(where, f"iso2 {iso2} is used twice")
                continue
            self.countries.add(iso2)
            self.add(where, Entry(row["key"], row["name"], "country", iso2,
                                  split_cell(row["aliases"]), split_cell(row["demonyms"])))

    def vn_provinces_file(self) -> None:
        columns = ("key", "name", "name_vi", "kind", "aliases", "successor")
        for where, row in self.rows("vn_provinces.csv", columns):
            if row["kind"] not in ("province", "city"):
                self.bad(where, "kind must be province or city")
                continue
            lat, lon = self.coordinates(where, row, "VN")
            successor = row["successor"] or None
            self.add(where, Entry(row["key"], row["name"], row["kind"], "VN",
                                  split_cell(row["aliases"]) + ((row["name_vi"],) if row["name_vi"] else ()),
                                  successor=successor, successor_since=VN_MERGER_DATE if successor else None,
                                  lat=lat, lon=lon, local_name=row["name_vi"] or None,
                                  capital=row.get("capital") or None,
                                  context_names=split_cell(row.get("suffix_only"))))

    def vn_cities_file(self) -> None:
        columns = ("key", "name", "name_vi", "province", "aliases")
        for where, row in self.rows("vn_cities.csv", columns, optional=True):
            lat, lon = self.coordinates(where, row, "VN")
            self.add(where, Entry(row["key"], row["name"], "city", "VN",
                                  split_cell(row["aliases"]) + ((row["name_vi"],) if row["name_vi"] else ()),
                                  parent=row["province"] or None, lat=lat, lon=lon, local_name=row["name_vi"] or None,
                                  context_names=split_cell(row.get("suffix_only"))))

    def jp_prefectures_file(self) -> None:
        for where, row in self.rows("jp_prefectures.csv", ("key", "name", "kanji", "capital", "aliases")):
            lat, lon = self.coordinates(where, row, "JP")
            suffix = row.get("suffix", "ken")
            if suffix not in JP_PREFECTURE_SUFFIXES:
                self.bad(where, f"suffix must be one of {sorted(JP_PREFECTURE_SUFFIXES)}")
                continue
            generated = (f"{row['name']}-{suffix}",) if suffix else ()
            self.add(where, Entry(row["key"], row["name"], "prefecture", "JP",
                                  split_cell(row["aliases"]) + generated + ((row["kanji"],) if row["kanji"] else ()),
                                  lat=lat, lon=lon, local_name=row["kanji"] or None, capital=row["capital"] or None))

    def jp_cities_file(self) -> None:
        for where, row in self.rows("jp_cities.csv", ("key", "name", "kanji", "prefecture", "kind", "aliases")):
            if row["kind"] not in JP_CITY_KINDS:
                self.bad(where, f"kind must be one of {sorted(JP_CITY_KINDS)}")
                continue
            lat, lon = self.coordinates(where, row, "JP")
            self.add(where, Entry(row["key"], row["name"], "city", "JP",
                                  split_cell(row["aliases"]) + ((row["kanji"],) if row["kanji"] else ()),
                                  parent=row["prefecture"] or None, lat=lat, lon=lon,
                                  local_name=row["kanji"] or None, subkind=row["kind"]))

    def regions_file(self) -> None:
        for where, row in self.rows("regions.csv", ("key", "name", "kind", "country", "aliases")):
            if row["kind"] not in ("province", "city", "group"):
                self.bad(where, "kind must be province, city or group")
                continue
            self.add(where, Entry(row["key"], row["name"], row["kind"], self.country_code(where, row["country"]),
                                  split_cell(row["aliases"])))

    def organisations_file(self) -> None:
        columns = ("key", "name", "kind", "country", "aliases", "successor", "since")
        for where, row in self.rows("organisations.csv", columns):
            if row["kind"] not in ("organisation", "company", "group"):
                self.bad(where, "kind must be organisation, company or group")
                continue
            if row["since"] and (not row["successor"] or not _ISO_DATE.match(row["since"])):
                self.bad(where, "since must be an ISO date and needs a successor")
                continue
            self.add(where, Entry(row["key"], row["name"], row["kind"], self.country_code(where, row["country"]),
                                  split_cell(row["aliases"]), successor=row["successor"] or None,
                                  successor_since=row["since"] or None))

    def person_words_file(self) -> PersonWords:
        words: dict[str, set[str]] = {role: set() for role in PERSON_WORD_ROLES}
        for where, row in self.rows("person_words.csv", ("word", "role"), optional=True):
            if row["role"] not in PERSON_WORD_ROLES:
                self.bad(where, f"role must be one of {sorted(PERSON_WORD_ROLES)}")
            elif not row["word"] or " " in row["word"]:
                self.bad(where, "word must be one word")
            else:
                words[row["role"]].add(fold(row["word"]))
        return PersonWords(frozenset(words["honorific"]), frozenset(words["vn_family"]),
                           frozenset(words["vn_family"] | words["vn_middle"]))

    # -- checks across files ----------------------------------------------------------
    def check_references(self) -> None:
        for entry in self.entries.values():
            where = self.where[entry.key]
            successor = self.entries.get(entry.successor) if entry.successor else None
            if entry.successor and successor is None:
                self.bad(where, f"successor {entry.successor!r} is not a known key")
            elif successor is not None and (successor.key == entry.key or successor.successor):
                self.bad(where, f"successor {successor.key!r} must be a final entity, not itself or merged away")
            parent = self.entries.get(entry.parent) if entry.parent else None
            if entry.parent and parent is None:
                self.bad(where, f"parent {entry.parent!r} is not a known key")
            elif parent is not None and (parent.country != entry.country or parent.kind not in ("province", "prefecture", "city")):
                self.bad(where, f"parent {parent.key!r} is not a province or prefecture of {entry.country}")

    def check_shared_names(self) -> None:
        """Two entries of one kind and country may not answer to the same name."""
        owner: dict[tuple[str, str, str | None], str] = {}
        for entry in self.entries.values():
            for name in {fold(n) for n in (*entry.names, *entry.context_names, *entry.demonyms)}:
                slot = (name, entry.kind, entry.country)
                if slot in owner and owner[slot] != entry.key:
                    self.bad(self.where[entry.key], f"name {name!r} is also a name of {owner[slot]!r}")
                owner.setdefault(slot, entry.key)


def load_entries(data_dir: Path) -> tuple[dict[str, Entry], PersonWords]:
    """All entries of a data directory and its person words; ``GazetteerError`` lists every problem."""
    loader = _Loader(data_dir)
    loader.countries_file()
    loader.vn_provinces_file()
    loader.vn_cities_file()
    loader.jp_prefectures_file()
    loader.jp_cities_file()
    loader.regions_file()
    loader.organisations_file()
    person_words = loader.person_words_file()
    loader.check_references()
    loader.check_shared_names()
    if loader.problems:
        raise GazetteerError(loader.problems)
    return loader.entries, person_words
