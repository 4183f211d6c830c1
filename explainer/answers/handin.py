"""The answers a student hands in without the classroom server: one small JSON file.

A page of JupyterLab or JupyterLite offers its rows as this file to download; `python -m
explainer answers FILE...` reads any number of them back. Reading checks everything, because a
file handed in may be anything: a file that is not one is refused with its name and why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import ExplainerError
from .row import COLUMNS, Row, label_problems, problems

FORMAT = "explainer-answers"  # the file says what it is, so a stray JSON file is named as such
VERSION = 1
SIZE_LIMIT = 256 * 1024  # a lesson's answers are about 2 KB; a bigger file is not one of them
LESSON_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")  # a package's folder name
ROW_FIELDS = COLUMNS[3:]  # what an answer holds besides its lesson, exercise and student


class HandInError(ExplainerError):
    """A file that is not a student's answers; the message names it and says why."""


def dumps(lesson: str, student: str, rows: list[Row]) -> str:
    """The hand-in file of one page."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "lesson": lesson,
        "student": student,
        "answers": [
            {"exercise": row.exercise, **{f: getattr(row, f) for f in ROW_FIELDS}} for row in rows
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def file_name(lesson: str, student: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9-]+", "_", student).strip("_") or "student"
    return f"answers-{lesson}-{safe}.json"


def read(path: Path) -> list[Row]:
    """The rows of one hand-in file; HandInError if it is not one."""
    try:
        if path.stat().st_size > SIZE_LIMIT:
            raise HandInError(f"{path}: {path.stat().st_size} bytes, more than answers take")
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HandInError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise HandInError(f"{path}: not a text file (not UTF-8)") from None
    except json.JSONDecodeError as error:
        raise HandInError(f"{path}:{error.lineno}: not JSON ({error.msg})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise HandInError(f'{path}: not a file of answers (no "format": "{FORMAT}")')
    if document.get("version") != VERSION:
        raise HandInError(f"{path}: answers in version {document.get('version')!r}, not 1")
    lesson, student, answers = (document.get(k) for k in ("lesson", "student", "answers"))
    if not isinstance(lesson, str) or not LESSON_NAME.fullmatch(lesson):
        raise HandInError(f"{path}: lesson: {lesson!r} is not a lesson's name")
    for problem in label_problems(student):
        raise HandInError(f"{path}: student: {problem}")
    if not isinstance(answers, list):
        raise HandInError(f"{path}: answers: not a list")
    rows = []
    for index, answer in enumerate(answers):
        where = f"{path}: answers[{index}]"
        if not isinstance(answer, dict):
            raise HandInError(f"{where}: not an object")
        unknown = sorted(set(answer) - {"exercise", *ROW_FIELDS})
        if unknown:
            raise HandInError(f"{where}: {unknown[0]}: not a field of an answer")
        values = answer | {"student": student}
        for problem in problems(values):
            raise HandInError(f"{where}.{problem}")
        rows.append(Row(lesson=lesson, **values))
    keys = [row.exercise for row in rows]
    for key in keys:
        if keys.count(key) > 1:
            raise HandInError(f"{path}: answers: exercise {key} twice")
    return rows
