"""The classroom server (`python -m explainer classroom`) with three students in chromium.

The server is started as the command starts it, for a class of three, with one change: kernels
are culled after 5 s idle instead of a minute, so the test is quick. It checks that each page
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
from explainer_page import open_app_mode

STUDENTS = 3
# Plotly's JupyterLab renderer, once a chart is drawn, stores a PNG copy of it in the output's
# model; the models of a page Voila rendered ahead of time (preheated) cannot be written, so it
# throws, after the chart is drawn. Only this error is let through; the charts are checked.
PLOTLY_PNG_COPY = re.compile(r"TypeError: r\.setData is not a function\s+at \S+/jupyterlab-plotly/")
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')
STARTED = re.compile(r"Kernel started: ([0-9a-f-]+)")


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory, monkeypatch_module):
    quick = {"cull_idle_timeout": 5, "cull_interval": 2}
    original = classroom_server.classroom.voila_config

    def voila_config(students, on_network):
        config = original(students, on_network)
        config["MappingKernelManager"].update(quick)
        return config

    monkeypatch_module.setattr(classroom_server.classroom, "voila_config", voila_config)
    server = classroom_server.start(tmp_path_factory.mktemp("classroom"), STUDENTS)
    yield server
    leftovers = server.stop()
    assert not leftovers, f"the classroom server left kernels running (killed): {leftovers}"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def students(server, browser, expected):
    """Three students' pages, opened one after the other, each with every chart drawn."""
    preheated = set(STARTED.findall(server.log.read_text(encoding="utf-8")))
    pages = []
    for _ in range(STUDENTS):
        page = harness.watched_page(browser)
        open_app_mode(page, server)
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


def test_with_a_token_only_the_link_opens_the_explainer(browser, expected, tmp_path_factory):
    """`--token` (always on the class's network): without the link's token a browser gets
    Jupyter's login page, not the explainer; with it, the explainer runs."""
    server = classroom_server.start(tmp_path_factory.mktemp("token"), 1, token=True)
    try:
        assert server.token
        page = harness.watched_page(browser)
        page.goto(server.base + "/", timeout=60_000)
        assert "/login" in page.url
        assert page.locator(".js-plotly-plot").count() == 0
        page.goto(server.url("/"), timeout=60_000)
        harness.install_helpers(page)
        harness.wait_for_charts(page, expected.charts)
        page.wait_for_function("() => window.__explainer.state() !== null", timeout=60_000)
        page.context.close()
    finally:
        leftovers = server.stop()
    assert not leftovers
