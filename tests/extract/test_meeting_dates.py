from datetime import date

import pytest

from kizuna.extract.meeting_dates import when

FRIDAY = date(2023, 9, 8)


@pytest.mark.parametrize("text, expected", [
    ("in Hà Nội on Thursday.", "2023-09-07"),
    ("On November 14, the minister", "2022-11-14"),
    ("on September 5", "2023-09-05"),
    ("on 14 November 2025", "2025-11-14"),
    ("on Dec. 16, 2023", "2023-12-16"),
    ("noting that in June, the prefecture", "2023-06"),
    ("last weekend", "2023-09-02"),
    ("yesterday", "2023-09-07"),
    ("recently", None),
])
def test_dates_from_publication(text, expected):
    assert when(text, FRIDAY).value == expected


def test_same_day_and_unknown_publication():
    assert when("The same day, the PM met", FRIDAY, "2023-09-07").value == "2023-09-07"
    assert when("on September 28", None).value is None
    assert when("on September 28, 2019", None).value == "2019-09-28"
    assert when("recently", FRIDAY).how == "vague"


def test_sentences_without_date_words_state_no_date() -> None:
    assert when("The two sides discussed cooperation in agriculture.", FRIDAY).how == "none"
    assert when("Bộ trưởng nói “hợp tác” sẽ tăng.", FRIDAY).how == "none"
    assert when("Markets may grow; the March plan", FRIDAY).how == "none"


def test_case_insensitive_words_are_found_whatever_their_letters() -> None:
    """Letters ``re.IGNORECASE`` equates with ASCII ones still reach the patterns."""
    assert when("They met EARLİER", FRIDAY).how == "vague"
    assert when("They met earlıer", FRIDAY).how == "vague"
    assert when("YESTERDAY the governor", FRIDAY).value == "2023-09-07"
    assert when("The ſame day, the PM met", FRIDAY, "2023-09-07").value == "2023-09-07"


def test_ascii_case_twins_are_every_letter_ignorecase_equates_with_ascii() -> None:
    import re

    from kizuna.extract.meeting_dates import ASCII_CASE_TWINS
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    twins = {ch for ch in re.findall(r"(?i)[a-z]", everything) if not ch.isascii()}
    assert twins == set(ASCII_CASE_TWINS)
    assert all(re.fullmatch(f"(?i){letter}", twin) for twin, letter in ASCII_CASE_TWINS.items())


@pytest.mark.parametrize("text, expected", [
    ("met in Tokyo earlier this month", "2023-09"),
    ("signed the deal last month", "2023-08"),
    ("talks held this week", "2023-09"),
    ("visited Osaka earlier this year", "2023"),
    ("At Tuesday's meeting, the governor", "2023-09-05"),
    ("Kim met Tuesday with the delegation", "2023-09-05"),
    ("came to Bac Ninh in September last year", "2022-09"),
    ("will return in March this year", "2023-03"),
    ("the ministry said Tuesday", None),
])
def test_relative_weeks_months_and_years(text, expected):
    assert when(text, FRIDAY).value == expected


def test_last_month_in_january_is_december_of_the_year_before():
    assert when("met last month", date(2024, 1, 10)).value == "2023-12"


def test_the_next_day_follows_the_meeting_before():
    assert when("He was received the next day.", FRIDAY, "2023-09-05").value == "2023-09-06"
    assert when("He was received the following day.", FRIDAY, None).value is None


def test_earlier_or_later_in_the_day_is_the_day_of_the_meeting_before() -> None:
    assert when("Earlier in the day, the governor met investors", FRIDAY, "2023-09-06").value == "2023-09-06"
    assert when("Later that day the minister toured a plant", FRIDAY, "2023-09-06").how == "same_day"
    assert when("Earlier, the governor met investors", FRIDAY).how == "vague"


def test_month_names_must_end_a_word_to_count() -> None:
    assert when("The Marketing Director said on Mayday", FRIDAY).how == "none"
    assert when("They met on Sept. 4", FRIDAY).value == "2023-09-04"
