"""Foreign keys: every reference, and every item of a list of references, must find its row."""

from __future__ import annotations

from collections.abc import Mapping

from .cells import items
from .csv_tables import Row, Table
from .problems import Problem, quoted
from .rules import FOREIGN_KEY


def check_references(tables: Mapping[str, Table | None]) -> list[Problem]:
    """Dangling references, one problem per missing id.

    A table that could not be read, or lacks the referenced column, is not checked against:
    its own problem is already reported.
    """
    problems = []
    for table in filter(None, tables.values()):
        for key in table.resource.foreign_keys:
            target = tables.get(key.resource)
            if target is None or not target.columns.issuperset(key.reference):
                continue
            known = {
                tuple(r.values[f] for f in key.reference)
                for r in target.rows
                if r.has(*key.reference)
            }
            what = "/".join(key.reference)
            for row in table.rows:
                for reference in _references(row, key.fields):
                    if reference in known or any(str(v) in target.unread for v in reference):
                        continue
                    shown = quoted(", ".join(str(v) for v in reference))
                    message = f"unknown {what} {shown}: not in {target.file}"
                    problems.append(
                        FOREIGN_KEY.at(table.file, row.number, ",".join(key.fields), message)
                    )
    return problems


def _references(row: Row, fields: tuple[str, ...]) -> list[tuple]:
    """What a row refers to: each item of a list field on its own, else the values together."""
    if not row.has(*fields):
        return []
    values = [row.values[f] for f in fields]
    if len(values) == 1:
        return [(item,) for item in items(values[0])]
    return [tuple(values)] if all(items(v) for v in values) else []
