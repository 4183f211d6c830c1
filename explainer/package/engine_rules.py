"""The rules the engine relies on in every package, whatever its datapackage.json says.

The views look coded values up in the vocabulary, ids up in their tables, and underline quotes
at their offsets: a descriptor that dropped one of these rules would let through a package that
breaks the notebook (a `KeyError` in six cells for one unknown certainty). So the rules are
stated here, in one place, and `enforce` both reports a descriptor that drops or loosens one and
puts it back, so the tables are still checked against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from . import vocabulary
from .descriptor import NAME, Descriptor, Field, ForeignKey, Resource
from .problems import Problem
from .rules import (
    ENGINE_ENUM,
    ENGINE_FOREIGN_KEY,
    ENGINE_KEY,
    ENGINE_OFFSETS,
    ENGINE_REQUIRED,
    ENGINE_VERBATIM,
    ENGINE_WITHIN,
    Rule,
)

ALLOWED: dict[tuple[str, str], Mapping[str, object]] = {
    ("actors", "type"): vocabulary.ACTOR_TYPE,
    ("events", "precision"): vocabulary.PRECISION,
    ("events", "status"): vocabulary.STATUS,
    ("claims", "source_kind"): vocabulary.SOURCE_KIND,
    ("claims", "certainty"): vocabulary.CERTAINTY,
    ("takeaways", "verdict"): vocabulary.VERDICT,
    ("takeaway_support", "strength"): vocabulary.STRENGTH,
}
"""Coded values: the enum may allow only values the vocabulary names, colours and draws."""

REFERENCES: dict[tuple[str, str], str] = {
    ("dating", "context"): "context",
    ("actors", "group"): "groups",
    ("events", "actors"): "actors",
    ("claims", "attribution"): "actors",
    ("claims", "about"): "actors",
    ("claims", "events"): "events",
    ("takeaway_support", "takeaway"): "takeaways",
    ("takeaway_support", "claim"): "claims",
    ("context", "actors"): "actors",
    ("context", "events"): "events",
    ("context_actors", "actor"): "actors",
}
"""Foreign keys, each to the `id` of the table named: the views look every one of them up."""

KEYS: dict[str, tuple[str, ...]] = {
    "takeaway_support": ("takeaway", "claim"),
    "context_actors": ("actor",),
}
"""Primary keys; every other table is keyed by its `id`, which the look-ups rely on."""

REQUIRED: dict[str, tuple[str, ...]] = {
    "article": ("headline", "publisher", "dateline"),
    "dating": ("inference",),
    "groups": ("label",),
    "actors": ("name", "group"),
    "events": ("label", "actors"),
    "claims": ("quote", "summary", "attribution", "about"),
    "takeaways": ("quote", "explanation"),
    "context": ("fact", "source"),
    "context_actors": ("title", "source"),
}
"""Values every row needs, beyond keys and coded values: what a view shows as the row's name,
the first item it takes of a list (who asserts a claim, an event's lead actor), and the source
without which outside context may not be shown."""

QUOTES = (("dating", "quote"), ("claims", "quote"), ("takeaways", "quote"))
"""Quotes that stand in the article at their offsets (start, end): the article view underlines
them there."""

VERBATIM = (
    ("article", "headline"),
    ("article", "dateline"),
    ("actors", "mention"),
    ("actors", "role"),
    ("events", "date_text"),
)
"""Words the views present as the article's own."""

WITHIN = {("claims", "hedges"): "quote"}
"""List items that the views highlight inside another field of the same row."""

PROSE = (
    ("dating", "quote"),
    ("dating", "inference"),
    ("events", "resolution"),
    ("claims", "quote"),
    ("claims", "summary"),
    ("takeaways", "quote"),
    ("takeaways", "explanation"),
    ("context", "fact"),
)
"""Text that may run over several lines; every other text field (a name, a label, a list item)
is one line, as a chart's label, a table's cell and a legend show it. In all of it but
OUTSIDE_PROSE, a passage in curly quotes is the article's own words."""

OUTSIDE_PROSE = {("context", "fact")}
"""Prose from outside the article: its curly quotes quote the outside source it names."""


def enforce(descriptor: Descriptor) -> tuple[Descriptor, list[Problem]]:
    """The descriptor with every rule above in force, and a problem for each it dropped or
    loosened. Resources and fields it lacks are reported elsewhere, as the model needs them."""
    problems: list[Problem] = []
    resources = tuple(_enforce(resource, problems) for resource in descriptor.resources)
    return Descriptor(resources), problems


def _enforce(resource: Resource, problems: list[Problem]) -> Resource:
    name = resource.name

    def fail(rule: Rule, field: str, message: str) -> None:
        problems.append(rule.at(NAME, 1, f"{name}.{field}" if field else name, message))

    key = KEYS.get(name, ("id",))
    if not all(resource.field(f) for f in key):
        key = resource.primary_key  # a table the explainer does not read by key
    elif resource.primary_key != key:
        fail(
            ENGINE_KEY,
            "",
            f"primaryKey must be {', '.join(key)}: the explainer looks rows up by it",
        )
    fields = tuple(_field(name, f, key, fail) for f in resource.fields)
    keys = list(resource.foreign_keys)
    for (source, field), target in REFERENCES.items():
        needed = ForeignKey((field,), target, ("id",))
        if source == name and resource.field(field) and needed not in keys:
            fail(
                ENGINE_FOREIGN_KEY,
                field,
                f"needs the foreign key to {target}.id: the explainer looks it up there",
            )
            keys.append(needed)
    return replace(resource, fields=fields, primary_key=key, foreign_keys=tuple(keys))


def _field(resource: str, field: Field, key: tuple[str, ...], fail) -> Field:
    where = (resource, field.name)
    if field.name in key:
        field = replace(field, required=True)
    if field.name in REQUIRED.get(resource, ()) and not field.required:
        fail(
            ENGINE_REQUIRED,
            field.name,
            "must be required: the explainer shows or looks up a value in every row",
        )
        field = replace(field, required=True)
    if where in ALLOWED:
        known = tuple(ALLOWED[where])
        if not field.enum:
            fail(
                ENGINE_ENUM,
                field.name,
                f"needs constraints.enum, with values from: {', '.join(known)}",
            )
        unknown = [v for v in field.enum if v not in known]
        if unknown:
            fail(
                ENGINE_ENUM,
                field.name,
                f"enum allows {', '.join(unknown)}, which the vocabulary does not know "
                "(explainer/package/vocabulary.py): remove it, or add it there with its label",
            )
        if not field.required:
            fail(
                ENGINE_ENUM,
                field.name,
                "must be required: every row needs one of the allowed values",
            )
        allowed = tuple(v for v in field.enum if v in known) or known
        field = replace(field, enum=allowed, required=True)
    if where in QUOTES and field.offsets != ("start", "end"):
        fail(ENGINE_OFFSETS, field.name, 'needs "x-offsets": {"start": "start", "end": "end"}')
        field = replace(field, offsets=("start", "end"))
    if where in VERBATIM and not field.verbatim:
        fail(
            ENGINE_VERBATIM,
            field.name,
            'needs "x-verbatim": true: it is shown as the article\'s own words',
        )
        field = replace(field, verbatim=True)
    if where in WITHIN and field.within != WITHIN[where]:
        fail(ENGINE_WITHIN, field.name, f'needs "x-within": "{WITHIN[where]}"')
        field = replace(field, within=WITHIN[where])
    return field
