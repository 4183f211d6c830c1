"""Curly-quoted passages of generated prose, which must be the article's own words."""

from __future__ import annotations

import re


def quotations(text: str) -> list[str]:
    """Curly-quoted passages, with markdown line breaks folded back into spaces."""
    return [" ".join(q.split()) for q in re.findall(r"“([^”]+)”", text)]
