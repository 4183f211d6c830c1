"""Read and write a package's CSV tables as rows of text, in the one dialect the explainer writes.

Minimal quoting and "\\n" line ends, as the packages in data/ are written, so that a table
rewritten with nothing changed is byte-identical to what it was.
"""

from __future__ import annotations

import csv
import io
from importlib.resources import files
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


def read_rows(folder: Path, relative: str) -> tuple[list[str], Rows]:
    """The header and the data rows of a table of the package in `folder`, each row a dict of
    its text by column name. Raises ValueError for a file outside the folder or not UTF-8."""
    text = read_file(folder, relative)
    header, *records = list(csv.reader(io.StringIO(text.decode("utf-8"), newline="")))
    return header, [dict(zip(header, record, strict=True)) for record in records]


def write_rows(path: Path, header: list[str], rows: Rows) -> None:
    """Write the rows under `header`; a column a row lacks is written empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row.get(name, "") for name in header] for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def lexicon_rows(name: str) -> Rows:
    """The rows of a lexicon shipped beside these modules (`hedges.csv`, `source_words.csv`)."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))
