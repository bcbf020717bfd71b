"""Period expressions resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from kizuna.extract.periods import DateContext, find_periods
from kizuna.text import fold

PUB = DateContext(date(2025, 11, 17), 2025)


def _periods(text: str, context: DateContext = PUB) -> list[tuple[str, str | None, str | None]]:
    folded = fold(text)
    return [(m.kind, m.period.start, m.period.end) for m in find_periods(folded, 0, len(folded), context)]


@pytest.mark.parametrize("text, expected", [
    ("As of October 31, Japan had", ("point", None, "2025-10-31")),
    ("as of December 31, Japan had", ("point", None, "2024-12-31")),
    ("as of January 2025", ("point", None, "2025-01")),
    ("as of January 2026", None),
    ("By November 2013, Japan ranked", ("point", None, "2013-11")),
    ("as of the end of the second quarter this year", ("point", None, "2025-06-30")),
    ("at the end of June 2024", ("point", None, "2024-06-30")),
    ("as of the end of 2024", ("point", None, "2024-12-31")),
    ("as of end-June", ("point", None, "2025-06-30")),
    ("by end-2024", ("point", None, "2024-12-31")),
    ("as at end-March 2023", ("point", None, "2023-03-31")),
    ("by the end of this year", None),
    ("during the period", ("reference", None, None)),
    ("in the five months", ("reference", "2025-01", "2025-05")),  # what it counts, if no period was told before
    ("in the 11-month period", ("reference", "2025-01", "2025-11")),
    ("By the end of July this year, there were", ("point", None, "2025-07-31")),
    ("as of July last year", ("point", None, "2024-07")),
    ("in July this year", ("span", "2025-07", "2025-07")),
    ("in July last year", ("span", "2024-07", "2024-07")),
    ("in the year to October", ("span", "2025-01", "2025-10")),
    ("in January and February", ("span", "2025-01", "2025-02")),
    ("between January and October", ("span", "2025-01", "2025-10")),
    ("in January and October", ("span", "2025-01", "2025-01")),  # two months, not a span: the first is read
    ("in the 12 months to September", ("span", "2024-10", "2025-09")),
    ("over the three months to June 2024", ("span", "2024-04", "2024-06")),
    ("in the year ended March 2025", ("span", "2024-04", "2025-03")),
    ("during the first three quarters", ("span", "2025-01", "2025-09")),
    ("in the first two quarters of 2024", ("span", "2024-01", "2024-06")),
    ("in the same period", ("reference", None, None)),
    ("on November 12", ("day", "2025-11-12", "2025-11-12")),
    ("held from June 5 to 7", ("day", "2025-06-05", "2025-06-07")),
    ("the fair ran on November 5-7", ("day", "2025-11-05", "2025-11-07")),
    ("the expo, 5-7 June 2024, drew", ("day", "2024-06-05", "2024-06-07")),
    ("from October 30 to November 2", ("day", "2025-10-30", "2025-11-02")),
    ("from June 2024 to July 2025", ("span", "2024-06", "2025-07")),
    ("from December 2024 to March 2025", ("span", "2024-12", "2025-03")),
    ("In the first 10 months of 2025, Japan", ("span", "2025-01", "2025-10")),
    ("over the first eleven months this year", ("span", "2025-01", "2025-11")),
    ("during the Jan-Nov period of 2013", ("span", "2013-01", "2013-11")),
    ("during the 2005-2012 period", ("span", "2005", "2012")),
    ("reached $1 billion in 2024", ("span", "2024", "2024")),
    ("rose sharply last year", ("span", "2024", "2024")),
    ("in the first half of 2025", ("span", "2025-01", "2025-06")),
    ("in H1 2025, exports", ("span", "2025-01", "2025-06")),
    ("in Q3/2025", ("span", "2025-07", "2025-09")),
    ("in Q4 last year", ("span", "2024-10", "2024-12")),
    ("in FY2024", ("span", "2024", "2024")),
    ("the H1N1 virus and Q5 cars", None),
    ("in June, the prefecture held", ("span", "2025-06", "2025-06")),
    ("currently has 128 projects", ("present", None, "2025-11-17")),
    ("By now, about 90 pairs", ("present", None, "2025-11-17")),
    ("so far invested", ("present", None, "2025-11-17")),
    ("has to date attracted", ("present", None, "2025-11-17")),
    ("Up to now, the relationship", ("present", None, "2025-11-17")),
    ("since 2014", ("since", "2014", "2025-11-17")),
    ("since 2010 until the third quarter of 2015", ("since", "2010", "2015-09")),
    ("so far this year", ("ytd", "2025", "2025-11-17")),
    ("As of late October, Japan had", ("point", None, "2025-10")),
    ("as of early December 2024", ("point", None, "2024-12")),
    ("by mid-2025, Korean firms", ("point", None, "2025-06")),
    ("as of late 2024", ("point", None, "2024")),
    ("by mid-2030", None),
    ("over the past 30 years", ("since", "1995", "2025-11-17")),
    ("in the last two decades", ("since", "2005", "2025-11-17")),
    ("over the past decade", ("since", "2015", "2025-11-17")),
    ("during the past five years", ("since", "2020", "2025-11-17")),
])
def test_single_period(text: str, expected: tuple[str, str | None, str | None] | None) -> None:
    assert _periods(text) == ([expected] if expected else [])  # None: a date after publication is no state


def test_last_months_end_before_publication_month() -> None:
    context = DateContext(date(2013, 12, 17), 2013)
    assert _periods("During the last 11 months two-way trade", context) == [("span", "2013-01", "2013-11")]


def test_years_later_counts_from_the_span_before() -> None:
    found = _periods("from US$8.5 billion in 2005 to US$16.8 billion five years later")
    assert found == [("span", "2005", "2005"), ("span", "2010", "2010")]


@pytest.mark.parametrize("text", [
    "up 1.7% against the same period last year",
    "up 2.9 per cent on-year",
    "a year-on-year increase of 3.5%",
    "the 50th anniversary",
    "by 2030",
])
def test_not_periods(text: str) -> None:
    assert _periods(text) == []


def test_present_without_publication_is_open() -> None:
    assert _periods("currently has", DateContext(None, None)) == [("present", None, None)]


def test_this_year_without_publication_uses_the_reference_year() -> None:
    assert _periods("over the first eleven months this year", DateContext(None, 2013)) == [
        ("span", "2013-01", "2013-11")]


@pytest.mark.parametrize("text, expected", [
    ("in the first quarter", ("span", "2024-01", "2024-03")),
    ("in the first 11 months", ("span", "2024-01", "2024-11")),
    ("in the second half", ("span", "2024-07", "2024-12")),
    ("in the first quarter of this year", ("span", "2025-01", "2025-03")),
])
def test_a_span_without_a_year_never_ends_after_publication(text: str, expected: tuple[str, str, str]) -> None:
    january = DateContext(date(2025, 1, 20), 2025)
    assert _periods(text, january) == [expected]


def test_a_comparison_base_is_no_period_but_a_year_beside_it_is() -> None:
    assert _periods("up 7% year-on-year in 2024") == [("span", "2024", "2024")]
    assert _periods("up from the same period last year") == []
