"""The classroom server (`python -m explainer classroom`) with three students in chromium.

The server is the command a teacher runs, for a class of three, with `--idle 5`: a closed page's
kernel is culled after 5 s idle instead of a minute, so the test is quick. It checks that each page
opens on a kernel Voilà had already run (preheated), draws every chart, that a request naming
another host is refused, and that the kernels of closed pages are stopped while an open page
keeps its own.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request

import classroom_server
import harness
import pytest
from explainer_page import open_app_mode, show_everything

STUDENTS = 3
IDLE = 5  # seconds
# Plotly's JupyterLab renderer, once a chart is drawn, stores a PNG copy of it in the output's
# model; the models of a page Voila rendered ahead of time (preheated) cannot be written, so it
# throws, after the chart is drawn. Only this error is let through; the charts are checked.
PLOTLY_PNG_COPY = re.compile(r"TypeError: r\.setData is not a function\s+at \S+/jupyterlab-plotly/")
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    server = classroom_server.start(tmp_path_factory.mktemp("classroom"), STUDENTS, idle=IDLE)
    yield server
    leftovers = server.stop()
    assert not leftovers, f"the classroom server left kernels running (killed): {leftovers}"


@pytest.fixture(scope="module")
def students(server, browser, expected):
    """Three students' pages, opened one after the other, each with every chart drawn."""
    preheated = classroom_server.kernel_ids(server)
    assert len(preheated) == STUDENTS
    pages = []
    for _ in range(STUDENTS):
        page = harness.watched_page(browser)
        open_app_mode(page, server)
        show_everything(page, expected.exercises)
        harness.install_helpers(page)
        harness.wait_for_charts(page, expected.charts)
        pages.append(page)
    yield preheated, pages
    for page in pages:
        if not page.is_closed():
            page.context.close()


def kernel_of(page) -> str:
    (kernel_id,) = set(KERNEL_ID.findall(page.content()))
    return kernel_id


def test_each_student_opens_a_preheated_kernel_and_sees_every_chart(students, expected):
    preheated, pages = students
    kernels = [kernel_of(page) for page in pages]
    assert len(set(kernels)) == STUDENTS, "two students share a kernel"
    assert set(kernels) <= preheated, "a page waited for a kernel started after it opened"
    for number, page in enumerate(pages, 1):
        harness.screenshot(page, f"classroom-student-{number}.png", full_page=True)
        charts = page.evaluate("() => window.__explainer.charts().map(window.__explainer.drawn)")
        assert charts == [True] * expected.charts, f"student {number}"
        assert [p for p in page.watch.problems() if not PLOTLY_PNG_COPY.search(p)] == []


def test_a_request_naming_another_host_is_refused(server):
    for host, status in (("attacker.example", 403), (f"attacker.example:{_port(server)}", 403)):
        request = urllib.request.Request(server.url("/"), headers={"Host": host})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == status


def test_closed_pages_lose_their_kernels_and_an_open_page_keeps_its_own(server, students):
    _, pages = students
    *closing, staying = pages
    closed = [kernel_of(page) for page in closing]
    for page in closing:
        page.context.close()

    def running(kernel_id: str) -> bool:
        return classroom_server.kernel_running(server, kernel_id)

    deadline = time.monotonic() + 60
    while any(map(running, closed)) and time.monotonic() < deadline:
        time.sleep(1)
    assert [running(k) for k in closed] == [False] * len(closed)
    assert running(kernel_of(staying)), "the open page's kernel was stopped"


def _port(server) -> int:
    return int(server.base.rsplit(":", 1)[1])


def test_without_the_links_key_a_browser_gets_a_page_saying_so(server, browser):
    """The address without its key, the login cookie of an earlier visit notwithstanding, is
    refused before any kernel is taken, with a page that says to open the whole link."""
    page = harness.watched_page(browser)
    try:
        page.goto(server.url("/"), timeout=60_000)  # a visit with the key: the cookie is set
        response = page.goto(server.base + "/", timeout=60_000)
        assert response.status == 403
        assert "Open the whole link your teacher gave the class" in page.inner_text("body")
        assert page.locator(".js-plotly-plot").count() == 0
    finally:
        page.context.close()
