"""The gazetteer's lookup API (``kizuna.gazetteer``)."""
from __future__ import annotations

import pytest

from kizuna.gazetteer import Entry, Gazetteer, default


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default()


@pytest.mark.parametrize("name,key", [
    ("Chiba", "jp-chiba"), ("Chiba City", "jpc-chiba"), ("the city of Chiba", "jpc-chiba"),
    ("Kagoshima city", "jpc-kagoshima"), ("Kagoshima Prefecture", "jp-kagoshima"), ("Gunma-ken", "jp-gunma"),
    ("Yokohama-shi", "jpc-yokohama"), ("Bac Ninh", "vn-bac-ninh"), ("Bac Ninh province", "vn-bac-ninh"),
    ("Bac Ninh City", "vnc-bac-ninh"), ("Ho Chi Minh City", "vn-ho-chi-minh-city"),
    ("Ho Chi Minh city", "vn-ho-chi-minh-city"), ("Đà Nẵng", "vn-da-nang"), ("Danang", "vn-da-nang"),
    ("Thừa Thiên Huế", "vn-hue"), ("Japanese", "japan"), ("Japan's", "japan"), ("the Netherlands", "netherlands"),
    ("Toyota", "jpco-toyota"), ("Toyota City", "jpc-toyota"), ("Tokyo", "jp-tokyo"),
])
def test_lookup(gaz: Gazetteer, name: str, key: str) -> None:
    entry = gaz.lookup(name)
    assert entry is not None and entry.key == key


def test_lookup_by_kind_and_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("Chiba", kind="city").key == "jpc-chiba"
    assert gaz.lookup("MOFA", country="JP").key == "jp-mofa"
    assert gaz.lookup("MOFA", country="VN").key == "vn-mofa"
    assert gaz.lookup("MOFA", country="KR") is None
    assert gaz.lookup("Atlantis") is None
    assert [e.key for e in gaz.lookup_all("Osaka")] == ["jp-osaka", "jpc-osaka"]


def test_country_by_iso_code(gaz: Gazetteer) -> None:
    assert gaz.country("JP").name == "Japan"
    assert gaz.country("KR").name == "South Korea"
    assert gaz.country("XX") is None and gaz.country(None) is None


def test_lineage(gaz: Gazetteer) -> None:
    binh_duong = gaz.lookup("Binh Duong")
    assert gaz.successor_of(binh_duong).key == "vn-ho-chi-minh-city"
    assert gaz.current(binh_duong).key == "vn-ho-chi-minh-city"
    assert gaz.current(gaz.lookup("Hanoi")).key == "vn-hanoi"
    assert {e.key for e in gaz.predecessors_of(gaz.lookup("Bac Ninh"))} == {"vn-bac-giang"}
    assert {e.key for e in gaz.predecessors_of(gaz.get("vn-mof"))} == {"vn-mpi"}
    assert gaz.get("vn-mpi").successor_since == "2025-03-01"


def test_entries_and_refs(gaz: Gazetteer) -> None:
    kanagawa = gaz.lookup("Kanagawa")
    assert kanagawa.ref().name == "Kanagawa" and kanagawa.ref().kind == "prefecture" and kanagawa.ref().country == "JP"
    assert kanagawa.local_name == "神奈川県" and kanagawa.capital == "Yokohama"
    assert gaz.lookup("Yokohama").parent == "jp-kanagawa"
    assert len(gaz.entries_of(kind="province", country="VN")) == 57


def test_a_gazetteer_can_be_built_from_entries() -> None:
    entries = {"jp-x": Entry("jp-x", "Xville", "city", "JP", ("Ecksville",))}
    small = Gazetteer(entries)
    assert [(m.text, m.entry.key) for m in small.find("From Ecksville to Xville.")] == [
        ("Ecksville", "jp-x"), ("Xville", "jp-x")]
    assert small.lookup("xville").key == "jp-x"
