"""Dates in words for every precision: spans, months, years, open ends (a day alone: see
test_when_in_words.py).

The expected strings are written from a calendar (December 16, 2025 is a Tuesday), not from the
code under test.
"""

from __future__ import annotations

from datetime import date

import pytest

from explainer.package.model import Event
from explainer.views.when import describe_when, in_words


def event(earliest, latest, precision="day"):
    return Event("e", "An event", ("a",), earliest, latest, precision, "", "", "scheduled")


def test_a_day_without_its_year_for_a_span_that_says_it_once():
    assert in_words(date(2026, 1, 2), year=False) == "Friday, January 2"


@pytest.mark.parametrize(
    ("earliest", "latest", "precision", "words"),
    [
        (date(2025, 12, 16), date(2025, 12, 16), "day", "Tuesday, December 16, 2025"),
        (
            date(2025, 12, 15),
            date(2025, 12, 19),
            "week",
            "between Monday, December 15 and Friday, December 19, 2025",
        ),
        (
            date(2025, 12, 29),
            date(2026, 1, 2),
            "days",
            "between Monday, December 29, 2025 and Friday, January 2, 2026",
        ),
        (date(2026, 2, 1), date(2026, 2, 28), "month", "some time in February 2026 (no day given)"),
        (date(2026, 1, 1), date(2026, 12, 31), "year", "some time in 2026 (no month given)"),
        (date(1990, 1, 1), date(1999, 12, 31), "decade", "some time in the 1990s (no year given)"),
        (
            date(2025, 12, 16),
            None,
            "unknown",
            "Tuesday, December 16, 2025 at the earliest (no latest date)",
        ),
        (None, date(2026, 3, 31), "unknown", "by Tuesday, March 31, 2026 (no start date given)"),
        (None, None, "unknown", "no date given"),
    ],
)
def test_every_precision_reads_in_words(earliest, latest, precision, words):
    assert describe_when(event(earliest, latest, precision)) == words


def test_a_month_span_that_is_not_the_whole_month_is_a_span():
    part = event(date(2026, 2, 1), date(2026, 2, 20), "month")
    assert describe_when(part) == "between Sunday, February 1 and Friday, February 20, 2026"
