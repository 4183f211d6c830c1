"""One package format (issue 19 §2): explainer/package/datapackage.json describes the tables;
every package is written from it, and `upgrade` rewrites a package's descriptor from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer.package.schema import format_descriptor, refreshed
from explainer.package.upgrade import needs_upgrade, upgrade_package

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("folder", sorted(p.parent for p in DATA.glob("*/datapackage.json")))
def test_every_package_in_data_describes_its_tables_as_the_format_does(folder):
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert refreshed(descriptor) == descriptor, f"run: python -m explainer upgrade {folder}"


def test_upgrade_rewrites_a_stale_field_from_the_format_and_keeps_the_packages_own(package):
    descriptor = package.descriptor()
    (actors,) = [r for r in descriptor["resources"] if r["name"] == "actors"]
    actors["description"] = "Our own words about this table."
    actors["schema"]["fields"][1]["description"] = "An old description."
    actors["schema"]["fields"][1]["constraints"] = {"required": False}
    actors["schema"]["fields"].append({"name": "review", "type": "string"})
    package.add_column("actors.csv", "review", "")
    package.write_descriptor(descriptor)
    tables = {p.name: p.read_bytes() for p in package.folder.glob("*.csv")}
    assert needs_upgrade(package.folder)

    assert upgrade_package(package.folder) == [
        "datapackage.json: the tables' fields are described as the package format describes them"
    ]
    upgraded = package.descriptor()
    (actors,) = [r for r in upgraded["resources"] if r["name"] == "actors"]
    (format_actors,) = [r for r in format_descriptor()["resources"] if r["name"] == "actors"]
    assert actors["schema"]["fields"][:-1] == format_actors["schema"]["fields"]
    assert actors["schema"]["fields"][-1] == {"name": "review", "type": "string"}
    assert actors["description"] == "Our own words about this table."
    assert {p.name: p.read_bytes() for p in package.folder.glob("*.csv")} == tables
    assert not needs_upgrade(package.folder) and package.new_problems() == []


def test_a_field_the_package_lacks_is_not_added_by_the_refresh(package):
    """Adding a field would need a column: the refresh never changes the tables' columns."""
    descriptor = package.descriptor()
    (groups,) = [r for r in descriptor["resources"] if r["name"] == "groups"]
    del groups["schema"]["fields"][-1]
    (fresh,) = [r for r in refreshed(descriptor)["resources"] if r["name"] == "groups"]
    assert [f["name"] for f in fresh["schema"]["fields"]] == [
        f["name"] for f in groups["schema"]["fields"]
    ]


def test_the_format_gives_the_explainer_every_table_and_rule_it_relies_on(tmp_path):
    """validate reads a package against the rules the engine relies on (engine_rules) and the
    fields the model needs: the format itself must ask for all of them, dropping none."""
    from explainer.package.descriptor import read_descriptor
    from explainer.package.engine_rules import enforce
    from explainer.package.load import _model_fit

    (tmp_path / "datapackage.json").write_text(json.dumps(format_descriptor()), encoding="utf-8")
    descriptor, problems = read_descriptor(tmp_path)
    assert problems == [] and descriptor is not None
    assert _model_fit(descriptor) == []
    assert enforce(descriptor) == (descriptor, [])
