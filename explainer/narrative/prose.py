"""Sentences about a package, written from its data: nothing here states a fact it lacks.

Words from the article appear in curly quotes only when they are verbatim in it, so every
quotation a student reads can be found in the text; everything else from the data is escaped,
so a name holding `*` or `<` stays text in the markdown.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date
from pathlib import PurePosixPath

from ..package.model import Actor, Claim, Event, Package
from ..package.vocabulary import CERTAINTY, SOURCE_KIND, VERDICT
from ..views.selection import claims_involving, events_involving
from ..views.tables import attribution_chain
from ..views.when import describe_when, in_words
from . import picks
from .words import capitalised, counted, listing, number, verb

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")


def md(text: str) -> str:
    """Data as markdown text: every character markdown would act on is escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def quote(package: Package, words: str) -> str:
    """The article's words in curly quotes; words not verbatim in it only in italics."""
    if words and words in package.article.text:
        return f"“{md(words)}”"
    return f"*{md(words)}*"


def closed(package: Package, words: str) -> str:
    """A quotation ending a sentence: a full stop unless the words bring their own."""
    quoted = quote(package, words)
    return quoted if words.rstrip()[-1:] in ".?!" else f"{quoted}."


def headline(package: Package) -> str:
    article = package.article
    return (
        f"On {in_words(article.published)}, {md(article.publisher)} published a story "
        f"headlined {closed(package, article.headline)}"
    )


def sourcing_counts(package: Package) -> str:
    """How many claims rest on each kind of source, most first."""
    counts = Counter(c.source_kind for c in package.claims).most_common()
    parts = [f"{SOURCE_KIND[kind].label} {n}" for kind, n in counts]  # a label holds a comma
    return (
        f"By kind of source, its {counted(len(package.claims), 'claim')} are: {'; '.join(parts)}."
    )


def chain(package: Package, claim: Claim) -> str:
    """The chain of attribution as a list a student can follow, publisher first."""
    names = [md(package.actor(a).name) for a in claim.attribution]
    steps = [f"- **{names[0]}** published it;"]
    steps += [f"- it passes on the words of **{name}**;" for name in names[1:]]
    kind = SOURCE_KIND[claim.source_kind]
    steps.append(f"- so its kind of source is **{kind.label}**: {kind.meaning}.")
    return "\n".join(steps)


def named_sources(package: Package) -> str:
    """Who is named and on the record, or that nobody is."""
    names = list(
        dict.fromkeys(
            md(package.actor(c.asserted_by).name)
            for c in package.claims
            if c.source_kind == "on_record"
        )
    )
    if not names:
        return "No source in the article is named and on the record."
    on_record = "the only one" if len(names) == 1 else "the only ones"
    return f"Named and on the record: {listing(names)}; {on_record} a reader could check."


def hedge_list(package: Package, claims: list[Claim]) -> str:
    """Each hedge word with the certainty it leaves its claim, one bullet per claim."""
    lines = []
    for claim in claims:
        words = listing([quote(package, h) for h in claim.hedges])
        lines.append(
            f"- {words} in {quote(package, claim.quote)}: "
            f"{CERTAINTY[claim.certainty].label}, {CERTAINTY[claim.certainty].meaning}."
        )
    return "\n".join(lines)


def hedges_table_intro() -> str:
    """What the table of hedges shows, naming none of them: the hedge exercise asks for one."""
    return (
        "The hedges that do the work, each in its sentence, with the certainty it leaves its "
        "claim: the table shows them once the hedge exercise is answered."
    )


def certainty_counts(package: Package) -> str:
    counts = Counter(c.certainty for c in package.claims)
    parts = [f"{level} {counts[level]}" for level in CERTAINTY if counts[level]]
    return f"By certainty, its {counted(len(package.claims), 'claim')} are: {', '.join(parts)}."


def resolution(package: Package, event: Event) -> str:
    """How the first relative date was resolved, in the package's own reasoning."""
    undated = event.earliest is None and event.latest is None
    when = "gives no date" if undated else f"is {describe_when(event)}"
    words = quote(package, event.date_text)
    return f"The first in the article, {words}, {when}. {md(event.resolution)}"


def what_it_gives(event: Event) -> str:
    """What an event's dates give instead of a day, read from its interval, not its precision:
    "by mid-April" is resolved day by day, yet gives a span of four months."""
    first, last = event.earliest, event.latest
    if first is None and last is None:
        return "no date at all"
    if last is None:
        return "only an earliest date"
    if first is None:
        return "only a latest date"
    if (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31)):
        return "only a year"
    decade = first.year - first.year % 10
    if (first, last) == (date(decade, 1, 1), date(decade + 9, 12, 31)):
        return "only a decade"
    month_end = calendar.monthrange(first.year, first.month)[1]
    if (first, last) == (first.replace(day=1), first.replace(day=month_end)):
        return "only a month"
    days = (last - first).days + 1
    if days == 7:
        return "only a week"
    if days < 14:
        return f"only a span of {counted(days, 'day')}"
    if days < 60:
        return f"only a span of about {counted(round(days / 7), 'week')}"
    if days < 350:
        return f"only a span of about {counted(round(days / 30.44), 'month')}"
    return f"only a span of about {counted(round(days / 365.25), 'year')}"


