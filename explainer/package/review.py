"""Rows that await a person's review: a draft package marks each row it proposed.

A package may give any table a `review` column. A row whose `review` cell holds text (what to
check) is a proposal nobody has checked yet; emptying the cell marks it reviewed. Such a package
is valid, since it shows correctly, but it is a draft: `validate` counts these rows,
`validate --strict` refuses them, and the notebook shows a draft notice while any remain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from .csv_tables import Table
from .model import ReviewMark
from .problems import counted

REVIEW = "review"


def review_marks(tables: Mapping[str, Table | None]) -> tuple[ReviewMark, ...]:
    """Every row whose review cell is not empty, table by table, in row order."""
    return tuple(
        ReviewMark(table.file, row.number, str(row.values.get(REVIEW) or ""))
        for table in tables.values()
        if table is not None and REVIEW in table.columns
        for row in table.rows
        if row.values.get(REVIEW)
    )


def summary(marks: Iterable[ReviewMark]) -> str:
    """ "57 rows await review (claims.csv 23, events.csv 9, ...)", or "" when none do."""
    counts = Counter(mark.file for mark in marks)
    total = sum(counts.values())
    if not total:
        return ""
    each = ", ".join(f"{file} {count}" for file, count in counts.items())
    return f"{counted(total, 'row')} await{'s' if total == 1 else ''} review ({each})"
