"""One student's answers to one exercise, and the rules every source of them is held to.

The same checks guard the classroom server's record route and the JSON files handed in, so a
row in the database or in a CSV is always one a real page could have produced.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime

LABEL_CHARACTERS = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U/V pairs to misread
LABEL_LENGTH = 4  # 30^4 = 810,000 labels: two pages of one class sharing one is very unlikely
NAME_LIMIT = 40  # characters of a typed name
VALUE_LIMIT = 200  # characters of an answer's value (option values are ids and dates)
TRIES_LIMIT = 1000
EXERCISE_KEY = re.compile(r"[a-z_]+:[A-Za-z0-9_.-]{1,100}")  # Question.key: "kind:record id"
# A spreadsheet reads a cell starting with one of these as a formula: never a name's start.
FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Row:
    """What the teacher keeps of one student's work on one exercise."""

    lesson: str  # the package the notebook explains (its folder name)
    exercise: str  # Question.key
    student: str  # a random label, or the name the student typed (--names)
    first_answer: str  # option values, as Question.document() lists them
    final_answer: str
    tries: int  # answers checked, the first included
    hints: int  # hints seen
    time: str  # of the final answer, UTC, ISO 8601 to the second

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


COLUMNS = tuple(f.name for f in fields(Row))


def now() -> str:
    """The time a row records: UTC to the second (a class's order, not a stopwatch)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def problems(values: dict[str, object]) -> list[str]:
    """What is wrong with a row's fields (the lesson apart), as `field: message` lines."""
    found = []
    for name in COLUMNS:
        if name != "lesson" and name not in values:
            found.append(f"{name}: missing")
    if found:
        return found
    exercise, student = values["exercise"], values["student"]
    if not isinstance(exercise, str) or not EXERCISE_KEY.fullmatch(exercise):
        found.append(f"exercise: {_shown(exercise)} is not an exercise key (kind:id)")
    found += [f"student: {p}" for p in label_problems(student)]
    for name in ("first_answer", "final_answer"):
        value = values[name]
        if not isinstance(value, str) or not 0 < len(value) <= VALUE_LIMIT:
            found.append(
                f"{name}: {_shown(value)} is not an answer (1 to {VALUE_LIMIT} characters)"
            )
    for name, lowest in (("tries", 1), ("hints", 0)):
        value = values[name]
        if type(value) is not int or not lowest <= value <= TRIES_LIMIT:
            found.append(f"{name}: {_shown(value)} is not a whole number from {lowest}")
    if not isinstance(values["time"], str) or not _is_time(values["time"]):
        found.append(f"time: {_shown(values['time'])} is not a UTC time like 2025-12-12T09:30:00Z")
    return found


def label_problems(student: object) -> list[str]:
    """Why `student` cannot stand for a student: empty, too long, unprintable, a formula."""
    if not isinstance(student, str) or not student.strip():
        return [f"{_shown(student)} is not a label or a name"]
    if student != student.strip() or len(student) > NAME_LIMIT or not student.isprintable():
        return [f"{_shown(student)}: a name is 1 to {NAME_LIMIT} printable characters"]
    if student.startswith(FORMULA_START):
        return [f"{_shown(student)}: a name cannot start with {' '.join(FORMULA_START)}"]
    return []


def _is_time(text: str) -> bool:
    try:
        return text.endswith("Z") and datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _shown(value: object) -> str:
    return repr(value)[:60]
