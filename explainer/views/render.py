"""Turn figures and HTML into Jupyter display bundles without plotly's renderer machinery.

Plotly's own `fig.show()` imports nbformat (about 2 s here, through jsonschema's extras) and its
HTML renderers embed random div ids. A bundle with plotly's JSON mimetype needs neither: JupyterLab
and Voila draw it offline, in untrusted notebooks too, and it is deterministic so nbval can
compare it. The text/plain part is a short text equivalent of the chart.
"""

from __future__ import annotations

from .html import Markup

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"
PLAIN_WIDTH = 80  # characters per line of text/plain: JupyterLab would break longer ones mid-word


def figure_bundle(figure: dict, text: str) -> dict[str, object]:
    """`figure` is plotly figure JSON: {"data": [...], "layout": {...}}."""
    return {PLOTLY_MIMETYPE: figure, "text/plain": text}


def html_bundle(markup: Markup, text: str) -> dict[str, object]:
    return {"text/html": str(markup), "text/plain": text}
