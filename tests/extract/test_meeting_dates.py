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
