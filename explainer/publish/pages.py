"""The two pages a classroom gets from a stored notebook, and writing them to disk.

Each is one self-contained HTML file that opens with no network and no kernel: the slide deck
(deck.py) and the handout (handout.py). nbconvert's own reveal and lab templates fetch reveal.js,
require.js and MathJax from CDNs and cannot draw plotly's JSON mimetype, hence this package.
"""

from __future__ import annotations

from pathlib import Path

from .deck import build_slides
from .handout import build_handout

BUILDERS = {"slides": build_slides, "handout": build_handout}


def write(text: str, output: Path) -> int:
    """Write a built page, creating its folder; returns its size in bytes."""
    output.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    output.write_bytes(data)
    return len(data)
