"""The package format: the one statement, in the engine, of the tables a package holds.

`datapackage.json` beside this module is the descriptor every package is written from: `new`
writes it into a draft (with a review field on each table), and `upgrade` rewrites a package's
descriptor from it (`refreshed`), so the packages in data/ and every draft describe their
tables in the very words and constraints the engine checks them by. The package's own parts stay
its own: its name, title, licences and sources, each table's description, and any field the
format does not define (a draft's `review`).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib.resources import files

FORMAT = "datapackage.json"


@cache
def _format() -> dict:
    return json.loads(files(__package__).joinpath(FORMAT).read_text(encoding="utf-8"))


def format_descriptor() -> dict:
    """A fresh copy of the format's descriptor, to write a new package from."""
    return copy.deepcopy(_format())


def refreshed(descriptor: dict) -> dict:
    """`descriptor` with every field the format defines written as the format defines it.

    Nothing that would change the tables' columns: fields keep their order, a field the package
    lacks is not added (validate says the explainer needs it), and fields and tables the format
    does not know are kept as they are. A resource or field that is not a JSON object is left to
    validate to report.
    """
    result = copy.deepcopy(descriptor)
    formats = {r["name"]: r for r in _format()["resources"]}
    for resource in result.get("resources", []):
        wanted = formats.get(resource.get("name")) if isinstance(resource, dict) else None
        schema = resource.get("schema") if wanted else None
        if (
            wanted is None
            or not isinstance(schema, dict)
            or not isinstance(schema.get("fields"), list)
        ):
            continue
        fields = {f["name"]: f for f in wanted["schema"]["fields"]}
        schema["fields"] = [
            copy.deepcopy(fields[f["name"]])
            if isinstance(f, dict) and f.get("name") in fields
            else f
            for f in schema["fields"]
        ]
        for key, value in wanted["schema"].items():
            if key != "fields":
                schema[key] = copy.deepcopy(value)
    return result
