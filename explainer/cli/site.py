"""`python -m explainer site --output DIR`: the explainer as a zero-install JupyterLite site."""

from __future__ import annotations

import sys
from pathlib import Path


def add(commands) -> None:
    parser = commands.add_parser(
        "site",
        help="build a static JupyterLite site: the explainer runs in the browser, offline",
        description="Build a static JupyterLite site in which the notebooks run in the "
        "browser (Pyodide) with no install and no server. Downloads Pyodide's core (npm) and "
        "the kernel's wheels (PyPI) once into the cache; the site itself needs no network. "
        "Open it with `python3 DIR/serve.py`, or publish DIR on any static HTTPS host.",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("build/site"), help="the site's folder"
    )
    parser.add_argument(
        "--notebooks", type=Path, default=Path("notebooks"), help="the notebooks it carries"
    )
    parser.add_argument(
        "--data", type=Path, default=Path("data"), help="the packages the notebooks load"
    )
    parser.add_argument(
        "--cache", type=Path, default=Path("build/site-cache"), help="downloads kept between builds"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..site.build import build_site  # imported here: only this command needs jupyterlite
    from ..site.pyodide_core import BuildError

    for folder in (args.notebooks, args.data):
        if not folder.is_dir():
            print(f"{folder}: no such folder", file=sys.stderr)
            return 1
    try:
        site = build_site(args.output, args.notebooks, args.data, args.cache)
    except (BuildError, OSError) as error:
        print(f"{args.output}: {error}", file=sys.stderr)
        return 1
    print(
        f"{site.output}: JupyterLite site built ({site.size / 1e6:.0f} MB, "
        f"{len(site.wheels)} wheels). Open it with: python3 {site.output / 'serve.py'}"
    )
    return 0
