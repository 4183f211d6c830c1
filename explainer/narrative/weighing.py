"""The sections that weigh the story: exploring it by actor, claim by claim, how sure it is,
its takeaways, what is known from outside it, and the summary with questions. Each builder
returns its parts, or None when the package has nothing for it; its slug, title and slots are
registered in `sections`.
"""

from __future__ import annotations

from .. import views
from ..package.model import Package
from ..views import tables
from ..views.explorer import Explorer
from . import picks, prose
from .parts import (
    AFTER_THE_TABLE,
    AS_A_TABLE,
    OPENING,
    PACKAGE,
    TRY_IT,
    Assign,
    Part,
    Prose,
    Ref,
    call,
    code,
)
from .registry import ask
from .words import counted

Parts = tuple[Part, ...]
EXPLORER = Ref("explorer")


def explore(package: Package, path: str) -> Parts | None:
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
    described = call(Explorer.describe, EXPLORER)
    return (
        Prose(OPENING, opening, "slide"),
        code(Assign("explorer", call(Explorer, PACKAGE)), EXPLORER),
        Prose("From code", prose.chosen_alone(package, person), "skip"),
        code(call(Explorer.choose, EXPLORER, [person.id]), described, slide="skip"),
        code(
            call(Explorer.choose, EXPLORER, Ref("explorer", ("picks",), "All actors")),
            described,
            slide="skip",
        ),
    )


def claim_by_claim(package: Package, path: str) -> Parts | None:
    if not package.claims:
        return None
    opening = (
        "Every assertion in the article, split into single claims. For each: the exact words "
        "(hedge words highlighted), the claim in plain words, who says it, what kind of source "
        "that is, and how sure the wording is. The certainty levels follow the FactBank scheme "
        "used in linguistics: *certain*, *probable*, *possible*, or *negated*, always relative "
        "to whoever makes the claim."
    )
    return (Prose(OPENING, opening, "slide"), code(call(views.claims, PACKAGE)))


def how_sure(package: Package, path: str) -> Parts | None:
    if not package.claims:
        return None
    opening = (
        f"{prose.certainty_counts(package)} But certain *for whom*? A claim can be stated "
        "flatly and still rest on an unnamed source, or on no source at all."
    )
    parts: list[Part] = [
        Prose(OPENING, opening, "slide"),
        code(call(views.certainty, PACKAGE), slide="subslide"),
        Prose(AS_A_TABLE, "The chart as a table:", "subslide"),
        code(call(tables.certainty_table, Ref("package", ("claims",)))),
    ]
    if any(c.hedges for c in package.claims):
        parts += [
            Prose("Hedges", prose.hedges_table_intro(), "subslide"),
            code(call(tables.hedges_table, PACKAGE)),
        ]
    return tuple(parts)


def takeaways(package: Package, path: str) -> Parts | None:
    verdict = ask("takeaway_verdict", package)
    if verdict is None:  # no takeaways
        return None
    opening = (
        f"The article sums itself up in {counted(len(package.takeaways), 'takeaway')}. "
        "Summaries are where hedges and sources tend to fall away. Each takeaway is compared "
        "here with the sentences of the body that support it."
    )
    return (
        Prose(OPENING, opening, "slide"),
        Prose(
            TRY_IT,
            "**Try it.** Before the audit table: how does this takeaway compare with the body?",
            "subslide",
        ),
        verdict,
        code(call(tables.takeaways_table, PACKAGE)),
        Prose(AFTER_THE_TABLE, prose.verdict_counts(package)),
    )


def outside(package: Package, path: str) -> Parts | None:
    if not package.context:
        return None
    opening = (
        "> **Outside context.** Everything in this section comes from outside the article, "
        "from public reports listed with their sources in the table. It is not part of what "
        f"the article claims.\n\nThe table lists {counted(len(package.context), 'fact')} from "
        "outside the article, dated ones in date order, each with the source it was checked "
        "against."
    )
    return (Prose(OPENING, opening, "slide"), code(call(tables.context_table, PACKAGE)))


def summary(package: Package, path: str) -> Parts:
    return (Prose(OPENING, prose.summary(package, path), "slide"),)
