"""Package files read as bytes and decoded as UTF-8, with a Problem instead of an exception.

Only real files inside the package folder are read: a symbolic link (to the file or to a folder
on its way) is a problem and never followed, so a package cannot make the checks print a line
of a file elsewhere on the machine; nor is a device or a pipe opened, which could hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from .limits import megabytes, past_limit
from .problems import Problem
from .rules import FILE_ENCODING, FILE_MISSING, FILE_PATH, FILE_UNREADABLE, SIZE_LIMIT


def plain_file(folder: Path, relative: str) -> os.stat_result | Problem:
    """The status of a regular file inside `folder`, reached through no symbolic link."""
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return FILE_PATH.at(relative, 1, "-", "the path must stay inside the package folder")
    if "\x00" in relative:  # no file can be named so; the system would refuse to look
        return FILE_PATH.at(relative, 1, "-", "the path holds a NUL character")
    where = folder
    for number, part in enumerate(path.parts, start=1):
        where = where / part
        try:
            status = os.lstat(where)
        except FileNotFoundError:
            return FILE_MISSING.at(relative, 1, "-", "file not found")
        except OSError as error:
            return FILE_UNREADABLE.at(relative, 1, "-", f"cannot read the file: {error.strerror}")
        last = number == len(path.parts)
        if stat.S_ISLNK(status.st_mode):
            which = "the file" if last else f"the folder {part}"
            message = f"{which} is a symbolic link: a package holds real files, links are not read"
            return FILE_PATH.at(relative, 1, "-", message)
        if not last and not stat.S_ISDIR(status.st_mode):
            return FILE_PATH.at(relative, 1, "-", f"{part} is not a folder")
    if not stat.S_ISREG(status.st_mode):
        return FILE_PATH.at(relative, 1, "-", "not a regular file")
    return status


def read_bytes(folder: Path, relative: str, limit: int | None = None) -> bytes | Problem:
    """The bytes of a regular file named relative to the package folder, which it may not leave,
    refused unread if it is larger than `limit` bytes."""
    status = plain_file(folder, relative)
    if isinstance(status, Problem):
        return status
    if limit is not None and status.st_size > limit:
        message = past_limit(f"the file is {megabytes(status.st_size)}", megabytes(limit))
        return SIZE_LIMIT.at(relative, 1, "-", message)
    try:
        # O_NOFOLLOW: had the file become a link since it was looked at, it is still not followed.
        handle = os.open(folder / relative, os.O_RDONLY | os.O_NOFOLLOW)
        with open(handle, "rb") as file:
            return file.read()
    except OSError as error:
        return FILE_UNREADABLE.at(relative, 1, "-", f"cannot read the file: {error.strerror}")


def decode(relative: str, data: bytes, row_of: Callable[[str], int]) -> str | Problem:
    """The text of a UTF-8 file; if it is not UTF-8, the problem names the row that breaks,
    which `row_of` works out from all the text before the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = row_of(data[: error.start].decode("utf-8"))
        bad = data[error.start]
        return FILE_ENCODING.at(
            relative, row, "-", f"not valid UTF-8 (byte 0x{bad:02x} at byte {error.start})"
        )
