"""What the commands that serve the notebook (app, classroom) check before starting Voilà, so
that a mistake is one line saying what to do rather than Voilà's traceback."""

from __future__ import annotations

import argparse
import errno
import socket
from pathlib import Path


def add_port(parser: argparse.ArgumentParser, default: int) -> None:
    parser.add_argument(
        "--port", type=_port, default=default, help=f"port to listen on ({default})"
    )


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port: give a number from 1 to 65535")
    return int(text)


def check_notebook(path: Path) -> str | None:
    """Why `path` cannot be served, or None."""
    from ..voila_app import TEMPLATES

    where = path.resolve()
    if path.is_dir():
        found = sorted(p.name for p in path.glob("*.ipynb"))
        example = f"{path / found[0]}" if found else "notebooks/NAME.ipynb"
        return f"{path}: a folder, not a notebook; give a notebook, for example {example}"
    if not path.is_file():
        return f"{path}: no such notebook (looked for {where})"
    if path.suffix != ".ipynb":
        return f"{path}: not a notebook (.ipynb); the notebooks are in notebooks/"
    if not TEMPLATES.is_dir():
        return f"{TEMPLATES}: the offline Voila template is missing (run from a clone)"
    return None


def check_port(ip: str, port: int) -> str | None:
    """Why the server could not listen on `ip`:`port`, or None."""
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    with socket.socket(family) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind((ip, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return f"--port {port}: in use on {ip} (already serving?); choose another port"
            if error.errno == errno.EADDRNOTAVAIL:
                return f"--ip {ip}: not an address of this computer"
            if error.errno == errno.EACCES:
                return f"--port {port}: not allowed here; choose a port above 1024"
            return f"{ip}:{port}: cannot listen there ({error.strerror})"
    return None
