"""Write files whole or not at all: a new file beside each old one, swapped in once complete.

A full disk or an interrupted run leaves the old files as they were, never a cut one. The engine
is adding one helper for every command that writes (issue 20 §5); this one serves the exports
and `import-annotations` until it lands.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_whole(files: Mapping[Path, bytes]) -> None:
    """Write every file, or leave all of them as they were (the first error is raised)."""
    temporary: dict[Path, Path] = {}
    previous: dict[Path, bytes | None] = {}
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary[path] = _written_beside(path, data)
        for path, new in temporary.items():
            previous[path] = path.read_bytes() if path.exists() else None
            os.replace(new, path)
    except BaseException:
        for path, old in previous.items():  # the files already swapped in go back as they were
            with contextlib.suppress(OSError):
                if old is None:
                    path.unlink()
                else:
                    _written_beside(path, old).replace(path)
        for new in temporary.values():
            with contextlib.suppress(OSError):
                new.unlink()
        raise


def _written_beside(path: Path, data: bytes) -> Path:
    """`data` in a new file in `path`'s folder, flushed to disk, with `path`'s permissions."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    new = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
        new.chmod(mode)
    except BaseException:
        new.unlink(missing_ok=True)
        raise
    return new


def _default_mode() -> int:
    """What a plain `open(..., "w")` would give: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
