"""Say in words when an event happened or may happen, keeping the uncertainty visible.

The one place that writes a date for a reader: tables, the timeline, the exercises and the prose
all call it, so a date reads the same everywhere. A student reads "Tuesday, December 16, 2025",
as a newspaper would print it, not "Tue 2025-12-16", which asks them to decode a format first.
"""

from __future__ import annotations

import calendar
from datetime import date

from ..package.model import Event


def in_words(d: date, year: bool = True) -> str:
    """ "Tuesday, December 16, 2025" (without ", 2025" when `year` is False): weekday first,
    because articles date things by weekday ("on Monday")."""
    words = f"{d:%A}, {d:%B} {d.day}"
    return f"{words}, {d.year}" if year else words


def month_in_words(d: date) -> str:
    """ "December 2025": the month `d` falls in."""
    return f"{d:%B} {d.year}"


def span_in_words(first: date, last: date) -> str:
    """ "between Monday, December 15 and Friday, December 19, 2025": the year said once when
    both ends share it."""
    same_year = first.year == last.year
    return f"between {in_words(first, year=not same_year)} and {in_words(last)}"


def _whole_month(first: date, last: date) -> bool:
    """From the first to the last day of one month."""
    month_end = calendar.monthrange(first.year, first.month)[1]
    same_month = (first.year, first.month) == (last.year, last.month)
    return same_month and first.day == 1 and last.day == month_end


def describe_when(event: Event) -> str:
    """The event's possible dates in words, saying what the article leaves open."""
    first, last = event.earliest, event.latest
    if first is None and last is None:
        return "no date given"
    if first is not None and last is not None:
        if first == last:
            return in_words(first)
        whole_years = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
        if event.precision == "month" and _whole_month(first, last):
            return f"some time in {month_in_words(first)} (no day given)"
        if whole_years and event.precision == "year" and first.year == last.year:
            return f"some time in {first.year} (no month given)"
        if whole_years and event.precision == "decade" and last.year == first.year + 9:
            return f"some time in the {first.year}s (no year given)"
        return span_in_words(first, last)
    if first is not None:
        return f"{in_words(first)} at the earliest (no latest date)"
    assert last is not None  # both None is said first
    return f"by {in_words(last)} (no start date given)"
