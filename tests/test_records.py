import json

from kizuna.records import (WORLD, Agreement, Amount, EntityRef, Evidence, Investment, Period, Statistic)

JAPAN = EntityRef("Japan", "country", "JP")
VIETNAM = EntityRef("Vietnam", "country", "VN")
EVIDENCE = Evidence(10, 20, "0123456789")


def test_statistic_contract_shape_has_every_field_in_order():
    record = Statistic(doc="a.txt", evidence=EVIDENCE, metric="active_projects", subject=JAPAN, target=VIETNAM,
                       value=5681, unit="count", period=Period(None, "2025-10-31"), confidence=0.91234)
    out = record.to_contract()
    assert list(out) == ["type", "metric", "subject", "target", "value", "unit", "qualifier", "period", "rank_of",
                         "doc", "evidence", "confidence"]
    assert out["subject"] == {"name": "Japan", "kind": "country", "country": "JP"}
    assert out["period"] == {"start": None, "end": "2025-10-31"}
    assert out["confidence"] == 0.912
    assert "domain" not in out


def test_partner_rank_carries_its_domain_and_world_has_no_country():
    record = Statistic(doc="a", evidence=EVIDENCE, metric="partner_rank", subject=WORLD, target=VIETNAM,
                       value=3, unit="rank", domain="investment")
    out = record.to_contract()
    assert out["domain"] == "investment"
    assert out["subject"] == {"name": "World", "kind": "group", "country": None}


def test_alt_names_and_nested_amounts_serialise_to_json():
    mpi = EntityRef("Ministry of Planning and Investment", "organisation", "VN", alt=("Ministry of Finance",))
    agreement = Agreement(doc="a", evidence=EVIDENCE, kind="mou", status="signed", parties=(JAPAN, mpi), date="2014")
    assert agreement.to_contract()["parties"][1]["alt"] == ["Ministry of Finance"]
    investment = Investment(doc="a", evidence=EVIDENCE, investor=EntityRef("Fujikin", "company", "JP"), origin=JAPAN,
                            host=EntityRef("Da Nang", "city", "VN"), amount=Amount(35e6))
    out = json.loads(json.dumps(investment.to_contract()))
    assert out["amount"] == {"value": 35e6, "currency": "USD"} and out["site"] is None
