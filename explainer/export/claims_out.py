"""Append imported claims to a package: staged in a copy, validated there, then written whole.

The new rows go at the end of claims.csv, each marked for review with what was proposed; a
package without a `review` column gets one (in claims.csv and its descriptor), as a draft from
`explainer new` has. The copy is checked by the package's own validation, so the package is
only ever changed into one that `validate` accepts; the caller writes `files` whole.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..draft.csv_files import read_table
from ..draft.write import REVIEW_FIELD
from ..package import validate_package
from ..package.descriptor import NAME
from ..package.problems import Problem
from ..package.review import REVIEW, REVIEWED
from .claims_in import Imported

CLAIMS = "claims"


@dataclass(frozen=True)
class Staged:
    files: dict[Path, bytes]  # what to write, by path in the package's folder
    first_row: int  # the spreadsheet row of the first new claim
    problems: list[tuple[Problem, Imported | None]]  # and the import that caused it, if one did


def staged(folder: Path, claims: list[Imported], file_name: str) -> Staged:
    descriptor = json.loads((folder / NAME).read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == CLAIMS]
    table = read_table(folder, resource["path"])
    first_row = len(table.rows) + 2
    changed = {resource["path"]}
    if any(claim.proposed for claim in claims) and REVIEW not in table.header:
        table.header.append(REVIEW)
        table.rows = [row | {REVIEW: REVIEWED} for row in table.rows]  # by hand: not proposals
        resource["schema"]["fields"].append(dict(REVIEW_FIELD))
        changed.add(NAME)
    table.rows += [claim.row | {REVIEW: review_note(claim, file_name)} for claim in claims]
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / folder.name
        shutil.copytree(folder, copy, symlinks=True)
        (copy / resource["path"]).write_bytes(table.encoded())
        if NAME in changed:
            text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
            (copy / NAME).write_text(text, encoding="utf-8")
        found = validate_package(copy)
        files = {folder / name: (copy / name).read_bytes() for name in sorted(changed)}
    by_row = {first_row + n: claim for n, claim in enumerate(claims)}
    problems = [
        (problem, by_row.get(problem.row) if problem.file == resource["path"] else None)
        for problem in found
    ]
    return Staged(files, first_row, problems)


def review_note(claim: Imported, file_name: str) -> str:
    if not claim.proposed:
        return REVIEWED
    return f"imported from {file_name}, {claim.incoming.name}: check " + "; ".join(claim.proposed)
