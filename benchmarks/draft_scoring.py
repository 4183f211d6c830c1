"""How a draft is scored against the hand annotation: spans matched as TempEval-3 matches time
expressions, and counts added up over the stories of a group before any share is taken.

TempEval-3 (UzZaman et al., SemEval-2013 Task 1) scores the extent of a time expression two
ways: a strict match is a system span with exactly the extent of a gold span, a relaxed match
one that overlaps it by at least one character. Precision is the share of the system's spans
that match some gold span, recall the share of gold spans that some system span matches, F1
their harmonic mean. An attribute (here the interval an expression resolves to) is scored on
the relaxed matches; where several system spans overlap one gold span, the one that overlaps
it most is its match (of equals, the one closest to its extent, then the first). The same
matching scores hedge cues, unnamed sources and claim sentences, each a span of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """Where something stands in the article: code points from `start` up to `end`."""

    start: int
    end: int


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def matches(a: Span, b: Span, strict: bool) -> bool:
    return a == b if strict else overlap(a, b) > 0


@dataclass(frozen=True)
class Share:
    """`hits` of `total`; no share at all when there is nothing to count."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Share) -> Share:
        return Share(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        value = self.value
        shown = "    —  " if value is None else f"{100 * value:5.1f} %"
        return f"{shown} ({self.hits}/{self.total})"


@dataclass(frozen=True)
class Scores:
    """Precision and recall of a set of system spans against the gold spans."""

    precision: Share = Share()
    recall: Share = Share()

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.precision + other.precision, self.recall + other.recall)

    @property
    def f1(self) -> float | None:
        p, r = self.precision.value, self.recall.value
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        f1 = "  —  " if self.f1 is None else f"{100 * self.f1:5.1f}"
        return f"P {self.precision}  R {self.recall}  F1 {f1}"


def score(gold: Sequence[Span], system: Sequence[Span], strict: bool) -> Scores:
    """TempEval-3 precision and recall of `system` against `gold`, strict or relaxed."""
    found = sum(any(matches(g, s, strict) for g in gold) for s in system)
    recalled = sum(any(matches(g, s, strict) for s in system) for g in gold)
    return Scores(Share(found, len(system)), Share(recalled, len(gold)))


def best_match(gold: Span, system: Sequence[Span]) -> int | None:
    """The index of the system span that overlaps `gold` most (of equals, the one with the
    fewest characters outside it, then the first), or None when none overlaps it: the match
    on which an attribute is scored."""
    best, rank = None, (0, 0)
    for index, span in enumerate(system):
        shared = overlap(gold, span)
        candidate = (shared, -(span.end - span.start - shared))
        if shared and candidate > rank:
            best, rank = index, candidate
    return best
