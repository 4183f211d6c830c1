"""Reader-facing words and colours for the package's coded values.

One place decides how a status, a certainty or a kind of source is named, coloured and drawn, so
the timeline, the tables and the charts agree with each other. Colours are the Okabe-Ito palette,
which stays distinguishable with the common colour-vision deficiencies; each status also has its
own marker shape, so colour is never the only cue. Status colours are drawn as thin open
markers and bars, so each stands at least 3:1 against white (orange and sky blue darkened).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    label: str
    colour: str
    symbol: str = "circle"
    meaning: str = ""


STATUS = {
    "happened": Style("happened", "#0072B2", "circle", "reported as done"),
    "ongoing": Style("ongoing", "#009E73", "diamond", "under way when the article was written"),
    "planned": Style("planned", "#B36B00", "square-open", "intended, not yet done"),
    "tentative": Style("tentative", "#CC79A7", "circle-open", "planned, but not confirmed"),
    "hoped_for": Style("hoped for", "#2B88C8", "star-open", "wanted, with no plan or date"),
    "ruled_out": Style("ruled out", "#D55E00", "x-thin-open", "said not to be happening"),
    "considered": Style("considered", "#000000", "triangle-up-open", "weighed, not decided"),
}

CERTAINTY = {
    "certain": Style("certain", "#0072B2", meaning="stated as fact"),
    "probable": Style("probable", "#56B4E9", meaning="stated as likely"),
    "possible": Style("possible", "#E69F00", meaning="stated as possible only"),
    "negated": Style("negated", "#D55E00", meaning="stated as not so"),
}

SOURCE_KIND = {
    "on_record": Style("named, on the record", "#009E73", meaning="a named person or body"),
    "wire_report": Style("news agency report", "#0072B2", meaning="the agency's own reporting"),
    "anonymous": Style("unnamed source", "#D55E00", meaning="sources the reader cannot check"),
    "article_voice": Style("the article's own voice", "#999999", meaning="no source given"),
}

VERDICT = {
    "supported": Style("supported by the text", "#009E73"),
    "drops_hedge": Style("drops a hedge or a source", "#E69F00"),
    "goes_further": Style("goes further than the text", "#D55E00"),
}

PRECISION = {
    "day": "a single day",
    "days": "a few days",
    "week": "a week",
    "month": "a month",
    "year": "a year",
    "decade": "a decade",
    "unknown": "no date given",
}

ACTOR_TYPE = {
    "person": "person",
    "government_body": "government body",
    "organisation": "organisation",
    "political_party": "political party",
    "media": "news organisation",
    "anonymous_source": "unnamed source",
}

STRENGTH = {
    "direct": "says the same",
    "partial": "supports part of it",
}
