"""Each event's date in EDTF, the Library of Congress's Extended Date/Time Format (2019).

A package dates an event by the earliest and the latest day it can fall on (either open) and
the precision the article gives. EDTF says the same without the package:

- one calendar unit is the unit itself: a day `2025-12-16`, a month `2025-12`, a year `2026`,
  a decade with its unspecified digit `199X`;
- any other span of possible days is EDTF's "one of a set" (level 2): `[2011-05-18..2011-05-22]`
  is one day from the 18th to the 22nd, `[2025-12-15..]` one on the 15th or later ("as soon as
  next week"), `[..2025-12-12]` one on the 12th or before; the ends are months or years when the
  precision is and the span starts and ends with whole ones (`[2025-09..2025-12]`, "late 2025");
- the single date of a tentative event is uncertain, `2025-12-16?`.

An EDTF interval (`2025-12-15/..`) would say the event lasts from one end to the other, which
is not what the package's dates mean. EDTF has no mark of uncertainty for a set, nor a word
for "planned": each export carries the status beside the date. An event with no date has none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ..package.model import Event

# Precisions whose bounds may be written as whole months or years, when they are whole ones.
_MONTHS = {"month"}
_YEARS = {"year", "decade"}
UNCERTAIN_STATUS = "tentative"


def edtf(event: Event) -> str | None:
    """The event's date in EDTF, or None when the package gives it no date at all."""
    first, last = event.earliest, event.latest
    if first is None and last is None:
        return None
    unit = _single_unit(first, last, event.precision)
    if unit is not None:
        return unit + ("?" if event.status == UNCERTAIN_STATUS else "")
    unit = calendar_unit(first, last, event.precision)
    return f"[{_bound(first, unit)}..{_bound(last, unit)}]"


def _single_unit(first: date | None, last: date | None, precision: str) -> str | None:
    """The one day, month, year or decade that the bounds fill exactly, if they fill one."""
    if first is None or last is None:
        return None
    if first == last:
        return first.isoformat()
    if precision in _MONTHS and _month_start(first) and last == _last_of_month(first):
        return f"{first:%Y-%m}"
    if precision in _YEARS and _year_start(first) and last == date(first.year, 12, 31):
        return f"{first.year:04d}"
    decade = first.year % 10 == 0 and last == date(first.year + 9, 12, 31)
    if precision == "decade" and _year_start(first) and decade:
        return f"{first.year:04d}"[:3] + "X"
    return None


def calendar_unit(first: date | None, last: date | None, precision: str) -> str:
    """ "year", "month" or "day": the coarsest unit the precision allows in which both bounds
    are whole (an open bound is whole in any unit)."""

    def whole(start_test: Callable[[date], bool], end_test: Callable[[date], bool]) -> bool:
        return (first is None or start_test(first)) and (last is None or end_test(last))

    if precision in _YEARS and whole(_year_start, _year_end):
        return "year"
    if precision in _MONTHS | _YEARS and whole(_month_start, _month_end):
        return "month"
    return "day"


def _bound(day: date | None, unit: str) -> str:
    if day is None:
        return ""  # "[A..]" and "[..B]": the set is open on that side
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return f"{day:%Y-%m}"
    return day.isoformat()


def _last_of_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _month_start(day: date) -> bool:
    return day.day == 1


def _month_end(day: date) -> bool:
    return day == _last_of_month(day)


def _year_start(day: date) -> bool:
    return (day.month, day.day) == (1, 1)


def _year_end(day: date) -> bool:
    return (day.month, day.day) == (12, 31)
