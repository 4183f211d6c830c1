"""The pages a classroom gets from a stored notebook, and writing them to disk.

Each is one self-contained HTML file that opens with no network and no kernel: the slide deck
(deck.py), the handout (handout.py), and the worksheet with its answer key (worksheet.py).
nbconvert's own reveal and lab templates fetch reveal.js, require.js and MathJax from CDNs and
cannot draw plotly's JSON mimetype, hence this package.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..package.writing import write_whole
from .deck import build_slides
from .handout import build_handout
from .worksheet import build_answer_key, build_worksheet

BUILDERS: dict[str, Callable[[Path], str]] = {
    "slides": build_slides,
    "handout": build_handout,
    "worksheet": build_worksheet,
    "answer key": build_answer_key,
}


def write(text: str, output: Path) -> int:
    """Write one built page; returns its size in bytes (see write_all)."""
    return write_all({output: text})[output]


def write_all(pages: dict[Path, str]) -> dict[Path, int]:
    """Write built pages, creating their folders, all of them or none (CannotWrite: a full disk,
    a read-only file or folder leaves every file as it was); returns each one's size in bytes."""
    encoded = {output: text.encode("utf-8") for output, text in pages.items()}
    write_whole(encoded)
    return {output: len(data) for output, data in encoded.items()}
