"""Read and write a package's CSV tables as rows of text, in the one dialect the explainer writes.

Minimal quoting and "\\n" line ends, as the packages in data/ are written, so that a table
rewritten with nothing changed is byte-identical to what it was.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

Rows = list[dict[str, str]]


def read_rows(path: Path) -> tuple[list[str], Rows]:
    """The header and the data rows, each a dict of the row's text by column name."""
    with path.open(encoding="utf-8", newline="") as handle:
        header, *records = list(csv.reader(handle))
    return header, [dict(zip(header, record, strict=True)) for record in records]


def write_rows(path: Path, header: list[str], rows: Rows) -> None:
    """Write the rows under `header`; a column a row lacks is written empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row.get(name, "") for name in header] for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")
