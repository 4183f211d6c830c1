"""`python -m explainer app NOTEBOOK`: the notebook as an app page (no code) for one reader.

The project's own command for what was Voilà's (`JUPYTER_PATH=$PWD/app voila ...`): the same on
every system (no shell variables), its arguments checked first (a typo is one line, not Voilà's
traceback), the offline template always, on this computer only, stopping whole. Its page opens
from the printed link only, which carries a key, so that a page of another site cannot start
kernels on this computer (explainer.link_page); a closed page's kernel is stopped.
"""

from __future__ import annotations

import contextlib
import html
import os
import secrets
import sys
import tempfile
import webbrowser
from pathlib import Path

from . import serving

LOOPBACK = "127.0.0.1"
# A closed page's kernel is stopped once idle for a minute (checked every 15 s); an open page
# keeps its own however long it is read.
CULLING = {"cull_idle_timeout": 60, "cull_interval": 15, "cull_connected": False}


def add(commands) -> None:
    parser = commands.add_parser(
        "app",
        help="open the notebook as an app page (Voila, no code) in the browser",
        description="Serve the notebook as an app page with no code, for a reader or a "
        "projector: every cell runs when the page opens, and each section shows as soon as it "
        "has run. Only this computer can open it (127.0.0.1); for a class, see `classroom`. "
        "Ctrl-C stops it.",
    )
    parser.add_argument("notebook", type=Path, help="the notebook: notebooks/NAME.ipynb")
    serving.add_port(parser, 8866)
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.set_defaults(run=run)


def run(args) -> int:
    problem = serving.check_notebook(args.notebook) or serving.check_port(LOOPBACK, args.port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from .. import voila_app  # imported here: only the commands that serve need Voila

    token = secrets.token_urlsafe(16)
    url = f"http://{LOOPBACK}:{args.port}/?token={token}"

    def ready(_app) -> None:
        print(f"The explainer is at {url}", flush=True)
        print("Only this computer can open it; Ctrl-C stops it.", flush=True)
        if not args.no_browser:
            webbrowser.open(Path(opener.name).as_uri())

    config = {
        "Voila": {"ip": LOOPBACK, "port": args.port, "token": token},
        "VoilaConfiguration": {"progressive_rendering": True},  # each section once it has run
        "MappingKernelManager": CULLING,
    }
    with _opener(url) as opener:
        voila_app.run(voila_app.ExplainerVoila, args.notebook, config, ready)
    print("Stopped; the kernel is shut down.", flush=True)
    return 0


@contextlib.contextmanager
def _opener(url: str):
    """A page, readable by this user only, that sends the browser on to `url`: the browser is
    started with its name, so the key is not on the browser's command line (as Jupyter does)."""
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as opener:
        address = html.escape(url)
        opener.write(f'<!DOCTYPE html><meta http-equiv="refresh" content="0; url={address}">')
    try:
        yield opener
    finally:
        os.unlink(opener.name)
