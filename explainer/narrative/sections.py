"""The explainer's sections: each registered once (slug, title, the prose slots a lesson may
rewrite, builder), and put in order by the rule of `order`, for every package.

The sections themselves are built in `story` (the article, its sources, headline, dates,
actors and events) and `weighing` (exploring, weighing and summing it up); this module adds
the introduction and registers them all. A new section is one builder and one registration
here: its place follows from what it asks and what its views would give away.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .. import views
from ..answers.widget import YourAnswers
from ..package.model import Package
from . import instructions, kinds, picks, prose, registry  # noqa: F401 - kinds registers the exercise kinds
from .order import held_back, ordered
from .parts import (
    AFTER_THE_TABLE,
    AS_A_TABLE,
    OPENING,
    OUTSIDE,
    PACKAGE,
    TRY_IT,
    Part,
    Prose,
    Section,
    Setup,
    call,
    code,
)
from .registry import EXERCISE_KINDS, SectionType, register_section
from .story import article, dating, headline, sequence, sources, whos_who
from .weighing import claim_by_claim, explore, how_sure, outside, summary, takeaways

QUOTES_TEXT = (
    "Every statement here about the article comes with the article's own words, in curly "
    "quotes.\nFacts from outside the article appear only in boxes marked **Outside context**, "
    "with their sources."
)


def introduction(package: Package, path: str) -> tuple[Part, ...]:
    asked = picks.least_sure_claim(package)  # its hedges are the hedge exercise's answer
    answer = set(asked.hedges) if asked else set()
    hedges = list(
        dict.fromkeys(h for c in picks.hedged(package) for h in c.hedges if h not in answer)
    )[:3]
    learn = [
        "to find out who is really speaking in a news story, and whether you could check them;"
    ]
    if hedges:
        learn.append(
            f"to spot hedge words such as {prose.listing_quoted(package, hedges)}, and what they "
            "leave open;"
        )
    elif asked:  # the only hedges are the exercise's answer
        learn.append("to spot hedge words, and what they leave open;")
    if any(e.date_text for e in package.events):
        learn.append("to turn relative dates into calendar dates, and to notice when you can't;")
    if package.takeaways:
        learn.append("to compare a story's summary with what its body actually says.")
    opening = (
        f"{prose.headline(package)} This notebook takes the story apart sentence by sentence, "
        "so you can see **who says what, how sure they are, and when each thing happened or is "
        "supposed to happen**.\n\n**What you'll learn**\n" + "\n".join(f"- {x}" for x in learn)
    )
    parts: list[Part] = [
        Prose(OPENING, opening, "slide"),
        Prose("About the quotes", QUOTES_TEXT, "slide"),
        Setup(path),
        code(call(instructions.how_to_use, PACKAGE)),
    ]
    if package.awaiting_review:  # a draft from `explainer new`: say so until it is reviewed
        parts.append(code(call(views.draft_notice, PACKAGE)))
    # The student's "Your answers" box, under the setup so that it hears every exercise from
    # the first: in the classroom it sends each answer to the teacher, elsewhere it saves them
    # as a file to hand in (explainer/answers/widget.py). Left out of the deck and handouts.
    parts.append(code(call(YourAnswers, PurePosixPath(path).name), slide="skip"))
    return tuple(parts)


ALL_KINDS = frozenset(EXERCISE_KINDS)

for registered in (
    SectionType(
        "introduction",
        "Reading a news story, claim by claim",
        frozenset({OPENING, "About the quotes"}),
        introduction,
        numbered=False,
    ),
    SectionType("article", "The article", frozenset({OPENING}), article),
    SectionType("headline", "The headline and its hedges", frozenset({OPENING, TRY_IT}), headline),
    SectionType(
        "sources",
        "Where the story comes from",
        frozenset({OPENING, AFTER_THE_TABLE, TRY_IT}),
        sources,
    ),
    SectionType(
        "dating", "Dating the story", frozenset({OPENING, TRY_IT, "Relative dates"}), dating
    ),
    SectionType("whos-who", "Who's who", frozenset({OPENING, OUTSIDE}), whos_who),
    SectionType(
        "sequence",
        "The sequence of events",
        frozenset({OPENING, TRY_IT, AS_A_TABLE}),
        sequence,
    ),
    SectionType("explore", "Explore by actor", frozenset({OPENING, "From code"}), explore),
    SectionType("claim-by-claim", "Claim by claim", frozenset({OPENING}), claim_by_claim),
    SectionType(
        "how-sure",
        "How sure is the article?",
        frozenset({OPENING, AS_A_TABLE, "Hedges"}),
        how_sure,
        prose_gives_away=frozenset({"hedge_word"}),  # it names the hedges, level by level
    ),
    SectionType(
        "takeaways",
        "The takeaways, audited",
        frozenset({OPENING, TRY_IT, AFTER_THE_TABLE}),
        takeaways,
    ),
    SectionType("outside", "Outside context", frozenset({OPENING}), outside),
    SectionType(
        "summary",
        "Summary and questions",
        frozenset({OPENING}),
        summary,
        prose_gives_away=ALL_KINDS,  # it sums up the answers
    ),
):
    register_section(registered)


def plan(package: Package, path: str) -> list[Section]:
    """Every section the package has something for, in the order the rule gives, each view
    that would answer an exercise held back until it is answered."""
    built = [
        Section(kind.slug, kind.title, parts, kind.numbered, kind.prose_gives_away)
        for kind in registry.SECTION_TYPES.values()
        if (parts := kind.build(package, path)) is not None
    ]
    return held_back(ordered(built))


def slots() -> dict[str, tuple[str, frozenset[str]]]:
    """What a lesson.md may name: each section's slug, its title and its prose slots."""
    return {kind.slug: (kind.title, kind.slots) for kind in registry.SECTION_TYPES.values()}
