"""Read and write a package's CSV tables as rows of text, in the one dialect the explainer writes.

Minimal quoting, as the packages in data/ are written, and the line ends and byte-order mark the
table had, so that a table rewritten with nothing changed is byte-identical to what it was.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..package.files import read_bytes
from ..package.problems import Problem

Rows = list[dict[str, str]]


def read_file(folder: Path, relative: str) -> bytes:
    """The bytes of a file of the package in `folder`; ValueError with the package reader's
    one-line problem for a file it refuses (outside the folder, missing, not a plain file)."""
    data = read_bytes(folder, relative)
    if isinstance(data, Problem):
        raise ValueError(str(data))
    return data


@dataclass
class Table:
    """A table's header and data rows (each a dict of its text by column name), with the line
    end and byte-order mark it was written with, which a rewrite keeps."""

    header: list[str]
    rows: Rows
    ending: str = "\n"
    bom: str = ""

    def encoded(self) -> bytes:
        """The table as CSV bytes; a column a row lacks is written empty."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator=self.ending)
        writer.writerow(self.header)
        writer.writerows([row.get(name, "") for name in self.header] for row in self.rows)
        return (self.bom + out.getvalue()).encode("utf-8")


def read_table(folder: Path, relative: str) -> Table:
    """A table of the package in `folder`. Raises ValueError, naming the file and the row, for
    a file outside the folder, not UTF-8, not CSV, or with a row whose cells do not fit the
    header (problems `validate` lists in full)."""
    text = read_file(folder, relative).decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = csv.reader(io.StringIO(text.removeprefix(bom), newline=""), strict=True)
    try:
        header, *records = list(lines)
    except csv.Error as error:
        raise ValueError(f"{relative}:{lines.line_num}: -: not valid CSV ({error})") from None
    except ValueError:  # no header at all
        raise ValueError(f"{relative}:1: -: the file is empty") from None
    for number, record in enumerate(records, start=2):
        if len(record) != len(header):
            cells = f"has {len(record)} cells; the header has {len(header)}"
            raise ValueError(f"{relative}:{number}: -: {cells}")
    rows = [dict(zip(header, record, strict=True)) for record in records]
    return Table(header, rows, "\r\n" if "\r\n" in text else "\n", bom)
