"""The sections about the story itself: its headline, its sources, its dates, its actors and
its events. Each is built from the package, or is None when the package has nothing for it.
"""

from __future__ import annotations

import json

from ..package.model import Package
from . import picks, prose
from .parts import (
    AFTER_THE_TABLE,
    AS_A_TABLE,
    OPENING,
    OUTSIDE,
    TRY_IT,
    TRY_IT_TEXT,
    Code,
    Prose,
    Section,
    exercise,
)
from .words import counted

ARTICLE = "The article"


def article(package: Package) -> Section:
    """The article whole, as a reader meets it, before any of it is taken apart."""
    opening = (
        "First, read the whole article, as it was published: its headline, its summary and "
        "every paragraph, in order. Nothing is marked yet. Ask yourself as you read: who is "
        "speaking, how sure are they, and when is each thing supposed to happen?"
    )
    return Section(
        ARTICLE,
        (Prose(OPENING, opening, "slide"), Code("whole_article.as_published(package)")),
    )


def headline(package: Package) -> Section | None:
    lead, least_sure = picks.lead_claim(package), picks.least_sure_claim(package)
    if lead is None or least_sure is None:  # both are found, or neither: no claim is hedged
        return None
    shown = list(dict.fromkeys([lead, least_sure]))
    question = (
        "A headline that asks a question is usually a headline whose answer is not settled. "
        if package.article.headline.rstrip().endswith("?")
        else ""
    )
    opening = (
        f"The headline: {prose.closed(package, package.article.headline)} {question}"
        "The body says how sure its claims are, with words that do the work:\n"
        f"{prose.hedge_list(package, shown)}"
    )
    ids = ", ".join(json.dumps(c.id) for c in shown)
    return Section(
        "The headline and its hedges",
        (
            Prose(OPENING, opening, "slide"),
            Code(f"views.claims(package, [{ids}])"),
            Prose(TRY_IT, TRY_IT_TEXT, "subslide"),
            exercise("hedge_word", least_sure.id),
        ),
    )


def sources(package: Package) -> Section | None:
    if not package.claims:
        return None
    example = picks.chain_example(package)
    assert example is not None  # there are claims
    opening = (
        f"A story passes through a chain of people before it reaches you. For the claim "
        f"{prose.quote(package, example.quote)}:\n{prose.chain(package, example)}\n\n"
        "Each link adds distance. A named source on the record can be checked and held to "
        "their words; an unnamed one cannot. Watch also for sentences with **no source at "
        "all**: they are the article's own voice.\n\n"
        "The table lists every chain of attribution in the article, with how many claims "
        "travel along it."
    )
    after = f"{prose.sourcing_counts(package)} {prose.named_sources(package)}"
    unnamed = picks.unnamed_source_claim(package, example)
    parts: list[Prose | Code] = [
        Prose(OPENING, opening, "slide"),
        Code("tables.sources_table(package)"),
        Prose(AFTER_THE_TABLE, after),
        Prose(
            TRY_IT,
            "**Try it.** Whose information is this claim? And what kind of source is behind "
            "the next one?"
            if unnamed
            else "**Try it.** Whose information is this claim?",
            "subslide",
        ),
        exercise("claim_source", example.id),
    ]
    if unnamed is not None:
        parts.append(exercise("source_kind", unnamed.id))
    return Section("Where the story comes from", tuple(parts))


def dating(package: Package) -> Section | None:
    dated = [e for e in package.events if e.date_text]
    if not package.dating and not dated:
        return None
    opening = (
        "Relative dates only make sense once you know when the story was written. "
        f"{prose.dateline(package)}"
    )
    parts: list[Prose | Code] = [Prose(OPENING, opening, "slide")]
    if package.dating:
        parts[0] = Prose(
            OPENING,
            f"{opening} Here is how that date is fixed, step by step; the steps marked "
            "**Outside context** use facts from outside the article.",
            "slide",
        )
        parts.append(Code("tables.dating_table(package)"))
    event = picks.relative_date_event(package)
    if event is not None:
        parts += [
            Prose(
                TRY_IT,
                f"**Try it.** Before you look at the table below: which day is "
                f"{prose.quote(package, event.date_text)}?",
                "subslide",
            ),
            exercise("relative_date", event.id),
        ]
    first = picks.first_relative_date(package)
    if dated:
        text = (
            "With the publication date fixed, each relative date can be resolved, the way a "
            "careful reader (or the TimeML standard for time expressions) would: keep the "
            "article's words, the resolved date, and how you got there. "
            f"{prose.resolution(package, first) if first else ''} {prose.undatable(package)}"
        )
        parts += [
            Prose("Relative dates", text.strip()),
            Code("views.events(package, [event for event in package.events if event.date_text])"),
        ]
    return Section("Dating the story", tuple(parts))


def whos_who(package: Package) -> Section | None:
    unnamed = any(a.type == "anonymous_source" for a in package.actors)
    opening = (
        f"The {counted(len(package.actors), 'person or body', 'people and bodies')} in the "
        "article, grouped by side, with the title the article itself gives them."
    )
    if unnamed:
        opening += (
            " Sources the article does not name are actors too: they speak in the story even "
            "though we can't see them."
        )
    parts: list[Prose | Code] = [
        Prose(OPENING, opening, "slide"),
        Code("tables.actors_table(package)"),
    ]
    if package.context_actors:
        parts += [
            Prose(
                OUTSIDE,
                "Their names in their own language and their titles at the time, from outside "
                "the article (**Outside context**, each with its source):",
            ),
            Code("tables.context_actors_table(package)"),
        ]
    return Section("Who's who", tuple(parts))


def sequence(package: Package) -> Section | None:
    if not package.events:
        return None
    opening = (
        "Every happening and plan in the article on one chart. Time runs left to right; each "
        "lane is a side, named above it, and each event has a row of its own with a short label "
        "above its mark (the table below gives the labels in full). How to read it:\n"
        "- a **point** is an event the article fixes to a day; a **bar** is a span of possible "
        "dates (a bar that runs past the edge ends in an arrow); a **dotted bar** has an open "
        "end;\n"
        "- the **shape** says where things stood on publication day: filled for what happened "
        "or was under way, open for what was only planned, tentative, considered or hoped for, "
        "a cross for what was ruled out;\n"
        "- events with **no date at all** sit in the right-hand panel instead of being left "
        "out;\n"
        "- the dashed line is the day the article was published. Everything to its right is a "
        "plan, not a fact."
    )
    parts: list[Prose | Code] = [Prose(OPENING, opening, "slide")]
    plan = picks.plan_event(package)
    if plan is not None:
        parts += [
            Prose(
                TRY_IT,
                "**Try it.** Before you read the chart: where did this stand when the article "
                "was published?",
                "subslide",
            ),
            exercise("plan_or_fact", plan.id),
        ]
    parts += [
        Code("views.timeline(package)", "subslide"),
        Prose(
            AS_A_TABLE,
            "The same events as a table, for reading aloud or with a screen reader:",
            "subslide",
        ),
        Code("views.events(package)"),
    ]
    return Section("The sequence of events", tuple(parts))
