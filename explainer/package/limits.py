"""How large a package the explainer takes, and which dates it can draw: checked before reading.

The notebook, the deck and the handout show a whole package at once, so a package past these
sizes would make a notebook of hundreds of megabytes, or take minutes to check. The sizes are
ten times and more the largest real article (the flagship is 3 KB of text, 23 claims), and the
rows match the synthetic package of 10,000 events and claims whose speed docs/performance.md gives.
"""

from __future__ import annotations

from datetime import date

ARTICLE_BYTES = 1_000_000
"""The article text: a long-form report of 100,000 words fits."""

PACKAGE_BYTES = 20_000_000
"""The descriptor and every table together (the article text is counted apart)."""

ROWS = 10_000
"""Data rows in any one table."""

FIRST_DAY = date(1000, 1, 1)
LAST_DAY = date(2999, 12, 31)
"""Dates the timeline can draw with its margins: a placeholder such as 0001-01-01 or 9999-12-31
is refused as a date, since no article means it (and the chart's margin would overflow it).
A millennium either side of today still leaves room for any history a news story recalls."""


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def past_limit(found: str, limit: str) -> str:
    """The message for a package past a limit: what it has, and what the explainer takes."""
    return f"{found}; the explainer takes at most {limit} (see Limits in docs/packages.md)"
