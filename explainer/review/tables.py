"""A package's tables as rows of text: changed in memory, validated, then written whole.

A change is checked by writing the changed tables into a scratch copy of the package and running
`validate_package` on it, so the review notebook applies exactly the rules of `validate`. Only a
change with no problem is written, through `write_whole` (each new file beside its old one,
swapped in with `os.replace` once all are complete), and the version each file replaces is kept
in `.previous/` in the package's folder, so that the last step can be undone by hand.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..draft.csv_files import Rows, Table, read_table
from ..package import validate_package
from ..package.descriptor import NAME
from ..package.writing import write_whole

PREVIOUS = ".previous"


@dataclass
class Tables:
    """Every table of the package in `folder`, by resource name."""

    folder: Path
    descriptor: dict
    headers: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, Rows] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    dialects: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Each table's line end and byte-order mark, which a rewrite keeps."""

    @classmethod
    def read(cls, folder: Path) -> Tables:
        folder = Path(folder).resolve()  # "." has no name, and a scratch copy needs one
        descriptor = json.loads((folder / NAME).read_text(encoding="utf-8"))
        tables = cls(folder, descriptor)
        for resource in descriptor["resources"]:
            if not resource["path"].endswith(".csv"):
                continue
            name = resource["name"]
            tables.paths[name] = resource["path"]
            table = read_table(folder, resource["path"])
            tables.headers[name], tables.rows[name] = table.header, table.rows
            tables.dialects[name] = (table.ending, table.bom)
        return tables

    def copy(self) -> Tables:
        rows = copy.deepcopy(self.rows)
        return Tables(self.folder, self.descriptor, self.headers, rows, self.paths, self.dialects)

    def encoded(self, resource: str) -> bytes:
        """The table as CSV bytes, in the dialect it was read in."""
        return Table(
            self.headers[resource], self.rows[resource], *self.dialects[resource]
        ).encoded()

    def row(self, resource: str, row_id: str) -> dict[str, str]:
        (found,) = [r for r in self.rows[resource] if r.get("id") == row_id]
        return found

    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(resource, field, referenced resource) for every reference between tables."""
        return [
            (resource["name"], key["fields"][0], key["reference"]["resource"])
            for resource in self.descriptor["resources"]
            for key in resource.get("schema", {}).get("foreignKeys", [])
        ]

    def article_text(self) -> str:
        (article,) = self.rows["article"]
        return (self.folder / article["text_path"]).read_text(encoding="utf-8")


def problems(tables: Tables, changed: set[str]) -> list[str]:
    """What `validate` would say of the package with the `changed` tables as in `tables`."""
    with tempfile.TemporaryDirectory() as scratch:
        copy_ = _staged(tables, changed, Path(scratch))
        return [str(problem) for problem in validate_package(copy_)]


def write(tables: Tables, changed: set[str]) -> None:
    """Write the `changed` tables whole, keeping the version each replaces in `.previous/`;
    `CannotWrite` (every file as it was) when they cannot be."""
    files = {}
    for name in sorted(changed):
        path = tables.paths[name]
        files[tables.folder / path] = tables.encoded(name)
        files[tables.folder / PREVIOUS / path] = (tables.folder / path).read_bytes()
    write_whole(files)


def _staged(tables: Tables, changed: set[str], scratch: Path) -> Path:
    target = scratch / tables.folder.name
    shutil.copytree(tables.folder, target, ignore=shutil.ignore_patterns(PREVIOUS, "*.ipynb"))
    for name in changed:
        (target / tables.paths[name]).write_bytes(tables.encoded(name))
    return target
