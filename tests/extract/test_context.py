"""Tests for the article context shared by the agreement, investment, interest and succession extractors."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.extract.context import anaphors, resolve_date


@pytest.mark.parametrize("text, published, expected", [
    ("signed the MoU on Monday", date(2024, 12, 12), "2024-12-09"),  # a Thursday: the Monday before
    ("signed the MoU on Thursday", date(2024, 12, 12), "2024-12-12"),
    ("was merged into the Ministry of Finance in March", date(2025, 8, 5), "2025-03"),
    ("signed in November", date(2025, 2, 1), "2024-11"),  # the last November up to publication
    ("signed on May 8", date(2023, 5, 9), "2023-05-08"),
    ("signed in March 2025", date(2025, 8, 5), "2025-03"),
    ("signed in 2014", date(2025, 8, 5), "2014"),
    ("signed a deal", date(2025, 8, 5), None),
])
def test_resolve_date(text, published, expected):
    assert resolve_date(text, published) == expected


def test_weekday_needs_a_publication_date():
    assert resolve_date("signed on Monday", None) is None


@pytest.mark.parametrize("text, nouns", [
    ("Officials said the capital is calling for investment", ["capital"]),
    ("the Vietnamese capital and the beach city", ["capital", "city"]),
    ("the capital contributions and share purchases", []),
    ("the capital of Japan", []),
])
def test_anaphors(text, nouns):
    assert [noun for _, _, noun in anaphors(text, 0, len(text))] == nouns


def test_latest_place_ignores_country():
    from kizuna.document import Document
    from kizuna.extract import analyse
    from kizuna.extract.context import latest_place
    from kizuna.gazetteer import default

    text = "Hai Phong leaders met officials from Kitakyushu. The city is strong in steel."
    article = analyse(Document("t", text), default())
    entry = latest_place(article, text.index("The city"))
    assert entry is not None and entry.name == "Kitakyushu"
    assert latest_place(article, 0) is None
