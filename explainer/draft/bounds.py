"""What `new` takes: the package's limits, applied before the work rather than after it.

A draft past a limit would be a package `validate` refuses, so the article is refused before
it is read whole (at most one byte past the limit is read, so `/dev/zero` or a pipe cannot fill
the memory), and before it is drafted when it has more sentences than a table takes rows.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ExplainerError
from ..package.limits import ARTICLE_BYTES, ROWS, megabytes, past_limit


class PastLimit(ExplainerError, ValueError):
    """The article, or the draft it would make, is larger than a package may be."""


def read_article(path: Path) -> bytes:
    """The bytes of the article at `path` (a file, or a pipe such as /dev/stdin), refused
    unread when its size is known to be past the limit, and once one byte past it was read."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > ARTICLE_BYTES:
            raise PastLimit(_too_long(f"the file is {megabytes(size)}"))
        data = handle.read(ARTICLE_BYTES + 1)
    if len(data) > ARTICLE_BYTES:
        raise PastLimit(_too_long(f"the file holds more than {megabytes(ARTICLE_BYTES)}"))
    return data


def check_text(text: str) -> None:
    """The article as the draft stores it (with a headline added, say) is within the limit."""
    size = len(text.encode("utf-8"))
    if size > ARTICLE_BYTES:
        raise PastLimit(_too_long(f"with the headline added, the article is {megabytes(size)}"))


def check_rows(table: str, count: int, what: str) -> None:
    """A table of the draft, `count` rows of `what`, is within the row limit."""
    if count > ROWS:
        found = f"the article has {count:,} {what}, one row each of {table}.csv"
        raise PastLimit(past_limit(found, f"{ROWS:,} rows in a table") + ": draft it in parts")


def _too_long(found: str) -> str:
    return past_limit(found, f"{megabytes(ARTICLE_BYTES)} of article text")
