"""What is wrong with a package, said so a person can find it in a spreadsheet.

Every check reports problems instead of raising, so one run lists all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ExplainerError


@dataclass(frozen=True)
class Problem:
    """One problem: `row` counts as a spreadsheet does (the header is row 1, the first data row
    is 2); file-level problems use row 1, and `field` is "-" when no single field is to blame.
    `code` names the rule it breaks (`rules.RULES`); the message says it in plain words."""

    file: str
    row: int
    field: str
    message: str
    code: str

    def __str__(self) -> str:
        return one_line(f"{self.file}:{self.row}: {self.field}: {self.message}")


SHOWN = 20
"""Problems a PackageError's message lists; `validate` lists them all."""


class PackageError(ExplainerError):
    """Raised by load_package when the package has problems; carries all of them, and its
    message lists the first SHOWN, since that message is what a notebook shows."""

    def __init__(self, problems: list[Problem], folder: object = "") -> None:
        self.problems = list(problems)
        self.folder = folder
        count = len(self.problems)
        where = f" {one_line(str(folder))}" if folder else ""
        lines = [f"{counted(count, 'problem')} in the package{where}:"]
        lines += [f"  {problem}" for problem in self.problems[:SHOWN]]
        if count > SHOWN:
            command = f"python -m explainer validate{where}"
            lines.append(f"  ... and {count - SHOWN} more: `{command}` lists every one")
        super().__init__("\n".join(lines))


def one_line(text: str) -> str:
    """The text with every control character, line break and invisible format character
    written as its escape (\\n, \\x1b, \\u2028, \\u202e), so that a value can never start
    what looks like another problem on a line of its own, nor reorder what is shown."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def quoted(value: object, limit: int = 80) -> str:
    """A value as it appears in messages: in double quotes, long ones cut short."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def counted(count: int, noun: str) -> str:
    """ "1 problem", "2 problems": a count that reads right for any number."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
