"""The paths a command is given, checked before it starts: a message that says what to do.

A wrong path would otherwise surface as the system's "[Errno 2] No such file or directory" or
"[Errno 21] Is a directory", halfway through. Each message says what was expected, where it was
looked for (the absolute path of a relative one, which depends on the folder a terminal is in),
and what the user can give instead.
"""

from __future__ import annotations

from pathlib import Path

from ..package.descriptor import NAME
from ..package.problems import one_line

PACKAGE = f"a package's folder (one that holds {NAME}, such as data/my-article)"
NOTEBOOK = "a notebook file (.ipynb), such as notebooks/my-article.ipynb"


def not_a_package_folder(path: Path, folders_of_packages: bool = False) -> str | None:
    """Why `path` is not a package's folder (or, if allowed, a folder of them), or None."""
    wanted = PACKAGE + (" or a folder of packages, such as data" if folders_of_packages else "")
    if not path.exists():
        return f"{_shown(path)}: not found{_looked_for(path)}: give {wanted}"
    if not path.is_dir():
        return f"{_shown(path)}: is a file, not a folder: give {wanted}"
    if (path / NAME).exists() or (folders_of_packages and any(path.glob(f"*/{NAME}"))):
        return None
    return f"{_shown(path)}: holds no {NAME}{_looked_for(path, 'in')}: give {wanted}"


def not_a_notebook(path: Path) -> str | None:
    """Why `path` is not a notebook file, naming one it holds if it is a folder, or None."""
    if path.is_dir():
        inside = sorted(path.glob("*.ipynb"))
        such = f", for example {_shown(inside[0])}" if inside else ""
        return f"{_shown(path)}: is a folder: give a notebook file (.ipynb) in it{such}"
    return not_a_file(path, NOTEBOOK)


def not_a_file(path: Path, wanted: str) -> str | None:
    """Why `path` is not a file to read, `wanted` saying what to give instead ("the
    article's text file"), or None."""
    if path.is_file():
        return None
    if path.is_dir():
        return f"{_shown(path)}: is a folder: give {wanted}"
    if path.exists():  # a pipe, such as /dev/stdin: the command reads it within its limit
        return None
    return f"{_shown(path)}: not found{_looked_for(path)}: give {wanted}"


def _shown(path: Path) -> str:
    return one_line(str(path))


def _looked_for(path: Path, word: str = "for") -> str:
    """Where a relative path was looked for, which depends on the terminal's folder."""
    return "" if path.is_absolute() else f" (looked {word} {one_line(str(path.absolute()))})"
