"""The package descriptor (datapackage.json), read into the few shapes the checks work from.

Only the part of Frictionless Data Package v2 this project uses is supported. Anything else that
would change what a check means (an unknown type, constraint or x- rule, a name that points
nowhere) is reported rather than ignored, so a typo cannot quietly switch a check off.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeGuard

from .files import read_bytes
from .limits import PACKAGE_BYTES
from .patterns import compile_pattern
from .problems import Problem, quoted
from .rules import (
    DESCRIPTOR_JSON,
    DESCRIPTOR_LINK,
    DESCRIPTOR_SHAPE,
    DESCRIPTOR_UNSUPPORTED,
    FILE_ENCODING,
    PACKAGE_FOLDER,
    PATTERN_LINEAR,
    Rule,
)

NAME = "datapackage.json"
TYPES = ("string", "integer", "date", "list")
ITEM_TYPES = ("string", "integer", "date")
CONSTRAINTS = ("required", "unique", "enum", "pattern")
EXTENSIONS = ("x-verbatim", "x-offsets", "x-within")
# Standard properties that would change how cells are read or checked, allowed only at their
# default (None: not at all). Columns are matched as fieldsMatch "exact" asks: all, in order.
_RESOURCE_DEFAULTS = {"format": "csv", "dialect": None, "compression": None}
_SCHEMA_DEFAULTS = {"fieldsMatch": "exact", "missingValues": [""], "uniqueKeys": None}
_FIELD_DEFAULTS = {"format": "default", "missingValues": [""], "categories": None}


@dataclass(frozen=True)
class Field:
    """A column: its type, its constraints and the project's x- rules."""

    name: str
    type: str
    item_type: str = "string"
    delimiter: str = ","
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: str = ""
    verbatim: bool = False
    offsets: tuple[str, str] | None = None
    within: str = ""

    @property
    def textual(self) -> bool:
        """Whether the values, or a list's items, are strings."""
        return self.type == "string" or (self.type == "list" and self.item_type == "string")


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    """A table: the CSV file it lives in and its schema."""

    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Descriptor:
    resources: tuple[Resource, ...]

    def resource(self, name: str) -> Resource | None:
        return next((r for r in self.resources if r.name == name), None)


def read_descriptor(folder: Path) -> tuple[Descriptor | None, list[Problem]]:
    """The descriptor of the package in `folder`, or None and the reasons it cannot be used."""
    data, problem = _load_json(folder)
    if problem is not None:
        return None, [problem]
    reader = _Reader()
    descriptor = reader.descriptor(data)
    return (None, reader.problems) if reader.problems else (descriptor, [])


def _load_json(folder: Path) -> tuple[object, Problem | None]:
    def problem(rule: Rule, message: str, row: int = 1) -> tuple[None, Problem]:
        return None, rule.at(NAME, row, "-", message)

    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        # The whole path: a kernel started in another folder resolves a relative one elsewhere.
        return problem(PACKAGE_FOLDER, f"package folder {folder.absolute()} {what}")
    raw = read_bytes(folder, NAME, PACKAGE_BYTES)
    if isinstance(raw, Problem):
        return None, raw
    try:
        return json.loads(raw.decode("utf-8-sig")), None
    except UnicodeDecodeError as error:
        return problem(FILE_ENCODING, "not valid UTF-8", raw[: error.start].count(b"\n") + 1)
    except json.JSONDecodeError as error:
        return problem(
            DESCRIPTOR_JSON, f"not valid JSON: {error.msg} (column {error.colno})", error.lineno
        )
    except RecursionError:
        return problem(DESCRIPTOR_JSON, "not valid JSON: nested too deeply")


def _is_name(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value)


def _names(value: object) -> tuple[str, ...] | None:
    """A field list as Frictionless allows it (one name or a list of names); None if neither."""
    if _is_name(value):
        return (value,)
    if isinstance(value, list) and all(_is_name(v) for v in value):
        return tuple(value)
    return None


