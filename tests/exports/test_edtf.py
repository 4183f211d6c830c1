"""Every event's EDTF date, read back by the `edtf` library (python-edtf), means what the
package says: the same earliest and latest possible day, open where the package is open."""

from __future__ import annotations

import math
import re
import time
from dataclasses import replace
from datetime import date
from functools import cache

import pytest
from edtf import parse_edtf
from edtf.parser.parser_classes import OneOfASet, UncertainOrApproximate

from explainer.export.edtf import edtf

BEFORE_ANY = -math.inf
AFTER_ANY = math.inf


@cache
def parsed(text: str):
    return parse_edtf(text)  # some 15 ms each: pyparsing


def bounds(text: str) -> tuple[object, object]:
    """The strict lower and upper bounds of an EDTF string, as dates (or ±inf when open)."""
    parsed_text = parsed(text)

    def as_date(value):
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
        return value

    return as_date(parsed_text.lower_strict()), as_date(parsed_text.upper_strict())


def one_of_each_form(events):
    """One event for each form of EDTF, precision and status: parsing a set takes pyparsing
    tens of milliseconds, and the generated package has hundreds of sets of one form."""
    forms = {}
    for event in events:
        text = edtf(event)
        if text is not None:
            forms.setdefault((re.sub(r"\d", "9", text), event.precision, event.status), event)
    return list(forms.values())


def test_every_event_reads_back_as_its_own_bounds(each):
    dated = one_of_each_form(each.events)
    assert dated, "a package with no dated event tests nothing here"
    for event in dated:
        expected = (event.earliest or BEFORE_ANY, event.latest or AFTER_ANY)
        assert bounds(edtf(event)) == expected, (event.id, edtf(event))


def test_an_event_with_no_date_has_no_edtf(each):
    for event in each.events:
        assert (edtf(event) is None) == (event.earliest is None and event.latest is None)


def test_only_a_tentative_single_date_is_marked_uncertain(each):
    for event in one_of_each_form(each.events):
        text = edtf(event)
        single = not isinstance(parsed(text), OneOfASet)
        uncertain = isinstance(parsed(text), UncertainOrApproximate)
        assert uncertain == (single and event.status == "tentative"), (event.id, text)


@pytest.fixture
def event(packages):
    return packages["korea-us-consultations"].event("e_meetings_begin")


@pytest.mark.parametrize(
    ("earliest", "latest", "precision", "status", "expected"),
    [
        # "as soon as next week": the 15th or any later day, not a stay from the 15th on
        (date(2025, 12, 15), None, "week", "tentative", "[2025-12-15..]"),
        # "late 2025", resolved to its last four months
        (date(2025, 9, 1), date(2025, 12, 31), "month", "planned", "[2025-09..2025-12]"),
        (date(2025, 12, 1), date(2025, 12, 31), "month", "planned", "2025-12"),
        (date(2026, 1, 1), date(2026, 12, 31), "year", "planned", "2026"),
        (date(1990, 1, 1), date(1999, 12, 31), "decade", "happened", "199X"),
        (date(1990, 1, 1), None, "decade", "ongoing", "[1990..]"),
        (None, date(2025, 12, 12), "unknown", "happened", "[..2025-12-12]"),
        (date(2011, 5, 18), date(2011, 5, 22), "days", "planned", "[2011-05-18..2011-05-22]"),
        (date(2025, 12, 16), date(2025, 12, 16), "day", "tentative", "2025-12-16?"),
        (date(2026, 1, 1), date(2026, 12, 31), "year", "tentative", "2026?"),
        # a month precision whose days are not whole months stays in days
        (date(2025, 9, 15), date(2025, 12, 31), "month", "planned", "[2025-09-15..2025-12-31]"),
    ],
)
def test_what_each_kind_of_date_becomes(event, earliest, latest, precision, status, expected):
    changed = replace(event, earliest=earliest, latest=latest, precision=precision, status=status)
    assert edtf(changed) == expected
    assert bounds(expected) == (earliest or BEFORE_ANY, latest or AFTER_ANY)
