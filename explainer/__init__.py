"""Explain a news article claim by claim: load, check and show its data package."""

import sys as _sys


def _in_a_kernel() -> None:
    """In an IPython kernel, show the engine's errors as a reader can act on them
    (explainer/in_a_notebook.py). Elsewhere (the command line, the tests) nothing happens:
    IPython is not even imported."""
    ipython = _sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    if shell is not None:
        from .in_a_notebook import register

        register(shell)


_in_a_kernel()
