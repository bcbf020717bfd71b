"""Facts the bundled data files must hold (``src/kizuna/gazetteer/data``)."""
from __future__ import annotations

import math

import pytest

from kizuna.gazetteer import Gazetteer, default

AFTER_MERGER = {
    "Hanoi", "Hue", "Lai Chau", "Dien Bien", "Son La", "Lang Son", "Quang Ninh", "Thanh Hoa", "Nghe An", "Ha Tinh",
    "Cao Bang", "Tuyen Quang", "Lao Cai", "Thai Nguyen", "Phu Tho", "Bac Ninh", "Hung Yen", "Hai Phong", "Ninh Binh",
    "Quang Tri", "Da Nang", "Quang Ngai", "Gia Lai", "Khanh Hoa", "Lam Dong", "Dak Lak", "Ho Chi Minh City",
    "Dong Nai", "Tay Ninh", "Can Tho", "Vinh Long", "Dong Thap", "Ca Mau", "An Giang",
}
MERGED_INTO = {
    "Ha Giang": "Tuyen Quang", "Yen Bai": "Lao Cai", "Bac Kan": "Thai Nguyen", "Vinh Phuc": "Phu Tho",
    "Hoa Binh": "Phu Tho", "Bac Giang": "Bac Ninh", "Thai Binh": "Hung Yen", "Hai Duong": "Hai Phong",
    "Ha Nam": "Ninh Binh", "Nam Dinh": "Ninh Binh", "Quang Binh": "Quang Tri", "Quang Nam": "Da Nang",
    "Kon Tum": "Quang Ngai", "Binh Dinh": "Gia Lai", "Ninh Thuan": "Khanh Hoa", "Dak Nong": "Lam Dong",
    "Binh Thuan": "Lam Dong", "Phu Yen": "Dak Lak", "Binh Duong": "Ho Chi Minh City",
    "Ba Ria-Vung Tau": "Ho Chi Minh City", "Binh Phuoc": "Dong Nai", "Long An": "Tay Ninh",
    "Soc Trang": "Can Tho", "Hau Giang": "Can Tho", "Ben Tre": "Vinh Long", "Tra Vinh": "Vinh Long",
    "Tien Giang": "Dong Thap", "Bac Lieu": "Ca Mau", "Kien Giang": "An Giang",
}
DESIGNATED = {"Sapporo", "Sendai", "Saitama", "Chiba", "Kawasaki", "Yokohama", "Sagamihara", "Niigata", "Shizuoka",
              "Hamamatsu", "Nagoya", "Kyoto", "Osaka", "Sakai", "Kobe", "Okayama", "Hiroshima", "Kitakyushu",
              "Fukuoka", "Kumamoto"}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default()


def vn_provinces(gaz: Gazetteer) -> list:
    return [e for e in gaz.entries.values() if e.key.startswith("vn-") and e.country == "VN" and e.parent is None
            and e.kind in ("province", "city")]


def test_sixty_three_units_before_the_merger_and_thirty_four_after(gaz: Gazetteer) -> None:
    units = vn_provinces(gaz)
    assert len(units) == 63
    survivors = {e.name for e in units if e.successor is None}
    assert len(survivors) == 34
    assert survivors == AFTER_MERGER


def test_every_successor_is_a_surviving_province(gaz: Gazetteer) -> None:
    for entry in vn_provinces(gaz):
        if entry.successor:
            successor = gaz.get(entry.successor)
            assert successor is not None and successor.successor is None, entry.key
            assert successor.country == "VN" and entry.successor_since == "2025-07-01"


@pytest.mark.parametrize("old,new", sorted(MERGED_INTO.items()))
def test_merger_of_1_july_2025(gaz: Gazetteer, old: str, new: str) -> None:
    entry = gaz.lookup(old, country="VN")
    assert entry is not None and entry.kind in ("province", "city")
    assert gaz.current(entry).name == new


def test_centrally_run_cities(gaz: Gazetteer) -> None:
    cities = {e.name for e in vn_provinces(gaz) if e.kind == "city"}
    assert cities == {"Hanoi", "Ho Chi Minh City", "Hai Phong", "Da Nang", "Can Tho", "Hue"}


def test_every_vietnamese_unit_has_a_vietnamese_name_and_coordinates(gaz: Gazetteer) -> None:
    for entry in vn_provinces(gaz):
        assert entry.local_name, entry.key
        assert entry.lat is not None and 8 < entry.lat < 24 and 102 < entry.lon < 110


