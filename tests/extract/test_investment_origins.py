"""Tests for investor origins read from the grammar around a company's name."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.document import Document
from kizuna.gazetteer import default
from kizuna.extract import analyse, investments


def _origins(text: str) -> dict[str, str | None]:
    records = investments.extract(analyse(Document("t", text, published=date(2024, 1, 1)), default()))
    return {r.investor.name: r.origin.name if r.origin else None for r in records}


@pytest.mark.parametrize("text, investor, origin", [
    ("Sato Logistics, a Japanese firm, will build a warehouse in Hai Phong.", "Sato Logistics", "Japan"),
    ("Tokyo-based Sato Logistics plans to invest in a warehouse in Long An.", "Sato Logistics", "Tokyo"),
    ("Sato Logistics, headquartered in Osaka, opened a warehouse in Dong Nai.", "Sato Logistics", "Osaka"),
    ("Sato Logistics of Japan opened a warehouse in Dong Nai.", "Sato Logistics", "Japan"),
    ("The Japanese group Sato Logistics opened a warehouse in Dong Nai.", "Sato Logistics", "Japan"),
    ("Mitsubishi Corporation has invested in a power plant in Quang Tri.", "Mitsubishi", "Japan"),  # gazetteer
])
def test_origin_from_the_phrase_around_the_name(text, investor, origin):
    assert _origins(text)[investor] == origin


def test_origin_from_an_earlier_mention_in_the_article():
    text = ("Korea's Hanwha Engineering and Japan's Sato Logistics were among the exhibitors at the fair in Hanoi. "
            "Sato Logistics will build a $50 million warehouse in Hai Phong.")
    assert _origins(text)["Sato Logistics"] == "Japan"


def test_a_country_named_before_a_list_cue_is_no_origin():
    text = "He met Japanese businesses operating in Viet Nam such as Aeon Mall and Akuruhi."
    assert _origins(text).get("Aeon Mall") == "Japan"


def test_a_vietnamese_joint_venture_partner_is_no_investor_of_its_own():
    text = "A joint venture between Japan's Sumitomo and Vietnam's Becamex will develop an industrial park in Binh Duong."
    assert _origins(text) == {"Sumitomo": "Japan"}


def test_a_vietnamese_investor_of_its_own_keeps_a_vietnamese_host():
    records = investments.extract(analyse(Document(
        "t", "Vietnam's Becamex plans to invest in a smart city project in Binh Duong.", published=date(2024, 1, 1)),
        default()))
    assert [(r.investor.name, r.origin.name, r.host.name) for r in records] == [("Becamex IDC", "Vietnam", "Binh Duong")]
