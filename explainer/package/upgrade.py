"""Bring a package written in an older format up to today's, in place.

Each step is one change of the format and applies only while the package still has the old
shape, so a second `upgrade` changes nothing. A step rewrites only what it changes: every other
file stays byte for byte as it was, and so do the other cells of the table it edits. The files
are written together at the end, all of them or none, so that a failure never leaves a package
half converted, which neither `validate` nor `upgrade` would take.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExplainerError
from .descriptor import NAME
from .files import decode, read_bytes
from .problems import Problem
from .rules import CSV_SYNTAX, DESCRIPTOR_JSON, DESCRIPTOR_SHAPE, MISSING_LABEL
from .schema import refreshed
from .writing import write_whole

CONTEXT_ACTORS = "context_actors"
HANGUL = "hangul"
NATIVE_FIELDS = [
    {
        "name": "native_name",
        "type": "string",
        "description": "The name in the actor's own language or script (for example in Hangul).",
    },
    {
        "name": "native_language",
        "type": "string",
        "description": "The language of native_name as a BCP 47 tag that CLDR knows (ko for "
        "Korean): it names the column and tells screen readers how to say the name.",
    },
]
_OLD_WORDS, _NEW_WORDS = "Names in Hangul", "Native names (each with its language)"


class UpgradeError(ExplainerError):
    """The package cannot be upgraded; carries the problem, said as `validate` says it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Step:
    """One change of the format: whether a descriptor still needs it, and how to make it (in
    the descriptor, and in the files it returns by name, not yet written)."""

    done: str
    applies: Callable[[dict], bool]
    apply: Callable[[Path, dict], dict[str, bytes]]


def upgrade_package(folder: Path) -> list[str]:
    """Upgrade the package in `folder` in place; says what each applied step changed. Raises
    UpgradeError, or CannotWrite with every file as it was."""
    descriptor = _read_descriptor(folder)
    done = []
    files: dict[str, bytes] = {}
    for step in STEPS:
        if step.applies(descriptor):
            files |= step.apply(folder, descriptor)
            done.append(step.done)
    if done:
        files[NAME] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode()
        write_whole({folder / name: data for name, data in files.items()})
    return done


def needs_upgrade(folder: Path) -> bool:
    """Whether `upgrade` would change the package (False if it cannot be read at all)."""
    try:
        descriptor = _read_descriptor(folder)
    except UpgradeError:
        return False
    return any(step.applies(descriptor) for step in STEPS)


def _read_descriptor(folder: Path) -> dict:
    data = read_bytes(folder, NAME)
    if isinstance(data, Problem):
        raise UpgradeError(data)
    try:
        descriptor = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise UpgradeError(
            DESCRIPTOR_JSON.at(NAME, 1, "-", "not valid JSON: run validate")
        ) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise UpgradeError(DESCRIPTOR_SHAPE.at(NAME, 1, "resources", "not a package descriptor"))
    return descriptor


def _resource(descriptor: dict, name: str) -> dict | None:
    found = [r for r in descriptor["resources"] if isinstance(r, dict) and r.get("name") == name]
    return found[0] if found else None


def _fields(resource: dict | None) -> list:
    schema = resource.get("schema") if resource else None
    fields = schema.get("fields") if isinstance(schema, dict) else None
    return fields if isinstance(fields, list) else []


def _has_hangul(descriptor: dict) -> bool:
    fields = _fields(_resource(descriptor, CONTEXT_ACTORS))
    return any(isinstance(f, dict) and f.get("name") == HANGUL for f in fields)


def _hangul_to_native(folder: Path, descriptor: dict) -> dict[str, bytes]:
    """context_actors.hangul becomes native_name, with native_language ko where it is given."""
    resource = _resource(descriptor, CONTEXT_ACTORS)
    assert resource is not None  # the step applies only where _has_hangul found it
    path = resource.get("path")
    if not isinstance(path, str):
        raise UpgradeError(
            DESCRIPTOR_SHAPE.at(NAME, 1, CONTEXT_ACTORS, "path must be a CSV file name")
        )
    data = read_bytes(folder, path)
    if isinstance(data, Problem):
        raise UpgradeError(data)
    text = decode(path, data, lambda before: before.count("\n") + 1)
    if isinstance(text, Problem):
        raise UpgradeError(text)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    ending = "\r\n" if "\r\n" in text else "\n"
    try:
        header, *rows = list(csv.reader(io.StringIO(text.removeprefix(bom), newline="")))
    except (csv.Error, ValueError):
        raise UpgradeError(CSV_SYNTAX.at(path, 1, "-", "not valid CSV: run validate")) from None
    if HANGUL not in header:
        raise UpgradeError(MISSING_LABEL.at(path, 1, HANGUL, "missing column: run validate"))
    at = header.index(HANGUL)
    header[at : at + 1] = [field["name"] for field in NATIVE_FIELDS]
    for row in rows:
        if len(row) > at:
            row.insert(at + 1, "ko" if row[at] else "")
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerows([header, *rows])
    fields = _fields(resource)
    index = next(i for i, f in enumerate(fields) if isinstance(f, dict) and f.get("name") == HANGUL)
    fields[index : index + 1] = [dict(field) for field in NATIVE_FIELDS]
    if isinstance(description := resource.get("description"), str):
        resource["description"] = description.replace(_OLD_WORDS, _NEW_WORDS)
    return {path: (bom + out.getvalue()).encode("utf-8")}


def _stale(descriptor: dict) -> bool:
    return refreshed(descriptor) != descriptor


def _refresh(folder: Path, descriptor: dict) -> dict[str, bytes]:
    """The tables' fields rewritten as the package format defines them (no column changes)."""
    descriptor.update(refreshed(descriptor))
    return {}


STEPS = (
    Step(
        "context_actors: the hangul column is now native_name, with native_language ko",
        _has_hangul,
        _hangul_to_native,
    ),
    Step(
        "datapackage.json: the tables' fields are described as the package format describes them",
        _stale,
        _refresh,
    ),
)
"""In order: a step that changes columns comes before the refresh, which then describes them."""