def test_predecessors_of_ho_chi_minh_city(gaz: Gazetteer) -> None:
    hcmc = gaz.lookup("HCMC")
    assert {e.name for e in gaz.predecessors_of(hcmc)} == {"Binh Duong", "Ba Ria-Vung Tau"}


def test_forty_seven_prefectures_with_kanji_and_capitals(gaz: Gazetteer) -> None:
    prefectures = gaz.entries_of(kind="prefecture", country="JP")
    assert len(prefectures) == 47
    assert len({p.name for p in prefectures}) == 47
    for prefecture in prefectures:
        assert prefecture.local_name and prefecture.local_name[-1] in "県都府道", prefecture.key
        assert prefecture.capital and prefecture.lat is not None
    assert {"Hyogo", "Kochi", "Oita", "Tokyo", "Hokkaido", "Okinawa"} <= {p.name for p in prefectures}


def test_every_prefectural_capital_but_tokyos_is_a_city_of_its_prefecture(gaz: Gazetteer) -> None:
    cities = {(c.parent, c.name) for c in gaz.entries_of(kind="city", country="JP")}
    for prefecture in gaz.entries_of(kind="prefecture"):
        if prefecture.name != "Tokyo":
            assert (prefecture.key, prefecture.capital) in cities, prefecture.key


def test_designated_and_core_cities(gaz: Gazetteer) -> None:
    cities = gaz.entries_of(kind="city", country="JP")
    assert {c.name for c in cities if c.subkind == "designated"} == DESIGNATED
    assert len([c for c in cities if c.subkind == "core"]) == 62
    for name in ("Kisarazu", "Kuragano", "Nasushiobara", "Tsukuba", "Ota", "Isesaki", "Kiryu", "Toyota", "Kurashiki"):
        assert gaz.lookup(name, kind="city") is not None, name


def distance(a, b) -> float:
    return math.hypot(a.lat - b.lat, a.lon - b.lon)


def test_cities_lie_near_their_prefecture_or_province(gaz: Gazetteer) -> None:
    """Catches swapped digits: a city is within a few degrees of its parent's capital."""
    for city in gaz.entries.values():
        if city.parent and city.lat is not None:
            parent = gaz.get(city.parent)
            limit = 4.0 if parent.key in ("jp-hokkaido", "jp-kagoshima", "jp-okinawa", "jp-tokyo") else 1.6
            assert distance(city, parent) < limit, (city.key, parent.key)


def test_countries_cover_vietnams_investors_and_partners(gaz: Gazetteer) -> None:
    countries = gaz.entries_of(kind="country")
    assert len(countries) >= 80
    codes = {c.country for c in countries}
    asean = {"VN", "TH", "MY", "SG", "ID", "PH", "LA", "KH", "MM", "BN"}
    g20 = {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR",
           "US", "GB"}
    investors = {"KR", "SG", "JP", "TW", "HK", "CN", "VG", "NL", "MY", "TH", "US", "KY", "WS", "FR", "CH", "CA"}
    assert asean | g20 | investors <= codes


@pytest.mark.parametrize("name,expected", [
    ("Viet Nam", "Vietnam"), ("Việt Nam", "Vietnam"), ("RoK", "South Korea"), ("ROK", "South Korea"),
    ("the Republic of Korea", "South Korea"), ("S.Korea", "South Korea"), ("Korea", "South Korea"),
    ("U.S.", "United States"), ("USA", "United States"), ("America", "United States"), ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"), ("Hong Kong (China)", "Hong Kong"), ("Taiwan (China)", "Taiwan"),
    ("Chinese Taipei", "Taiwan"), ("the Netherlands", "Netherlands"), ("UAE", "United Arab Emirates"),
    ("Japanese", "Japan"), ("Vietnamese", "Vietnam"), ("South Korean", "South Korea"), ("Singaporean", "Singapore"),
    ("Taiwanese", "Taiwan"), ("Thai", "Thailand"), ("American", "United States"), ("British", "United Kingdom"),
    ("Dutch", "Netherlands"), ("German", "Germany"), ("French", "France"), ("Indonesian", "Indonesia"),
    ("Malaysian", "Malaysia"), ("Indian", "India"), ("Koreans", "South Korea"),
])
def test_country_names_and_demonyms(gaz: Gazetteer, name: str, expected: str) -> None:
    entry = gaz.lookup(name)
    assert entry is not None and entry.kind == "country" and entry.name == expected


