"""Annotations of the article as new claims of its package, each quote found again in the text.

An annotation's quote is re-found in the article (`anchoring`), so the claim's quote is the
article's own characters at exact offsets whatever the page it was made on. Its text is the
summary; its `field:value` tags (see `tags`) give the other fields, as `export` writes them
and as a teacher may write them in Hypothesis. A field the tags do not give is proposed, the
way `explainer new` proposes it, and the row is marked for review saying which:

- the source: the publisher, in the article's own voice;
- hedges and certainty: the cues of the hedge lexicon found in the quote, and the certainty
  they signal, unless the hedges come as annotations of their own (tagged `hedge`, naming
  their claim or inside its quote);
- what it is about: the actors the quote names, else whoever asserts it.

An annotation at the very span of a claim the package has is that claim already; a reply, a
note on the whole page and an event's annotation are not claims; where such an annotation's
tags differ from the claim, the difference is told, and the claim left as it is. Nothing is
written here: each `Imported.row` is a row for claims.csv (`claims_out` appends them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..draft.proposal import slug
from ..language import hedges as lexicon
from ..package.model import Claim, Package
from . import tags
from .anchoring import NotFound, Span, anchor
from .annotations_in import Incoming


@dataclass
class Imported:
    incoming: Incoming
    span: Span
    row: dict[str, str]  # claims.csv cells by column
    named: str  # the claim's id in the file, as its hedge annotations name it
    proposed: list[str] = field(default_factory=list)  # what the tags did not give
    hedges: list[str] = field(default_factory=list)  # from hedge annotations, in text order


@dataclass
class Outcome:
    imported: list[Imported] = field(default_factory=list)
    already: list[tuple[Incoming, str]] = field(default_factory=list)  # and the claim's id
    differs: list[tuple[Incoming, str]] = field(default_factory=list)  # already, but not alike
    hedges: int = 0  # hedge annotations taken as hedges of their claims
    passed_over: Counter = field(default_factory=Counter)  # annotations not claims, by why
    problems: list[tuple[Incoming, str]] = field(default_factory=list)


def claims_from(package: Package, annotations: list[Incoming]) -> Outcome:
    outcome = Outcome()
    by_id = {c.id: c for c in package.claims}
    text = package.article.text
    existing = {(c.start, c.end): c for c in package.claims}
    taken = set(by_id)
    hedge_notes: list[tuple[Incoming, Span]] = []
    for incoming in annotations:
        if incoming.skipped:
            outcome.passed_over[incoming.skipped] += 1
            continue
        found = anchor(text, incoming.exact, incoming.prefix, incoming.suffix, incoming.position)
        if isinstance(found, NotFound):
            outcome.problems.append((incoming, f"{found.reason}: “{_short(incoming.exact)}”"))
            continue
        kind = _kind(incoming.tags)
        if kind == tags.HEDGE:
            hedge_notes.append((incoming, found))
        elif kind == tags.EVENT:
            outcome.passed_over["an event's annotation (the command makes claims)"] += 1
        elif (found.start, found.end) in existing:
            have = existing[found.start, found.end]
            outcome.already.append((incoming, have.id))
            unlike = _unlike(have, tags.read_tags(incoming.tags))
            if unlike:
                outcome.differs.append((incoming, f"claim {have.id}, whose {unlike}"))
        else:
            outcome.imported.append(_new_claim(package, incoming, found, taken))
    for incoming, span in hedge_notes:
        _attach_hedge(package, by_id, outcome, incoming, span)
    for claim in outcome.imported:
        _complete(package, claim)
    return outcome


def _unlike(claim: Claim, given: dict[str, str]) -> str:
    """How the tags' fields differ from the claim's: "certainty is certain, not probable"."""
    values = {name: getattr(claim, name) for name in tags.FIELDS}
    have = {k: tags.ITEMS.join(v) if isinstance(v, tuple) else str(v) for k, v in values.items()}
    return "; ".join(
        f"{name} is {have[name] or 'empty'}, not {value}"
        for name, value in given.items()
        if name in have and value != have[name]
    )


def _kind(marks: tuple[str, ...]) -> str:
    if tags.HEDGE in marks:
        return tags.HEDGE
    if any(mark.partition(tags.SEPARATOR)[0] == tags.EVENT for mark in marks):
        return tags.EVENT
    return tags.CLAIM


def _new_claim(package: Package, incoming: Incoming, span: Span, taken: set[str]) -> Imported:
    given = tags.read_tags(incoming.tags)
    quote = package.article.text[span.start : span.end]
    wanted = given.pop(tags.CLAIM, "")
    if wanted and wanted not in taken and re.fullmatch(r"[a-z][a-z0-9_]*", wanted):
        taken.add(wanted)
        claim_id = wanted
    else:
        claim_id = _new_id(quote, taken)
    row = {"id": claim_id, "quote": quote, "start": str(span.start), "end": str(span.end)}
    imported = Imported(incoming, span, row | given | {"summary": incoming.summary}, wanted)
    if not incoming.summary:
        imported.row["summary"] = quote
        imported.proposed.append("the summary (the quote stands in)")
    return imported


def _new_id(quote: str, taken: set[str]) -> str:
    """An id from the quote's first words, numbered on a clash. (The drafter's `Ids` numbers
    the ids of a new package, and cannot be told the ids a package has already.)"""
    first = candidate = slug(quote, "c_")
    number = 2
    while candidate in taken:
        candidate = f"{first}_{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _attach_hedge(
    package: Package, by_id: dict[str, Claim], outcome: Outcome, incoming: Incoming, span: Span
) -> None:
    """A hedge annotation joins the imported claim it names, else the one it lies in; on a
    claim the package has, it must be one of that claim's hedges already."""
    named = tags.read_tags(incoming.tags).get(tags.CLAIM, "")
    words = package.article.text[span.start : span.end]
    inside = sorted(
        (c for c in outcome.imported if c.span.start <= span.start and span.end <= c.span.end),
        key=lambda c: c.span.end - c.span.start,
    )
    chosen = [c for c in inside if c.named == named] if named else inside
    if chosen:
        if words not in chosen[0].hedges:
            chosen[0].hedges.append(words)
        outcome.hedges += 1
        return
    if named:
        holding = [by_id[named]] if named in by_id else []
    else:
        holding = [c for c in package.claims if c.start <= span.start and span.end <= c.end]
    if holding and words in holding[0].hedges:
        outcome.hedges += 1  # the package has it already
    elif holding:
        why = f"a hedge of claim {holding[0].id}, which does not list it among its hedges"
        outcome.problems.append((incoming, f"{why}: “{_short(words)}”"))
    else:
        where = f"claim {named}" if named else "any claim"
        outcome.problems.append((incoming, f"a hedge outside {where}: “{_short(words)}”"))


