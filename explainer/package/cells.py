"""One cell of a CSV file: its text turned into a typed value, and that value's constraints.

This is the only place that knows how a schema type is written in CSV, so the checks and the
loaded records cannot disagree about what a cell means.
"""

from __future__ import annotations

import re
from datetime import date

from .descriptor import Field
from .limits import FIRST_DAY, LAST_DAY
from .patterns import matches
from .problems import quoted
from .rules import ENUM, PATTERN, REQUIRED, Rule

Value = str | int | date | tuple | None

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DIGITS = 18
"""An integer cell holds an offset, an order or a count: 18 digits is more than any can need,
and stops far short of the 4,300 past which Python refuses to read a number (and says so in
words meant for programmers: `sys.set_int_max_str_digits()`)."""
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def read_cell(field: Field, text: str) -> Value:
    """The typed value of a cell; raises ValueError with a reader-facing message if it has none.

    Empty cells become "" for strings, () for lists and None for integers and dates.
    """
    if field.type != "list":
        return _read(field.type, text)
    if not text:
        return ()
    values = []
    for number, item in enumerate(text.split(field.delimiter), start=1):
        if not item:
            raise ValueError(f"item {number} is empty (a stray {quoted(field.delimiter)}?)")
        try:
            values.append(_read(field.item_type, item))
        except ValueError as error:
            raise ValueError(f"item {number}: {error}") from None
    return tuple(values)


def _read(kind: str, text: str) -> Value:
    if kind == "string":
        return text
    if not text:
        return None
    if kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise ValueError(f"not an integer: {quoted(text)}")
        if len(text.lstrip("+-")) > _DIGITS:
            digits = len(text.lstrip("+-"))
            raise ValueError(f"a number of {digits} digits: an integer here has at most {_DIGITS}")
        return int(text)
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {quoted(text)}")
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError as error:
        raise ValueError(f"not a valid date: {quoted(text)} ({error})") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        shown = f"{FIRST_DAY} to {LAST_DAY}"
        raise ValueError(f"{quoted(text)} is outside the dates the timeline can draw ({shown})")
    return day


def items(value: Value) -> tuple:
    """The non-empty values in a cell: a list's items, or the value itself."""
    if isinstance(value, tuple):
        return value
    return () if value is None or value == "" else (value,)


def constraint_problems(field: Field, value: Value) -> list[tuple[Rule, str]]:
    """The rule and the message for each way a typed value breaks its field's required, enum
    and pattern constraints. Unique values are checked across a whole table, elsewhere."""
    if not items(value):
        return [(REQUIRED, "required value is empty")] if field.required else []
    problems = []
    for item in items(value):
        if field.enum and item not in field.enum:
            allowed = ", ".join(field.enum)
            problems.append((ENUM, f"{quoted(item)} is not allowed; allowed: {allowed}"))
        if field.pattern and not matches(field.pattern, item):
            problems.append((PATTERN, f"{quoted(item)} does not match the pattern {field.pattern}"))
    return problems
