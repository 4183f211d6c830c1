"""What is wrong with a package, said so a person can find it in a spreadsheet.

Every check reports problems instead of raising, so one run lists all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem: `row` counts as a spreadsheet does (the header is row 1, the first data row
    is 2); file-level problems use row 1, and `field` is "-" when no single field is to blame."""

    file: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.field}: {self.message}"


class PackageError(Exception):
    """Raised by load_package when the package has problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'' if count == 1 else 's'} in the package")


def quoted(value: object, limit: int = 80) -> str:
    """A value as it appears in messages: in double quotes, long ones cut short."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'
