"""`python -m explainer app NOTEBOOK`: the notebook as an app page (no code) for one reader.

The project's own command for what was Voilà's (`JUPYTER_PATH=$PWD/app voila ...`): the same on
every system (no shell variables), its arguments checked first (a typo is one line, not Voilà's
traceback), the offline template always, on this computer only, stopping whole.
"""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

from . import serving

LOOPBACK = "127.0.0.1"


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

    url = f"http://{LOOPBACK}:{args.port}/"

    def ready(_app) -> None:
        print(f"The explainer is at {url}", flush=True)
        print("Only this computer can open it; Ctrl-C stops it.", flush=True)
        if not args.no_browser:
            webbrowser.open(url)

    config = {
        "Voila": {"ip": LOOPBACK, "port": args.port, "token": ""},
        "VoilaConfiguration": {"progressive_rendering": True},  # each section once it has run
    }
    voila_app.run(voila_app.ExplainerVoila, args.notebook, config, ready)
    print("Stopped; the kernel is shut down.", flush=True)
    return 0
