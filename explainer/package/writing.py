"""Write files whole or not at all: every command that writes goes through `write_whole`.

A write in place cuts a file when the disk fills or the run is interrupted; a command that
changes several files of a package and stops half-way leaves one that neither `validate` nor
`upgrade` accepts. So each new file is written beside its old one, flushed to disk, and only
once every one is complete are they swapped in with `os.replace` (atomic on one file system);
a failure while swapping puts back the files already swapped. A file or folder its owner
marked read-only is refused before anything is written, since a swap would not notice it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import ExplainerError


class CannotWrite(ExplainerError):
    """`path` could not be written (`why` says so in words, from the system's `error` if there
    was one); every file is as it was before."""

    def __init__(self, path: Path, error: OSError | None, why: str = "") -> None:
        self.path = path
        self.error = error
        self.why = why or (reason(error) if error else "")
        super().__init__(self.said("it"))

    def said(self, what: str) -> str:
        """The one-line message, naming what could not be written ("the handout")."""
        return f"{self.path}: cannot write {what}: {self.why}; nothing was changed"


def write_whole(files: Mapping[Path, bytes]) -> None:
    """Write every file (creating its folders), or leave every file as it was: CannotWrite."""
    ensure_writable(files)
    created: list[Path] = []
    temporary: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            created += _made_folders(path.parent)
            temporary[path] = _written_beside(path, data)
        _swap_in(temporary)
    except OSError as error:
        failed = Path(error.filename) if error.filename else next(iter(files))
        raise CannotWrite(failed, error) from None
    finally:
        for new in temporary.values():
            new.unlink(missing_ok=True)  # left only if the swap failed
        for folder in reversed(created):
            with contextlib.suppress(OSError):  # a folder this call made is removed if empty
                folder.rmdir()


def ensure_writable(paths: Iterable[Path]) -> None:
    """CannotWrite for the first path that a write would have to go around: a folder, or a
    read-only file or folder. A command that works long before it writes checks first."""
    for path in paths:
        if path.is_dir():
            raise CannotWrite(path, None, "a folder stands there")
        folder = next((p for p in path.parents if p.exists()), None)
        for existing, what in ((path, "the file"), (folder, f"its folder {folder}")):
            if existing is not None and existing.exists() and _read_only(existing):
                raise CannotWrite(path, None, f"{what} is read-only")


def _read_only(path: Path) -> bool:
    """Whether the owner marked `path` read-only, or it is not ours to write. The mode's write
    bits are looked at as well as access, since for root access always says yes, and a swap
    replaces a read-only file as readily as any other."""
    return not stat.S_IMODE(path.stat().st_mode) & 0o222 or not os.access(path, os.W_OK)


def reason(error: OSError) -> str:
    """Why a write failed, in the words of someone who can act on it."""
    if isinstance(error, FileExistsError | NotADirectoryError):
        return "a file stands where the path needs a folder"
    if isinstance(error, IsADirectoryError):
        return "a folder stands there"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EFBIG:
        return "the file would be larger than this system lets a program write"
    if isinstance(error, PermissionError):
        return "permission denied (the file or its folder is not yours to change)"
    return error.strerror or str(error)


def _made_folders(folder: Path) -> list[Path]:
    """Create `folder` and the folders above it that are missing; those created, top first."""
    missing = [folder, *folder.parents]
    missing = [f for f in missing if not f.exists()][::-1]
    for made in missing:
        try:
            made.mkdir()
        except OSError as error:
            error.filename = error.filename or str(made)
            raise
    return missing


def _written_beside(path: Path, data: bytes) -> Path:
    """`data` in a new file in `path`'s folder, flushed to disk, with `path`'s permissions."""
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        error.filename = str(path)
        raise
    new = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        new.chmod(stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode())
    except BaseException as error:
        new.unlink(missing_ok=True)
        if isinstance(error, OSError):
            error.filename = str(path)
        raise
    return new


def _swap_in(temporary: dict[Path, Path]) -> None:
    """Move each complete new file into place; on any failure, even Ctrl-C, put back the
    files already moved. The old ones are kept as hard links until all are in place."""
    kept: dict[Path, Path | bytes | None] = {path: _kept(path) for path in temporary}
    swapped: list[Path] = []
    try:
        for path, new in temporary.items():
            try:
                os.replace(new, path)
            except OSError as error:
                error.filename = str(path)
                raise
            swapped.append(path)
        for folder in {path.parent for path in swapped}:
            _sync_folder(folder)
    except BaseException:
        for path in swapped:
            _put_back(path, kept[path])
        raise
    finally:
        for old in kept.values():
            if isinstance(old, Path):
                old.unlink(missing_ok=True)


def _kept(path: Path) -> Path | bytes | None:
    """The old file, to put back if the swap fails: a hard link beside it (no copy, no space),
    or its bytes where no link can be made (FAT); None if there was none."""
    if not path.exists():
        return None
    link = path.with_name(f".{path.name}.{secrets.token_hex(6)}.old")
    try:
        os.link(path, link)
    except OSError:
        return path.read_bytes()
    return link


def _put_back(path: Path, old: Path | bytes | None) -> None:
    with contextlib.suppress(OSError):
        if old is None:
            path.unlink()
        elif isinstance(old, Path):
            os.replace(old, path)
        else:
            _written_beside(path, old).replace(path)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries, so that the swap itself survives a power cut (POSIX only:
    Windows cannot open a folder, and its replace is already durable)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _default_mode() -> int:
    """What a plain `open(..., "w")` would give: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
