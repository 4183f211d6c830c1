"""Rules a field asks for beyond its type: the x- properties, and plain text everywhere.

x-verbatim and x-offsets tie the annotations to the article's exact words, so a reader can always
be shown the sentence a claim rests on. Text fields must not hold HTML: the data is plain text,
and markup in it would show as stray tags, or run in the reader's browser if a view forgot to
escape it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .cells import items
from .csv_tables import Row, Table
from .descriptor import Field
from .problems import Problem, quoted

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")


def check_fields(tables: Mapping[str, Table | None], text: str | None) -> list[Problem]:
    """Problems with field rules in every readable row; rules that need the article text are
    skipped when `text` is None (its own problem is already reported)."""
    problems = []
    for table in filter(None, tables.values()):
        for field in table.resource.fields:
            for row in table.rows:
                if row.has(field.name):
                    problems += _row_problems(table, field, row, text)
    return problems


def _row_problems(table: Table, field: Field, row: Row, text: str | None) -> Iterator[Problem]:
    value = row.values[field.name]

    def problem(name: str, message: str) -> Problem:
        return Problem(table.file, row.number, name, message)

    for item in items(value) if field.textual else ():
        if tag := _TAG.search(item):
            yield problem(
                field.name, f"looks like HTML ({quoted(tag.group())}); data is plain text"
            )
    if field.verbatim and text is not None:
        for item in items(value):
            if item not in text:
                yield problem(field.name, f"{quoted(item)} does not occur in the article text")
    if field.within and row.has(field.within):
        for item in items(value):
            if item not in row.values[field.within]:
                yield problem(field.name, f"{quoted(item)} does not occur in {field.within}")
    if field.offsets and text is not None and row.has(*field.offsets):
        for name, message in _offset_problems(table, field, row, text):
            yield problem(name, message)


def _offset_problems(table: Table, field: Field, row: Row, text: str) -> Iterator[tuple[str, str]]:
    """(field, message) pairs: the quote must stand in the text exactly at its offsets."""
    quote = row.values[field.name]
    offsets = [(name, row.values[name]) for name in field.offsets]
    if not quote:
        for name, value in offsets:
            if value is not None:
                yield name, f"an offset is given but {field.name} is empty"
        return
    for name, value in offsets:
        if value is None and not table.resource.field(name).required:  # else reported as required
            yield name, f"{field.name} is given but {name} is empty"
    (start_name, start), (end_name, end) = offsets
    if start is None or end is None:
        return
    found = _occurrences(text, quote)
    if not found:
        yield field.name, "not found in the article text"
    elif (start, end) not in found:
        wrong = end_name if any(s == start for s, _ in found) else start_name
        places = " or ".join(f"{s}..{e}" for s, e in found)
        yield wrong, f"{field.name} is at {places}, not at {start}..{end}"


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) at which `quote` stands in `text`, in code points."""
    found = []
    start = text.find(quote)
    while start != -1:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found
