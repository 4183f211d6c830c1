"""Split an article into its headline, dateline and the sentences of its body, with offsets.

Sentences come from `pysbd`, a maintained rule-based splitter (Golden Rules for abbreviations,
initials, quotations, numbers) that needs no model download. It is given one line at a time, so
the headline, a byline, a heading or a list item is never merged into the lead; the dateline
("Paris, Dec 12 (Agency)", "LIMA (AP) —") is cut off the lead's line before splitting, matched
on the line's NFC form so that an accent written as a combining mark ("BOGOTA" and U+0301) is
matched too. A byte-order mark at the start of the text is not part of its first line's words.
Offsets count Unicode code points from the start of the article, as the package's do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pysbd

from ..errors import ExplainerError
from ..language.time_expressions import MONTHS
from .normalised import Normalised, find_in

_MONTH = "|".join(sorted({*MONTHS, *(m[:3] for m in MONTHS), "Sept"}, key=len, reverse=True))
# "Paris, Dec 12 (Agency)", "LIMA, Oct 17 (Reuters) -", "WASHINGTON (AP) —",
# "UNITED NATIONS —": a place, maybe a date, maybe an agency in brackets, maybe a dash. Bounded
# repetitions of simple classes only, so matching stays linear.
_DATELINE = re.compile(
    rf"(?P<dateline>[A-Z][\w.'-]{{0,30}}(?: [A-Z][\w.'-]{{0,30}}){{0,3}}"
    rf"(?:, (?:(?:{_MONTH})\.? ?\d{{1,2}}(?:, \d{{4}})?|[A-Z][\w.]{{0,20}}))?)"
    r"(?: ?\((?P<agency>[^()\n]{2,60})\))? ?(?P<dash>[—–-]{1,2})? ?"
)
_BYLINE = re.compile(r"By [A-Z]")
_LIST_MARK = re.compile(r"[-•*–] ")
_ENDS_SENTENCE = (".", "?", "!", "”", '"', "’", "'", ")")
HEADING_WORDS = 8  # a line this short without a full stop is a heading, not a sentence
DATELINE_REACH = 300  # the dateline pattern matches fewer characters than this
_BOM = "\ufeff"  # a byte-order mark: no part of the first line's words


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Layout:
    headline: str
    dateline: str
    """As printed; empty when none was found."""
    agency: str
    """The name in brackets after the dateline ("Agency"); empty when there is none."""
    sentences: tuple[Sentence, ...]
    dateline_start: int = 0
    """Where the dateline stands in the text."""


class LayoutError(ExplainerError, ValueError):
    """The article's text does not give what a package needs, and no option gave it."""


def read_layout(text: str, headline: str | None = None, dateline: str | None = None) -> Layout:
    """The parts of `text`; `headline` and `dateline`, when given, must be in the text (in
    any encoding of their accents: the text's own words are kept)."""
    lines = list(_lines(text))
    if headline is None:
        headline = next((_words(line) for _, line in lines if _words(line)), "")
        if not headline:
            raise LayoutError("the article is empty")
    headline = _as_printed(text, headline, "--headline")
    if dateline is not None:
        dateline = _as_printed(text, dateline, "--dateline")
    found_dateline, agency, sentences, dateline_start = "", "", [], 0
    for start, line in lines:
        body = _words(line)
        if not body or body == headline or _is_heading(body) or _BYLINE.match(body):
            continue
        cut = len(line) - len(_from_first_word(line))
        cut += _list_mark(line[cut:])
        if not found_dateline:
            found_dateline, agency, skip = _dateline(line[cut:], dateline)
            dateline_start = start + cut
            cut += skip
        sentences += [
            Sentence(start + cut + s.start, start + cut + s.end, s.text)
            for s in _sentences(line[cut:])
        ]
    if not found_dateline and dateline:  # given, but not at the start of a paragraph
        dateline_start = text.index(dateline)
    dated = dateline or found_dateline
    return Layout(headline, dated, agency, tuple(sentences), dateline_start)


def _as_printed(text: str, given: str, option: str) -> str:
    """The words given for `option` as the text writes them."""
    found = find_in(text, given)
    if found is None:
        raise LayoutError(f"{option} {given!r} is not in the article's text, word for word")
    return found


def _from_first_word(line: str) -> str:
    """The line from its first word: without the blanks and byte-order mark before it."""
    return line.lstrip().lstrip(_BOM).lstrip()


def _words(line: str) -> str:
    """The line's words, without the blanks and byte-order mark around them."""
    return _from_first_word(line).rstrip()


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line.rstrip("\r\n")
        start += len(line)


def _is_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_WORDS and not line.endswith(_ENDS_SENTENCE)


def _list_mark(line: str) -> int:
    mark = _LIST_MARK.match(line)
    return mark.end() if mark else 0


def _dateline(line: str, given: str | None) -> tuple[str, str, int]:
    """The dateline at the start of a line, its agency, and how many characters to skip."""
    if given is not None:
        if not line.startswith(given):
            return "", "", 0
        rest = _DATELINE.match("X" + line[len(given) :])  # only the agency and dash after it
        agency = rest.group("agency") or "" if rest else ""
        return given, agency, len(given) + (rest.end() - 1 if rest else 0)
    view = Normalised.of(line[:DATELINE_REACH])
    match = _DATELINE.match(view.text)
    if not match:
        return "", "", 0
    place = match.group("dateline")
    dated = any(ch.isdigit() for ch in place)
    shouting = place.split(",")[0].isupper() and len(place) > 2
    if not (match.group("agency") or match.group("dash")) or not (dated or shouting):
        return "", "", 0

    def original(group: str) -> str:
        start, end = view.span(*match.span(group))
        return line[start:end] if match.group(group) else ""

    return original("dateline"), original("agency"), view.original_end(match.end())


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _sentences(line: str) -> list[Sentence]:
    """The sentences of one line, offsets within it; each located after the one before."""
    found = []
    for offset, piece in _pieces(line):
        cursor = 0
        for part in _segmenter().segment(piece):
            words = part.strip()
            if not words:
                continue
            start = piece.index(words, cursor)
            cursor = start + len(words)
            found.append(Sentence(offset + start, offset + cursor, words))
    return found


# pysbd's time grows with the square of a paragraph's length (20,000 characters: over 1 s), so a
# paragraph longer than this is cut first where a sentence surely ends: a full stop after a
# lower-case word of three letters or more (never an abbreviation), before a capital.
PIECE = 3000
_SURE_END = re.compile(r"[a-z]{3}[.!?][”\"’]? (?=[A-Z“\"])")


def _pieces(line: str):
    """(offset, text) pieces of a line, each at most about PIECE characters."""
    start = 0
    while len(line) - start > PIECE:
        ends = [m.end() for m in _SURE_END.finditer(line, start, start + PIECE)]
        cut = ends[-1] if ends else (line.rfind(" ", start, start + PIECE) + 1 or start + PIECE)
        if cut <= start:
            cut = start + PIECE
        yield start, line[start:cut]
        start = cut
    yield start, line[start:]
