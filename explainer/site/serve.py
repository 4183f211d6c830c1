"""Open the explainer from this folder: `python3 serve.py [NOTEBOOK]` (Windows: `py serve.py`).

Copied into every site built by `python -m explainer site`. JupyterLite serves the notebooks
and data through a service worker, which browsers allow only over HTTPS or on localhost, so
opening index.html from disk (file://) cannot work: this serves the folder on 127.0.0.1 (only
this computer can reach it) and opens NOTEBOOK in the default browser (with no name, the only
notebook, or the list of notebooks when there are several). Standard library
only, so it runs wherever Python 3 does, with no install and no network. Ctrl-C stops it, and so
do `kill`, closing its terminal and the death of whatever started it (under `nohup`, only
Ctrl-C and `kill`): a server nobody can see any more does not keep the port.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import mimetypes
import os
import signal
import threading
import time
import webbrowser
from pathlib import Path

HERE = Path(__file__).resolve().parent
PORT = 8000
# Browsers refuse a module script or WebAssembly served with another type; older Pythons on
# some systems do not know these two.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


def start_page(notebook: str | None) -> str:
    """The lab with `notebook` open, else the site's only notebook, else its file browser."""
    notebooks = sorted(p.name for p in (HERE / "files" / "notebooks").glob("*.ipynb"))
    if notebook is None and len(notebooks) == 1:
        notebook = notebooks[0]
    if notebook is None:
        return "lab/index.html"
    if notebook not in notebooks:
        raise SystemExit(f"{notebook}: no such notebook here (there are: {', '.join(notebooks)})")
    return f"lab/index.html?path=notebooks/{notebook}"


class IsolatedHandler(http.server.SimpleHTTPRequestHandler):
    """Files with the two headers that make the page cross-origin isolated: the in-browser
    kernel then reads the notebooks' folder through shared memory instead of the service
    worker, whose synchronous requests hang in some browsers (Chromium 150 on a nested folder).
    The site fetches nothing from another origin, so the isolation costs it nothing."""

    def end_headers(self) -> None:
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()


def listen(port: int | None) -> http.server.ThreadingHTTPServer:
    """Serve this folder on 127.0.0.1: on `port`, else on PORT or, if that is taken, any port.

    The same port each time keeps a student's edits: the browser stores them per address.
    """
    handler = functools.partial(IsolatedHandler, directory=str(HERE))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port or PORT), handler)
    except OSError:
        if port:
            raise
        return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


def stop_whole() -> None:
    """SIGTERM, SIGHUP and the parent's death end the server as Ctrl-C does (a copy of
    explainer/lifetime.py, which this file cannot import: it runs with nothing installed)."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    hangup = getattr(signal, "SIGHUP", None)  # none on Windows, where a closed console ends all
    if hangup is None or signal.getsignal(hangup) == signal.SIG_IGN:  # nohup: keep running
        return
    signal.signal(hangup, signal.default_int_handler)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)


def main() -> None:
    stop_whole()  # first: the parent is known before anyone is told the site is up
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--port", type=int, help=f"port on 127.0.0.1 (default {PORT}, or any free one if taken)"
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument(
        "notebook", nargs="?", help="the notebook to open (a file name in notebooks/)"
    )
    args = parser.parse_args()
    page = start_page(args.notebook)
    server = listen(args.port)
    url = f"http://127.0.0.1:{server.server_port}/{page}"
    print(
        f"The explainer is at {url}\n"
        "Only this computer can open it. Keep this window open; Ctrl-C stops it.",
        flush=True,
    )
    if not args.no_browser:
        webbrowser.open(url)
    with contextlib.suppress(KeyboardInterrupt), server:  # Ctrl-C and the like: stop quietly
        server.serve_forever()
    print("Stopped.", flush=True)


if __name__ == "__main__":
    main()
