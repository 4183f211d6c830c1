"""Installable time normalisers, as anchors for the drafter's resolver: each turns a time
expression's words into the interval it denotes, read against the publication date.

They are pinned in requirements-benchmarks.txt (reading and testing the explainer need none of
them). Each is given what a normaliser is made for, the words of the hand-annotated expression
(the gold span) and the publication date at noon as its reference time, with its defaults
otherwise, and its answer becomes an interval by the granularity it reports itself:

- dateparser (`DateDataParser(languages=["en"])`, `RELATIVE_BASE` the reference time,
  `RETURN_TIME_AS_PERIOD`): its date and `period`; a day or a time is that day, a week its
  Monday to Sunday, a month or a year the whole of it.
- ctparse (`ctparse(words, ts=reference)`, latent times resolved, its default timeout of 1 s):
  a `Time` is its finest date field, the day, else the month, else the year, the coarser
  fields it leaves unset completed from the publication date (as a reader completes
  "in November"); an `Interval` runs from its start's first day to its end's last, an end it
  leaves open open; a `Duration` ("8 weeks") is a length, not a date.
- parsedatetime (`Calendar(version=VERSION_CONTEXT_STYLE).parse(words, reference)`): its date
  and the accuracy flags of its context; a day or finer is that day, a week, a month or a year
  the whole of it.

No answer, or an answer that is no date, is the interval with both ends open, which is exactly
right for the words that give no date ("for months"): an anchor is not faulted for declining.
No anchor can say "from publication on" ("soon") or "until a day" ("by Friday"): those are
counted as they come out, and the benchmark also reports the share of closed intervals, the
only ones an anchor can get right.

timenorm-py (0.1.0 on PyPI) is not an anchor: it needs TensorFlow (1.9 GB) and a neural model
that no package ships ("Neural parser not fully implemented. Returning empty results").
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class Interval:
    """Earliest and latest day; None is an open end."""

    earliest: date | None
    latest: date | None


NO_DATE = Interval(None, None)


def around(day: date, unit: str) -> Interval:
    """The day, or the week (Monday to Sunday), month or year that holds it."""
    if unit == "day":
        return Interval(day, day)
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return Interval(monday, monday + timedelta(days=6))
    if unit == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return Interval(day.replace(day=1), day.replace(day=last))
    if unit == "year":
        return Interval(date(day.year, 1, 1), date(day.year, 12, 31))
    raise ValueError(f"no interval for the unit {unit!r}")


def reference(published: date) -> datetime:
    return datetime.combine(published, time(12))


# --- dateparser ---------------------------------------------------------------------------

DATEPARSER_UNITS = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


def from_dateparser(day: date | None, period: str | None) -> Interval:
    if day is None or period not in DATEPARSER_UNITS:
        return NO_DATE
    return around(day, DATEPARSER_UNITS[period])


def dateparser_anchor() -> Callable[[str, date], Interval]:
    from dateparser.date import DateDataParser

    def resolve(words: str, published: date) -> Interval:
        settings = {"RELATIVE_BASE": reference(published), "RETURN_TIME_AS_PERIOD": True}
        found = DateDataParser(languages=["en"], settings=settings).get_date_data(words)
        day = found.date_obj.date() if found and found.date_obj else None
        return from_dateparser(day, found.period if found else None)

    return resolve


# --- ctparse ------------------------------------------------------------------------------

Fields = tuple[int | None, int | None, int | None]
"""A ctparse Time's year, month and day, each None when it leaves it unset."""


def from_ctparse_time(fields: Fields, published: date) -> Interval:
    """The interval of a ctparse Time: its finest date field, coarser ones completed from the
    publication date."""
    year, month, day = fields
    if year is None and month is None and day is None:
        return NO_DATE
    year = year if year is not None else published.year
    if day is not None:
        month = month if month is not None else published.month
        return around(date(year, month, day), "day")
    if month is not None:
        return around(date(year, month, 1), "month")
    return around(date(year, 1, 1), "year")


def from_ctparse_interval(start: Fields | None, end: Fields | None, published: date) -> Interval:
    first = from_ctparse_time(start, published).earliest if start else None
    last = from_ctparse_time(end, published).latest if end else None
    return Interval(first, last)


def ctparse_anchor() -> Callable[[str, date], Interval]:
    import ctparse
    from ctparse.types import Interval as CtInterval
    from ctparse.types import Time

    logging.getLogger("ctparse").setLevel(logging.ERROR)  # "Failed to produce result": NO_DATE

    def fields(value: Time) -> Fields:
        return value.year, value.month, value.day

    def resolve(words: str, published: date) -> Interval:
        parsed = ctparse.ctparse(words, ts=reference(published))
        found = parsed.resolution if parsed else None
        if isinstance(found, Time):
            return from_ctparse_time(fields(found), published)
        if isinstance(found, CtInterval):
            start, end = (fields(t) if t is not None else None for t in (found.t_from, found.t_to))
            return from_ctparse_interval(start, end, published)
        return NO_DATE  # nothing, or a Duration: a length, not a date

    return resolve


# --- parsedatetime ------------------------------------------------------------------------

PARSEDATETIME_UNITS = (  # accuracy flags of pdtContext, finest first, and the unit each gives
    (8 | 16 | 32 | 64 | 128 | 256, "day"),  # ACU_DAY, ACU_HALFDAY, ACU_HOUR, ACU_MIN, SEC, NOW
    (4, "week"),  # ACU_WEEK
    (2, "month"),  # ACU_MONTH
    (1, "year"),  # ACU_YEAR
)


def from_parsedatetime(day: date | None, accuracy: int) -> Interval:
    if day is None:
        return NO_DATE
    unit = next((unit for flags, unit in PARSEDATETIME_UNITS if accuracy & flags), None)
    return around(day, unit) if unit else NO_DATE


def parsedatetime_anchor() -> Callable[[str, date], Interval]:
    import parsedatetime

    calendar_ = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)

    def resolve(words: str, published: date) -> Interval:
        parsed, context = calendar_.parse(words, reference(published).timetuple())
        day = date(*parsed[:3]) if context.hasDateOrTime else None
        return from_parsedatetime(day, context.accuracy)

    return resolve


ANCHORS: dict[str, Callable[[], Callable[[str, date], Interval]]] = {
    "dateparser": dateparser_anchor,
    "ctparse": ctparse_anchor,
    "parsedatetime": parsedatetime_anchor,
}
"""Each anchor's name and how to make it; making it imports the library, which may be absent."""


def installed() -> tuple[dict[str, Callable[[str, date], Interval]], list[str]]:
    """The anchors whose library is installed, and the names of those that are not."""
    ready, missing = {}, []
    for name, make in ANCHORS.items():
        try:
            ready[name] = make()
        except ImportError:
            missing.append(name)
    return ready, missing
