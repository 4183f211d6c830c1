"""Calendar arithmetic for the time-expression resolver: the words for units and numbers, the
reading an expression resolves to, and the weeks, months and shifts it is counted in.

Kept apart from the patterns (`time_expressions`, `durations`, `anaphora`) so that each of
those modules holds only what its words mean; weeks run Monday to Sunday (ISO).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
}
UNITS = ("day", "week", "month", "year", "decade")
NUMBER = r"\d{1,3}|" + "|".join(NUMBERS)
UNIT = "|".join(UNITS)


@dataclass(frozen=True)
class Reading:
    """What an expression resolves to."""

    earliest: date | None
    latest: date | None
    precision: str
    says: str
    """What the expression is, completing "“X” ..."."""
    alternative: str = ""
    """Another reading when the words allow two; empty when the reading is clear."""
    direction: str = ""
    """"past" or "future" when the expression itself points there (for a proposed status)."""
    counted_from: str = ""
    """What the expression is counted from, when not the publication date ("“1949”, the time
    named before it")."""
    pending: tuple = ()
    """What a later pass must still resolve: ("duration", count, unit, mod) for a length of
    time whose anchor is elsewhere in the sentence, or ("anaphor", kind, count, unit) for a
    time counted from an earlier one ("ten years later"); empty once resolved."""


def week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add(day: date, count: int, unit: str) -> date:
    """`day` moved by `count` units (negative: back); a month or year keeps its day where the
    calendar allows (January 31 plus a month is February's last day)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = {"month": 1, "year": 12, "decade": 120}[unit]
    return shift_month(day, count * months)


def holding(day: date, unit: str) -> tuple[date, date]:
    """The calendar day, week, month or year (a decade: that year) that holds `day`."""
    if unit == "day":
        return day, day
    if unit == "week":
        return week(day)
    if unit == "month":
        return month_span(day.year, day.month)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def period(published: date, unit: str, offset: int) -> tuple[date, date]:
    """The week, month or year `offset` periods from the publication date's own."""
    if unit == "week":
        return week(published + timedelta(weeks=offset))
    if unit == "month":
        shifted = shift_month(published.replace(day=1), offset)
        return month_span(shifted.year, shifted.month)
    return date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)


def count(word: str) -> int:
    """A number as written: digits or a word of `NUMBERS`."""
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def show(day: date) -> str:
    """A day as events.csv writes it in a resolution: weekday and ISO date."""
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}"
