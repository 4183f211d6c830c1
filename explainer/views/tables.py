"""The notebook's tables, as escaped HTML: the text equivalents of every chart, and more."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..package.languages import language_name
from ..package.model import Claim, ContextActor, Event, Package
from ..package.vocabulary import ACTOR_TYPE, CERTAINTY, SOURCE_KIND, STATUS, VERDICT
from .annotate import mark_hedges
from .html import Markup, join, table, tag
from .when import day, describe_when

OUTSIDE_BANNER = (
    "Outside context: not from the article. "
    "Each row names the public source it was checked against."
)


def attribution_chain(package: Package, claim: Claim) -> str:
    """Publisher first, the one who makes the claim last: "Publisher ← Agency ← Source"."""
    return " ← ".join(package.actor(a).name for a in claim.attribution)


def quoted(text: str) -> str:
    """Text in curly quotes, unless it is itself a quotation (the article's own “...”)."""
    if text.startswith("“") and text.rstrip(",.").endswith("”"):
        return text
    return f"“{text}”"


def _quotation(quote: str, hedges: Iterable[str]) -> Markup:
    """The quote in curly quotes with its hedges marked; see `quoted`."""
    marked = mark_hedges(quote, hedges)
    return marked if quoted(quote) == quote else join(["“", marked, "”"])


def claims_table(package: Package, claims: Iterable[Claim], limit: int | None = None) -> Markup:
    """One row per claim; with `limit`, only the first rows, and the caption says so.

    A table of thousands of rows is unreadable in a notebook and slow to send to the browser,
    so the linked explorer shows the first rows and asks the reader to narrow the filter.
    """
    claims = tuple(claims)
    shown = claims if limit is None else claims[:limit]
    rows = [
        (
            _quotation(c.quote, c.hedges),
            c.summary,
            attribution_chain(package, c),
            SOURCE_KIND[c.source_kind].label,
            CERTAINTY[c.certainty].label,
        )
        for c in shown
    ]
    caption = f"{len(claims)} claims"
    if len(shown) < len(claims):
        caption = (
            f"The first {len(shown)} of {len(claims)} claims: choose fewer actors to see the rest"
        )
    headers = ["What the article says", "In plain words", "Who says it", "Source", "Certainty"]
    return table(headers, rows, caption=caption)


NO_TITLE = "(no title given)"
NO_TIME_WORDS = "(no time words)"
NOT_SETTLED = "(date not settled)"


def _filled(headers: list[str], rows: list[tuple], empty: set[object]) -> tuple[list[str], list]:
    """The table without the columns that hold nothing in any row: they would show only blanks.

    `empty` holds the placeholders that stand for nothing ("" and, say, "(no title given)")."""
    keep = [i for i in range(len(headers)) if not rows or any(r[i] not in empty for r in rows)]
    return [headers[i] for i in keep], [tuple(row[i] for i in keep) for row in rows]


def actors_table(package: Package) -> Markup:
    order = {g.id: g.order for g in package.groups}
    rows = [
        (
            package.group(a.group).label,
            a.name,
            ACTOR_TYPE[a.type],
            quoted(a.role) if a.role else NO_TITLE,
        )
        for a in sorted(package.actors, key=lambda a: order[a.group])
    ]
    headers = ["Side", "Actor", "Kind", "Role as the article gives it"]
    return table(*_filled(headers, rows, {NO_TITLE}))


def events_table(package: Package, events: Iterable[Event]) -> Markup:
    """The timeline as text: one row per event, with the words that date it and the evidence."""
    rows = []
    for e in events:
        evidence = package.evidence_for(e)
        rows.append(
            (
                e.label,
                quoted(e.date_text) if e.date_text else NO_TIME_WORDS,
                describe_when(e),
                STATUS[e.status].label,
                quoted(evidence.quote) if evidence else "",
            )
        )
    headers = ["Event", "The article's words", "Resolved date", "Status", "Evidence"]
    return table(*_filled(headers, rows, {NO_TIME_WORDS, ""}), caption=f"{len(rows)} events")


def certainty_table(claims: Iterable[Claim]) -> Markup:
    """Claims counted by certainty and kind of source: the certainty chart as text."""
    counts = Counter((c.certainty, c.source_kind) for c in claims)
    rows = [
        [CERTAINTY[cert].label]
        + [counts[(cert, kind)] for kind in SOURCE_KIND]
        + [sum(counts[(cert, kind)] for kind in SOURCE_KIND)]
        for cert in CERTAINTY
    ]
    return table(["Certainty"] + [s.label for s in SOURCE_KIND.values()] + ["All"], rows)


def takeaways_table(package: Package) -> Markup:
    rows = []
    for t in package.takeaways:
        support = [
            tag("li", f"{s.strength}: {quoted(package.claim(s.claim).quote)}")
            for s in package.takeaway_support
            if s.takeaway == t.id
        ]
        rows.append(
            (quoted(t.quote), VERDICT[t.verdict].label, t.explanation, tag("ul", join(support)))
        )
    return table(["Key Takeaway", "Verdict", "Why", "Supporting text in the body"], rows)


def dating_table(package: Package) -> Markup:
    """The reasoning that fixes the publication year, step by step, with outside facts marked."""
    context = {x.id: x for x in package.context}
    rows = []
    for step in package.dating:
        if step.quote:
            evidence = f"The article: {quoted(step.quote)}"
        else:
            fact = context[step.context]
            evidence = f"Outside context: {fact.fact} (source: {fact.source})"
        rows.append((evidence, step.inference))
    return table(["Evidence", "What it tells us"], rows)


def context_table(package: Package, event_ids: Iterable[str] | None = None) -> Markup:
    """Outside facts, dated ones in date order, optionally only those tied to some events."""
    wanted = set(event_ids) if event_ids is not None else None
    facts = [x for x in package.context if wanted is None or wanted.intersection(x.events)]
    facts.sort(key=lambda x: (x.date is None, x.date))
    rows = [(day(x.date) if x.date else NOT_SETTLED, x.fact, x.source) for x in facts]
    return join(
        [
            tag("p", OUTSIDE_BANNER, style="font-weight:bold;color:#D55E00"),
            table(*_filled(["Date", "Outside fact", "Source"], rows, {NOT_SETTLED})),
        ]
    )


def context_actors_table(package: Package) -> Markup:
    """Titles from outside the article, and each native name marked with its language.

    The header names the language when all names share one ("Name in Korean"); otherwise each
    name says its own. With no native name at all, the column is left out.
    """
    facts = package.context_actors
    languages = {x.native_language for x in facts if x.native_name}
    only = next(iter(languages)) if len(languages) == 1 else None

    def native(x: ContextActor) -> Markup:
        if not x.native_name:
            return Markup("")
        name = tag("span", x.native_name, lang=x.native_language)
        return name if only else join([name, f" ({_language(x.native_language)})"])

    def row(x: ContextActor) -> tuple:
        name = (native(x),) if languages else ()
        return (package.actor(x.actor).name, *name, x.title, x.source)

    name_header = [f"Name in {_language(only)}" if only else "Name in their own language"]
    headers = ["Actor", *(name_header if languages else []), "Title at the time", "Source"]
    rows = [row(x) for x in facts]
    return join(
        [
            tag("p", OUTSIDE_BANNER, style="font-weight:bold;color:#D55E00"),
            table(headers, rows),
        ]
    )


def _language(code: str) -> str:
    return language_name(code) or code


def sources_table(package: Package) -> Markup:
    """Each distinct chain of attribution, its kind of source, and how many claims travel it."""
    chains: dict[tuple[str, ...], list[Claim]] = {}
    for claim in package.claims:
        chains.setdefault(claim.attribution, []).append(claim)
    rows = [
        (
            attribution_chain(package, claims[0]),
            SOURCE_KIND[claims[0].source_kind].label,
            SOURCE_KIND[claims[0].source_kind].meaning,
            len(claims),
        )
        for claims in sorted(chains.values(), key=len, reverse=True)
    ]
    return table(["Who says it (publisher first)", "Kind of source", "Meaning", "Claims"], rows)


def hedges_table(package: Package) -> Markup:
    """Every hedge word, shown in its sentence, with the certainty it leaves the claim."""
    rows = [
        (
            ", ".join(quoted(h) for h in c.hedges),
            _quotation(c.quote, c.hedges),
            CERTAINTY[c.certainty].label,
            attribution_chain(package, c),
        )
        for c in package.claims
        if c.hedges
    ]
    return table(["Hedge", "In the article", "Certainty it leaves", "Who says it"], rows)
