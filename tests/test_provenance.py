"""Slides and handout refuse stored outputs that another package, or an older one, produced."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from synthetic import write_synthetic

from explainer.publish import provenance


@pytest.fixture
def stored(tmp_path) -> Path:
    """A notebook that loads the synthetic package, its outputs recorded as from it."""
    write_synthetic(tmp_path / "data" / "riverton-bridge")
    path = tmp_path / "notebooks" / "riverton-bridge.ipynb"
    path.parent.mkdir()
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "source": 'package = load_package("../data/riverton-bridge")',
                "metadata": {},
                "outputs": [],
            }
        ],
        "metadata": {},
    }
    provenance.record(notebook, path)
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def data(stored: Path) -> Path:
    return stored.parents[1] / "data"


def test_outputs_of_the_package_as_it_is_are_accepted(stored):
    assert provenance.stale_outputs(stored) is None


def test_a_changed_file_of_the_package_is_named(stored):
    claims = data(stored) / "riverton-bridge" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    message = provenance.stale_outputs(stored)
    assert message.startswith("package 'riverton-bridge' changed since its outputs were stored")
    assert "(claims.csv)" in message


def test_a_changed_lesson_leaves_the_outputs_valid(stored):
    (data(stored) / "riverton-bridge" / "lesson.md").write_text("## Who's who\nx\n", "utf-8")
    assert provenance.stale_outputs(stored) is None


def test_outputs_from_another_package_are_refused(stored):
    shutil.copytree(data(stored) / "riverton-bridge", data(stored) / "harbour-wall")
    stored.write_text(stored.read_text("utf-8").replace('riverton-bridge\\"', 'harbour-wall\\"'))
    assert "harbour-wall" in stored.read_text("utf-8")
    message = provenance.stale_outputs(stored)
    assert message.startswith(
        "its outputs came from package 'riverton-bridge', but it loads 'harbour-wall' now"
    )


def test_outputs_that_do_not_say_where_they_came_from_are_refused(stored):
    notebook = json.loads(stored.read_text("utf-8"))
    del notebook["metadata"][provenance.KEY]
    stored.write_text(json.dumps(notebook), "utf-8")
    assert "do not say which package" in provenance.stale_outputs(stored)


def test_a_missing_package_is_named(stored):
    shutil.rmtree(data(stored) / "riverton-bridge")
    assert provenance.stale_outputs(stored).startswith("the package it loads is not found at ")


def test_a_notebook_that_loads_no_package_has_nothing_to_check(tmp_path):
    path = tmp_path / "plain.ipynb"
    path.write_text(json.dumps({"cells": [], "metadata": {}}), "utf-8")
    assert provenance.stale_outputs(path) is None


@pytest.mark.parametrize("command", ["slides", "handout"])
def test_the_commands_refuse_stale_outputs_in_one_line(stored, command):
    events = data(stored) / "riverton-bridge" / "events.csv"
    events.write_text(events.read_text("utf-8").replace("Council votes", "Council vote"), "utf-8")
    output = stored.parent / "page.html"
    result = subprocess.run(
        [sys.executable, "-m", "explainer", command, str(stored), "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{stored}: package 'riverton-bridge' changed since its outputs were stored "
        f"(events.csv): store fresh ones with `python -m explainer execute {stored}`"
    ]
    assert not output.exists()
