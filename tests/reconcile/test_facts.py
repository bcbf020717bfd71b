"""Pairs of short articles reporting one event in different words become one fact."""
from kizuna.reconcile.engine import reconcile

from .conftest import fact, ref, stat

JP, VN = ref("Japan", "country", "JP"), ref("Vietnam", "country", "VN")
NAGANO = ref("Nagano", "prefecture", "JP")


def _participant(name, title, org, country, role):
    return {"name": name, "title": title, "org": org, "country": country, "role": role}


def _visit_pair():
    # NHK style: "Nagano Governor Shuichi Abe met Deputy Prime Minister Tran Hong Ha in Hanoi on Monday."
    nhk = fact("meeting", "nhk-1", "Nagano Governor Shuichi Abe met Deputy Prime Minister Tran Hong Ha in Hanoi on Monday.",
               published="2024-03-05", source="NHK World", date="2024-03-04",
               location=ref("Hanoi", "city", "VN"), kind="talks", topics=["tourism"],
               participants=[_participant("Shuichi Abe", "Governor", NAGANO, "JP", "guest"),
                             _participant("Tran Hong Ha", "Deputy Prime Minister", VN, "VN", "host")])
    # VNA style: "Deputy PM Ha received Governor Abe Shuichi of Japan's Nagano prefecture."
    vna = fact("meeting", "vna-9", "Deputy PM Tran Hong Ha received Governor Abe Shuichi of Japan's Nagano prefecture.",
               published="2024-03-06", source="VietnamPlus (VNA)", date=None, location=None, kind="reception",
               topics=["agriculture"],
               participants=[_participant("Tran Hong Ha", "Deputy Prime Minister", VN, "VN", "host"),
                             _participant("Abe Shuichi", "Governor", NAGANO, "JP", "guest")])
    return nhk, vna


def test_one_visit_two_outlets_is_one_meeting():
    kb = reconcile(_visit_pair())
    meetings = [f for f in kb.facts.values() if f["type"] == "meeting"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting["n_sources"] == 2 and meeting["independent_sources"] == 2
    assert meeting["date"] == "2024-03-04" and meeting["place"]["name"] == "Hanoi"
    assert meeting["topics"] == ["agriculture", "tourism"]
    names = {n for p in meeting["participants"] for n in p["names_used"]}
    assert {"Shuichi Abe", "Abe Shuichi"} <= names  # facts keep the names their articles used
    features = meeting["match_reasons"][0]["features"]
    assert features["participants"]["level"] == "2_shared" and features["date"]["level"] == "within_reporting_window"


def test_same_people_on_different_dates_are_two_meetings():
    nhk, vna = _visit_pair()
    later = dict(vna, date="2025-06-01", published="2025-06-02", fact_id="vna-10#1", doc="vna-10")
    kb = reconcile([nhk, later])
    assert sum(1 for f in kb.facts.values() if f["type"] == "meeting") == 2


def test_factory_opening_reported_twice():
    host = ref("Hai Duong", "province", "VN")
    a = fact("investment", "a", "Japan's Sato Kogyo Co., Ltd opened a plant making precision moulds at Dai An Industrial Park.",
             published="2022-05-10", source="VietnamPlus (VNA)", investor=ref("Sato Kogyo Co., Ltd", "company", "JP"),
             origin=JP, host=host, site="Dai An Industrial Park", project="plant making precision moulds",
             amount={"value": 12000000.0, "currency": "USD"}, sectors=["manufacturing"], year=None, status="opened")
    b = fact("investment", "b", "Sato Kogyo Vietnam inaugurated its precision mould plant in Dai An IP, worth US$12.4 million.",
             published="2022-05-11", source="Hai Duong Newspaper", investor=ref("Sato Kogyo Vietnam", "company", "JP"),
             origin=JP, host=host, site="Dai An Industrial Park", project="precision mould making plant",
             amount={"value": 12400000.0, "currency": "USD"}, sectors=["mechanical_engineering"], year=None, status="opened")
    other = dict(b, fact_id="c#1", doc="c", project="logistics warehouse", site="Nam Sach Industrial Park")
    kb = reconcile([a, b, other])
    investments = sorted((f for f in kb.facts.values() if f["type"] == "investment"), key=lambda f: -f["n_sources"])
    assert len(investments) == 2 and investments[0]["n_sources"] == 2
    assert investments[0]["sectors"] == ["manufacturing", "mechanical_engineering"]


def test_statistic_repeated_by_two_outlets_and_a_republisher():
    period = {"start": "2024-01", "end": "2024-06"}
    a = stat("vov-1", "exports", VN, JP, 11.6e9, "USD", period, published="2024-07-02", source="VOV",
             evidence="Vietnam's exports to Japan reached US$11.6 billion in the first half")
    b = stat("vnx-1", "exports", VN, JP, 11.63e9, "USD", period, published="2024-07-03", source="VnExpress",
             evidence="Exports to Japan in H1 totalled $11.63 billion, customs data show")
    c = stat("rep-1", "exports", VN, JP, 11.63e9, "USD", period, published="2024-07-04",
             source="Some Portal (republishing VnExpress)", evidence="Exports to Japan in H1 totalled $11.63 billion, customs data show")
    kb = reconcile([a, b, c])
    (exports,) = kb.facts.values()
    assert exports["n_sources"] == 3 and exports["independent_sources"] == 2
    assert exports["value"] == 11.63e9 and exports["consistent"]


def test_currently_figures_a_day_apart_are_one_point():
    a = stat("x", "diaspora", VN, NAGANO, 5000, "persons", {"start": None, "end": "2024-03-05"}, "more_than",
             published="2024-03-05", source="NHK World")
    b = stat("y", "diaspora", VN, NAGANO, 5000, "persons", {"start": None, "end": "2024-03-06"}, "more_than",
             published="2024-03-06", source="VietnamPlus (VNA)")
    (point,) = reconcile([a, b]).facts.values()
    assert point["as_of"] == "2024-03-05" and point["n_sources"] == 2