@pytest.mark.parametrize("name,expected,kind", [
    ("Gyeongsangbuk-do", "Gyeongsangbuk", "province"), ("North Gyeongsang", "Gyeongsangbuk", "province"),
    ("Gyeonggi", "Gyeonggi", "province"), ("Chungcheongnam-do", "Chungcheongnam", "province"),
    ("Busan", "Busan", "city"), ("Incheon", "Incheon", "city"), ("Daegu", "Daegu", "city"),
    ("Rayong", "Rayong", "province"), ("Chon Buri", "Chonburi", "province"), ("Guangdong", "Guangdong", "province"),
    ("Yunnan", "Yunnan", "province"), ("Guangxi", "Guangxi", "province"), ("West Java", "West Java", "province"),
    ("Jawa Tengah", "Central Java", "province"), ("Banten", "Banten", "province"),
])
def test_regions_of_other_countries(gaz: Gazetteer, name: str, expected: str, kind: str) -> None:
    entry = gaz.lookup(name)
    assert entry is not None and (entry.name, entry.kind) == (expected, kind)


@pytest.mark.parametrize("old,new", [
    ("MPI", "Ministry of Finance"), ("MARD", "Ministry of Agriculture and Environment"),
    ("MONRE", "Ministry of Agriculture and Environment"), ("MOLISA", "Ministry of Home Affairs"),
    ("MIC", "Ministry of Science and Technology"), ("MOT", "Ministry of Construction"),
])
def test_vietnamese_ministries_restructured_in_march_2025(gaz: Gazetteer, old: str, new: str) -> None:
    entry = gaz.lookup(old, country="VN")
    assert entry is not None and entry.successor_since == "2025-03-01"
    assert gaz.current(entry).name == new


@pytest.mark.parametrize("name", ["MOIT", "MOFA", "MoF", "Ministry of Education and Training", "Ministry of Health",
                                  "Ministry of Culture, Sports and Tourism", "VCCI", "State Bank of Vietnam", "FIA",
                                  "VNU Hanoi", "Vietnam National University of Agriculture"])
def test_unchanged_vietnamese_bodies(gaz: Gazetteer, name: str) -> None:
    entry = gaz.lookup(name, country="VN")
    assert entry is not None and entry.kind == "organisation" and entry.successor is None


def test_ambiguous_abbreviations_carry_a_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("MOFA", country="JP").key != gaz.lookup("MOFA", country="VN").key
    assert gaz.lookup("MOFA", country="JP").name == "Ministry of Foreign Affairs"
    assert {e.country for e in gaz.lookup_all("Ministry of Finance")} == {"VN", "JP"}
    assert all(e.country for e in gaz.entries_of(kind="organisation") if e.name.startswith("Ministry"))


@pytest.mark.parametrize("name,country,kind", [
    ("JETRO", "JP", "organisation"), ("JICA", "JP", "organisation"), ("JBIC", "JP", "organisation"),
    ("JCCI", "JP", "organisation"), ("Keidanren", "JP", "organisation"), ("METI", "JP", "organisation"),
    ("LDP", "JP", "organisation"), ("House of Representatives", "JP", "organisation"),
    ("Consulate General of Japan in Ho Chi Minh City", "JP", "organisation"),
    ("Embassy of Japan in Vietnam", "JP", "organisation"), ("KOTRA", "KR", "organisation"),
    ("BKPM", "ID", "organisation"), ("Investment Coordinating Board", "ID", "organisation"),
    ("BOI", "TH", "organisation"), ("Aeon Mall", "JP", "company"), ("Samsung", "KR", "company"),
    ("Uniqlo", "JP", "company"), ("7-Eleven", "JP", "company"), ("MUFG", "JP", "company"), ("SMBC", "JP", "company"),
    ("Gunma Bank", "JP", "company"), ("Asahi", "JP", "company"), ("Mizuho", "JP", "company"),
])
def test_organisations_and_companies(gaz: Gazetteer, name: str, country: str, kind: str) -> None:
    entry = gaz.lookup(name)
    assert entry is not None and (entry.country, entry.kind) == (country, kind)
