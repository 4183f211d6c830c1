"""The registries a new section or exercise kind is added to: one registration each.

An exercise kind is a question builder of explainer/views/exercises.py with its selector from
`picks` (which record of the package it asks about; None when the package has no candidate).
A section type is a stable slug (what lesson.md names it by), its title, the prose slots a
lesson may rewrite, and a builder returning its parts, or None when the package has nothing
for it. The order sections are registered in is the order preferred where the rule of
`order` (each exercise before the evidence that answers it) leaves a choice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..package.model import Claim, Event, Package, Takeaway
from .parts import Ask, NarrativeError, Part

Record = Claim | Event | Takeaway


@dataclass(frozen=True)
class ExerciseKind:
    name: str  # the question's kind: the builder's name and its key's prefix
    build: Callable  # (package, record id) -> exercises.Question
    select: Callable[[Package], Record | None]  # the record asked about


@dataclass(frozen=True)
class SectionType:
    slug: str
    title: str
    slots: frozenset[str]  # the prose slots a lesson may rewrite (OPENING included)
    build: Callable[[Package, str], tuple[Part, ...] | None]  # (package, its folder's path)
    numbered: bool = True
    # Exercise kinds its prose (not its views: see `giveaways`) would answer if read first.
    prose_gives_away: frozenset[str] = frozenset()


EXERCISE_KINDS: dict[str, ExerciseKind] = {}
SECTION_TYPES: dict[str, SectionType] = {}


def register_exercise(kind: ExerciseKind) -> ExerciseKind:
    if kind.name in EXERCISE_KINDS:
        raise NarrativeError(f"exercise kind {kind.name!r} is registered twice")
    if kind.build.__name__ != kind.name:
        raise NarrativeError(f"exercise kind {kind.name!r} is built by {kind.build.__name__}")
    EXERCISE_KINDS[kind.name] = kind
    return kind


def register_section(section: SectionType, before: str | None = None) -> SectionType:
    """Add a section type, last or `before` the section of that slug in the preferred order
    (the rule of `order` may still move it further down)."""
    if section.slug in SECTION_TYPES:
        raise NarrativeError(f"section {section.slug!r} is registered twice")
    items = list(SECTION_TYPES.items())
    at = len(items) if before is None else [slug for slug, _ in items].index(before)
    items.insert(at, (section.slug, section))
    SECTION_TYPES.clear()
    SECTION_TYPES.update(items)
    return section


def ask(kind: str, package: Package, slide: str = "-") -> Ask | None:
    """The exercise of `kind` about the record its selector picks; None without a candidate."""
    record = EXERCISE_KINDS[kind].select(package)
    return None if record is None else Ask(kind, record.id, slide)
