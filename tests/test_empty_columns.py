"""A table column that would hold nothing in any row is left out, not shown empty."""

from __future__ import annotations

import pytest
from synthetic import write_synthetic

from explainer.package import load_package
from explainer.views import tables


@pytest.fixture
def folder(tmp_path):
    return write_synthetic(tmp_path / "riverton-bridge")


def edit(path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_role_column_goes_when_no_actor_has_a_role(folder):
    assert "Role as the article gives it" in tables.actors_table(load_package(folder)).markup
    edit(folder / "actors.csv", ",Mayor", ",")
    markup = tables.actors_table(load_package(folder)).markup
    assert "Role as the article gives it" not in markup
    assert "(no title given)" not in markup
    assert "Ana Lima" in markup


def test_the_time_words_column_goes_when_no_event_has_any(folder):
    package = load_package(folder)
    assert "The article&#39;s words" in tables.events_table(package, package.events).markup
    edit(folder / "events.csv", "next Wednesday", "")
    edit(folder / "events.csv", "last year", "")
    package = load_package(folder)
    markup = tables.events_table(package, package.events).markup
    assert "The article&#39;s words" not in markup
    assert "(no time words)" not in markup
    assert "Resolved date" in markup
