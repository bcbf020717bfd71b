"""Publication dates: metadata, leading stamp, byline, dateline, inferred year, never the future."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from kizuna.reading.dates import find_publication_date, parse_metadata_date

NOW = datetime(2025, 12, 1, 12, 0)


def test_metadata_wins_over_everything_in_the_text() -> None:
    found = find_publication_date("8:26:38 AM | 11/30/2023\nBody", "2024-01-02T08:00:00+07:00", NOW)
    assert (found.published, found.source) == (date(2024, 1, 2), "metadata")


def test_leading_date_line_counts_as_metadata_and_is_marked_as_a_stamp() -> None:
    text = " date 2025-11-17 On November 14, the minister received a delegation."
    found = find_publication_date(text, None, NOW)
    assert (found.published, found.source) == (date(2025, 11, 17), "metadata")
    assert text[slice(*found.stamp)].strip() == "date 2025-11-17"


@pytest.mark.parametrize(("stamp", "expected"), [
    ("8:26:38 AM | 11/30/2023", date(2023, 11, 30)),
    ("30/11/2023 08:26 GMT+7", date(2023, 11, 30)),
    ("Thursday, 09/11/2023 14:05", date(2023, 11, 9)),  # no AM/PM: Vietnamese outlets write day first
    ("05/03/2024 | 10:15 AM", date(2024, 5, 3)),  # 12-hour clock: month first
    ("Published: November 30, 2023", date(2023, 11, 30)),
    ("Updated on Thu, 30 Nov 2023 10:00", date(2023, 11, 30)),
    ("2023-11-30 08:00", date(2023, 11, 30)),
])
def test_byline_stamps(stamp: str, expected: date) -> None:
    text = f"Fostering collaboration between Bac Ninh and Kanagawa\n\n{stamp}\n\nThe secretary met the governor."
    found = find_publication_date(text, None, NOW)
    assert (found.published, found.source) == (expected, "byline")
    assert text[slice(*found.stamp)] == stamp


@pytest.mark.parametrize(("text", "expected", "source"), [
    ("HÀ NỘI, September 8 — The partnership, 50 years old in 2023, grows.", date(2023, 9, 8), "inferred"),
    ("VIETNAM, September 8 -\n\nThe 2023 visit marks 50 years of ties.", date(2023, 9, 8), "inferred"),
    ("Hanoi, July 10 (VNA) – PM Chinh received the governor; in 2022 trade rose.", date(2022, 7, 10), "inferred"),
    ("TOKYO, Nov. 3, 2024 - Japanese firms said...", date(2024, 11, 3), "dateline"),
])
def test_datelines(text: str, expected: date, source: str) -> None:
    found = find_publication_date(text, None, NOW)
    assert (found.published, found.source) == (expected, source)


def test_dateline_without_any_year_is_unknown() -> None:
    assert find_publication_date("ĐÀ NẴNG, May 5 — Officials met investors.", None, NOW).source == "unknown"


def test_never_a_date_after_the_reading_time() -> None:
    assert find_publication_date("x", "2026-01-01", NOW).source == "unknown"
    assert find_publication_date("Title\n\n8:00 AM | 12/25/2025\nBody", None, NOW).source == "unknown"
    # The only year named would put the dateline in the future: unknown, not a guess.
    assert find_publication_date("Hanoi, December 25 — plans for 2025 were set.", None, NOW).published is None


def test_a_date_in_a_sentence_is_not_a_byline() -> None:
    text = "Japanese investment rose.\nOn 11/30/2023 the governor visited Bac Ninh and signed deals."
    assert find_publication_date(text, None, NOW).source == "unknown"


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-07-10", date(2023, 7, 10)), ("2023-07-10T08:00:00+07:00", date(2023, 7, 10)),
    ("7/10/2023", date(2023, 7, 10)), ("2023-02-30", None), ("yesterday", None), (None, None),
])
def test_parse_metadata_date(value: str | None, expected: date | None) -> None:
    assert parse_metadata_date(value) == expected
