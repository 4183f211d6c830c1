"""The hand annotation a draft is scored against, read from a corpus story or from a package.

A corpus story (corpus/dev/SLUG/, corpus/test/SLUG/: see corpus/GUIDELINES.md) is a validated
package with gold files beside its tables, in `gold/`: every time expression with its offsets
and interval (`timex.csv`), every hedge and negation cue (`hedges.csv`), every source mention
(`sources.csv`) and every unit of the text with its role (`sentences.csv`). The publication
date's own expressions (`function` "publication": a dateline's date, a post's date line) are
left out, as TempEval leaves out the document's creation time: the drafter reads the dateline
apart and the date is given to it.

The guidelines leave a time expression's signal ("on", "since", "as soon as") out of its span
and give the expression's own interval; the signal then shapes the interval of the event it
dates ("since 2002" has no latest). The drafter takes the signal in, as `date_text` does, so a
draft whose span takes in the gold's signal is compared with the event's interval, and any
other with the expression's.

A package of data/ has no gold files, so what can be is derived from its tables: a time
expression is an event's `date_text` where it stands in the claim that carries it, with the
event's interval (its signal inside it, as `date_text` has it); a cue is a hedge word of a
claim where it stands in the claim's quote, a negation when the drafter's lexicon calls it one.
Unnamed-source mentions and claim sentences are not annotated there, so they are not scored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from draft_scoring import Span

from explainer.language import hedges
from explainer.package import load_package
from explainer.package.model import Package

GOLD = "gold"
PUBLICATION = "publication"


@dataclass(frozen=True)
class Timex:
    span: Span
    text: str
    earliest: date | None
    latest: date | None
    signal: str = ""
    """The word that relates it to its event ("on", "since", "as soon as"), outside the span."""
    event: tuple[date | None, date | None] | None = None
    """The interval of the event it dates, which its signal shapes ("since 2002": no latest)."""

    @property
    def interval(self) -> tuple[date | None, date | None]:
        return self.earliest, self.latest

    @property
    def closed(self) -> bool:
        return self.earliest is not None and self.latest is not None


@dataclass(frozen=True)
class Cue:
    span: Span
    negation: bool


@dataclass(frozen=True)
class Gold:
    package: Package
    timexes: tuple[Timex, ...]
    cues: tuple[Cue, ...]
    unnamed: tuple[Span, ...] | None
    """Mentions of unnamed sources; None where they are not annotated."""
    claim_sentences: tuple[Span, ...] | None
    """Sentences that are claims (not a headline, byline, caption...); None where not annotated."""
    left_out: int = 0
    """Time expressions of the publication date itself, not scored."""


def read(folder: Path) -> Gold:
    """The gold of the package in `folder`: its gold files when it has them, else derived."""
    package = load_package(folder)
    return from_files(folder, package) if (folder / GOLD).is_dir() else derived(package)


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / GOLD / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _span(row: dict[str, str]) -> Span:
    return Span(int(row["start"]), int(row["end"]))


def from_files(folder: Path, package: Package) -> Gold:
    timex = _rows(folder, "timex")
    scored = [row for row in timex if row["function"] != PUBLICATION]

    def timex_of(row: dict[str, str]) -> Timex:
        event = package.event(row["event"]) if row["event"] else None
        interval = (event.earliest, event.latest) if event else None
        when = _day(row["earliest"]), _day(row["latest"])
        return Timex(_span(row), row["text"], *when, row["signal"], interval)

    return Gold(
        package,
        tuple(map(timex_of, scored)),
        tuple(Cue(_span(r), r["kind"] == "negated") for r in _rows(folder, "hedges")),
        tuple(_span(r) for r in _rows(folder, "sources") if r["kind"] == "unnamed"),
        tuple(_span(r) for r in _rows(folder, "sentences") if r["role"] == "claim"),
        len(timex) - len(scored),
    )


def derived(package: Package) -> Gold:
    text = package.article.text
    timexes: dict[Span, Timex] = {}
    for event in package.events:
        if not event.date_text:
            continue
        claim = package.evidence_for(event)
        inside = claim.quote.find(event.date_text) if claim else -1
        start = claim.start + inside if inside >= 0 else text.find(event.date_text)
        span = Span(start, start + len(event.date_text))
        timexes.setdefault(span, Timex(span, event.date_text, event.earliest, event.latest))
    negations = {c.cue for c in hedges.lexicon() if c.certainty == "negated"}
    cues: dict[Span, Cue] = {}
    for claim in package.claims:
        for word in claim.hedges:
            at = claim.quote.find(word)
            if at >= 0:
                span = Span(claim.start + at, claim.start + at + len(word))
                lower = word.lower()
                cues[span] = Cue(span, lower in negations or lower.endswith(("n't", "n’t")))
    return Gold(package, tuple(timexes.values()), tuple(cues.values()), None, None)
