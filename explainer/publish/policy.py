"""The Content Security Policy every built page carries: nothing from outside the file.

The sanitiser keeps a notebook's HTML and charts from asking for anything; this policy makes the
browser refuse whatever might still ask (a rule the sanitiser missed, a library that loads an
image), so "opens with no network" is true by construction. It is a <meta> element, the first in
the page's <head>, since a file opened from disk has no server to send a header.

- `default-src 'none'`: no fetch of any kind (images, fonts, frames, connections, workers,
  objects) but what a directive below allows;
- scripts: exactly the page's own inline scripts, each by its SHA-256 (no 'unsafe-inline', no
  'unsafe-eval');
- style elements: exactly the page's own, by hash, and the empty one plotly.js adds and fills
  through the CSSOM (which a policy does not govern);
- style attributes: 'unsafe-inline', because it is unavoidable: plotly.js and reveal.js write
  style attributes as they draw, and so do the notebook's own tables (sanitised to a short list
  of properties). A style cannot run script, and with every fetch refused it cannot load
  anything either. `style-src 'unsafe-inline'` says the same to a browser too old to know
  style-src-elem and style-src-attr (one that did would otherwise block every style);
- images: data: URLs only (the notebook's own pictures);
- frames: the deck's speaker view shows the deck itself in two frames ('self'); other pages
  allow none.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable


def source_hash(body: str) -> str:
    """The CSP source expression of an inline element's exact text."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def hashes(bodies: Iterable[str]) -> str:
    unique = sorted({source_hash(body) for body in bodies})
    return " ".join(unique) or "'none'"


def content_security_policy(
    scripts: Iterable[str], styles: Iterable[str], *, frames: bool = False
) -> str:
    """The policy for a page whose inline <script> and <style> elements hold exactly `scripts`
    and `styles`."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {hashes(scripts)}",
            "style-src 'unsafe-inline'",
            f"style-src-elem {hashes([*styles, ''])}",
            "style-src-attr 'unsafe-inline'",
            "img-src data:",
            "frame-src 'self'" if frames else "frame-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
