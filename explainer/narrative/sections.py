"""The explainer's sections in order, the introduction, and the parts a lesson.md may name.

The order and the cells follow the hand-made flagship explainer: a section opens a slide with
its text, shows its tables and charts, and puts an exercise ("Try it") before the table that
gives its answer away. Generated text is the default of each prose slot; `lesson` may replace
it. The sections themselves are built in `story` (what the article says, who says it, when)
and `weighing` (exploring, weighing and summing it up).
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from ..package.model import Package
from . import picks, prose
from .parts import AFTER_THE_TABLE, AS_A_TABLE, OPENING, OUTSIDE, TRY_IT, Code, Prose, Section
from .story import ARTICLE, article, dating, headline, sequence, sources, whos_who
from .weighing import EXPLORE, claim_by_claim, explore, how_sure, outside, summary, takeaways
from .words import capitalised, counted

SETUP = """from explainer import views
from explainer.package import load_package
from explainer.views import exercises, tables, whole_article
from explainer.views.explorer import Explorer

package = load_package({path})"""

# The student's "Your answers" box, under the setup so that it hears every exercise from the
# first: in the classroom it sends each answer to the teacher, elsewhere it saves them as a file
# to hand in (explainer/answers/widget.py). Left out of the deck and the handouts ("skip").
YOUR_ANSWERS = """from explainer.answers.widget import YourAnswers

YourAnswers({lesson})"""

# Shown under the setup when the views can say that a package is still a draft (rows awaiting
# review), so that a draft explainer never passes for a finished one.
DRAFT_NOTICE = "views.draft_notice(package)"

QUOTES_TEXT = (
    "Every statement here about the article comes with the article's own words, in curly "
    "quotes.\nFacts from outside the article appear only in boxes marked **Outside context**, "
    "with their sources."
)


INTRODUCTION = "Reading a news story, claim by claim"

# Every section's title and the prose slots it can have: what a lesson.md may name.
SLOTS: dict[str, set[str]] = {
    INTRODUCTION: {OPENING, "About the quotes", "How to use"},
    ARTICLE: {OPENING},
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
            article,
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
    parts: list[Prose | Code] = [
        Prose(OPENING, opening, "slide"),
        Prose("About the quotes", QUOTES_TEXT, "slide"),
        Prose("How to use", how_to_use(body), "skip"),
        Code(setup),
    ]
    if package.awaiting_review:  # a draft from `explainer new`: say so until it is reviewed
        parts.append(Code(DRAFT_NOTICE))
    lesson = PurePosixPath(package_path).name
    parts.append(Code(YOUR_ANSWERS.format(lesson=json.dumps(lesson)), "skip"))
    return Section(INTRODUCTION, tuple(parts), numbered=False)


def how_to_use(body: list[Section]) -> str:
    text = (
        "**How to use it**: choose *Run › Run All Cells* (or *Restart Kernel and Run All "
        "Cells*). Every event on the timeline is labelled; hover over a chart for more details."
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
