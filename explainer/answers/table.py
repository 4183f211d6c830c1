"""All answers as one CSV file, the same whether they come from the server or from hand-ins."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .row import COLUMNS, FORMULA_START, Row

# A cell a spreadsheet would run as a formula (OWASP's list) gets a leading apostrophe, which
# spreadsheets show as text. Names cannot start so (row.label_problems); answers might.
FORMULA_CELL = (*FORMULA_START, "\t", "\r")


def csv_text(rows: Iterable[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in COLUMNS])
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_CELL):
        return "'" + value
    return value
