"""What a careful news editor would reject that the data itself reveals.

Each rule follows from the meaning the schema gives a coded value, so it holds for any article:
a takeaway is audited against the claims that support it; the kind of source says who makes the
claim, which is the last link of the attribution chain; a certainty other than "certain" rests
on the words that weaken or negate it; and an article cannot report as done, or as under way,
what begins only after it was published.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .cells import items
from .csv_tables import Table
from .problems import Problem, quoted
from .rules import BEGUN_AFTER_PUBLICATION, CERTAINTY_HEDGES, SOURCE_KIND, UNSUPPORTED_TAKEAWAY

_BEGUN = {"happened": "reported as done", "ongoing": "under way when it was written"}


def check_editorial_rules(tables: Mapping[str, Table | None]) -> list[Problem]:
    """Problems of meaning; rows whose values could not be read are skipped (already reported)."""
    return [
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
    for row in claims.rows if claims else ():
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
