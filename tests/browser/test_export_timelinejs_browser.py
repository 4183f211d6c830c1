"""`export --to timelinejs`, read by TimelineJS3 itself (npm) in chromium, offline: every event
is a marker of the time navigation and a slide, in its side's row, and nothing is fetched from
another machine. The page is served on 127.0.0.1; every other request is aborted and recorded.
"""

from __future__ import annotations

from dataclasses import replace

import harness
import pytest
import timelinejs

from explainer.export import dumped
from explainer.export.timelinejs import timeline

HOSTILE = "&lt;img src=x onerror=window.__pwned=1&gt; & <b>"

READ = """() => {
  const config = window.__timeline.config;
  const text = el => el.textContent.trim();
  return {
    errors: config.getErrors(),
    ids: config.events.map(e => e.unique_id),
    markers: [...document.querySelectorAll('.tl-timemarker .tl-headline')].map(text),
    slides: document.querySelectorAll('.tl-storyslider .tl-slide').length,
    groups: [...document.querySelectorAll('.tl-timegroup-message')].map(text),
    dates: [...document.querySelectorAll('.tl-slide .tl-headline-date')].map(text),
    title: text(document.querySelector('.tl-slide-titleslide .tl-headline')),
    pwned: window.__pwned === 1,
  };
}"""


def hostile_package(package):
    """The package with a lane and an event whose words look like markup, escaped or not."""
    group = replace(package.groups[0], label=HOSTILE)
    event = replace(package.events[0], label=HOSTILE)
    actors = tuple(
        replace(a, group=group.id) if a.id == event.lead_actor else a for a in package.actors
    )
    return replace(
        package, groups=(group, *package.groups[1:]), actors=actors,
        events=(event, *package.events[1:]),
    )  # fmt: skip


@pytest.fixture(scope="module")
def site(browser, tmp_path_factory, export_packages):
    """Every package's timeline file, and the page that draws one, on loopback."""
    folder = tmp_path_factory.mktemp("timelinejs")
    packages = export_packages["packages"] | {
        "hostile": hostile_package(export_packages["packages"]["synthetic"])
    }
    for name, package in packages.items():
        (folder / f"{name}.json").write_bytes(dumped(timeline(package)))
    with timelinejs.served(folder) as url:
        yield url, packages


def drawn(browser, url: str, name: str) -> tuple[dict, harness.Watch]:
    page = harness.watched_page(browser, width=1300, height=800)
    try:
        page.goto(f"{url}?file={name}.json")
        page.wait_for_function("() => window.__loaded || window.__errors.length", timeout=60_000)
        assert page.evaluate("window.__errors") == []
        return page.evaluate(READ), page.watch
    finally:
        page.close()


@pytest.mark.parametrize(
    "name",
    ["korea-us-consultations", "us-envoy-north-korea-food-aid", "synthetic", "benchmark-synthetic"],
)
def test_timelinejs_draws_every_event(browser, site, name):
    url, packages = site
    package = packages[name]
    seen, watch = drawn(browser, url, name)
    assert watch.problems() == []
    assert seen["errors"] == []
    assert sorted(seen["ids"]) == sorted(e.id for e in package.events)
    assert sorted(seen["markers"]) == sorted(e.label for e in package.events)
    assert seen["slides"] == len(package.events) + 1  # and the title slide
    assert seen["title"] == package.article.headline
    lanes = {package.group(package.actor(e.lead_actor).group).label for e in package.events}
    assert set(seen["groups"]) == lanes
    dated = [e for e in package.events if e.date_text]
    for event in dated:
        assert any(f"“{event.date_text}”" in shown for shown in seen["dates"]), event.id


def test_words_that_look_like_markup_stay_words(browser, site):
    url, packages = site
    seen, watch = drawn(browser, url, "hostile")
    assert watch.problems() == []
    assert not seen["pwned"]
    assert HOSTILE in seen["groups"]
    assert HOSTILE in seen["markers"]