def undatable(package: Package) -> str:
    """The time words that give no single day, grouped by what their dates give instead."""
    by_kind: dict[str, list[str]] = {}
    for event in package.events:
        if event.date_text and (event.earliest is None or event.earliest != event.latest):
            words = by_kind.setdefault(what_it_gives(event), [])
            if quote(package, event.date_text) not in words:  # "last year" said three times
                words.append(quote(package, event.date_text))
    if not by_kind:
        return ""
    parts = [
        f"{listing(words)} {verb('give', len(words))} {gives}" for gives, words in by_kind.items()
    ]
    return f"Notice the ones that *cannot* be pinned to a day: {'; '.join(parts)}."


def verdict_counts(package: Package) -> str:
    counts = Counter(t.verdict for t in package.takeaways)
    parts = [f"{VERDICT[v].label} {counts[v]}" for v in VERDICT if counts[v]]
    return f"By verdict, the {counted(len(package.takeaways), 'takeaway')} are: {', '.join(parts)}."


def dateline(package: Package) -> str:
    article = package.article
    if not article.dateline:
        return f"The story was published on {in_words(article.published)}."
    return (
        f"The dateline says {quote(package, article.dateline)}; "
        f"the story was published on {in_words(article.published)}."
    )


def listing_quoted(package: Package, words: list[str]) -> str:
    return listing([quote(package, w) for w in words])


def chosen_alone(package: Package, actor: Actor) -> str:
    """What the explorer keeps when one actor is chosen: the check the next cells print."""
    events = events_involving(package, [actor.id])
    claims = claims_involving(package, [actor.id])
    labels = "; ".join(md(e.label) for e in events)
    kept = f"{counted(len(events), 'event')}{f' ({labels})' if events else ''}"
    return (
        f"The filter can also be set from code. Choosing {md(actor.name)} alone leaves {kept} "
        f"and the {counted(len(claims), 'claim')} that {verb('involve', len(claims))} "
        f"{md(actor.name)}:"
    )


def names_its_year(event: Event) -> bool:
    """Time words with a year of four digits ("on October 8, 2006") need no publication date."""
    return re.search(r"\b\d{4}\b", event.date_text) is not None


def summary(package: Package, path: str) -> str:
    """Summary bullets drawn from the data, then questions for discussion that fit it."""
    bullets = []
    lead = picks.lead_claim(package)
    if lead is not None:
        level = CERTAINTY[lead.certainty]
        how = (  # its hedge words are not named: an exercise may ask for them
            "its hedge words say so"
            if lead in picks.hedged(package)
            else "no hedge word softens it"
            if lead.certainty == "certain" and not lead.hedges
            else level.meaning
        )
        bullets.append(
            f"The lead claim, {quote(package, lead.quote)}, is worded as **{level.label}**: {how}."
        )
        names = " ← ".join(md(n) for n in attribution_chain(package, lead).split(" ← "))
        bullets.append(
            f"It comes from {names} ({SOURCE_KIND[lead.source_kind].label}). "
            f"{named_sources(package)}"
        )
    event = picks.relative_date_event(package)
    if event is not None:
        named = (  # the day itself is the date exercise's answer
            "names its day in full"
            if names_its_year(event)
            else "can be named as a day, once the publication date is fixed"
        )
        bullets.append(f"{quote(package, event.date_text)} {named}. {undatable(package)}".strip())
    further = [t for t in package.takeaways if t.verdict != "supported"]
    if package.takeaways:
        bullets.append(
            f"{capitalised(number(len(further)))} of the "
            f"{counted(len(package.takeaways), 'takeaway')} **say more than "
            "the body** does, or drop its hedges."
        )
    package_path = PurePosixPath(path)  # as the notebook reaches it: "../data/NAME"
    parent = package_path.parent.name
    folder = f" in the `{md(parent)}/` folder" if parent else ""
    questions = []
    unnamed = picks.unnamed_actor(package)
    if unnamed is not None:
        questions.append(
            f"Why might {quote(package, unnamed.mention)} speak without their names? What would "
            "change if they were named?"
        )
    if package.article.headline.rstrip().endswith("?"):
        questions.append(
            "The headline asks a question. Is that fair to the reader, given what the body says?"
        )
    else:
        questions.append("Does the headline say more, or less, than the body does?")
    if further:
        questions.append(
            "Which takeaway would you rewrite, and how, so that it says no more than the article?"
        )
    negated = next((c for c in package.claims if c.certainty == "negated"), None)
    if negated is not None:
        questions.append(
            f"The article says {closed(package, negated.quote)} Why might "
            "its source want to make that clear?"
        )
    questions.append(
        "Find a news story from this week with a relative date in it. What date does it "
        "resolve to, and how sure can you be?"
    )
    return "\n".join(
        [
            *(f"- {b}" for b in bullets),
            "",
            "**Questions for discussion**",
            *(f"{n}. {q}" for n, q in enumerate(questions, 1)),
            "",
            "**Further reading**: the data behind this notebook is the package "
            f"`{md(package_path.name)}`{folder}: CSV files you can open in a spreadsheet, "
            "described by its `datapackage.json`. The "
            "certainty levels follow FactBank; the handling of relative dates follows TimeML.",
        ]
    )
