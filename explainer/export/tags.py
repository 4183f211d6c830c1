"""Tags that carry a claim's fields through annotation tools, and read them back.

Hypothesis and the W3C model give an annotation free-text tags and nothing typed, so a claim's
fields travel as tags `field:value`, a list joined with ";" as in claims.csv
(`attribution:press;agency;officials`). A teacher can write the same tags on a
class's annotations in Hypothesis; `import-annotations` reads them, and any other tag is left
alone. A hedge cue's annotation is tagged `hedge` and names its claim; an event's names the
event.
"""

from __future__ import annotations

from ..package.model import Claim

CLAIM = "claim"  # the claim's id
FIELDS = ("attribution", "source_kind", "certainty", "hedges", "about", "events")
"""The claims.csv fields that tags carry, besides the id."""
LISTS = {"attribution", "hedges", "about", "events"}
HEDGE = "hedge"
EVENT = "event"
SEPARATOR = ":"
ITEMS = ";"


def tag(field: str, value: str | tuple[str, ...]) -> str:
    text = ITEMS.join(value) if isinstance(value, tuple) else value
    return f"{field}{SEPARATOR}{text}"


def claim_tags(claim: Claim) -> tuple[str, ...]:
    """The claim's id and fields as tags; hedges travel as annotations of their own."""
    fields: dict[str, str | tuple[str, ...]] = {
        "attribution": claim.attribution,
        "source_kind": claim.source_kind,
        "certainty": claim.certainty,
        "about": claim.about,
        "events": claim.events,
    }
    return (tag(CLAIM, claim.id), *(tag(name, value) for name, value in fields.items() if value))


def read_tags(tags: tuple[str, ...]) -> dict[str, str]:
    """The claim fields named by `field:value` tags (the id under "claim"), as CSV cell text;
    tags of any other form are not the explainer's and are passed over."""
    fields: dict[str, str] = {}
    for text in tags:
        name, separator, value = text.partition(SEPARATOR)
        name = name.strip()
        if separator and (name in FIELDS or name == CLAIM):
            items = [item.strip() for item in value.split(ITEMS)] if name in LISTS else [value]
            fields[name] = ITEMS.join(item for item in items if item).strip()
    return fields
