"""The sections about the story itself: the article whole, its sources, its headline, its
dates, its actors and its events. Each builder returns its parts, or None when the package has
nothing for it; its slug, title and slots are registered in `sections`.
"""

from __future__ import annotations

from .. import views
from ..package.model import Package
from ..views import tables, whole_article
from . import picks, prose
from .parts import (
    AFTER_THE_TABLE,
    AS_A_TABLE,
    OPENING,
    OUTSIDE,
    PACKAGE,
    TRY_IT,
    TRY_IT_TEXT,
    Part,
    Prose,
    call,
    code,
)
from .registry import ask
from .words import counted

Parts = tuple[Part, ...]


def article(package: Package, path: str) -> Parts:
    """The article whole, as a reader meets it, before any of it is taken apart."""
    opening = (
        "First, read the whole article, as it was published: its headline, its summary and "
        "every paragraph, in order. Nothing is marked yet. Ask yourself as you read: who is "
        "speaking, how sure are they, and when is each thing supposed to happen?"
    )
    return (
        Prose(OPENING, opening, "slide"),
        code(call(whole_article.as_published, PACKAGE)),
    )


def headline(package: Package, path: str) -> Parts | None:
    first, least_sure = picks.first_hedged(package), picks.least_sure_claim(package)
    hedge = ask("hedge_word", package)
    if first is None or least_sure is None or hedge is None:
        return None
    question = (
        "A headline that asks a question is usually a headline whose answer is not settled. "
        if package.article.headline.rstrip().endswith("?")
        else ""
    )
    opening = (
        f"The headline: {prose.closed(package, package.article.headline)} {question}"
        "The body says how sure its claims are, with words that do the work: **hedge words**, "
        "which leave a claim less than certain. Find one."
    )
    shown = list(dict.fromkeys([first.id, least_sure.id]))
    return (
        Prose(OPENING, opening, "slide"),
        Prose(TRY_IT, TRY_IT_TEXT, "subslide"),
        hedge,
        code(call(views.claims, PACKAGE, shown)),
    )


def sources(package: Package, path: str) -> Parts | None:
    if not package.claims:
        return None
    opening = (
        "A story passes through a chain of people before it reaches you: the publisher, the "
        "agency it credits, and whoever the agency heard it from. Each link adds distance. A "
        "named source on the record can be checked and held to their words; an unnamed one "
        "cannot. Watch also for sentences with **no source at all**: they are the article's "
        "own voice. After the questions, a table lists every chain of attribution in the "
        "article, with how many claims travel along it."
    )
    source, kind = ask("claim_source", package), ask("source_kind", package)
    asked = [a for a in (source, kind) if a is not None]
    try_it = (
        "**Try it.** Whose information is this claim? And what kind of source is behind the "
        "next one?"
        if len(asked) > 1
        else "**Try it.** Whose information is this claim?"
    )
    after = f"{prose.sourcing_counts(package)} {prose.named_sources(package)}"
    return (
        Prose(OPENING, opening, "slide"),
        Prose(TRY_IT, try_it, "subslide"),
        *asked,
        code(call(tables.sources_table, PACKAGE), slide="subslide"),
        Prose(AFTER_THE_TABLE, after),
    )


def dating(package: Package, path: str) -> Parts | None:
    dated = picks.dated_events(package)
    if not package.dating and not dated:
        return None
    opening = (
        "Relative dates only make sense once you know when the story was written. "
        f"{prose.dateline(package)}"
    )
    parts: list[Part] = [Prose(OPENING, opening, "slide")]
    if package.dating:
        parts[0] = Prose(
            OPENING,
            f"{opening} Here is how that date is fixed, step by step; the steps marked "
            "**Outside context** use facts from outside the article.",
            "slide",
        )
        parts.append(code(call(tables.dating_table, PACKAGE)))
    relative = ask("relative_date", package)
    if relative is not None:
        event = package.event(relative.record_id)
        words = prose.quote(package, event.date_text)
        question = (
            f"Which day is {words}?"
            if prose.names_its_year(event)
            else f"Count from the day of publication: which day is {words}?"
        )
        parts += [
            Prose(TRY_IT, f"**Try it.** {question}", "subslide"),
            relative,
        ]
    if dated:
        # The first relative date worked through, of those no exercise asks about (the date
        # and the plan-or-fact exercises explain their answers with the event's resolution),
        # and not on the day the date exercise asks for.
        asked = [a.record_id for a in (relative, ask("plan_or_fact", package)) if a is not None]
        if relative is not None:
            day = package.event(relative.record_id).earliest
            asked += [e.id for e in package.events if e.earliest == e.latest == day]
        worked = picks.first_relative_date(package, besides=asked)
        text = (
            "With the publication date fixed, each relative date can be resolved, the way a "
            "careful reader (or the TimeML standard for time expressions) would: keep the "
            "article's words, the resolved date, and how you got there. "
            f"{prose.resolution(package, worked) if worked else ''} {prose.undatable(package)}"
        )
        parts += [
            Prose("Relative dates", " ".join(text.split())),
            code(call(views.events, PACKAGE, call(picks.dated_events, PACKAGE))),
        ]
    return tuple(parts)


def whos_who(package: Package, path: str) -> Parts:
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
    parts: list[Part] = [Prose(OPENING, opening, "slide"), code(call(tables.actors_table, PACKAGE))]
    if package.context_actors:
        parts += [
            Prose(
                OUTSIDE,
                "Their names in their own language and their titles at the time, from outside "
                "the article (**Outside context**, each with its source):",
            ),
            code(call(tables.context_actors_table, PACKAGE)),
        ]
    return tuple(parts)


def sequence(package: Package, path: str) -> Parts | None:
    if not package.events:
        return None
    # the chart draws a panel for undated events and dots open ends only when there are some
    undated = any(e.earliest is None and e.latest is None for e in package.events)
    open_ended = any((e.earliest is None) != (e.latest is None) for e in package.events)
    opening = (
        "Every happening and plan in the article on one chart. Time runs left to right; each "
        "lane is a side, named above it, and each event has a row of its own with a short label "
        "above its mark (the table below gives the labels in full). How to read it:\n"
        "- a **point** is an event the article fixes to a day; a **bar** is a span of possible "
        "dates (a bar that runs past the edge ends in an arrow)"
        f"{'; a **dotted bar** has an open end' if open_ended else ''};\n"
        "- the **shape** says where things stood on publication day: filled for what happened "
        "or was under way, open for what was only planned, tentative, considered or hoped for, "
        "a cross for what was ruled out;\n"
        + (
            "- events with **no date at all** sit in the right-hand panel instead of being left "
            "out;\n"
            if undated
            else ""
        )
        + "- the dashed line is the day the article was published. Everything to its right is "
        "a plan, not a fact."
    )
    parts: list[Part] = [Prose(OPENING, opening, "slide")]
    plan = ask("plan_or_fact", package)
    if plan is not None:
        parts += [
            Prose(
                TRY_IT,
                "**Try it.** Before you read the chart: where did this stand when the article "
                "was published?",
                "subslide",
            ),
            plan,
        ]
    parts += [
        code(call(views.timeline, PACKAGE), slide="subslide"),
        Prose(
            AS_A_TABLE,
            "The same events as a table, for reading aloud or with a screen reader:",
            "subslide",
        ),
        code(call(views.events, PACKAGE)),
    ]
    return tuple(parts)
