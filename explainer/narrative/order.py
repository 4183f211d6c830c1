"""Retrieval first, by a rule: each exercise comes before the evidence that answers it.

The order of the sections is computed, not written by hand: a section that asks a kind of
exercise comes before every section whose views or prose would give that kind away
(`giveaways`); where the rule leaves a choice, the order of registration stands. Two sections
may each give away what the other asks (the dated events show where each plan stood; the
timeline, each date): such a cycle is broken in the order of registration. Inside a section, an
exercise must come before a view of its own evidence, and prose must never answer an exercise
not yet asked. Each view that gives an exercise of the notebook away is wrapped in
`exercises.revealed_after(keys, view)`, with the key of each exercise it answers, so that it
shows only once those exercises are answered or "Show me" is chosen, even where an exercise
comes further down.
"""

from __future__ import annotations

from collections.abc import Callable

from ..views import exercises
from . import calls
from .giveaways import NAMES, given_away
from .parts import Ask, Assign, Call, Code, NarrativeError, Ref, Section, Statement


def gives(statement: Statement, bound: dict[str, frozenset[str]]) -> frozenset[str]:
    """The exercise kinds a statement's value would answer (a Ref: what it was bound to)."""
    if isinstance(statement, Ref):
        return bound.get(statement.name, frozenset())
    if isinstance(statement, Assign):
        return gives(statement.value, bound)
    return given_away(statement.function)  # what its arguments are does not show


def shown(code: Code) -> Statement | None:
    """What a cell displays: its last statement, unless that is an assignment."""
    last = code.statements[-1] if code.statements else None
    return None if isinstance(last, Assign) else last


def _made_by(statement: Statement, code: Code) -> Callable | None:
    """The function whose value a displayed statement is (for a name, the one it was bound to
    in the same cell)."""
    if isinstance(statement, Call):
        return statement.function
    named = {s.name: s.value.function for s in code.statements if isinstance(s, Assign)}
    return named.get(statement.name) if isinstance(statement, Ref) else None


def section_gives(section: Section) -> frozenset[str]:
    kinds: set[str] = set(section.prose_gives_away)
    bound: dict[str, frozenset[str]] = {}
    for part in section.parts:
        if isinstance(part, Code):
            for statement in part.statements:
                if isinstance(statement, Assign):
                    bound[statement.name] = gives(statement, bound)
            if (last := shown(part)) is not None:
                kinds |= gives(last, bound)
    return frozenset(kinds)


def ordered(sections: list[Section]) -> list[Section]:
    """The sections, each one after every section that asks what it would give away."""
    asks = {s.slug: {a.kind for a in s.asked()} for s in sections}
    given = {s.slug: section_gives(s) for s in sections}
    before = {
        s.slug: {o.slug for o in sections if o is not s and asks[o.slug] & given[s.slug]}
        for s in sections
    }
    rank = {s.slug: n for n, s in enumerate(sections)}
    for slug, others in before.items():  # two that answer each other: the earlier goes first
        others -= {o for o in others if slug in before[o] and rank[o] > rank[slug]}
    placed: list[Section] = []
    waiting = list(sections)
    while waiting:
        done = {s.slug for s in placed}
        ready = next((s for s in waiting if before[s.slug] <= done), waiting[0])  # or a cycle
        placed.append(ready)
        waiting.remove(ready)
    return placed


def held_back(sections: list[Section]) -> list[Section]:
    """The sections with each view that answers an exercise of the notebook held back until
    that exercise is answered; an error if a section shows its own exercise's evidence before
    asking it, or if prose would answer an exercise not yet asked."""
    asked_anywhere = {a.kind for s in sections for a in s.asked()}
    keys = [a.key for s in sections for a in s.asked()]  # every exercise's, in order
    asked: dict[str, list[str]] = {}  # kind -> keys asked so far, in order
    result = []
    for section in sections:
        early = (section.prose_gives_away & asked_anywhere) - asked.keys()
        if early:
            raise NarrativeError(
                f"section {section.slug!r}: its prose answers {', '.join(sorted(early))} "
                "before it is asked"
            )
        bound: dict[str, frozenset[str]] = {}
        parts = []
        for part in section.parts:
            if isinstance(part, Ask):
                asked.setdefault(part.kind, []).append(part.key)
            elif isinstance(part, Code):
                own = {a.kind for a in section.asked()} - asked.keys()
                part = _held(section, part, bound, own, keys)
            parts.append(part)
        result.append(Section(section.slug, section.title, tuple(parts), section.numbered))
    return result


def _held(section: Section, code: Code, bound, unasked_own: set[str], order: list[str]) -> Code:
    """The cell with its view wrapped once for each exercise of the notebook it answers; an
    error if it answers an exercise its own section asks only further down."""
    for statement in code.statements:
        if isinstance(statement, Assign):
            bound[statement.name] = gives(statement, bound)
    last = shown(code)
    if last is None:
        return code
    kinds = gives(last, bound) & {key.split(":", 1)[0] for key in order}
    if kinds & unasked_own:
        raise NarrativeError(
            f"section {section.slug!r}: {calls.source(last)} answers "
            f"{', '.join(sorted(kinds & unasked_own))} before the section asks it"
        )
    waited = [key for key in order if key.split(":", 1)[0] in kinds]
    made_by = _made_by(last, code)
    what = NAMES.get(made_by, "the evidence") if made_by else "the evidence"
    if not waited:
        return code
    # One key as itself, several as a list: the view waits for each, the last asked outermost,
    # so that a page shows it after that answer.
    keys = waited[0] if len(waited) == 1 else waited
    held = Call(exercises.revealed_after, (keys, last, what))
    return Code((*code.statements[:-1], held), code.slide)
