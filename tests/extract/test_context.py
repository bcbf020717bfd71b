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
    ("has been part of Bac Ninh since July", date(2025, 8, 5), "2025-07"),
    ("the city has grown since July 1, when", date(2025, 8, 5), "2025-07-01"),
    # a sentence may open on its date
    ("In 2018, Hai Phong and Kitakyushu signed a memorandum", date(2025, 8, 5), "2018"),
    ("On May 8, the two sides inked a deal", date(2023, 5, 9), "2023-05-08"),
    ("On 8 May 2023, the two sides inked a deal", date(2025, 5, 9), "2023-05-08"),
    ("In March 2025, the ministry was merged", date(2025, 8, 5), "2025-03"),
    ("Since July, the new province has", date(2025, 8, 5), "2025-07"),
    ("Signed. Interest rates were stable", date(2025, 8, 5), None),
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


def _article(text: str, published: date | None = None):
    from kizuna.document import Document
    from kizuna.extract import analyse
    from kizuna.gazetteer import default

    return analyse(Document("t", text, published=published), default())


@pytest.mark.parametrize("text, place", [
    ("TOKYO, Feb. 12 (Kyodo) -- Osaka and Hanoi agreed to expand ties. Osaka is large.", "Tokyo"),
    ("SEOUL, March 3 (Yonhap) -- Gyeonggi and Hai Phong signed a deal.", "Seoul"),
    ("Can Tho (VNA) – Hanoi officials visited Osaka.", "Can Tho"),
    ("ĐÀ NẴNG — Hanoi officials visited Osaka.", "Da Nang"),
])
def test_dateline_place_counts_in_the_focus(text, place):
    from kizuna.extract.context import focus

    dateline = focus(_article(text)).dateline
    assert dateline is not None and dateline.name == place


def test_a_signing_in_the_lead_takes_the_day_stated_just_before():
    from kizuna.extract.context import event_date

    text = "Japan and Vietnam agreed Tuesday to step up farm cooperation. The two ministers signed a memorandum."
    article = _article(text, date(2025, 4, 23))
    assert event_date(article, article.sentences[1], 1) == "2025-04-22"


def test_background_signings_take_no_event_date():
    from kizuna.extract.context import event_date

    text = ("Japan and Vietnam agreed Tuesday to step up farm cooperation. "
            "The two ministries have signed 12 memorandums since 2014.")
    article = _article(text, date(2025, 4, 23))
    assert event_date(article, article.sentences[1], 1) is None


def test_sentence_cues_are_shared_per_sentence():
    from kizuna.extract import agreements
    from kizuna.extract.context import sentence_cues

    article = _article("Hanoi and Osaka signed an MoU. The weather was fine.")
    first, second = article.sentences
    kinds = {agreements.cues()[i].value for i in sentence_cues(article, first, "agreements")}
    assert {"mou", "signed"} <= kinds
    assert sentence_cues(article, second, "agreements") == ()
