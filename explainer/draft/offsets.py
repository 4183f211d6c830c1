"""Re-anchor quotes after the article's text changed: each quote found exactly once moves.

A quote whose offsets no longer point at it is looked up in the new text: found once, it gets
its new offsets; found several times or not at all, it is listed for a person to fix, and its
row is left as it was. The article's SHA-256 is updated to the new text, since the offsets now
refer to it. Nothing else in the package changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..package.descriptor import NAME
from .csv_files import read_file, read_rows, write_rows


@dataclass(frozen=True)
class Unanchored:
    """A quote that could not be re-anchored: where it is and how often the text holds it."""

    file: str
    row: int
    field: str
    found: int

    def __str__(self) -> str:
        where = "not found in the text" if not self.found else f"found {self.found} times"
        return f"{self.file}:{self.row}: {self.field}: {where}: set its offsets by hand"


@dataclass
class Result:
    moved: int = 0
    unanchored: list[Unanchored] = dataclasses.field(default_factory=list)
    sha256_updated: bool = False


def fix_offsets(folder: Path) -> Result:
    """Re-anchor every quote with x-offsets in the package at `folder`, rewriting only files
    in which a cell changed."""
    descriptor = json.loads((folder / NAME).read_text(encoding="utf-8"))
    resources = descriptor["resources"]
    article = next(r for r in resources if r["name"] == "article")
    header, rows = read_rows(folder, article["path"])
    data = read_file(folder, rows[0]["text_path"])
    text = data.decode("utf-8")
    result = Result()
    for resource in resources:
        anchored = [f for f in resource["schema"]["fields"] if "x-offsets" in f]
        if anchored:
            result.moved += _fix_table(folder, resource["path"], anchored, text, result)
    digest = hashlib.sha256(data).hexdigest()
    if rows[0]["sha256"] != digest:
        rows[0]["sha256"] = digest
        write_rows(folder / article["path"], header, rows)
        result.sha256_updated = True
    return result


def _fix_table(folder: Path, file: str, anchored: list[dict], text: str, result: Result) -> int:
    header, rows = read_rows(folder, file)
    moved = 0
    for number, row in enumerate(rows, start=2):
        for field in anchored:
            start_name, end_name = field["x-offsets"]["start"], field["x-offsets"]["end"]
            quote = row[field["name"]]
            if not quote or _at(text, row[start_name], row[end_name]) == quote:
                continue
            found = text.count(quote)
            if found != 1:
                result.unanchored.append(Unanchored(file, number, field["name"], found))
                continue
            start = text.index(quote)
            row[start_name], row[end_name] = str(start), str(start + len(quote))
            moved += 1
    if moved:
        write_rows(folder / file, header, rows)
    return moved


def _at(text: str, start: str, end: str) -> str | None:
    try:
        return text[int(start) : int(end)]
    except ValueError:
        return None
