"""Building documents: the date stamp becomes furniture; plain text gets a headline as title."""
from __future__ import annotations

from datetime import datetime

from kizuna.reading.build import headline, make_document

NOW = datetime(2025, 12, 1)


def test_byline_stamp_is_furniture_and_headline_is_the_title() -> None:
    text = "Fostering Collaboration between Bac Ninh and Kanagawa\n\n8:26:38 AM | 11/30/2023\n\nMr. Tuan met the governor."
    document = make_document("a.txt", text, now=NOW, guess_title=True)
    assert document.title == "Fostering Collaboration between Bac Ninh and Kanagawa"
    assert document.date_source == "byline"
    assert any(document.text[s:e] == "8:26:38 AM | 11/30/2023" for s, e in document.furniture)
    assert document.text == text


def test_no_title_when_the_first_line_is_a_paragraph_or_a_dateline() -> None:
    assert headline("ĐÀ NẴNG — Việt Nam hosts 60 businesses from Gunma. Many more plan to come.\n", []) is None
    assert headline("VIETNAM, September 8 -\n\nHÀ NỘI — The partnership grows.", []) is None
    assert headline("Hi\n\nBody.", []) is None


def test_title_skips_furniture_lines() -> None:
    text = "Skip to content\n\nVietnam courts Japan's top investors\n\nBody text follows here."
    assert headline(text, [(0, 15)]) == "Vietnam courts Japan's top investors"


def test_given_title_is_kept() -> None:
    assert make_document("x", "Some headline here now\n\nBody.", title="Given", now=NOW, guess_title=True).title == "Given"
