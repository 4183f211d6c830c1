"""Notebooks made up for the tests of the pages built from them (deck, handout, worksheet),
and a parser of what matters in a built page."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from explainer.publish import content
from explainer.publish.deck import build_slides
from explainer.views.exercises import EXERCISE_MIMETYPE
from explainer.views.render import PLOTLY_MIMETYPE

ROOT = Path(__file__).resolve().parents[1]

# Attributes whose URL a browser loads by itself (an <a href> only navigates when clicked).
FETCHING = {"src", "href", "srcset", "data", "poster", "background", "action", "formaction"}


class Page(HTMLParser):
    """What matters in a built page: the URLs it could load, its scripts and styles, its text,
    and its slides (<section> elements) with the text and chart ids inside each."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self.charts: list[str] = []
        self.sections: list[dict] = []  # each: depth, text, charts, children
        self._open: list[dict] = []
        self._in: str | None = None
        self._script_attrs: dict = {}
        self.feed(markup)
        self.close()
        self.plain = " ".join(" ".join(self.text).split())

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value and ((name in FETCHING and tag != "a") or name.endswith(":href")):
                self.references.append((tag, name, value))
            if name == "style" and value:
                self.styles.append(value)
        if tag in ("script", "style"):
            self._in, self._script_attrs = tag, attributes
        if tag == "div" and "chart" in (attributes.get("class") or "").split():
            self.charts.append(attributes.get("id", ""))
            for section in self._open:
                section["charts"].append(attributes.get("id", ""))
        if tag == "section":
            section = {"depth": len(self._open), "text": [], "charts": [], "children": []}
            if self._open:
                self._open[-1]["children"].append(section)
            else:
                self.sections.append(section)
            self._open.append(section)

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None
        if tag == "section":
            self._open.pop()

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append((self._script_attrs, data))
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)
            for section in self._open:
                section["text"].append(data)


def synthetic(cells: list[dict]) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}


def markdown(source: str, kind: str = "-") -> dict:
    metadata = {"slideshow": {"slide_type": kind}}
    return {"cell_type": "markdown", "metadata": metadata, "source": source}


def code(outputs: list[dict], kind: str = "-", source: str = "secret_code()") -> dict:
    return {
        "cell_type": "code",
        "metadata": {"slideshow": {"slide_type": kind}},
        "source": source,
        "outputs": outputs,
        "execution_count": 1,
    }


def result(data: dict) -> dict:
    return {"output_type": "execute_result", "data": data, "metadata": {}, "execution_count": 1}


def build_from(tmp_path: Path, notebook: dict, builder=build_slides) -> str:
    path = tmp_path / "synthetic.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return builder(path)


def question(key: str = "hedge_word:c1", **changes: object) -> dict:
    document = {
        "key": key,
        "kind": key.split(":")[0],
        "prompt": "Which word makes this claim less than certain?",
        "quote": "The date is tentative & still <pending>.",
        "choices": [{"label": w, "value": w} for w in ("date", "tentative", "still", "pending")],
        "correct": ["pending", "tentative"],
        "explanation": "Zexplanation: both words leave the date open.",
        "hint": "Zhint: look for a word that says something is not settled.",
    }
    return {**document, **changes}


def cell(kind: str, source: str = "", slide: str = "-", outputs=None) -> dict:
    extra = {"outputs": outputs or [], "execution_count": 1} if kind == "code" else {}
    return {
        "cell_type": kind,
        "metadata": {"slideshow": {"slide_type": slide}},
        "source": source,
        **extra,
    }


def shown(data: dict, metadata: dict | None = None) -> dict:
    return {"output_type": "display_data", "data": data, "metadata": metadata or {}}


def asked(document: dict) -> dict:
    return shown(
        {
            EXERCISE_MIMETYPE: document,
            "text/plain": "Exercise (interactive: run the notebook to answer)",
        }
    )


def modes(name: str) -> dict:
    return shown(
        {
            content.MODES_MIMETYPE: {
                m: f"<p>{name} for {m}</p>" for m in ("lab", "app", "deck", "paper")
            },
            "text/html": f"<p>{name} for lab</p>",
            "text/plain": f"{name} for lab",
        }
    )


EVIDENCE = "<table><tbody><tr><td>Zevidence <mark>tentative</mark></td></tr></tbody></table>"


def lesson() -> dict:
    """The title, the article, a section whose subslide holds an instruction, two exercises and
    the evidence after them, then a chart."""
    figure = {"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {}}
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            cell("markdown", "# A lesson", "slide"),
            cell("markdown", "## The article", "slide"),
            cell(
                "code", outputs=[shown({"text/html": "<article><p>Zarticle text.</p></article>"})]
            ),
            cell("markdown", "## Hedges", "slide"),
            cell("markdown", "Say this to the class.", "notes"),
            cell("code", outputs=[modes("Zinstruction")]),
            cell(
                "code",
                outputs=[
                    asked(question()),
                    asked(question("source_kind:c1", hint="")),
                    shown({"text/html": EVIDENCE, "text/plain": "evidence"}),
                ],
            ),
            cell("code", "", "subslide", [shown({PLOTLY_MIMETYPE: figure, "text/plain": "chart"})]),
        ],
    }


def built(tmp_path: Path, notebook: dict, builder) -> str:
    path = tmp_path / "lesson.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return builder(path)


def text_of(markup: str) -> str:
    """The text of a piece of a page, tags dropped (the pieces do not close what they open)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


SECTION = re.compile(r"<section(?: class=\"(\w+)\"(?: data-\w+=\"([^\"]+)\")?)?>")
