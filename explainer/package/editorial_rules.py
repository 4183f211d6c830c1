"""What a careful news editor would reject that the data itself reveals.

Each rule follows from the meaning the schema gives a coded value, so it holds for any article:
a takeaway is audited against the claims that support it; the kind of source says who makes the
claim, which is the last link of the attribution chain; a certainty other than "certain" rests
on the words that weaken or negate it; and an article cannot report as done, or as under way,
what begins only after it was published. Credit goes where the article row says: every chain of
attribution starts with the publisher (or, for a story another site reposts, the wire source),
whose actor alone may lack a mention, when the text never names it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .cells import items
from .csv_tables import Table
from .problems import Problem, quoted
from .rules import (
    BEGUN_AFTER_PUBLICATION,
    CERTAINTY_HEDGES,
    MENTION,
    PUBLISHER_FIRST,
    SOURCE_KIND,
    UNSUPPORTED_TAKEAWAY,
    WIRE_SKIPPED,
    WIRE_SOURCE,
)

_BEGUN = {"happened": "reported as done", "ongoing": "under way when it was written"}


def check_editorial_rules(tables: Mapping[str, Table | None], text: str | None) -> list[Problem]:
    """Problems of meaning; rows whose values could not be read are skipped (already reported),
    and so are the rules that need the article text when it could not be read."""
    return [
        *_credit(tables.get("article"), tables.get("actors"), tables.get("claims"), text),
        *_unsupported_takeaways(tables.get("takeaways"), tables.get("takeaway_support")),
        *_sources(tables.get("claims"), tables.get("actors")),
        *_certainty(tables.get("claims")),
        *_before_publication(tables.get("events"), tables.get("article")),
    ]


def _unsupported_takeaways(takeaways: Table | None, support: Table | None) -> Iterator[Problem]:
    if takeaways is None or support is None or not support.intact:
        return
    supported = {row.values.get("takeaway") for row in support.rows}
    for row in takeaways.rows:
        key = row.values.get("id")
        if key and key not in supported:
            message = (
                f"takeaway {quoted(key)} is supported by no claim: add the claims it rests on "
                f"to {support.file} (even when it goes further than they do)"
            )
            yield UNSUPPORTED_TAKEAWAY.at(takeaways.file, row.number, "id", message)


def _sources(claims: Table | None, actors: Table | None) -> Iterator[Problem]:
    """The kind of source agrees with who asserts the claim, the chain's last link."""
    if claims is None or actors is None:
        return
    types = {row.values.get("id"): row.values.get("type") for row in actors.rows}
    for row in claims.rows:
        if not row.has("attribution", "source_kind"):
            continue
        chain, kind = items(row.values["attribution"]), row.values["source_kind"]
        asserted = types.get(chain[-1]) if chain else None
        if asserted is None or not kind:
            continue  # an unknown actor or an empty value is reported already
        message = None
        if (kind == "anonymous") != (asserted == "anonymous_source"):
            message = (
                f"the claim is asserted by {quoted(chain[-1])}, an actor of type {asserted}, so "
                + (
                    'source_kind must be "anonymous"'
                    if asserted == "anonymous_source"
                    else 'source_kind cannot be "anonymous": end the chain with the unnamed source'
                )
            )
        elif kind == "article_voice" and len(chain) != 1:
            message = (
                'source_kind "article_voice" means no source is given, but the attribution names '
                f"{len(chain)} links: keep only the publisher, or choose the kind of source"
            )
        elif kind == "wire_report" and asserted != "media":
            message = (
                f'source_kind "wire_report" means a news agency asserts the claim, but '
                f"{quoted(chain[-1])} is of type {asserted}: end the chain with the agency"
            )
        if message:
            yield SOURCE_KIND.at(claims.file, row.number, "source_kind", message)


def _certainty(claims: Table | None) -> Iterator[Problem]:
    """Hedges are the words that carry the uncertainty or the negation: a claim has them exactly
    when its certainty is not "certain"."""
    if claims is None:
        return
    for row in claims.rows:
        if not row.has("certainty", "hedges") or not row.values["certainty"]:
            continue
        certainty, hedges = row.values["certainty"], items(row.values["hedges"])
        if certainty == "certain" and hedges:
            message = (
                f'certainty "certain" but hedges lists {", ".join(map(quoted, hedges))}: '
                "a hedged claim is probable or possible (a negated one, negated)"
            )
            yield CERTAINTY_HEDGES.at(claims.file, row.number, "certainty", message)
        elif certainty != "certain" and not hedges:
            message = (
                f'certainty "{certainty}" needs the words of the quote that make it so in hedges'
                ' (such as "may", "likely" or "not"), or the certainty "certain"'
            )
            yield CERTAINTY_HEDGES.at(claims.file, row.number, "hedges", message)


def _before_publication(events: Table | None, article: Table | None) -> Iterator[Problem]:
    rows = article.rows if article else []
    published = rows[0].values.get("published") if len(rows) == 1 else None
    if events is None or published is None:
        return
    for row in events.rows:
        status, earliest = row.values.get("status"), row.values.get("earliest")
        if status in _BEGUN and earliest and earliest > published:
            message = (
                f'status "{status}" ({_BEGUN[status]}), but earliest {earliest} is after the '
                f"article was published on {published}: correct the date, or the status"
            )
            yield BEGUN_AFTER_PUBLICATION.at(events.file, row.number, "earliest", message)


def _credit(
    article: Table | None, actors: Table | None, claims: Table | None, text: str | None
) -> Iterator[Problem]:
    if article is None or actors is None:
        return
    rows = article.rows
    if len(rows) != 1 or not rows[0].has("publisher", "wire_source"):
        return
    publisher, wire = rows[0].values["publisher"], rows[0].values["wire_source"]
    media = {
        r.values.get("name"): r.values.get("id")
        for r in actors.rows
        if r.values.get("type") == "media"
    }
    wire_actor = media.get(wire) if wire else None
    if wire and wire_actor is None:
        message = f"the wire source {quoted(wire)} is no actor of type media: add it, named so"
        yield WIRE_SOURCE.at(article.file, rows[0].number, "wire_source", message)
    origin = media.get(publisher) or wire_actor
    unnamed = text is not None and publisher not in text
    for row in actors.rows:
        empty = row.has("mention") and not row.values["mention"]
        if empty and not (unnamed and row.values.get("id") == media.get(publisher)):
            message = (
                "mention is empty: give the words the article names this actor by (only the "
                "publisher, when the text never names it, may have none)"
            )
            yield MENTION.at(actors.file, row.number, "mention", message)
    if claims is None or not origin:  # then neither the chains nor the wire can be checked
        return
    for row in claims.rows:
        chain = items(row.values.get("attribution")) if row.has("attribution") else ()
        if chain and chain[0] != origin:
            message = (
                f"the attribution starts with {quoted(chain[0])}, but every chain starts with "
                f"{quoted(origin)}, the actor of the article's "
                + ("publisher" if origin == media.get(publisher) else "wire source")
            )
            yield PUBLISHER_FIRST.at(claims.file, row.number, "attribution", message)
    if wire_actor and origin != wire_actor and claims.intact:
        chains = [items(row.values.get("attribution")) for row in claims.rows]
        if not any(wire_actor in chain for chain in chains):
            message = (
                f"no claim's attribution passes through the wire source {quoted(wire_actor)}: "
                "put it after the publisher where the publisher reports what the agency did"
            )
            yield WIRE_SKIPPED.at(article.file, rows[0].number, "wire_source", message)
