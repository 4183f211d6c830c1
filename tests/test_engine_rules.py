"""The rules the views rely on hold whatever datapackage.json says; dropping one is a problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer.package import engine_rules, vocabulary

DESCRIPTORS = sorted((Path(__file__).parents[1] / "data").glob("*/datapackage.json"))


def resource(descriptor: dict, name: str) -> dict:
    (found,) = [r for r in descriptor["resources"] if r["name"] == name]
    return found


def field(descriptor: dict, name: str, field_name: str) -> dict:
    (found,) = [
        f for f in resource(descriptor, name)["schema"]["fields"] if f["name"] == field_name
    ]
    return found


@pytest.mark.parametrize("path", DESCRIPTORS, ids=lambda p: p.parent.name)
@pytest.mark.parametrize(("where", "words"), list(engine_rules.ALLOWED.items()))
def test_the_schema_allows_exactly_the_values_the_vocabulary_knows(path, where, words):
    spec = field(json.loads(path.read_text(encoding="utf-8")), *where)
    assert set(spec["constraints"]["enum"]) == set(words), where


def test_every_table_of_coded_values_in_the_vocabulary_is_enforced():
    tables = [v for name, v in vars(vocabulary).items() if name.isupper() and isinstance(v, dict)]
    assert sorted(map(id, tables)) == sorted(map(id, engine_rules.ALLOWED.values()))


def test_an_enum_dropped_from_the_descriptor_still_holds(package):
    descriptor = package.descriptor()
    del field(descriptor, "claims", "certainty")["constraints"]["enum"]
    package.write_descriptor(descriptor)
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "certainty", "rumoured")
    problems = {(p.file, p.row, p.field): p.code for p in package.new_problems()}
    assert problems == {
        ("datapackage.json", 1, "claims.certainty"): "engine-enum",
        ("claims.csv", row, "certainty"): "enum",
    }


def test_a_value_added_to_an_enum_without_a_vocabulary_entry_is_a_problem(package):
    descriptor = package.descriptor()
    field(descriptor, "events", "status")["constraints"]["enum"].append("postponed")
    package.write_descriptor(descriptor)
    event = package.first("events.csv")
    row = package.set_cell("events.csv", event["id"], "status", "postponed")
    problems = {(p.file, p.row, p.field): p for p in package.new_problems()}
    assert problems["datapackage.json", 1, "events.status"].code == "engine-enum"
    assert "postponed" in problems["datapackage.json", 1, "events.status"].message
    assert problems["events.csv", row, "status"].code == "enum"


def test_an_enum_field_made_optional_is_a_problem(package):
    descriptor = package.descriptor()
    field(descriptor, "takeaways", "verdict")["constraints"]["required"] = False
    package.write_descriptor(descriptor)
    takeaway = package.first("takeaways.csv")
    row = package.set_cell("takeaways.csv", takeaway["id"], "verdict", "")
    problems = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert problems == {
        ("datapackage.json", 1, "takeaways.verdict"),
        ("takeaways.csv", row, "verdict"),
    }


def test_foreign_keys_dropped_from_the_descriptor_still_hold(package):
    descriptor = package.descriptor()
    del resource(descriptor, "claims")["schema"]["foreignKeys"]
    package.write_descriptor(descriptor)
    claim = package.first("claims.csv", lambda c: c["attribution"].count(";") == 1)
    row = package.set_cell(
        "claims.csv", claim["id"], "attribution", claim["attribution"] + ";nobody"
    )
    problems = {(p.file, p.row, p.field): p for p in package.new_problems()}
    assert {f for (file, _, f), p in problems.items() if p.code == "engine-foreign-key"} == {
        "claims.attribution",
        "claims.about",
        "claims.events",
    }
    assert problems["claims.csv", row, "attribution"].code == "foreign-key"
    assert '"nobody"' in problems["claims.csv", row, "attribution"].message


def test_offsets_dropped_from_the_descriptor_still_hold(package):
    descriptor = package.descriptor()
    del field(descriptor, "claims", "quote")["x-offsets"]
    package.write_descriptor(descriptor)
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "start", "0")
    package.set_cell("claims.csv", claim["id"], "end", "10")
    problems = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert problems == {("datapackage.json", 1, "claims.quote"), ("claims.csv", row, "start")}


def test_verbatim_and_within_dropped_from_the_descriptor_still_hold(package):
    descriptor = package.descriptor()
    del field(descriptor, "events", "date_text")["x-verbatim"]
    del field(descriptor, "claims", "hedges")["x-within"]
    package.write_descriptor(descriptor)
    event = package.first("events.csv", lambda e: e["date_text"])
    event_row = package.set_cell("events.csv", event["id"], "date_text", "next Tuesday week")
    claim = package.first("claims.csv", lambda c: c["hedges"])
    claim_row = package.set_cell("claims.csv", claim["id"], "hedges", "perhaps")
    problems = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert problems == {
        ("datapackage.json", 1, "events.date_text"),
        ("datapackage.json", 1, "claims.hedges"),
        ("events.csv", event_row, "date_text"),
        ("claims.csv", claim_row, "hedges"),
    }


def test_a_primary_key_dropped_from_the_descriptor_still_holds(package):
    descriptor = package.descriptor()
    del resource(descriptor, "actors")["schema"]["primaryKey"]
    del field(descriptor, "actors", "id")["constraints"]["unique"]
    package.write_descriptor(descriptor)
    actor = package.first("actors.csv")
    row = package.append_row("actors.csv", actor)
    problems = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert ("datapackage.json", 1, "actors") in problems
    assert ("actors.csv", row, "id") in problems


@pytest.mark.parametrize(
    ("name", "field_name", "file"),
    [("events", "actors", "events.csv"), ("context", "source", "context.csv")],
)
def test_a_value_the_views_need_made_optional_still_holds(package, name, field_name, file):
    descriptor = package.descriptor()
    field(descriptor, name, field_name)["constraints"]["required"] = False
    package.write_descriptor(descriptor)
    record = package.first(file)
    row = package.set_cell(file, record["id"], field_name, "")
    problems = {(p.file, p.row, p.field): p.code for p in package.new_problems()}
    assert problems == {
        ("datapackage.json", 1, f"{name}.{field_name}"): "engine-required",
        (file, row, field_name): "required",
    }


def test_an_enum_of_unknown_values_only_still_allows_only_known_ones(package):
    descriptor = package.descriptor()
    field(descriptor, "claims", "certainty")["constraints"]["enum"] = ["rumoured"]
    package.write_descriptor(descriptor)
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "certainty", "rumoured")
    problems = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert ("claims.csv", row, "certainty") in problems
    assert ("datapackage.json", 1, "claims.certainty") in problems
