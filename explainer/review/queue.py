"""Which rows await review, in the order a teacher takes them, and how far the review is.

Ambiguous dates come first (their review note names another reading, and a wrong one changes
what the timeline teaches); then the article's own row and its dating, the claims, the events,
the actors and the timeline's lanes, each in file order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..package.review import EMPTIED, REVIEW, is_reviewed
from .tables import Tables

ORDER = ("article", "dating", "claims", "events", "actors", "groups")
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Item:
    """One row awaiting review."""

    resource: str
    id: str
    check: str
    """What its review note says to check."""

    @property
    def ambiguous(self) -> bool:
        return AMBIGUOUS in self.check


def awaiting(tables: Tables) -> list[Item]:
    items = [
        Item(name, row["id"], (row.get(REVIEW) or "").strip() or EMPTIED)
        for name in _reviewed_tables(tables)
        for row in tables.rows[name]
        if not is_reviewed(row.get(REVIEW))
    ]
    return sorted(items, key=lambda item: not item.ambiguous)  # stable: file order kept


def progress(tables: Tables) -> tuple[int, int]:
    """(rows reviewed, rows to review) over every table with a review column."""
    cells = [row.get(REVIEW) for name in _reviewed_tables(tables) for row in tables.rows[name]]
    return sum(map(is_reviewed, cells)), len(cells)


def progress_line(tables: Tables) -> str:
    done, total = progress(tables)
    return f"{done} of {total} reviewed"


def _reviewed_tables(tables: Tables) -> list[str]:
    names = [n for n in tables.rows if REVIEW in tables.headers[n]]
    return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))
