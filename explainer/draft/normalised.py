"""Find words whatever the encoding of their accents, with offsets in the original text.

"Á" can be one code point (U+00C1) or two, "A" and the combining acute accent (U+0301), as in
text copied from a PDF or on a Mac: the two look and mean the same. Patterns and given words
are matched on the NFC form of the text, and `Normalised` maps every position of that form
back to the original, so the offsets and quotes a draft records are the original's own, byte
for byte (the package checks its text against a SHA-256).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# No character below U+0300 composes with the character before it (only combining marks, and
# some Hangul jamo and vowel signs further up, do), so most text is cut without a look-up.
_FIRST_COMPOSING = "\u0300"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Normalised:
    """The NFC form of `original`, with where each piece of it starts in either text.

    A piece is a character with the marks NFC composes into it; NFC changes each piece on its
    own, so piece boundaries are the positions that correspond. Empty `nfc_starts` means the
    original is NFC already and positions are the same in both.
    """

    original: str
    text: str
    nfc_starts: tuple[int, ...] = ()
    original_starts: tuple[int, ...] = ()

    @classmethod
    def of(cls, original: str) -> Normalised:
        if unicodedata.is_normalized("NFC", original):
            return cls(original, original)
        starts = _piece_starts(original)
        pieces = [nfc(original[a:b]) for a, b in zip(starts, starts[1:], strict=False)]
        nfc_starts = [0]
        for piece in pieces:
            nfc_starts.append(nfc_starts[-1] + len(piece))
        return cls(original, "".join(pieces), tuple(nfc_starts), tuple(starts))

    def original_start(self, position: int) -> int:
        """Where the piece holding NFC position `position` starts in the original."""
        if not self.nfc_starts:
            return position
        return self.original_starts[bisect_right(self.nfc_starts, position) - 1]

    def original_end(self, position: int) -> int:
        """Where a span ending at NFC position `position` ends in the original."""
        if not self.nfc_starts:
            return position
        return self.original_starts[bisect_left(self.nfc_starts, position)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's span for a span of the NFC form."""
        return self.original_start(start), self.original_end(end)

    def find(self, words: str) -> tuple[int, int] | None:
        """The original's span of the first place where `words` stand, in any encoding of
        their accents; None when they are not in the text."""
        at = self.text.find(nfc(words))
        if at < 0 or not words:
            return None
        return self.span(at, at + len(nfc(words)))


def _piece_starts(text: str) -> list[int]:
    """Where each piece starts, and the text's length: a new piece starts at a character that
    NFC does not compose with what comes before it."""
    starts = [0]
    for index in range(1, len(text)):
        character = text[index]
        if character >= _FIRST_COMPOSING:
            if unicodedata.combining(character):
                continue
            piece = text[starts[-1] : index]
            if nfc(piece + character) != nfc(piece) + nfc(character):
                continue  # Hangul jamo, a vowel sign: composes with the piece before it
        starts.append(index)
    starts.append(len(text))
    return starts


def find_in(text: str, words: str) -> str | None:
    """`words` as `text` writes them (its own encoding of their accents), or None."""
    if words in text:
        return words
    span = Normalised.of(text).find(words)
    return text[span[0] : span[1]] if span else None
