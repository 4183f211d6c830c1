"""Rows that await a person's review: a draft package marks each row it proposed.

A package may give any table a `review` column. Its cell says what to check in a proposal
nobody has checked yet; once a person has checked the row, it holds the word `reviewed`
(`REVIEWED`), which the review notebook (`python -m explainer review DIR`) writes when they
accept the row. Accepting is an explicit act: a cell that is merely emptied still awaits review,
so that clearing the column in a spreadsheet is not mistaken for having looked at every row.
A table without the column (a package written by hand) has nothing awaiting. Such a draft is
valid, since it shows correctly: `validate` counts these rows, `validate --strict` refuses
them, and the notebook shows a draft notice while any remain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from .csv_tables import Table
from .model import ReviewMark
from .problems import counted

REVIEW = "review"
REVIEWED = "reviewed"
EMPTIED = (
    "the review cell is empty, and emptying it is not a review: accept the row in the review "
    f"notebook (python -m explainer review DIR), or write “{REVIEWED}” once you have checked it"
)


def review_marks(tables: Mapping[str, Table | None]) -> tuple[ReviewMark, ...]:
    """Every row of a table with a review column whose cell is not `reviewed`, table by
    table, in row order."""
    return tuple(
        ReviewMark(table.file, row.number, _check(row.values.get(REVIEW)))
        for table in tables.values()
        if table is not None and REVIEW in table.columns
        for row in table.rows
        if not is_reviewed(row.values.get(REVIEW))
    )


def is_reviewed(cell: object) -> bool:
    """Whether a review cell records that a person checked its row."""
    return str(cell or "").strip() == REVIEWED


def _check(cell: object) -> str:
    return str(cell or "").strip() or EMPTIED


def summary(marks: Iterable[ReviewMark]) -> str:
    """ "57 rows await review (claims.csv 23, events.csv 9, ...)", or "" when none do."""
    counts = Counter(mark.file for mark in marks)
    total = sum(counts.values())
    if not total:
        return ""
    each = ", ".join(f"{file} {count}" for file, count in counts.items())
    return f"{counted(total, 'row')} await{'s' if total == 1 else ''} review ({each})"
