"""Knight Lab's TimelineJS3 from npm, and a page on loopback that draws a timeline file with it.

Shared by tests/browser/test_export_timelinejs_browser.py. TimelineJS is installed once into
build/timelinejs-cache and reused; the page is served from a temporary folder by a server on
127.0.0.1 that this process runs in a thread, and stops.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import harness

CACHE = harness.ROOT / "build" / "timelinejs-cache"
VERSION = "3.9.11"  # @knight-lab/timelinejs, the current TimelineJS3
DIST = CACHE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"

# The embed a class site would write, with TimelineJS's files beside it: `script_path` where
# they are, and `font: null`, as TimelineJS's default font comes from Google Fonts.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Timeline</title>
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
  window.__errors = [];
  fetch(new URLSearchParams(location.search).get("file")).then(r => r.json()).then(data => {
    const timeline = new TL.Timeline("timeline", data, {
      script_path: new URL("timelinejs/js/", location.href).href, font: null });
    timeline.on("loaded", () => { window.__loaded = true; });
    window.__timeline = timeline;
  }).catch(error => window.__errors.push(String(error)));
</script></body></html>
"""


def install() -> Path:
    """TimelineJS's built files, from npm once."""
    if (DIST / "js" / "timeline.js").exists():
        return DIST
    npm = shutil.which("npm")
    assert npm, "npm not found: the TimelineJS test installs @knight-lab/timelinejs with it"
    CACHE.mkdir(parents=True, exist_ok=True)
    argv = [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE)]
    result = subprocess.run(
        argv + [f"@knight-lab/timelinejs@{VERSION}"], capture_output=True, text=True
    )
    assert result.returncode == 0 and DIST.exists(), f"npm install failed:\n{result.stderr}"
    return DIST


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` with the page and TimelineJS in it, served on 127.0.0.1; yields the page's URL."""
    shutil.copytree(install(), folder / "timelinejs", dirs_exist_ok=True)
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
