"""Package files read as bytes and decoded as UTF-8, with a Problem instead of an exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .problems import Problem


def read_bytes(folder: Path, relative: str) -> bytes | Problem:
    """The bytes of a file named relative to the package folder, which it may not leave."""
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        return Problem(relative, 1, "-", "the path must stay inside the package folder")
    try:
        return (folder / path).read_bytes()
    except FileNotFoundError:
        return Problem(relative, 1, "-", "file not found")
    except OSError as error:
        return Problem(relative, 1, "-", f"cannot read the file: {error.strerror}")


def decode(relative: str, data: bytes, row_of: Callable[[str], int]) -> str | Problem:
    """The text of a UTF-8 file; if it is not UTF-8, the problem names the row that breaks,
    which `row_of` works out from all the text before the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = row_of(data[: error.start].decode("utf-8"))
        bad = data[error.start]
        return Problem(
            relative, row, "-", f"not valid UTF-8 (byte 0x{bad:02x} at byte {error.start})"
        )
