"""Re-anchor quotes after the article's text changed: each quote found exactly once moves.

A quote whose offsets no longer point at it is looked up in the new text: found once, it gets
its new offsets; found several times or not at all, it is listed for a person to fix, and its
row is left as it was. The article's SHA-256 is updated to the new text, since the offsets now
refer to it. Nothing else in the package changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..package.descriptor import NAME, read_descriptor
from ..package.files import decode
from ..package.problems import Problem
from ..package.writing import write_whole
from .csv_files import Table, read_file, read_table


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
    """Re-anchor every quote with x-offsets in the package at `folder`, rewriting only the
    tables in which a cell changed, all of them or none (CannotWrite). A package it cannot
    read is a ValueError: its first problem, said as `validate` says it."""
    descriptor, problems = read_descriptor(folder)
    if descriptor is None:
        raise ValueError(str(problems[0]))
    article = descriptor.resource("article")
    if article is None:
        raise ValueError(f"{NAME}:1: resources: no article resource")
    articles = _read_with(folder, article.path, ("text_path", "sha256"))
    if not articles.rows:
        raise ValueError(f"{article.path}:2: -: no article row")
    text_path = articles.rows[0]["text_path"]
    data = read_file(folder, text_path)
    text = decode(text_path, data, lambda before: before.count("\n") + 1)
    if isinstance(text, Problem):
        raise ValueError(str(text))
    result = Result()
    changed: dict[str, Table] = {}
    for resource in descriptor.resources:
        anchored = [(f.name, f.offsets) for f in resource.fields if f.offsets]
        if anchored:
            fixed = _fix_table(folder, resource.path, anchored, text, result)
            if fixed:
                changed[resource.path] = fixed
    digest = hashlib.sha256(data).hexdigest()
    if articles.rows[0]["sha256"] != digest:
        articles = changed.setdefault(article.path, articles)
        articles.rows[0]["sha256"] = digest
        result.sha256_updated = True
    write_whole({folder / name: table.encoded() for name, table in changed.items()})
    return result


def _read_with(folder: Path, file: str, columns) -> Table:
    """The table; a ValueError naming the first column it lacks."""
    table = read_table(folder, file)
    for name in columns:
        if name not in table.header:
            raise ValueError(f"{file}:1: {name}: missing column")
    return table


def _fix_table(
    folder: Path, file: str, anchored: list[tuple[str, tuple[str, str]]], text: str, result: Result
) -> Table | None:
    """Re-anchor the quotes of one table, `anchored` naming each quote field and its offsets;
    the table if a quote moved."""
    needed = [name for quote, offsets in anchored for name in (quote, *offsets)]
    table = _read_with(folder, file, needed)
    moved = 0
    for number, row in enumerate(table.rows, start=2):
        for name, (start_name, end_name) in anchored:
            quote = row[name]
            if not quote or _at(text, row[start_name], row[end_name]) == quote:
                continue
            found = text.count(quote)
            if found != 1:
                result.unanchored.append(Unanchored(file, number, name, found))
                continue
            start = text.index(quote)
            row[start_name], row[end_name] = str(start), str(start + len(quote))
            moved += 1
    result.moved += moved
    return table if moved else None


def _at(text: str, start: str, end: str) -> str | None:
    try:
        return text[int(start) : int(end)]
    except ValueError:
        return None
