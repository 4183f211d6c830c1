"""The sections that weigh the story: exploring it by actor, claim by claim, how sure it is,
its takeaways, what is known from outside it, and the summary with questions. Each is built
from the package, or is None when the package has nothing for it.
"""

from __future__ import annotations

import json

from ..package.model import Package
from . import picks, prose
from .parts import AFTER_THE_TABLE, AS_A_TABLE, OPENING, TRY_IT, Code, Prose, Section, exercise
from .words import counted

EXPLORE = "Explore by actor"


def explore(package: Package) -> Section | None:
    person = picks.on_record_person(package)
    if person is None or not package.claims:
        return None
    unnamed = picks.unnamed_actor(package)
    then = f" Then pick **{prose.md(unnamed.name)}**." if unnamed else ""
    opening = (
        "Choose one or several actors, or a quick pick. All the views below the filter follow "
        "your choice: the timeline and the table of its events, the table of claims, the "
        "certainty chart and its counts, and the article itself, where the claims that involve "
        "your actors stand out and hedge words are in bold on yellow. The line under the filter "
        "says how many events and claims are left.\n\n"
        f"Try: pick **{prose.md(person.name)}** alone. What is left?{then}"
    )
    return Section(
        EXPLORE,
        (
            Prose(OPENING, opening, "slide"),
            Code("explorer = Explorer(package)\nexplorer"),
            Prose("From code", prose.chosen_alone(package, person), "skip"),
            Code(f"explorer.choose([{json.dumps(person.id)}])\nprint(explorer.describe())", "skip"),
            Code(
                'explorer.choose(explorer.picks["All actors"])\nprint(explorer.describe())', "skip"
            ),
        ),
    )


def claim_by_claim(package: Package) -> Section | None:
    if not package.claims:
        return None
    opening = (
        "Every assertion in the article, split into single claims. For each: the exact words "
        "(hedge words highlighted), the claim in plain words, who says it, what kind of source "
        "that is, and how sure the wording is. The certainty levels follow the FactBank scheme "
        "used in linguistics: *certain*, *probable*, *possible*, or *negated*, always relative "
        "to whoever makes the claim."
    )
    return Section(
        "Claim by claim", (Prose(OPENING, opening, "slide"), Code("views.claims(package)"))
    )


def how_sure(package: Package) -> Section | None:
    if not package.claims:
        return None
    opening = (
        f"{prose.certainty_counts(package)} But certain *for whom*? A claim can be stated "
        "flatly and still rest on an unnamed source, or on no source at all."
    )
    parts: list[Prose | Code] = [
        Prose(OPENING, opening, "slide"),
        Code("views.certainty(package)", "subslide"),
        Prose(AS_A_TABLE, "The chart as a table:", "subslide"),
        Code("tables.certainty_table(package.claims)"),
    ]
    if any(c.hedges for c in package.claims):
        parts += [
            Prose("Hedges", prose.hedges_by_certainty(package), "subslide"),
            Code("tables.hedges_table(package)"),
        ]
    return Section("How sure is the article?", tuple(parts))


def takeaways(package: Package) -> Section | None:
    if not package.takeaways:
        return None
    opening = (
        f"The article sums itself up in {counted(len(package.takeaways), 'takeaway')}. "
        "Summaries are where hedges and sources tend to fall away. Each takeaway is compared "
        "here with the sentences of the body that support it."
    )
    audited = picks.audited_takeaway(package)
    assert audited is not None  # there are takeaways
    return Section(
        "The takeaways, audited",
        (
            Prose(OPENING, opening, "slide"),
            Prose(
                TRY_IT,
                "**Try it.** Before the audit table: how does this takeaway compare with the body?",
                "subslide",
            ),
            exercise("takeaway_verdict", audited.id),
            Code("tables.takeaways_table(package)"),
            Prose(AFTER_THE_TABLE, prose.verdict_counts(package)),
        ),
    )


def outside(package: Package) -> Section | None:
    if not package.context:
        return None
    opening = (
        "> **Outside context.** Everything in this section comes from outside the article, "
        "from public reports listed with their sources in the table. It is not part of what "
        f"the article claims.\n\nThe table lists {counted(len(package.context), 'fact')} from "
        "outside the article, dated ones in date order, each with the source it was checked "
        "against."
    )
    return Section(
        "Outside context", (Prose(OPENING, opening, "slide"), Code("tables.context_table(package)"))
    )


def summary(package: Package, folder: str) -> Section:
    return Section(
        "Summary and questions", (Prose(OPENING, prose.summary(package, folder), "slide"),)
    )
