"""Turn figures and HTML into Jupyter display bundles without plotly's renderer machinery.

Plotly's own `fig.show()` imports nbformat (about 2 s here, through jsonschema's extras) and its
HTML renderers embed random div ids. A bundle with plotly's JSON mimetype needs neither: JupyterLab
and Voila draw it offline, in untrusted notebooks too, and it is deterministic so nbval can
compare it. The text/plain part is a short text equivalent of the chart.
"""

from __future__ import annotations

from .html import Markup

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"
# Marks a chart's caption among a cell's outputs, for a page that names the chart otherwise
CAPTION_METADATA = {"explainer": {"chart_caption": True}}
PLAIN_WIDTH = 80  # characters per line of text/plain: JupyterLab would break longer ones mid-word


# Plotly's toolbar (zoom, pan, download) would put about 11 buttons per chart in the page's Tab
# order before the explorer's controls; every reading of these charts works without it.
CONFIG = {"displayModeBar": False, "displaylogo": False}


def figure_bundle(figure: dict, text: str) -> dict[str, object]:
    """`figure` is plotly figure JSON: {"data": [...], "layout": {...}}; the toolbar is off."""
    return {PLOTLY_MIMETYPE: {**figure, "config": CONFIG}, "text/plain": text}


def html_bundle(markup: Markup, text: str) -> dict[str, object]:
    return {"text/html": str(markup), "text/plain": text}
