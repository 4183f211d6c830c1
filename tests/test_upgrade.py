"""`python -m explainer upgrade DIR` on a copy of a package in the format before native names.

The copy is the flagship package written back in that format (a `hangul` column, no language):
upgrading it must give back the committed package byte for byte, touch nothing else, validate,
and change nothing when run a second time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from commands import run

from explainer.package.upgrade import needs_upgrade

DATA = Path(__file__).resolve().parents[1] / "data" / "korea-us-consultations"


@pytest.fixture
def old(package):
    """The copy in the old format: native_name was hangul, and native_language did not exist."""
    package.in_the_format_before_native_names()
    return package


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_old_format_no_longer_loads_and_validate_says_what_to_do(old):
    result = run("validate", str(old.folder))
    assert result.returncode == 1
    assert "context_actors.native_name: field missing" in result.stdout
    assert f"`python -m explainer upgrade {old.folder}` converts it" in result.stdout
    assert needs_upgrade(old.folder)


def test_upgrade_gives_back_the_current_package_byte_for_byte(old):
    before = snapshot(old.folder)
    result = run("upgrade", str(old.folder))
    assert result.returncode == 0, result.stdout
    assert "hangul column is now native_name" in result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"{old.folder}: valid:")
    after = snapshot(old.folder)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"context_actors.csv", "datapackage.json"}
    assert after == snapshot(DATA)
    assert not needs_upgrade(old.folder)


def test_every_hangul_name_becomes_a_korean_native_name(old):
    hangul = {row["actor"]: row["hangul"] for row in old.rows("context_actors.csv")}
    others = {r["actor"]: (r["title"], r["source"]) for r in old.rows("context_actors.csv")}
    run("upgrade", str(old.folder))
    rows = old.rows("context_actors.csv")
    assert {r["actor"]: r["native_name"] for r in rows} == hangul
    assert {r["native_language"] for r in rows} == {"ko"}
    assert {r["actor"]: (r["title"], r["source"]) for r in rows} == others


def test_an_empty_hangul_cell_gets_no_language(old):
    header, rows = old.table("context_actors.csv")
    rows[0]["hangul"] = ""
    old.write("context_actors.csv", header, rows)
    run("upgrade", str(old.folder))
    first = old.rows("context_actors.csv")[0]
    assert (first["native_name"], first["native_language"]) == ("", "")
    assert old.new_problems() == []


def test_a_second_upgrade_changes_nothing(old):
    run("upgrade", str(old.folder))
    before = snapshot(old.folder)
    result = run("upgrade", str(old.folder))
    assert result.returncode == 0
    assert "already in the current format" in result.stdout
    assert snapshot(old.folder) == before
