"""Accept, edit, merge and delete: each a change of the tables in memory, saying what it did.

Every function changes `tables` (a copy the caller validates before writing) and returns the
names of the tables it changed and a sentence for the teacher. References follow the rows: a
row merged into another hands it every reference to it, a deleted row's id leaves every list
that named it, and a deleted claim takes with it the events no other claim dates.
"""

from __future__ import annotations

from ..package.review import REVIEW, REVIEWED
from .tables import Tables

# What a teacher may edit in each table (issue 17 §5: label, summary, certainty, dates, source).
EDITABLE = {
    "article": ("headline", "publisher", "dateline"),
    "dating": ("inference",),
    "claims": ("summary", "certainty", "source"),
    "events": ("label", "earliest", "latest", "precision", "status"),
    "actors": ("name", "type", "group"),
    "groups": ("label",),
}
SOURCE = "source"
"""A claim's source: the last link of its attribution, which sets its `source_kind`."""


def values(tables: Tables, resource: str, row_id: str) -> dict[str, str]:
    """The editable values of a row, as the edit form shows them."""
    row = tables.row(resource, row_id)
    shown = {name: row.get(name, "") for name in EDITABLE[resource] if name != SOURCE}
    if resource == "claims":
        shown[SOURCE] = row["attribution"].split(";")[-1]
    return shown


def edit(tables: Tables, resource: str, row_id: str, changes: dict[str, str]):
    row = tables.row(resource, row_id)
    changed = {k: v for k, v in changes.items() if values(tables, resource, row_id).get(k) != v}
    for name, value in changed.items():
        if name == SOURCE:
            _set_source(tables, row, value)
        else:
            row[name] = value
    said = f"saved {', '.join(changed)}" if changed else "nothing to save"
    return ({resource} if changed else set()), f"{resource}.csv {row_id}: {said}"


def accept(tables: Tables, resource: str, row_id: str, changes: dict[str, str]):
    """The form's values saved, and the row recorded as reviewed."""
    changed, _ = edit(tables, resource, row_id, changes)
    tables.row(resource, row_id)[REVIEW] = REVIEWED
    return changed | {resource}, f"{resource}.csv {row_id}: accepted"


def delete(tables: Tables, resource: str, row_id: str):
    rows = tables.rows[resource]
    rows.remove(tables.row(resource, row_id))
    changed = {resource} | _references(tables, resource, row_id)
    said = f"{resource}.csv {row_id}: deleted"
    if resource == "claims":
        dated = {e for c in tables.rows["claims"] for e in c["events"].split(";") if e}
        orphans = [e["id"] for e in tables.rows["events"] if e["id"] not in dated]
        for event in orphans:
            tables.rows["events"].remove(tables.row("events", event))
            changed |= {"events"} | _references(tables, "events", event)
        if orphans:
            said += f", with the events only it dated ({', '.join(orphans)})"
    return changed, said


def merge(tables: Tables, resource: str, row_id: str, into: str):
    """Fold row `row_id` into row `into`: references to it go to `into`; two claims become one
    claim quoting the text from the first one's start to the last one's end."""
    if into == row_id:
        return set(), "choose another row to merge into"
    gone, kept = tables.row(resource, row_id), tables.row(resource, into)
    if resource == "claims":
        _join_claims(tables, gone, kept)
    changed = {resource} | _references(tables, resource, row_id, into)
    tables.rows[resource].remove(gone)
    return changed, f"{resource}.csv {row_id}: merged into {into}"


def _join_claims(tables: Tables, gone: dict, kept: dict) -> None:
    text = tables.article_text()
    start = min(int(gone["start"]), int(kept["start"]))
    end = max(int(gone["end"]), int(kept["end"]))
    first, second = sorted((gone, kept), key=lambda c: int(c["start"]))
    kept.update(start=str(start), end=str(end), quote=text[start:end])
    kept["summary"] = f"{first['summary']} {second['summary']}"
    for column in ("hedges", "about", "events"):
        joined = [*first[column].split(";"), *second[column].split(";")]
        kept[column] = ";".join(dict.fromkeys(x for x in joined if x))


def _references(tables: Tables, resource: str, row_id: str, into: str = "") -> set[str]:
    """Every reference to `row_id` turned into `into`, or dropped when `into` is empty; the
    tables changed."""
    changed = set()
    for table, column, target in tables.foreign_keys():
        if target != resource:
            continue
        for row in tables.rows.get(table, []):
            ids = row.get(column, "").split(";")
            if row_id in ids:
                kept = (into if i == row_id else i for i in ids)
                row[column] = ";".join(dict.fromkeys(i for i in kept if i))
                changed.add(table)
    return changed


def _set_source(tables: Tables, claim: dict, actor_id: str) -> None:
    links = claim["attribution"].split(";")
    relay = [a["id"] for a in tables.rows["actors"] if a["type"] == "media"]
    chain = [link for link in links[:-1] if link in relay] or links[:1]
    claim["attribution"] = ";".join(dict.fromkeys([*chain, actor_id]))
    actor = tables.row("actors", actor_id)
    if actor_id in chain:
        claim["source_kind"] = "wire_report" if len(chain) > 1 else "article_voice"
    elif actor["type"] == "anonymous_source":
        claim["source_kind"] = "anonymous"
    else:
        claim["source_kind"] = "wire_report" if actor["type"] == "media" else "on_record"
