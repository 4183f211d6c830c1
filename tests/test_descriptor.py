"""A missing, broken or unusable datapackage.json is reported, never a traceback."""

from __future__ import annotations

import time

import pytest

from explainer.package.load import validate_package
from explainer.package.problems import PackageError, Problem


def test_problem_reads_as_file_row_field_message():
    assert str(Problem("claims.csv", 3, "start", "not an integer", "type-error")) == (
        "claims.csv:3: start: not an integer"
    )


def test_package_error_carries_every_problem():
    problems = [
        Problem("a.csv", 1, "-", "one", "csv-syntax"),
        Problem("b.csv", 2, "x", "two", "enum"),
    ]
    assert PackageError(problems).problems == problems


def test_missing_folder(tmp_path):
    (problem,) = validate_package(tmp_path / "nowhere")
    assert (problem.file, problem.row, problem.field) == ("datapackage.json", 1, "-")
    assert problem.code == "package-folder" and "does not exist" in problem.message


def test_missing_descriptor(package):
    package.path("datapackage.json").unlink()
    package.only("datapackage.json", 1, "-", "file-missing")


def test_descriptor_not_json(package):
    package.path("datapackage.json").write_text('{\n  "resources": [\n  oops\n', encoding="utf-8")
    package.only("datapackage.json", 3, "-", "descriptor-json")


@pytest.mark.parametrize("text", ["[]", "null", '{"resources": 5}', '{"resources": [7, {}]}'])
def test_descriptor_of_the_wrong_shape(package, text):
    package.path("datapackage.json").write_text(text, encoding="utf-8")
    problems = package.new_problems()
    assert problems
    assert all(p.file == "datapackage.json" for p in problems)


def test_descriptor_without_a_resource_the_model_needs(package):
    descriptor = package.descriptor()
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "context_actors"]
    package.write_descriptor(descriptor)
    package.only("datapackage.json", 1, "context_actors", "model-resource")


def edit_field(package, resource: str, field: str, **changes) -> None:
    descriptor = package.descriptor()
    (table,) = [r for r in descriptor["resources"] if r["name"] == resource]
    (spec,) = [f for f in table["schema"]["fields"] if f["name"] == field]
    spec.update(changes)
    package.write_descriptor(descriptor)


def test_field_type_that_does_not_fit_the_model(package):
    edit_field(package, "events", "earliest", type="string")
    package.only("datapackage.json", 1, "events.earliest", "model-field")


def test_unsupported_field_type(package):
    edit_field(package, "events", "earliest", type="datetime")
    problems = [p for p in package.new_problems() if p.field == "events.earliest"]
    assert [p.code for p in problems] == ["descriptor-unsupported"]
    assert '"datetime"' in problems[0].message


def test_misspelt_rule_is_reported(package):
    edit_field(package, "actors", "mention", **{"x-verbatum": True})
    package.only("datapackage.json", 1, "actors.mention", "descriptor-unsupported")


def test_unknown_constraint_is_reported(package):
    edit_field(package, "actors", "mention", constraints={"required": True, "maxLenght": 3})
    package.only("datapackage.json", 1, "actors.mention", "descriptor-unsupported")


def test_unsupported_schema_property_is_reported(package):
    descriptor = package.descriptor()
    (groups,) = [r for r in descriptor["resources"] if r["name"] == "groups"]
    groups["schema"]["uniqueKeys"] = [["label"]]
    package.write_descriptor(descriptor)
    package.only("datapackage.json", 1, "groups", "descriptor-unsupported")


def test_foreign_key_to_a_missing_field(package):
    descriptor = package.descriptor()
    (actors,) = [r for r in descriptor["resources"] if r["name"] == "actors"]
    actors["schema"]["foreignKeys"][0]["reference"]["fields"] = ["no_such_field"]
    package.write_descriptor(descriptor)
    package.only("datapackage.json", 1, "actors", "descriptor-link")


def test_a_catastrophic_pattern_runs_in_linear_time(package):
    # `^(a+)+$` backtracks exponentially in Python's re: 34 "a"s and a "!" took minutes.
    edit_field(package, "actors", "name", constraints={"required": True, "pattern": "^(a+)+$"})
    actor = package.first("actors.csv")
    package.set_cell("actors.csv", actor["id"], "name", "a" * 34 + "!")
    started = time.perf_counter()
    problems = package.new_problems()
    assert time.perf_counter() - started < 10
    assert "pattern" in {p.code for p in problems}


def test_a_pattern_re2_cannot_run_is_reported(package):
    edit_field(package, "actors", "name", constraints={"required": True, "pattern": r"(a)\1"})
    package.only("datapackage.json", 1, "actors.name", "pattern-linear")


def test_a_problem_is_always_one_line(package):
    actor = package.first("actors.csv")
    forged = "x\nclaims.csv:99: id: fake problem\u2028and\x1b[2Jmore"
    row = package.set_cell("actors.csv", actor["id"], "mention", forged)
    problems = package.new_problems()
    assert {(p.file, p.row, p.field) for p in problems} == {("actors.csv", row, "mention")}
    shown = [str(p) for p in problems]
    assert all(len(line.splitlines()) == 1 and "\x1b" not in line for line in shown)
    assert any("\\nclaims.csv:99: id: fake problem\\u2028and\\x1b[2Jmore" in s for s in shown)


def test_without_re2_the_packages_patterns_judge_every_cell_alike(monkeypatch):
    """In Pyodide (the JupyterLite site) there is no RE2: `re` must accept and refuse the same
    cells of the real packages, and a few that must fail."""
    import csv
    import json
    from pathlib import Path

    from explainer.package import patterns

    data = Path(__file__).resolve().parents[1] / "data"
    cases = []
    for descriptor in data.glob("*/datapackage.json"):
        for resource in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]:
            with (descriptor.parent / resource["path"]).open(encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
            for field in resource["schema"]["fields"]:
                pattern = field.get("constraints", {}).get("pattern")
                if pattern:
                    cells = [row[field["name"]] for row in rows if row[field["name"]]]
                    cases += [(pattern, v) for v in [*cells, "\n", " x", "Ω", "-"]]
    assert cases, "no package has a pattern: this test needs rethinking"
    with_re2 = [patterns.matches(p, v) for p, v in cases]
    assert any(with_re2) and not all(with_re2)
    monkeypatch.setattr(patterns, "re2", None)
    patterns.compile_pattern.cache_clear()
    try:
        assert [patterns.matches(p, v) for p, v in cases] == with_re2
    finally:
        patterns.compile_pattern.cache_clear()
