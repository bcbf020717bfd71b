"""The gazetteer's value types: an entry (one known entity) and a mention of it in a text."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import EntityRef


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
    local_name: str | None = None  # Vietnamese with diacritics, or kanji
    capital: str | None = None  # seat of a province or prefecture
    subkind: str | None = None  # designated / core / city / town for Japanese cities
    context_names: tuple[str, ...] = ()  # names that count only with "city"/"province"... around them

    def ref(self) -> EntityRef:
        return EntityRef(self.name, self.kind, self.country)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Mention:
    """An entry found in a text: ``text == document_text[start:end]``.

    ``form`` is ``"name"`` or ``"demonym"``; ``alternatives`` are the other entries the same
    words could stand for (``MOFA`` of Japan when Vietnam's was chosen; Chiba city when
    Chiba prefecture was), for extractors that know better from the article.
    """

    start: int
    end: int
    text: str
    entry: Entry
    form: str
    alternatives: tuple[Entry, ...] = ()

    def entry_for(self, country: str | None) -> Entry:
        """The entry this mention stands for in an article about ``country`` (ISO alpha-2)."""
        if country is None or self.entry.country == country:
            return self.entry
        return next((e for e in self.alternatives if e.country == country), self.entry)


@dataclass(frozen=True)
class PersonWords:
    """Words that show a place name is part of a person's name (all folded to lower case)."""

    honorifics: frozenset[str] = frozenset()  # "Mr", "Governor": "Mr Chiba" is a person
    vn_family: frozenset[str] = frozenset()  # "Hue Nguyen" is a person
    vn_names: frozenset[str] = frozenset()  # family and middle names: "Nguyen Hoa Binh", "Thi Hue"
