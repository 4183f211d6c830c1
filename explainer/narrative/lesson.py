"""A teacher's own prose for the explainer: the optional `lesson.md` of a package.

One `## ` heading per section, named by the section's slug (for example `## sources`), which
stays the same when a title or the order changes; the section's generated title (`## Where the
story comes from`) is accepted too, with a warning that names the slug. The text under it
replaces the section's opening text. A
`### ` heading inside a section names another of its prose slots (`### Try it`,
`### After the table`, ...), and `### Title` gives the section a title of the teacher's own.
Write `<!-- generated -->` where the generated text should stay, to extend it instead of
replacing it. A heading with no text under it changes nothing. Text before the first `## `
heading is a note to whoever edits the file.

As everywhere in the explainer, words in curly quotes must be verbatim from the article or from
its outside context (context.csv), so a student can always find them: a lesson that quotes
anything else is refused, with the line of the quote.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from ..errors import ExplainerError

LESSON = "lesson.md"
GENERATED = "<!-- generated -->"
TITLE = "Title"

_HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"“([^”]+)”")


class LessonError(ExplainerError, ValueError):
    """A heading that names no section or slot, or a quotation found in no source: one line
    naming the file and its line."""


class LessonWarning(UserWarning):
    """A lesson.md that works but will not for long: a section named by its title."""


Lesson = dict[tuple[str, str], str]  # (section slug, slot) -> markdown
Sections = dict[str, tuple[str, frozenset[str]]]  # slug -> (title, slots)


def read_lesson(folder: Path, sections: Sections, sources: list[str]) -> Lesson:
    """The lesson of the package in `folder` (empty without a lesson.md), checked against the
    sections' slugs (or titles) and the slots each may have, and its quotations against
    `sources`."""
    path = folder / LESSON
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    _check_quotes(text, sources)
    lesson: dict[tuple[str, str], list[str]] = {}
    key: tuple[str, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        heading = _HEADING.match(line)
        if heading is None:
            if key is not None:
                lesson[key].append(line)
            continue
        level, name = heading.groups()
        if level == "##":
            key = (_slug(sections, name, number), "")
        else:
            if key is None or name not in sections[key[0]][1] | {TITLE}:
                slots = ", ".join(sorted(sections[key[0]][1] - {""} | {TITLE})) if key else "none"
                raise LessonError(f"{LESSON}:{number}: no part is called {name!r} ({slots})")
            key = (key[0], name)
        if key in lesson:
            raise LessonError(f"{LESSON}:{number}: {name!r} is given twice")
        lesson[key] = []
    texts = {key: "\n".join(lines).strip() for key, lines in lesson.items()}
    return {key: text for key, text in texts.items() if text}  # a bare heading changes nothing


def _slug(sections: Sections, name: str, line: int) -> str:
    """The slug a `## ` heading names: itself, or the section whose title it is (warned)."""
    if name in sections:
        return name
    slug = next((slug for slug, (title, _) in sections.items() if title == name), None)
    if slug is None:
        known = "; ".join(sections)
        raise LessonError(f"{LESSON}:{line}: no section is called {name!r} ({known})")
    warnings.warn(
        f"{LESSON}:{line}: '## {name}' names the section by its title; write '## {slug}', "
        "which stays the same when the title changes",
        LessonWarning,
        stacklevel=3,
    )
    return slug


def _check_quotes(text: str, sources: list[str]) -> None:
    """Refuse the first quotation that no source holds word for word (line breaks aside)."""
    folded = [" ".join(source.split()) for source in sources]
    start = text.find("\n## ") if not text.startswith("## ") else 0  # notes before it: free
    for found in _QUOTE.finditer(text, max(start, 0)):
        words = " ".join(found.group(1).split())
        if not any(words in source for source in folded):
            line = text.count("\n", 0, found.start()) + 1
            raise LessonError(
                f"{LESSON}:{line}: “{words}” is neither in the article nor in its outside "
                "context: quote them word for word"
            )


def written(lesson: Lesson, slug: str, slot: str, generated: str) -> str:
    """The text of one slot: the lesson's, with the generated text where it says so."""
    own = lesson.get((slug, slot))
    if own is None:
        return generated
    return own.replace(GENERATED, generated).strip()
