"""A class of N students opening the classroom server at once, on loopback.

The server is `python -m explainer classroom` as a teacher starts it (preheated kernels, one
per student; culling after 60 s idle, checked every 15 s), isolated and on a free port. In a
classroom the browsers run on the students' machines, so the server's share is measured apart:

- N lightweight students, all at once: each loads the page (the HTML Voilà serves, with every
  cell's output) and follows its kernel to the end, as the page's scripts do: it connects to
  the kernel's websocket, asks for the kernel's info and waits for the reply and for the kernel
  to report idle, then asks which widgets the kernel holds (what the page's widget manager
  restores) and waits for that answer. Its time is from its request to that last answer.
- one real chromium page, opened with them, which must draw every chart it shows before an
  answer (the others wait behind their exercises): the time a student's
  browser adds on top (this machine's two cores also run the server and the N students).

Then every student leaves (websockets closed, the page closed), and the kernels are counted
for two minutes: a closed page's kernel must be gone, and only the refilled pool must remain.
Memory per student is the unique memory (USS) of a student's kernel, with the server's share.

Run: .venv/bin/python benchmarks/classroom_load.py [--students 10 30] [--after 120]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import classroom_server  # noqa: E402
import harness  # noqa: E402
from explainer_page import open_app_mode  # noqa: E402

KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')
# The charts a student's page shows before any exercise is answered (the others wait behind
# their exercises): the plotly outputs stored in the notebook, outside any held-back view.
SHOWN_CHARTS = sum(
    harness.PLOTLY in output.get("data", {})
    for cell in json.loads(harness.NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    for output in cell.get("outputs", [])
)
SLOWEST_TARGET = 15.0  # seconds, N = 30
WIDGET_TARGET = "jupyter.widget"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, nargs="+", default=[10, 30])
    parser.add_argument("--after", type=int, default=120, help="seconds to watch after leaving")
    args = parser.parse_args()
    for students in args.students:
        with tempfile.TemporaryDirectory() as tmp:
            report(students, run_class(students, args.after, Path(tmp)))


def run_class(students: int, after: int, home: Path) -> dict:
    started = time.monotonic()
    server = classroom_server.start(home, students, timeout=60 + 10 * students)
    classroom_server.wait_quiet(server)
    figures = {"pool_ready": time.monotonic() - started}
    try:
        figures.update(asyncio.run(lesson(server, students)))
        figures["left"] = watch_kernels(server, figures.pop("kernel_ids"), after)
    finally:
        server.stop()
    return figures


async def lesson(server, students: int) -> dict:
    """Everyone opens the page at once; once all are in, everyone leaves."""
    (browser, browser_kernel), *results = await asyncio.gather(
        asyncio.to_thread(real_page, server), *(student(server) for _ in range(students - 1))
    )
    kernels = classroom_server.kernels(server)
    figures = {
        "times": [seconds for seconds, _, _ in results],
        "browser": browser,
        "kernel_ids": [kernel_id for _, _, kernel_id in results] + [browser_kernel],
        "kernels_open": len(kernels),
        "uss": [k.memory_full_info().uss for k in kernels],
        "server_rss": server_rss(server),
    }
    for _, socket, _ in results:
        socket.close()
    await asyncio.sleep(0.5)
    return figures


async def student(server) -> tuple[float, object, str]:
    from tornado.httpclient import AsyncHTTPClient
    from tornado.websocket import websocket_connect

    started = time.monotonic()
    client = AsyncHTTPClient(max_clients=1000)  # tornado queues beyond 10 by default
    page = await client.fetch(server.url("/"), connect_timeout=300, request_timeout=300)
    (kernel_id,) = set(KERNEL_ID.findall(page.body.decode()))
    session = uuid.uuid4().hex
    ws_url = server.base.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
    # The link's key, as the page's own websocket carries it (the server refuses any other).
    socket = await websocket_connect(f"{ws_url}?session_id={session}&token={server.token}")
    await request(socket, session, "kernel_info_request", {}, wait_idle=True)
    reply = await request(socket, session, "comm_info_request", {"target_name": WIDGET_TARGET})
    assert reply["content"]["comms"], "the kernel holds no widgets: the page would be empty"
    return time.monotonic() - started, socket, kernel_id


async def request(socket, session: str, msg_type: str, content: dict, wait_idle=False) -> dict:
    """Send a shell request; return its reply (after the kernel's idle status, if asked)."""
    msg_id = uuid.uuid4().hex
    header = {"msg_id": msg_id, "msg_type": msg_type, "session": session, "username": "student"}
    header.update(version="5.3", date="")
    message = {"header": header, "parent_header": {}, "metadata": {}, "content": content}
    await socket.write_message(json.dumps({**message, "channel": "shell", "buffers": []}))
    reply, idle = None, not wait_idle
    while reply is None or not idle:
        raw = await asyncio.wait_for(socket.read_message(), timeout=300)
        if raw is None:
            raise ConnectionError("the kernel's websocket closed")
        if isinstance(raw, bytes):
            continue  # binary frames carry widget buffers, not replies
        answer = json.loads(raw)
        if answer.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if answer["channel"] == "shell":
            reply = answer
        elif answer["header"]["msg_type"] == "status":
            idle = idle or answer["content"]["execution_state"] == "idle"
    return reply


def real_page(server) -> tuple[float, str]:
    with harness.chromium() as browser:
        page = harness.watched_page(browser)
        started = time.monotonic()
        open_app_mode(page, server)
        harness.install_helpers(page)
        page.wait_for_function(
            "n => { const c = window.__explainer.charts();"
            " return c.length >= n && c.every(window.__explainer.drawn); }",
            arg=SHOWN_CHARTS,
            timeout=300_000,
        )
        seconds = time.monotonic() - started
        (kernel_id,) = set(KERNEL_ID.findall(page.content()))
        page.context.close()
    return seconds, kernel_id


def watch_kernels(server, kernel_ids: list[str], after: int) -> list[tuple[int, int, int]]:
    """Every 15 s after the students left, until `after` s: (seconds, the students' kernels
    still running, every kernel running, the refilled pool included)."""
    seen = []
    start = time.monotonic()
    while True:
        elapsed = round(time.monotonic() - start)
        left = sum(classroom_server.kernel_running(server, k) for k in kernel_ids)
        seen.append((elapsed, left, len(classroom_server.kernels(server))))
        if elapsed >= after:
            return seen
        time.sleep(min(15, max(after - elapsed, 0.1)))


def server_rss(server) -> int:
    import psutil

    return psutil.Process(server.process.pid).memory_info().rss


def report(students: int, figures: dict) -> None:
    times = figures["times"]
    slowest = max(times)
    uss = figures["uss"]
    print(f"\n{students} students ({students - 1} lightweight, 1 chromium page), loopback, 2 cores")
    print(
        f"  pool of {students} kernels preheated (every one has run the notebook, all idle) "
        f"{figures['pool_ready']:.0f} s after start"
    )
    target = f" (target for 30: < {SLOWEST_TARGET:.0f} s)" if students == 30 else ""
    print(
        f"  server: page loaded and kernel followed to the end: median "
        f"{statistics.median(times):.1f} s, slowest {slowest:.1f} s{target}"
    )
    print(f"  chromium page, every chart shown before an answer drawn: {figures['browser']:.1f} s")
    print(
        f"  kernels running with every student in: {figures['kernels_open']} "
        f"(the pool is refilled a minute after a kernel is taken)"
    )
    print(
        f"  memory per student: kernel {statistics.median(uss) / 1e6:.0f} MB unique (median), "
        f"server {figures['server_rss'] / 1e6:.0f} MB in all"
    )
    left = ", ".join(f"{t} s: {n} ({total})" for t, n, total in figures["left"])
    print(
        f"  students' kernels still running after the pages closed (all kernels): {left}; "
        f"target 0 by 120 s"
    )


if __name__ == "__main__":
    main()
