"""Find the hedges and negations of a sentence, and propose how sure its wording is.

The cues are data, `hedges.csv` beside this module: each with the certainty it signals and its
source (Hyland's hedging devices, FactBank's factuality cues, and a few news-reporting cues that
each say why), and phrases that hold a cue in another sense ("once again", "not only"), which
are not cues. A cue matches only as whole words. Matching is case-aware: a cue written with a
capital letter inside a sentence is a name ("Jane May", "Will Smith"), so a capitalised cue
counts only as the sentence's first word, and not when a number follows it ("May 5"). "would"
after a reporting verb ("said the talks would resume") is the future of reported speech, not a
hedge (corpus/GUIDELINES.md, section 15), and is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon_rows
from .sources import VERBS

# Lexicon rows of this certainty are phrases that hold a cue in another sense ("once again"):
# matched first, being longer, and then passed over.
NOT_A_CUE = "none"
# Strongest first: a negation decides the certainty, then any "possible" cue, then "probable".
ORDER = ("negated", "possible", "probable")


@dataclass(frozen=True)
class Cue:
    cue: str
    certainty: str
    source: str


@dataclass(frozen=True)
class Hedge:
    """A cue found in a sentence: its words as printed, where they start, what they signal."""

    text: str
    start: int
    certainty: str


@cache
def lexicon() -> tuple[Cue, ...]:
    return tuple(Cue(**row) for row in lexicon_rows("hedges.csv"))


@cache
def _pattern() -> re.Pattern:
    # Longest cues first, so "as soon as" wins over a shorter cue inside it. A cue is a fixed
    # string, so the alternation cannot backtrack badly: plain `re` stays linear here.
    words = sorted((c.cue for c in lexicon() if c.cue != "n't"), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternatives})\b|\b\w+n['’]t\b", re.IGNORECASE)


@cache
def _certainty_by_cue() -> dict[str, str]:
    return {c.cue: c.certainty for c in lexicon()}


def find(sentence: str) -> list[Hedge]:
    """Every cue in `sentence`, in order; `start` counts from the sentence's first character."""
    by_cue = _certainty_by_cue()
    found = []
    first_word = len(sentence) - len(sentence.lstrip(" “\"'‘("))
    for match in _pattern().finditer(sentence):
        text = match.group(0)
        lower = re.sub(r"\s+", " ", text.lower())
        certainty = by_cue.get(lower) or by_cue["n't"]
        if certainty == NOT_A_CUE:
            continue
        if text[0].isupper() and not _may_be_capitalised(sentence, match, first_word):
            continue
        if lower == "would" and _REPORTED.search(sentence, 0, match.start()):
            continue
        found.append(Hedge(text, match.start(), certainty))
    return found


_REPORTED = re.compile(rf"\b(?:{'|'.join(VERBS)})\b")


def _may_be_capitalised(sentence: str, match: re.Match, first_word: int) -> bool:
    """A capitalised cue is a cue only as the first word, and not before a number."""
    after = sentence[match.end() :].lstrip()
    return match.start() == first_word and not after[:1].isdigit()


def certainty(hedges: list[Hedge]) -> str:
    """The proposed certainty of a sentence with these cues, after FactBank's scale."""
    found = {h.certainty for h in hedges}
    return next((level for level in ORDER if level in found), "certain")
