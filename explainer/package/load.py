"""Load an article package into typed records, or say everything that is wrong with it.

Validation and loading share one reading of the files: the records are built from the very
values the checks approved, so what is checked and what is shown cannot drift apart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import TypeVar, get_type_hints

from . import model
from .article_text import SHA256, TEXT_PATH, read_article_text
from .csv_tables import Row, Table, read_tables
from .descriptor import NAME, Descriptor, read_descriptor
from .editorial_rules import check_editorial_rules
from .engine_rules import enforce
from .field_rules import check_fields
from .files import plain_file
from .knowledge_rules import check_knowledge
from .limits import PACKAGE_BYTES, megabytes, past_limit
from .package_rules import check_package_rules
from .problems import PackageError, Problem
from .references import check_references
from .review import review_marks
from .rules import MODEL_FIELD, MODEL_RESOURCE, RULES, SIZE_LIMIT

T = TypeVar("T")
RECORDS: dict[str, type] = {
    "article": model.Article,
    "dating": model.DatingStep,
    "groups": model.Group,
    "actors": model.Actor,
    "events": model.Event,
    "claims": model.Claim,
    "takeaways": model.Takeaway,
    "takeaway_support": model.TakeawaySupport,
    "context": model.ContextFact,
    "context_actors": model.ContextActor,
}
"""Which record each resource is loaded into; Package has one attribute per resource name."""

# What a model annotation needs of its field: the schema type, and whether it must be required.
_NEEDS = {
    str: ("string", False),
    int: ("integer", True),
    int | None: ("integer", False),
    date: ("date", True),
    date | None: ("date", False),
    tuple[str, ...]: ("list", False),
}
# The article's text comes from the file its row names, not from a column of its own.
_FROM_TEXT = "text"
_TEXT_COLUMNS = {TEXT_PATH: ("string", True), SHA256: ("string", True)}


@dataclass(frozen=True)
class _Checked:
    problems: list[Problem]
    tables: dict[str, Table | None]
    text: str | None
    warnings: tuple[Problem, ...] = ()


def validate_package(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem with the package in folder `path`; an empty list if it is valid."""
    return _check(Path(path)).problems


def package_warnings(path: str | os.PathLike[str]) -> list[Problem]:
    """What a person may rightly have meant otherwise (rules marked as warnings): shown by
    `validate`, they leave the package valid."""
    return list(_check(Path(path)).warnings)


def load_package(path: str | os.PathLike[str]) -> model.Package:
    """The package in folder `path` as typed records; raises PackageError listing every problem."""
    checked = _check(Path(path))
    if checked.problems:
        raise PackageError(checked.problems, path)
    tables = {name: table for name, table in checked.tables.items() if table is not None}
    (article,) = tables["article"].rows  # with no problems, every table was read
    return model.Package(
        article=_record(model.Article, article, text=checked.text),
        **{
            name: tuple(_record(record, row) for row in tables[name].rows)
            for name, record in RECORDS.items()
            if record is not model.Article
        },
        awaiting_review=review_marks(tables),
        warnings=checked.warnings,
    )


def _record(record: type[T], row: Row, **given: object) -> T:
    names = (f.name for f in fields(record) if f.name not in given)  # type: ignore[arg-type]
    return record(**{name: row.values[name] for name in names}, **given)


def _check(folder: Path) -> _Checked:
    descriptor, problems = read_descriptor(folder)
    if descriptor is None:
        return _Checked(problems, {}, None)
    problems = _model_fit(descriptor)
    if problems:  # the checks below rely on the tables and fields the model needs
        return _Checked(problems, {}, None)
    problems = _size_problems(folder, descriptor)
    if problems:  # refused before reading a row: a huge package would take minutes to check
        return _Checked(problems, {}, None)
    descriptor, problems = enforce(descriptor)
    tables, table_problems = read_tables(folder, descriptor)
    problems += table_problems
    text, text_problems = read_article_text(folder, tables["article"])
    problems += text_problems
    problems += check_references(tables)
    problems += check_fields(tables, text)
    problems += check_package_rules(tables)
    problems += check_editorial_rules(tables, text)
    problems += check_knowledge(tables, text)
    # By file and row, as a person works through them; within a row, in the order found.
    problems.sort(key=lambda p: (p.file, p.row))
    warnings = tuple(p for p in problems if RULES[p.code].warning)
    problems = [p for p in problems if not RULES[p.code].warning]
    return _Checked(problems, tables, text, warnings)


def _size_problems(folder: Path, descriptor: Descriptor) -> list[Problem]:
    """The descriptor and the tables together may not pass PACKAGE_BYTES (the article text has
    a limit of its own); a file that cannot be read is left to the check that reads it."""
    statuses = [
        plain_file(folder, name) for name in (NAME, *(r.path for r in descriptor.resources))
    ]
    total = sum(s.st_size for s in statuses if not isinstance(s, Problem))
    if total <= PACKAGE_BYTES:
        return []
    found = f"the descriptor and the tables come to {megabytes(total)}"
    return [SIZE_LIMIT.at(NAME, 1, "-", past_limit(found, megabytes(PACKAGE_BYTES)))]


def _model_fit(descriptor: Descriptor) -> list[Problem]:
    """What the model needs of the descriptor: each resource, with fields of fitting types."""
    problems = []
    for name, record in RECORDS.items():
        resource = descriptor.resource(name)
        if resource is None:
            problems.append(
                MODEL_RESOURCE.at(NAME, 1, name, "resource missing: the explainer needs it")
            )
            continue
        hints = get_type_hints(record)
        needs = {f.name: _NEEDS[hints[f.name]] for f in fields(record)}
        if record is model.Article:
            del needs[_FROM_TEXT]
            needs.update(_TEXT_COLUMNS)
        for field_name, (kind, required) in needs.items():
            field = resource.field(field_name)
            where = f"{name}.{field_name}"
            if field is None:
                problems.append(
                    MODEL_FIELD.at(NAME, 1, where, "field missing: the explainer needs it")
                )
            elif field.type != kind or (kind == "list" and field.item_type != "string"):
                of = " of strings" if kind == "list" else ""
                problems.append(MODEL_FIELD.at(NAME, 1, where, f"must be of type {kind}{of}"))
            elif required and not field.required:
                message = "must be required: the explainer needs it"
                problems.append(MODEL_FIELD.at(NAME, 1, where, message))
    return problems
