"""Each CSV file read against its own schema: header, cells, constraints and unique keys.

A table that cannot be read at all comes back as None. One with a missing column or a broken
row comes back marked not intact, so that checks which need every row can step aside instead of
reporting the consequences of a problem that is already reported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cells import constraint_problems, items, read_cell
from .descriptor import Descriptor, Resource
from .files import decode, read_bytes
from .limits import ROWS, past_limit
from .problems import Problem, quoted
from .rules import (
    BLANK_ROW,
    CELL_COUNT,
    CSV_SYNTAX,
    DUPLICATE_LABEL,
    EXTRA_LABEL,
    LABEL_ORDER,
    MISSING_LABEL,
    PRIMARY_KEY,
    SIZE_LIMIT,
    TYPE_ERROR,
    UNIQUE,
)


@dataclass
class Row:
    number: int
    values: dict[str, Any]
    """Typed values by field name (each a `cells.Value` of its field's schema type, which only
    the descriptor knows, at run time: hence Any to the type checker); a field whose cell could
    not be read is absent."""

    def has(self, *names: str) -> bool:
        return all(name in self.values for name in names)


@dataclass
class Table:
    resource: Resource
    rows: list[Row]
    columns: frozenset[str]
    """The schema's fields that the header has."""
    unread: frozenset[str]
    """The text of cells that could not be read: an id in there is not missing, just unreadable."""
    intact: bool
    """Every column present and every row read."""

    @property
    def file(self) -> str:
        return self.resource.path


def read_tables(
    folder: Path, descriptor: Descriptor
) -> tuple[dict[str, Table | None], list[Problem]]:
    """Every resource of the package read and checked on its own, by resource name."""
    tables: dict[str, Table | None] = {}
    problems: list[Problem] = []
    for resource in descriptor.resources:
        tables[resource.name], found = _read_table(folder, resource)
        problems += found
    return tables, problems


def _read_table(folder: Path, resource: Resource) -> tuple[Table | None, list[Problem]]:
    file = resource.path
    data = read_bytes(folder, file)
    if isinstance(data, Problem):
        return None, [data]
    text = decode(file, data, _row_of)
    if isinstance(text, Problem):
        return None, [text]
    records: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True):
            records.append(record)
            if len(records) > ROWS + 1:  # the header and ROWS data rows
                message = past_limit(f"more than {ROWS:,} data rows", f"{ROWS:,}")
                return None, [SIZE_LIMIT.at(file, len(records), "-", message)]
    except csv.Error as error:
        return None, [CSV_SYNTAX.at(file, len(records) + 1, "-", f"not valid CSV: {error}")]
    if not any(records):
        return None, [CSV_SYNTAX.at(file, 1, "-", "empty file: no header row")]
    return _check_records(resource, records)


def _row_of(prefix: str) -> int:
    """The spreadsheet row in which the text after `prefix` falls."""
    count = sum(1 for _ in csv.reader(io.StringIO(prefix, newline="")))
    return count + 1 if not prefix or prefix.endswith(("\n", "\r")) else count


def _check_records(resource: Resource, records: list[list[str]]) -> tuple[Table, list[Problem]]:
    file = resource.path
    header, *body = records
    problems: list[Problem] = []
    position: dict[str, int] = {}
    for index, name in enumerate(header):
        if name in position:
            problems.append(DUPLICATE_LABEL.at(file, 1, name, "the column appears more than once"))
        elif resource.field(name) is None:
            message = f"unexpected column {quoted(name)} (not in the schema)"
            problems.append(EXTRA_LABEL.at(file, 1, name or "-", message))
        else:
            position[name] = index
    problems += [
        MISSING_LABEL.at(file, 1, f.name, "missing column")
        for f in resource.fields
        if f.name not in position
    ]
    expected = [f.name for f in resource.fields if f.name in position]
    if list(position) != expected:
        message = f"the columns must be in the schema's order: {', '.join(expected)}"
        problems.append(LABEL_ORDER.at(file, 1, "-", message))

    rows: list[Row] = []
    unread: set[str] = set()
    broken = False
    for number, cells in enumerate(body, start=2):
        if not cells:
            problems.append(BLANK_ROW.at(file, number, "-", "blank row"))
        elif len(cells) != len(header):
            message = f"has {len(cells)} cells; the header has {len(header)}"
            problems.append(CELL_COUNT.at(file, number, "-", message))
            unread.update(cells)
            broken = True
        else:
            row = Row(number, {})
            for name, index in position.items():
                column = resource.field(name)
                assert column is not None  # `position` holds the schema's own fields
                try:
                    row.values[name] = value = read_cell(column, cells[index])
                except ValueError as error:
                    problems.append(TYPE_ERROR.at(file, number, name, str(error)))
                    unread.add(cells[index])
                    continue
                problems += [
                    rule.at(file, number, name, m) for rule, m in constraint_problems(column, value)
                ]
            rows.append(row)
    problems += _duplicates(resource, rows)
    intact = not broken and len(position) == len(resource.fields)
    return Table(resource, rows, frozenset(position), frozenset(unread), intact), problems


def _duplicates(resource: Resource, rows: list[Row]) -> list[Problem]:
    """Rows that repeat the primary key or a unique field, each named with the row it repeats."""
    keys = [(PRIMARY_KEY, resource.primary_key)] if resource.primary_key else []
    keys += [
        (UNIQUE, (f.name,))
        for f in resource.fields
        if f.unique and (f.name,) != resource.primary_key
    ]
    problems = []
    for rule, key in keys:
        first: dict[tuple, int] = {}
        for row in rows:
            if not row.has(*key):
                continue
            value = tuple(row.values[name] for name in key)
            if not all(items(v) for v in value):
                continue  # an empty key is reported as a required value, if it is one
            if value in first:
                shown = quoted(", ".join(str(v) for v in value))
                message = f"duplicate {shown}: already on row {first[value]}"
                problems.append(rule.at(resource.path, row.number, ",".join(key), message))
            else:
                first[value] = row.number
    return problems
