"""Find an annotation's quote in the article: its exact words, told apart by prefix and suffix.

What a TextQuoteSelector names, found again in the article text as the package holds it. An
annotation made on the publisher's web page has other offsets (the page has more text) and
often other whitespace (a line break for a paragraph, two spaces for one), so the quote is
found by its words with any run of whitespace matching any other; where it occurs more than
once, the prefix and suffix choose, then a TextPositionSelector's start, if it agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class NotFound:
    reason: str


def anchor(
    text: str,
    exact: str,
    prefix: str = "",
    suffix: str = "",
    position: tuple[int, int] | None = None,
) -> Span | NotFound:
    """Where `exact` stands in `text` (code points), or why it cannot be placed."""
    if position is not None and text[position[0] : position[1]] == exact and exact:
        return Span(*position)
    words = exact.split()
    if not words:
        return NotFound("the annotation quotes no words")
    # Each word is escaped, and only whitespace stands between: no pattern here can backtrack
    # badly, so the standard `re` is linear enough (the article is at most 1 MB).
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    found = [Span(m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        return NotFound("its words are not in the article")
    if len(found) == 1:
        return found[0]
    scores = [_context(text, span, prefix, suffix) for span in found]
    best = [span for span, score in zip(found, scores, strict=True) if score == max(scores)]
    if len(best) > 1 and position is not None:
        nearest = min(abs(span.start - position[0]) for span in best)
        best = [span for span in best if abs(span.start - position[0]) == nearest]
    if len(best) == 1:
        return best[0]
    times = f"its words occur {len(found)} times"
    return NotFound(f"{times} and its prefix and suffix do not tell which")


def _context(text: str, span: Span, prefix: str, suffix: str) -> int:
    """How many characters of prefix and suffix agree with the text around `span`, whitespace
    aside, counted outward from the quote."""
    before = _squeezed(text[max(0, span.start - 4 * len(prefix) - 1) : span.start])
    after = _squeezed(text[span.end : span.end + 4 * len(suffix) + 1])
    return _common(before[::-1], _squeezed(prefix)[::-1]) + _common(after, _squeezed(suffix))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _common(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length
