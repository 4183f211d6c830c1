"""The classroom server cannot be exhausted or spent by others.

- 60 page loads at once, with the link, for a class of 3: only the class's places (the class
  and its margin) get a page and a kernel, every other load gets "the class is full" at once,
  and once the pages have gone the kernels and the server's memory are back where they were.
  Before, 60 loads started 60 kernels (3.8 GB) and Voilà grew from 100 to 279 MB for good.
- A page of another site on this machine (another port of 127.0.0.1, which a browser treats as
  the same site and sends the login cookie to) that fetches the server with `mode: "no-cors"`,
  embeds it as an image, a script and a frame, starts no kernel: every one of its requests is
  refused. Before, 15 such fetches started 15 kernels.
"""

from __future__ import annotations

import concurrent.futures
import functools
import http.server
import json
import re
import threading

import classroom_server
import harness
import pytest

from explainer.classroom.config import Lesson

LOADS = 60
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')
MEMORY_MARGIN = 20e6  # bytes the server may keep after a burst (Python's allocator's slack)


def test_sixty_loads_at_once_get_the_class_places_and_memory_comes_back(tmp_path):
    students = 3
    places = Lesson(harness.NOTEBOOK, students).places
    server = classroom_server.start(tmp_path, students, idle=3)
    try:
        pool = classroom_server.kernel_ids(server)
        classroom_server.wait_quiet(server)
        before = classroom_server.memory(server)
        with concurrent.futures.ThreadPoolExecutor(LOADS) as loads:
            answers = list(
                loads.map(lambda _: classroom_server.load(server.url("/")), range(LOADS))
            )
        served = [body for status, body in answers if status == 200]
        full = [body for status, body in answers if status == 503]
        assert len(served) == places and len(full) == LOADS - places, [s for s, _ in answers]
        assert all("<h1>The class is full</h1>" in body for body in full)
        pages = {KERNEL_ID.search(body).group(1) for body in served}
        assert len(pages) == places
        assert len(classroom_server.kernels(server)) <= places + students

        # The loads never connect to their kernels (no scripts run): culled once the time a
        # page has to connect is over; the pool is refilled a minute after it was taken from.
        classroom_server.wait_for(
            lambda: not pages & classroom_server.kernel_ids(server), 180, "pages culled"
        )
        classroom_server.wait_for(
            lambda: len(classroom_server.kernel_ids(server)) == len(pool), 180, "pool"
        )
        classroom_server.wait_quiet(server)
        after = classroom_server.memory(server)
        assert after["kernels"] <= before["kernels"] * 1.2, (before, after)
        assert after["server"] <= before["server"] + MEMORY_MARGIN, (before, after)
    finally:
        server.stop()


ATTACK = """<!DOCTYPE html><html><body>
<script>
const target = TARGET;
window.tries = Promise.allSettled([
  ...Array.from({length: 15}, () => fetch(target, {mode: "no-cors", credentials: "include"})),
  fetch(target + "?token=", {mode: "no-cors", credentials: "include"}),
]);
</script>
<img src="TARGET_HTML"><script src="TARGET_HTML"></script><iframe src="TARGET_HTML"></iframe>
</body></html>"""
ATTEMPTS = 19  # the fetches, the image, the script, the frame
REFUSED = re.compile(r"^403 GET /(\?\S*)? \(", re.MULTILINE)


@pytest.fixture
def other_site(tmp_path):
    """A page of another origin on loopback, served from a thread: `start(target)` its URL."""
    servers = []

    def start(target: str) -> str:
        html = ATTACK.replace("TARGET_HTML", target).replace("TARGET", json.dumps(target))
        (tmp_path / "index.html").write_text(html, encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=tmp_path)
        site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=site.serve_forever, daemon=True).start()
        servers.append(site)
        return f"http://127.0.0.1:{site.server_port}/index.html"

    yield start
    for site in servers:
        site.shutdown()
        site.server_close()


def test_a_page_of_another_site_starts_no_kernel(browser, other_site, tmp_path):
    server = classroom_server.start(tmp_path / "server", 1)
    page = harness.watched_page(browser)
    try:
        # The worst case: this browser has opened the link (it holds the login cookie), and
        # that page took the pool's only kernel, so any load let through would start one.
        page.goto(server.url("/"), timeout=180_000)
        served = classroom_server.kernel_ids(server)
        refused_before = len(REFUSED.findall(server.log.read_text(encoding="utf-8")))
        attack = page.context.new_page()
        attack.goto(other_site(server.base + "/"), timeout=60_000)
        attack.evaluate("() => window.tries")
        attack.wait_for_load_state("networkidle")
        log = server.log.read_text(encoding="utf-8")
        assert len(REFUSED.findall(log)) - refused_before == ATTEMPTS, log
        assert classroom_server.kernel_ids(server) == served
    finally:
        page.context.close()
        server.stop()
