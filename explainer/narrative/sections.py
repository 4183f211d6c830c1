"""The explainer's sections, each built from the package, or left out when it has nothing.

The order and the cells follow the hand-made flagship explainer: a section opens a slide with
its text, shows its tables and charts, and puts an exercise ("Try it") before the table that
gives its answer away. Generated text is the default of each prose slot; `lesson` may replace it.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from .. import views
from ..package.model import Package
from . import picks, prose
from .parts import OPENING, Code, Prose, Section, exercise
from .words import capitalised, counted

TRY_IT = "Try it"
AS_A_TABLE = "As a table"
OUTSIDE = "Outside context"
AFTER_THE_TABLE = "After the table"

SETUP = """from explainer import views
from explainer.package import load_package
from explainer.views import exercises, tables
from explainer.views.explorer import Explorer

package = load_package({path})"""

# Shown under the setup when the views can say that a package is still a draft (rows awaiting
# review), so that a draft explainer never passes for a finished one.
DRAFT_NOTICE = "views.draft_notice(package)"

TRY_IT_TEXT = "**Try it.** Click an answer, then *Check*. You can try again as often as you like."
QUOTES_TEXT = (
    "Every statement here about the article comes with the article's own words, in curly "
    "quotes.\nFacts from outside the article appear only in boxes marked **Outside context**, "
    "with their sources."
)


INTRODUCTION = "Reading a news story, claim by claim"
EXPLORE = "Explore by actor"

# Every section's title and the prose slots it can have: what a lesson.md may name.
SLOTS: dict[str, set[str]] = {
    INTRODUCTION: {OPENING, "About the quotes", "How to use"},
    "The headline and its hedges": {OPENING, TRY_IT},
    "Where the story comes from": {OPENING, AFTER_THE_TABLE, TRY_IT},
    "Dating the story": {OPENING, TRY_IT, "Relative dates"},
    "Who's who": {OPENING, OUTSIDE},
    "The sequence of events": {OPENING, TRY_IT, AS_A_TABLE},
    EXPLORE: {OPENING, "From code"},
    "Claim by claim": {OPENING},
    "How sure is the article?": {OPENING, AS_A_TABLE, "Hedges"},
    "The takeaways, audited": {OPENING, TRY_IT, AFTER_THE_TABLE},
    "Outside context": {OPENING},
    "Summary and questions": {OPENING},
}


def sections(package: Package, package_path: str) -> list[Section]:
    """Every section the package has something for, the introduction first."""
    body = [
        built
        for build in (
            headline,
            sources,
            dating,
            whos_who,
            sequence,
            explore,
            claim_by_claim,
            how_sure,
            takeaways,
            outside,
        )
        if (built := build(package)) is not None
    ]
    body.append(summary(package, PurePosixPath(package_path).name))
    return [introduction(package, package_path, body), *body]


def introduction(package: Package, package_path: str, body: list[Section]) -> Section:
    hedges = list(dict.fromkeys(h for c in picks.hedged(package) for h in c.hedges))[:3]
    learn = [
        "to find out who is really speaking in a news story, and whether you could check them;",
        f"to spot hedge words such as {prose.listing_quoted(package, hedges)}, and what they "
        "leave open;"
        if hedges
        else "to spot hedge words, and what they leave open;",
    ]
    if any(e.date_text for e in package.events):
        learn.append("to turn relative dates into calendar dates, and to notice when you can't;")
    if package.takeaways:
        learn.append("to compare a story's summary with what its body actually says.")
    opening = (
        f"{prose.headline(package)} This notebook takes the story apart sentence by sentence, "
        "so you can see **who says what, how sure they are, and when each thing happened or is "
        "supposed to happen**.\n\n**What you'll learn**\n" + "\n".join(f"- {x}" for x in learn)
    )
    setup = SETUP.format(path=json.dumps(package_path))
    parts = [
        Prose(OPENING, opening, "slide"),
        Prose("About the quotes", QUOTES_TEXT, "slide"),
        Prose("How to use", how_to_use(body), "skip"),
        Code(setup),
    ]
    if hasattr(views, "draft_notice"):
        parts.append(Code(DRAFT_NOTICE))
    return Section(INTRODUCTION, tuple(parts), numbered=False)


def how_to_use(body: list[Section]) -> str:
    text = (
        "**How to use it**: choose *Run › Run All Cells* (or *Restart Kernel and Run All "
        "Cells*). Hover over a chart for details."
    )
    numbered = [s.title for s in body if s.numbered]
    if EXPLORE in numbered:
        text += (
            f" In section {numbered.index(EXPLORE) + 1}, an **actor filter** lets you pick one "
            "or several people or bodies (Ctrl- or Cmd-click to pick several, or use a quick "
            "pick button); the timeline, the claims table, the certainty chart and the "
            "highlighted article below it all follow your choice."
        )
    count = sum(
        1
        for s in body
        for p in s.parts
        if isinstance(p, Code) and p.source.startswith("exercises.")
    )
    if count:
        text += (
            f"\n{capitalised(counted(count, 'short exercise'))} marked **Try it** check "
            "your answer at once and explain why; try again as often as you like."
        )
    return text


def headline(package: Package) -> Section | None:
    lead, least_sure = picks.lead_claim(package), picks.least_sure_claim(package)
    if lead is None:
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
    example = picks.longest_chain_claim(package)
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
    parts = [
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
    parts = [Prose(OPENING, opening, "slide")]
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
    if dated:
        example = event or dated[0]
        text = (
            "With the publication date fixed, each relative date can be resolved, the way a "
            "careful reader (or the TimeML standard for time expressions) would: keep the "
            "article's words, the resolved date, and how you got there. "
            f"{prose.resolution(package, example)} {prose.undatable(package)}"
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
    parts = [Prose(OPENING, opening, "slide"), Code("tables.actors_table(package)")]
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
        "lane is a side. How to read it:\n"
        "- a **point** is an event the article fixes to a day; a **bar** is a span of possible "
        "dates; a **dotted bar** has an open end;\n"
        "- the **shape** says where things stood on publication day: filled for what happened "
        "or was under way, open for what was only planned, tentative, considered or hoped for, "
        "a cross for what was ruled out;\n"
        "- events with **no date at all** sit in the right-hand panel instead of being left "
        "out;\n"
        "- the dashed line is the day the article was published. Everything to its right is a "
        "plan, not a fact."
    )
    parts = [Prose(OPENING, opening, "slide")]
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


def explore(package: Package) -> Section | None:
    person = picks.on_record_person(package)
    if person is None or not package.claims:
        return None
    unnamed = picks.unnamed_actor(package)
    then = f" Then pick **{prose.md(unnamed.name)}**." if unnamed else ""
    opening = (
        "Choose one or several actors, or a quick pick. All four views below the filter follow "
        "your choice: the timeline, the table of claims, the certainty chart and the article "
        "itself, where the claims that involve your actors stand out and hedge words are "
        "highlighted in yellow.\n\n"
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
    parts = [
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