def _complete(package: Package, claim: Imported) -> None:
    """Every field of the row, proposed where the annotation gave none."""
    row = claim.row
    if "attribution" not in row:
        row["attribution"] = _publisher(package)
        claim.proposed.append("the source (the article's own voice)")
    if "source_kind" not in row:
        row["source_kind"] = _source_kind(package, row["attribution"].split(tags.ITEMS))
    hedges = claim.hedges or [h for h in row.get("hedges", "").split(tags.ITEMS) if h]
    found = lexicon.find(row["quote"])
    if not hedges and row.get("certainty") != "certain":
        hedges = list(dict.fromkeys(cue.text for cue in found))
        if hedges:
            claim.proposed.append("the hedges (from the hedge lexicon)")
    row["hedges"] = tags.ITEMS.join(hedges)
    if "certainty" not in row:
        cues = [cue for cue in found if cue.text in hedges]
        row["certainty"] = lexicon.certainty(cues) if cues else "possible" if hedges else "certain"
        claim.proposed.append("the certainty")
    if "about" not in row:
        row["about"] = tags.ITEMS.join(_named(package, row["quote"]) or [_asserter(row)])
        claim.proposed.append("what it is about")
    row.setdefault("events", "")


def _publisher(package: Package) -> str:
    """The actor who published the article: the news organisation of its name, else the
    first link most claims' attributions share."""
    name = package.article.publisher
    for actor in package.actors:
        if actor.type == "media" and name in (actor.name, actor.mention):
            return actor.id
    firsts = Counter(c.attribution[0] for c in package.claims)
    return firsts.most_common(1)[0][0] if firsts else ""


def _source_kind(package: Package, attribution: list[str]) -> str:
    """The kind of source that the last link of the attribution makes (as validate requires)."""
    if len(attribution) <= 1:
        return "article_voice"
    types = {a.id: a.type for a in package.actors}
    kind = types.get(attribution[-1], "")
    return {"anonymous_source": "anonymous", "media": "wire_report"}.get(kind, "on_record")


def _named(package: Package, quote: str) -> list[str]:
    """The actors whose first mention in the article the quote repeats, word for word."""
    return [
        actor.id
        for actor in package.actors
        if actor.mention and re.search(rf"(?<!\w){re.escape(actor.mention)}(?!\w)", quote)
    ]


def _asserter(row: dict[str, str]) -> str:
    return row["attribution"].split(tags.ITEMS)[-1]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
