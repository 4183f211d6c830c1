"""`python -m explainer app NOTEBOOK`: the app mode as the project's own command.

It serves the stored notebook with the offline template, titled with the article's headline
(issue 16: the tab said the file's name), says who can open it, and stops whole, kernel
included, whatever ends it: Ctrl-C, `kill`, its terminal closing, the death of its parent.
Its argument errors are in tests/test_app_command.py.
"""

from __future__ import annotations

import contextlib
import html
import re
import sys
import threading
import time
import urllib.error
import urllib.request

import classroom_server
import harness
import pytest

from explainer.package.load import load_package

STOP_WITHIN = 15  # seconds
TITLE = re.compile(r"<title>([^<]*)</title>")


def start(home, parent: bool = False) -> harness.Server:
    """The app, from the repository root, with no browser; with `parent`, started by a Python
    process of its own (`server.process`) that only waits for it."""
    port = harness.free_port()
    argv = [sys.executable, "-m", "explainer", "app", "--no-browser", f"--port={port}"]
    argv.append(str(harness.NOTEBOOK.relative_to(harness.ROOT)))
    if parent:
        argv = [sys.executable, "-c", classroom_server.WAIT_FOR_CHILD, *argv]
    base = f"http://127.0.0.1:{port}"
    env = harness.isolated_env(home)
    server = classroom_server.spawn_hangup_default("app", argv, env, home, base)
    return harness.with_app_link(harness.ready(server, "/voila/static/", any_status=True))


def page(server: harness.Server) -> str:
    with urllib.request.urlopen(server.url("/"), timeout=300) as response:
        return response.read().decode()


def test_the_page_is_titled_with_the_headline_and_loads_nothing_from_outside(tmp_path):
    server = start(tmp_path)
    try:
        body = page(server)
        headline = load_package(harness.ROOT / "data" / "korea-us-consultations").article.headline
        assert TITLE.search(body).group(1) == html.escape(headline)
        assert "cdn.jsdelivr.net" not in body  # the offline template, not Voilà's own
        lines = server.log.read_text(encoding="utf-8").splitlines()
        assert lines[:2] == [
            f"The explainer is at {server.url('/')}",
            "Only this computer can open it; Ctrl-C stops it.",
        ]
        assert not [line for line in lines if "WARNING" in line], lines
    finally:
        server.stop()


def test_only_the_printed_link_opens_the_page(tmp_path):
    """Without its key, or as another page's fetch, the page is refused and no kernel starts
    (a page of another site could start kernels on the reader's computer at will)."""
    server = start(tmp_path)
    try:
        for url, headers in (
            (server.base + "/", {}),
            (server.url("/"), {"Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "empty"}),
        ):
            request = urllib.request.Request(url, headers=headers)
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=60)
            assert refused.value.code == 403, url
        assert classroom_server.kernels(server) == []
    finally:
        server.stop()


@pytest.mark.parametrize("ending", classroom_server.ENDINGS)
def test_every_way_of_ending_stops_the_app_and_its_kernel(ending, tmp_path):
    server = start(tmp_path, parent=ending == "parent dies")
    try:
        threading.Thread(target=_load_until_stopped, args=(server,), daemon=True).start()
        wait_for_a_kernel(server)
        alive = classroom_server.end(server, ending, STOP_WITHIN)
        assert alive == [], f"still running {STOP_WITHIN} s after {ending}"
    finally:
        server.stop()


def _load_until_stopped(server: harness.Server) -> None:
    """Load the page (which starts its kernel); the server stops while it is sent."""
    with contextlib.suppress(OSError):
        page(server)


def wait_for_a_kernel(server: harness.Server, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not classroom_server.kernels(server):
        assert time.monotonic() < deadline, "the page never started a kernel"
        time.sleep(0.2)
