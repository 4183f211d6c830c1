"""The pages a classroom gets from a stored notebook, and writing them to disk.

Each is one self-contained HTML file that opens with no network and no kernel: the slide deck
(deck.py), the handout (handout.py), and the worksheet with its answer key (worksheet.py).
nbconvert's own reveal and lab templates fetch reveal.js, require.js and MathJax from CDNs and
cannot draw plotly's JSON mimetype, hence this package.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import ExplainerError
from .deck import build_slides
from .handout import build_handout
from .worksheet import build_answer_key, build_worksheet

BUILDERS: dict[str, Callable[[Path], str]] = {
    "slides": build_slides,
    "handout": build_handout,
    "worksheet": build_worksheet,
    "answer key": build_answer_key,
}


class CannotWrite(ExplainerError):
    """A page could not be written (`error` says why); `replaced` are the pages written before
    (none, unless moving a complete page into place failed)."""

    def __init__(self, output: Path, error: OSError, replaced: tuple[Path, ...] = ()) -> None:
        super().__init__(f"{output}: {error}")
        self.output = output
        self.error = error
        self.replaced = replaced


def _file_mode() -> int:
    """The mode a new file gets here (a temporary file is private until it is moved)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write(text: str, output: Path) -> int:
    """Write one built page; returns its size in bytes (see write_all)."""
    return write_all({output: text})[output]


def write_all(pages: dict[Path, str]) -> dict[Path, int]:
    """Write built pages, creating their folders; returns each one's size in bytes. Each page is
    written beside its place first and moved there once all are complete, so a failed write
    (a full disk, a read-only folder) leaves every file as it was."""
    written: dict[Path, str] = {}
    try:
        for output, text in pages.items():
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
                handle, written[output] = tempfile.mkstemp(
                    dir=output.parent, prefix=f".{output.name}."
                )
                with os.fdopen(handle, "wb") as file:
                    file.write(text.encode("utf-8"))
                os.chmod(written[output], _file_mode())
            except OSError as error:
                raise CannotWrite(output, error) from None
        replaced: list[Path] = []
        for output, temporary in written.items():
            try:
                os.replace(temporary, output)
            except OSError as error:
                raise CannotWrite(output, error, tuple(replaced)) from None
            replaced.append(output)
    finally:
        for temporary in written.values():
            Path(temporary).unlink(missing_ok=True)
    return {output: len(text.encode("utf-8")) for output, text in pages.items()}
