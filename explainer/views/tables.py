"""The notebook's tables, as escaped HTML with their text: the text equivalents of every chart.

Every table is capped at `MAX_ROWS` rows, and its caption says how many were left out: a table of
thousands of rows is unreadable, and would make the stored notebook megabytes long.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Set
from typing import TypeVar

from ..package.languages import language_name
from ..package.model import Claim, ContextActor, Event, Package
from ..package.vocabulary import ACTOR_TYPE, CERTAINTY, SOURCE_KIND, STATUS, VERDICT
from .annotate import mark_hedges
from .html import Block, Markup, join, stack, table, tag
from .when import describe_when, in_words

OUTSIDE_BANNER = (
    "Outside context: not from the article. "
    "Each row names the public source it was checked against."
)
BANNER_STYLE = "font-weight:bold;color:#B34700"  # 5.5:1 on white (#D55E00 was 3.87:1)
MAX_ROWS = 100  # rows a table in the notebook shows at most
T = TypeVar("T")


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


def counted(count: int, noun: str) -> str:
    """ "1 claim", "2 claims": a caption that reads right for any count."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def capped_table(
    headers: list[str],
    records: Sequence[T],
    row: Callable[[T], Sequence[object]] = tuple,  # type: ignore[assignment]  # T is a row
    caption: str = "",
    empty: Set[object] = frozenset(),
) -> Block:
    """A table of the first `MAX_ROWS` records, each made a row by `row` (only those shown are:
    a row can cost a look-up), its caption saying how many were left out, if any. Columns that
    hold only `empty` placeholders in every row shown are left out."""
    if len(records) > MAX_ROWS:
        left_out = (
            f"the first {MAX_ROWS} of {len(records)} rows, {len(records) - MAX_ROWS} left out"
        )
        caption = f"{caption} ({left_out})" if caption else left_out.capitalize()
    rows = [row(record) for record in records[:MAX_ROWS]]
    if empty:
        headers, rows = _filled(headers, rows, empty)
    return table(headers, rows, caption)


def claims_table(package: Package, claims: Iterable[Claim], limit: int = MAX_ROWS) -> Block:
    """One row per claim, the first `limit` at most; the caption says how many are left out."""
    claims = tuple(claims)
    shown = claims[:limit]
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
    caption = counted(len(claims), "claim")
    if len(shown) < len(claims):
        caption = (
            f"The first {len(shown)} of {len(claims)} claims, {len(claims) - len(shown)} left out"
        )
    headers = ["What the article says", "In plain words", "Who says it", "Source", "Certainty"]
    return table(headers, rows, caption=caption)


NO_TITLE = "(no title given)"
NO_TIME_WORDS = "(no time words)"
NOT_SETTLED = "(date not settled)"


def _filled(headers: list[str], rows: list, empty: Set[object]) -> tuple[list[str], list]:
    """The table without the columns that hold nothing in any row: they would show only blanks.

    `empty` holds the placeholders that stand for nothing ("" and, say, "(no title given)")."""
    keep = [i for i in range(len(headers)) if not rows or any(r[i] not in empty for r in rows)]
    return [headers[i] for i in keep], [tuple(row[i] for i in keep) for row in rows]


def actors_table(package: Package) -> Block:
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
    return capped_table(headers, rows, empty={NO_TITLE})


def events_table(package: Package, events: Iterable[Event]) -> Block:
    """The timeline as text: one row per event, with the words that date it and the evidence."""
    events = tuple(events)

    def row(e: Event) -> tuple[str, ...]:
        evidence = package.evidence_for(e)
        return (
            e.label,
            quoted(e.date_text) if e.date_text else NO_TIME_WORDS,
            describe_when(e),
            STATUS[e.status].label,
            quoted(evidence.quote) if evidence else "",
        )

    headers = ["Event", "The article's words", "Resolved date", "Status", "Evidence"]
    caption = counted(len(events), "event")
    return capped_table(headers, events, row, caption, empty={NO_TIME_WORDS, ""})


def certainty_table(claims: Iterable[Claim]) -> Block:
    """Claims counted by certainty and kind of source: the certainty chart as text."""
    counts = Counter((c.certainty, c.source_kind) for c in claims)
    rows = [
        [CERTAINTY[cert].label]
        + [counts[(cert, kind)] for kind in SOURCE_KIND]
        + [sum(counts[(cert, kind)] for kind in SOURCE_KIND)]
        for cert in CERTAINTY
    ]
    headers = ["Certainty"] + [s.label for s in SOURCE_KIND.values()] + ["All"]
    return capped_table(headers, rows, caption="Claims by certainty and kind of source")


def takeaways_table(package: Package) -> Block:
    rows = []
    for t in package.takeaways:
        support = [
            f"{s.strength}: {quoted(package.claim(s.claim).quote)}"
            for s in package.takeaway_support
            if s.takeaway == t.id
        ]
        listed = Block(tag("ul", join(tag("li", item) for item in support)), "; ".join(support))
        rows.append((quoted(t.quote), VERDICT[t.verdict].label, t.explanation, listed))
    return capped_table(["Key Takeaway", "Verdict", "Why", "Supporting text in the body"], rows)


def dating_table(package: Package) -> Block:
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
    return capped_table(["Evidence", "What it tells us"], rows)


def context_table(package: Package, event_ids: Iterable[str] | None = None) -> Block:
    """Outside facts, dated ones in date order, optionally only those tied to some events."""
    wanted = set(event_ids) if event_ids is not None else None
    facts = [x for x in package.context if wanted is None or wanted.intersection(x.events)]
    facts.sort(key=lambda x: (x.date is None, x.date))
    rows = [(in_words(x.date) if x.date else NOT_SETTLED, x.fact, x.source) for x in facts]
    return _outside(capped_table(["Date", "Outside fact", "Source"], rows, empty={NOT_SETTLED}))


def context_actors_table(package: Package) -> Block:
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
    return _outside(capped_table(headers, facts, row))


def _language(code: str) -> str:
    return language_name(code) or code


def _outside(table: Block) -> Block:
    """A table of outside facts under the banner that says so."""
    return stack([Block(tag("p", OUTSIDE_BANNER, style=BANNER_STYLE), OUTSIDE_BANNER), table])


def sources_table(package: Package) -> Block:
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
    headers = ["Who says it (publisher first)", "Kind of source", "Meaning", "Claims"]
    return capped_table(headers, rows)


def hedges_table(package: Package) -> Block:
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
    return capped_table(["Hedge", "In the article", "Certainty it leaves", "Who says it"], rows)
