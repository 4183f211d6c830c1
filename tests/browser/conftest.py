"""Fixtures for the browser tests: Debian's chromium, JupyterLab and Voilà on loopback.

Without /usr/bin/chromium the browser tests skip, saying how to install it; under CI=true a
missing browser is a failure instead, so CI can never pass by skipping them. One JupyterLab and
one Voilà serve the whole module; each is stopped, with every kernel it started, at the end.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import harness
import pytest
from published import Offline, build_both

from explainer.package.load import load_package
from explainer.views.exercises import EXERCISE_MIMETYPE
from explainer.views.explorer import NOT_RUNNING, Explorer
from explainer.views.selection import claims_involving, events_involving, quick_picks


@pytest.fixture(scope="module")
def browser():
    # Module scope: playwright's sync API runs one event loop at a time, and the deck and handout
    # tests (tests/test_publish_browser.py) start their own after this module is done.
    problem = harness.browser_missing()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {problem}", pytrace=False)
        pytest.skip(f"browser tests skipped: {problem}")
    with harness.chromium() as browser:
        yield browser


@dataclass(frozen=True)
class Expected:
    """What the page should show, worked out from the stored notebook and the data package."""

    stored_charts: int  # plotly outputs stored in the notebook (drawn without running it)
    charts: int  # every chart once the notebook has run: stored ones and the explorers'
    exercises: int  # the exercises the notebook asks
    actors: tuple[str, ...]  # the filter's options, in order
    picks: tuple[str, ...]  # the quick-pick buttons
    events: tuple[str, ...]  # event ids the timeline draws with every actor chosen
    claims: tuple[str, ...]
    actor: str  # the actor the tests choose, and what it leaves
    actor_events: tuple[str, ...]
    actor_claims: tuple[str, ...]


@pytest.fixture(scope="session")
def expected() -> Expected:
    notebook = json.loads(harness.NOTEBOOK.read_text(encoding="utf-8"))
    outputs = [o for c in notebook["cells"] for o in c.get("outputs", [])]
    stored = sum(harness.PLOTLY in o.get("data", {}) for o in outputs)
    # Held-back views carry their outputs inside their own JSON: every bundle, at any depth.
    bundles = list(_bundles(outputs))
    explorers = sum(_text(b.get("text/plain")) == NOT_RUNNING for b in bundles)
    held = sum(harness.PLOTLY in b for b in bundles) - stored
    package = load_package(harness.ROOT / "data" / "korea-us-consultations")
    explorer = Explorer(package)
    views = (explorer.timeline, explorer.claims, explorer.certainty, explorer.article)
    per_explorer = sum(harness.PLOTLY in o["data"] for v in views for o in v.outputs)
    (park_il,) = [a for a in package.actors if a.name == "Park Il"]
    return Expected(
        stored_charts=stored,
        charts=stored + held + explorers * per_explorer,
        exercises=sum(EXERCISE_MIMETYPE in o.get("data", {}) for o in outputs),
        actors=tuple(a.name for a in package.actors),
        picks=tuple(quick_picks(package)),
        events=tuple(sorted(e.id for e in package.events)),
        claims=tuple(c.id for c in package.claims),
        actor=park_il.name,
        actor_events=tuple(sorted(e.id for e in events_involving(package, [park_il.id]))),
        actor_claims=tuple(c.id for c in claims_involving(package, [park_il.id])),
    )


def _bundles(value):
    """Every mime bundle (a dict with a "text/plain") inside `value`, at any depth."""
    if isinstance(value, dict):
        if "text/plain" in value:
            yield value
        for inner in value.values():
            yield from _bundles(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _bundles(inner)


def _text(value: str | list[str] | None) -> str:
    return "".join(value) if isinstance(value, list) else value or ""


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory) -> harness.Server:
    """JupyterLab serving two copies of the project: stored/ (never run) and live/ (run)."""
    home = tmp_path_factory.mktemp("jupyterlab")
    for name in ("stored", "live"):
        harness.copy_project(home / "root" / name)
    server = harness.start_lab(home / "server", home / "root")
    server.notebooks = {n: f"{n}/notebooks/{harness.NOTEBOOK.name}" for n in ("stored", "live")}
    yield server
    _stop(server)


@pytest.fixture(scope="module")
def voila(browser, tmp_path_factory) -> harness.Server:
    """`python -m explainer app`, run from the repository (Voilà never writes the notebook)."""
    server = harness.start_voila(tmp_path_factory.mktemp("voila"))
    yield server
    _stop(server)


def _stop(server: harness.Server) -> None:
    leftovers = server.stop()
    assert not leftovers, f"{server.name} left processes running (killed): {leftovers}"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Debian's chromium (tests/browser)")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict:
    """The stored notebook as read, and the deck and handout built from a copy of it."""
    harness.ARTIFACTS.mkdir(exist_ok=True)
    return build_both(tmp_path_factory.mktemp("published"), harness.NOTEBOOK)


@pytest.fixture
def offline(browser):
    """open(width, height): a fresh offline page; every page is closed after the test."""
    opened: list[Offline] = []

    def open_page(width: int, height: int) -> Offline:
        opened.append(Offline(browser, width, height))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()