class _Reader:
    """Builds the descriptor from parsed JSON of any shape, collecting what does not fit."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, where: str, message: str, rule: Rule = DESCRIPTOR_SHAPE) -> None:
        problem = rule.at(NAME, 1, where, message)
        if problem not in self.problems:
            self.problems.append(problem)

    def descriptor(self, data: object) -> Descriptor:
        raw = data.get("resources") if isinstance(data, dict) else None
        if not isinstance(raw, list) or not raw:
            self.fail("resources", "the descriptor needs a non-empty list of resources")
            return Descriptor(())
        parsed = (self.resource(i, item) for i, item in enumerate(raw))
        descriptor = Descriptor(tuple(r for r in parsed if r is not None))
        self.unique_names("resources", [r.name for r in descriptor.resources])
        for resource in descriptor.resources:
            self.links(resource, descriptor)
        return descriptor

    def unique_names(self, where: str, names: list[str]) -> None:
        for name in sorted({n for n in names if names.count(n) > 1}):
            self.fail(where, f"the name {quoted(name)} is used more than once")

    def resource(self, index: int, raw: object) -> Resource | None:
        if not isinstance(raw, dict) or not _is_name(raw.get("name")):
            self.fail(f"resources[{index}]", "a resource must be an object with a name")
            return None
        name = raw["name"]
        path = raw.get("path")
        if not isinstance(path, str) or not path:
            self.fail(name, "path must be the name of one CSV file")
        if str(raw.get("encoding", "utf-8")).lower() not in ("utf-8", "utf8"):
            self.fail(name, "only the utf-8 encoding is supported", DESCRIPTOR_UNSUPPORTED)
        self.defaults_only(name, raw, _RESOURCE_DEFAULTS)
        schema = raw.get("schema")
        raw_fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(schema, dict) or not isinstance(raw_fields, list) or not raw_fields:
            self.fail(name, "the schema must be an object with a non-empty list of fields")
            return None
        parsed = (self.field(name, j, f) for j, f in enumerate(raw_fields))
        fields = tuple(f for f in parsed if f is not None)
        self.unique_names(name, [f.name for f in fields])
        self.defaults_only(name, schema, _SCHEMA_DEFAULTS)
        primary_key = _names(schema.get("primaryKey", []))
        if primary_key is None:
            self.fail(name, "primaryKey must be a field name or a list of field names")
            primary_key = ()
        # Frictionless: every primary key field is required.
        fields = tuple(replace(f, required=True) if f.name in primary_key else f for f in fields)
        keys = schema.get("foreignKeys", [])
        if not isinstance(keys, list):
            self.fail(name, "foreignKeys must be a list")
            keys = []
        parsed_keys = [self.foreign_key(name, i, key) for i, key in enumerate(keys)]
        foreign_keys = tuple(k for k in parsed_keys if k is not None)
        if not isinstance(path, str) or not path:
            return None
        return Resource(name, path, fields, primary_key, foreign_keys)

    def field(self, resource: str, index: int, raw: object) -> Field | None:
        if not isinstance(raw, dict) or not _is_name(raw.get("name")):
            self.fail(f"{resource}.fields[{index}]", "a field must be an object with a name")
            return None
        where = f"{resource}.{raw['name']}"
        for key in raw:
            if key.startswith("x-") and key not in EXTENSIONS:
                self.fail(
                    where,
                    f"unknown rule {key} (known: {', '.join(EXTENSIONS)})",
                    DESCRIPTOR_UNSUPPORTED,
                )
        kind = raw.get("type", "string")
        if kind not in TYPES:
            message = f"type {quoted(kind)} is not supported (use {', '.join(TYPES)})"
            self.fail(where, message, DESCRIPTOR_UNSUPPORTED)
            return None
        self.defaults_only(where, raw, _FIELD_DEFAULTS)
        field = Field(
            raw["name"],
            kind,
            item_type=self.choice(where, raw, "itemType", ITEM_TYPES),
            delimiter=self.text(where, raw, "delimiter", ",", empty=False),
            verbatim=self.flag(where, raw, "x-verbatim"),
            offsets=self.offsets(where, raw.get("x-offsets")),
            within=self.text(where, raw, "x-within", ""),
            **self.constraints(where, raw.get("constraints", {})),
        )
        if (field.enum or field.pattern or field.verbatim or field.within) and not field.textual:
            message = "enum, pattern, x-verbatim and x-within need string values"
            self.fail(where, message, DESCRIPTOR_UNSUPPORTED)
        if field.offsets and field.type != "string":
            self.fail(where, "x-offsets needs a string field", DESCRIPTOR_UNSUPPORTED)
        return field

    def defaults_only(self, where: str, raw: dict, defaults: Mapping[str, object]) -> None:
        """Properties this reader does not implement are fine only at their default value."""
        for key, default in defaults.items():
            if key in raw and raw[key] != default:
                allowed = "" if default is None else f" other than {json.dumps(default)}"
                self.fail(where, f"{key}{allowed} is not supported", DESCRIPTOR_UNSUPPORTED)

    def constraints(self, where: str, raw: object) -> dict:
        if not isinstance(raw, dict):
            self.fail(where, "constraints must be an object")
            return {}
        for key in raw:
            if key not in CONSTRAINTS:
                message = f"constraint {key} is not supported (use {', '.join(CONSTRAINTS)})"
                self.fail(where, message, DESCRIPTOR_UNSUPPORTED)
        enum = raw.get("enum", [])
        if not isinstance(enum, list) or not all(isinstance(v, str) for v in enum):
            self.fail(where, "enum must be a list of strings")
            enum = []
        pattern = self.text(where, raw, "pattern", "")
        try:
            compile_pattern(pattern)
        except ValueError as error:
            message = f"pattern is not a regular expression RE2 can run in linear time: {error}"
            self.fail(where, message, PATTERN_LINEAR)
            pattern = ""
        return {
            "required": self.flag(where, raw, "required"),
            "unique": self.flag(where, raw, "unique"),
            "enum": tuple(enum),
            "pattern": pattern,
        }

    def flag(self, where: str, raw: dict, key: str) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(where, f"{key} must be true or false")
            return False
        return value

    def text(self, where: str, raw: dict, key: str, default: str, empty: bool = True) -> str:
        value = raw.get(key, default)
        if not isinstance(value, str) or not (empty or value):
            self.fail(where, f"{key} must be a {'' if empty else 'non-empty '}string")
            return default
        return value

    def choice(self, where: str, raw: dict, key: str, allowed: tuple[str, ...]) -> str:
        value = raw.get(key, allowed[0])
        if value not in allowed:
            self.fail(where, f"{key} must be one of {', '.join(allowed)}", DESCRIPTOR_UNSUPPORTED)
            return allowed[0]
        return value

    def offsets(self, where: str, raw: object) -> tuple[str, str] | None:
        if raw is None:
            return None
        if isinstance(raw, dict) and _is_name(raw.get("start")) and _is_name(raw.get("end")):
            return raw["start"], raw["end"]
        self.fail(where, 'x-offsets must be {"start": field name, "end": field name}')
        return None

    def foreign_key(self, resource: str, index: int, raw: object) -> ForeignKey | None:
        given: dict = raw if isinstance(raw, dict) else {}
        reference = given.get("reference")
        if isinstance(reference, dict):
            fields, target = _names(given.get("fields")), reference.get("resource", resource)
            referenced = _names(reference.get("fields"))
            if fields and referenced and isinstance(target, str) and len(fields) == len(referenced):
                return ForeignKey(fields, target or resource, referenced)
        self.fail(
            f"{resource}.foreignKeys[{index}]",
            "a foreign key needs fields and a reference with a resource and as many fields",
        )
        return None

    def links(self, resource: Resource, descriptor: Descriptor) -> None:
        """Every name that points at a field or a resource must find it."""
        here = resource.name

        def need(where: str, name: str, kinds: tuple[str, ...], what: str) -> None:
            field = resource.field(name)
            if field is None:
                message = f"{what} names {quoted(name)}, which is not a field of {here}"
                self.fail(where, message, DESCRIPTOR_LINK)
            elif field.type not in kinds:
                message = f"{what} names {quoted(name)}, which must be {' or '.join(kinds)}"
                self.fail(where, message, DESCRIPTOR_LINK)

        for name in resource.primary_key:
            need(here, name, TYPES, "primaryKey")
        for key in resource.foreign_keys:
            for name in key.fields:
                need(here, name, TYPES, "a foreign key")
            target = descriptor.resource(key.resource)
            if target is None:
                message = f"a foreign key points to {quoted(key.resource)}: no such resource"
                self.fail(here, message, DESCRIPTOR_LINK)
                continue
            for name in key.reference:
                if target.field(name) is None:
                    message = f"a foreign key points to {target.name}.{name}: no such field"
                    self.fail(here, message, DESCRIPTOR_LINK)
        for field in resource.fields:
            where = f"{here}.{field.name}"
            for name in field.offsets or ():
                need(where, name, ("integer",), "x-offsets")
            if field.within:
                need(where, field.within, ("string",), "x-within")
