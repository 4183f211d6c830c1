"""Instructions that depend on where the reader is, as one output that carries every variant.

JupyterLab has cells to run; the app (Voilà, and the classroom server, which runs Voilà) has
nothing to run; a deck is answered by a show of hands; paper is written on. The output keeps
all four variants under MODES_MIMETYPE, for the publish side to pick "deck" or "paper", and
shows as text/html the variant for where its kernel runs: Voilà starts every kernel, preheated
or not, with VOILA_SERVER_URL and VOILA_BASE_URL in its environment (voila/handler.py and
voila_kernel_manager.py, 0.5), and nothing else does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from . import View
from .html import Markup, plain

# {"lab": html, "app": html, "deck": html, "paper": html}
MODES_MIMETYPE = "application/vnd.explainer.modes+json"
MODES = ("lab", "app", "deck", "paper")
VOILA_VARIABLES = ("VOILA_SERVER_URL", "VOILA_BASE_URL")


def kernel_mode(environment: Mapping[str, str] = os.environ) -> str:
    """ "app" in a kernel Voilà started, else "lab" (JupyterLab, Notebook, nbclient)."""
    return "app" if any(name in environment for name in VOILA_VARIABLES) else "lab"


def in_each_mode(variants: Mapping[str, Markup], mode: str | None = None) -> View:
    """One output with every mode's variant; it shows the one for `mode` (the kernel's)."""
    missing = [m for m in MODES if m not in variants]
    if missing:
        raise ValueError(f"no variant for {', '.join(missing)}")
    here = variants[mode or kernel_mode()]
    bundle: dict[str, object] = {
        MODES_MIMETYPE: {m: str(variants[m]) for m in MODES},
        "text/html": str(here),
        "text/plain": plain(here),
    }
    return View(bundle)
