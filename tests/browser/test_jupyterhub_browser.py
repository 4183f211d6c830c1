"""JupyterHub, as a school outgrowing one machine runs it: three users log in, and each opens
the explainer in app mode (Voila, through the single-user server, started by the repository's
`start` script as repo2docker starts it) and sees it run: every chart drawn, the actor filter.
Loopback only; the hub and every server it started are stopped at the end.
"""

from __future__ import annotations

import harness
import hub
import pytest
from explainer_page import open_app_mode, show_everything, words

USERS = ("ada", "ben", "chloe")
# Voila's page, when served by a Jupyter server (as on a hub) rather than by `voila`, asks a CDN
# for MathJax to typeset the markdown. The explainer has no formulas, so nothing is lost when
# the request fails, as it does here and on a hub with no internet; every other request stays.
MATHJAX_CDN = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/"
APP_PAGE = "voila/render/notebooks/korea-us-consultations.ipynb"


@pytest.fixture(scope="module")
def jupyterhub(browser, tmp_path_factory):
    server = hub.start(tmp_path_factory.mktemp("jupyterhub"))
    yield server
    leftovers = server.stop()
    assert not leftovers, f"JupyterHub left processes running (killed): {leftovers}"


@pytest.mark.parametrize("user", USERS)
def test_a_user_logs_in_and_runs_the_explainer(jupyterhub, browser, expected, user):
    page = harness.watched_page(browser)
    try:
        page.goto(jupyterhub.url("/hub/login"), timeout=60_000)
        page.fill("input[name=username]", user)
        page.fill("input[name=password]", "any password")
        page.click("#login_submit")
        page.wait_for_url(f"**/user/{user}/**", timeout=180_000)  # server spawned, lab opened
        open_app_mode(page, jupyterhub, f"/user/{user}/{APP_PAGE}")
        show_everything(
            page, expected.exercises
        )  # the charts the exercises hold back are in the page too
        harness.install_helpers(page)
        harness.wait_for_charts(page, expected.charts)
        page.wait_for_function("() => window.__explainer.state() !== null", timeout=60_000)
        shown = page.evaluate("() => window.__explainer.state()")
        assert [words(o) for o in shown["options"]] == list(expected.actors)
        assert shown["timeline"]["ids"] == list(expected.events)
        harness.screenshot(page, f"jupyterhub-{user}.png")
        assert [u for u in page.watch.external if not u.startswith(MATHJAX_CDN)] == []
    finally:
        page.context.close()
