"""Say in words when an event happened or may happen, keeping the uncertainty visible."""

from __future__ import annotations

from datetime import date

from ..package.model import Event


def in_words(d: date) -> str:
    """ "Tuesday, December 16, 2025": a day as student-facing prose names it, weekday first
    (the article dates things by weekday), with no ISO digits to decode."""
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def day(d: date) -> str:
    """A day with its weekday, because the article dates things by weekday ("on Monday")."""
    return f"{d:%a} {d.isoformat()}"


def describe_when(event: Event) -> str:
    first, last = event.earliest, event.latest
    if first is None and last is None:
        return "no date given"
    if first is not None and last is not None:
        if first == last:
            return day(first)
        whole_years = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
        if whole_years and event.precision == "year" and first.year == last.year:
            return f"some time in {first.year} (no month given)"
        if whole_years and event.precision == "decade" and last.year == first.year + 9:
            return f"some time in the {first.year}s (no year given)"
        return f"between {day(first)} and {day(last)}"
    if first is not None:
        return f"{day(first)} at the earliest (no latest date)"
    return f"by {day(last)} (no start date given)"
