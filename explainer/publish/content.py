"""A notebook's cells as page content: markdown rendered, outputs shown, code never shown.

- markdown is rendered with mistune (the renderer nbconvert uses, with Jupyter's plugins);
- each plotly figure becomes a chart placeholder plus its JSON, drawn by `assets/charts.js`,
  less any image it would fetch;
- HTML from the notebook (markdown's raw HTML, text/html outputs) goes through the sanitiser:
  the tables come through unchanged, a notebook's script never runs;
- an output that speaks to the reader where they are (MODES_MIMETYPE) shows the variant for the
  page: "deck" on slides, "paper" in the handout and the worksheet;
- an exercise becomes an `Exercise` read from its JSON, which each page shows its own way, and
  a view held back until an exercise is answered a `HeldBack` holding its outputs, which each
  page places (the notebook's exercise it waits for must be there);
- the article as a reader meets it (an HTML output that is one <article> element) becomes an
  `Article`, which the worksheet picks out;
- other widget outputs are stored as a text/plain line telling the reader to run the notebook;
  here that line says the widget is interactive in the notebook instead;
- every other text is escaped (markupsafe).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import Literal

from markupsafe import Markup

from ..views.modes import MODES_MIMETYPE
from ..views.render import PLOTLY_MIMETYPE
from .assets import script_json
from .exercise import (
    EXERCISE_MIMETYPE,
    HELD_BACK_MIMETYPE,
    Exercise,
    HeldBack,
    exercise_of,
    held_back_of,
)
from .notebook import PublishError, slide_type, text_of
from .sanitise import clean, offline_figure

Mode = Literal["deck", "paper"]
# The article as a reader meets it (headline, dateline, synopsis, takeaways, paragraphs) is the
# one output whose HTML is an <article> element: a composition complete in itself, as HTML says.
ARTICLE_ELEMENT = re.compile(r"\s*<article[\s>]", re.IGNORECASE)

# The line a widget stores instead of its view, in its two forms: "(interactive: run the notebook
# to answer)" and "Run the notebook (Run > Run All Cells) to use it."
RUN_NOTE = re.compile(r"\((?:[^()]*?)run the notebook[^()]*\)", re.IGNORECASE)
RUN_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))Run the notebook[^.]*\.", re.MULTILINE)
INTERACTIVE_NOTE = "(interactive in the notebook)"
INTERACTIVE_SENTENCE = "Open the notebook to use it."

CHART = Markup(
    '<figure class="chart-figure"><div id="{id}" class="chart" role="img" aria-label="{label}"'
    ' data-figure="{id}-figure"></div>'
    '<script type="application/json" id="{id}-figure">{figure}</script></figure>'
)


@dataclass(frozen=True)
class Article:
    """The article as a reader meets it, as the notebook showed it (sanitised HTML)."""

    html: Markup

    def __html__(self) -> Markup:
        return self.html


Part = Markup | Article | Exercise | HeldBack


@dataclass
class Cell:
    """One notebook cell as it will appear: its number, its slide type and what it shows."""

    number: int
    slide_type: str
    parts: list[Part] = field(default_factory=list)


def markdown_to_html(source: str) -> Markup:
    """Render markdown as Jupyter does (mistune, Jupyter's plugins), then sanitise its HTML.

    mistune is imported here: only building a deck or a handout needs it. It is mistune itself
    rather than nbconvert's filter, which would import all of nbconvert (about 4 s) and add
    anchor links to headings that reveal.js would take for slide links. There is no math
    support: nothing here would load MathJax offline, and the notebook uses no math.
    """
    import mistune

    markdown = mistune.create_markdown(
        escape=False,
        plugins=["strikethrough", "table", "url", "task_lists", "def_list"],
    )
    return clean(str(markdown(source)))


def widget_text(text: str) -> str:
    """A widget's stored placeholder, reworded for a page where no notebook runs."""
    text = RUN_NOTE.sub(INTERACTIVE_NOTE, text)
    return RUN_SENTENCE.sub(INTERACTIVE_SENTENCE, text)


def chart_label(figure: dict, number: int) -> str:
    """The chart's accessible name: its title and its one-sentence summary (layout.meta.summary),
    as plain text; a figure with neither is named by its number."""
    layout = figure.get("layout")
    layout = layout if isinstance(layout, dict) else {}
    title = layout.get("title", "")
    title = title.get("text", "") if isinstance(title, dict) else title
    meta = layout.get("meta")
    summary = meta.get("summary", "") if isinstance(meta, dict) else ""
    parts = [Markup(p).striptags() for p in (title, summary) if isinstance(p, str) and p.strip()]
    if not parts:
        return f"Chart {number}"
    first = parts[0] if parts[0].endswith((".", "?", "!")) else f"{parts[0]}."
    return " ".join([first, *parts[1:]])


def base64_image(kind: str, data: str, alt: str) -> Markup:
    """An image output as an <img> with a data: URL, once its base64 is checked."""
    payload = data.replace("\n", "")
    try:
        base64.b64decode(payload, validate=True)
    except ValueError:  # binascii.Error (bad padding or alphabet) is a ValueError
        raise PublishError(f"its {kind} output is not base64") from None
    return Markup('<img class="output-image" alt="{}" src="data:{};base64,{}">').format(
        alt, kind, payload
    )


def mode_variant(variants: dict, mode: Mode) -> Markup:
    html = variants.get(mode)
    if not isinstance(html, str):
        raise PublishError(f"its {MODES_MIMETYPE} output has no text for {mode!r}")
    return Markup('<div class="output-html">{}</div>').format(clean(html))


class Renderer:
    """Turns cells into page content for one kind of page (`mode`), numbering the charts of the
    document in order (chart-1, chart-2) and its exercises from 1."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.chart_count = 0
        self.exercise_count = 0

    def chart(self, figure: dict) -> Markup:
        self.chart_count += 1
        chart_id = f"chart-{self.chart_count}"
        drawn = offline_figure({"data": figure.get("data", []), "layout": figure.get("layout", {})})
        label = chart_label(figure, self.chart_count)
        return CHART.format(id=chart_id, label=label, figure=script_json(drawn))

    def exercise(self, document: dict) -> Exercise:
        self.exercise_count += 1
        return exercise_of(document, self.exercise_count)

    def held_back(self, document: dict) -> HeldBack:
        key, outputs = held_back_of(document)
        shown = [self.output({"output_type": "display_data", **output}) for output in outputs]
        return HeldBack(key, tuple(part for part in shown if part))

    def output(self, output: dict) -> Part:
        kind = output["output_type"]
        if kind == "stream":
            if output.get("name") != "stdout":
                return Markup()  # warnings and logs are for the author, not the class
            return Markup('<pre class="output-text">{}</pre>').format(text_of(output["text"]))
        if kind == "error":
            raise PublishError(
                f"has an error output ({output.get('ename')}); "
                "re-execute the notebook before publishing it"
            )
        data = output["data"]
        plain = text_of(data.get("text/plain", ""))
        if EXERCISE_MIMETYPE in data:
            return self.exercise(data[EXERCISE_MIMETYPE])
        if HELD_BACK_MIMETYPE in data:
            return self.held_back(data[HELD_BACK_MIMETYPE])
        if MODES_MIMETYPE in data:
            return mode_variant(data[MODES_MIMETYPE], self.mode)
        if PLOTLY_MIMETYPE in data:
            return self.chart(data[PLOTLY_MIMETYPE])
        if "text/html" in data:
            html = clean(text_of(data["text/html"]))
            if ARTICLE_ELEMENT.match(html):
                return Article(Markup('<div class="output-html article">{}</div>').format(html))
            return Markup('<div class="output-html">{}</div>').format(html)
        for image in ("image/png", "image/jpeg"):
            if image in data:
                return base64_image(image, text_of(data[image]), plain)
        if "image/svg+xml" in data:
            # As an image, an SVG's scripts and event handlers never run.
            svg = base64.b64encode(text_of(data["image/svg+xml"]).encode()).decode()
            return base64_image("image/svg+xml", svg, plain)
        if "text/markdown" in data:
            return markdown_to_html(text_of(data["text/markdown"]))
        if not plain:
            return Markup()
        flat = " ".join(plain.split())  # a placeholder is one paragraph, wrapped for the notebook
        if set(data) == {"text/plain"} and (RUN_NOTE.search(flat) or RUN_SENTENCE.search(flat)):
            return Markup('<p class="interactive-note">{}</p>').format(widget_text(flat))
        return Markup('<pre class="output-text">{}</pre>').format(plain)

    def cell(self, number: int, cell: dict) -> Cell:
        rendered = Cell(number, slide_type(cell))
        if (
            rendered.slide_type == "skip"
        ):  # left out everywhere, its charts and exercises unnumbered
            return rendered
        if cell["cell_type"] == "markdown":
            rendered.parts.append(markdown_to_html(text_of(cell["source"])))
        elif cell["cell_type"] == "code":  # the input is never shown, only the outputs
            try:
                shown = [self.output(o) for o in cell.get("outputs", [])]
            except PublishError as error:
                raise PublishError(f"cell {number}: {error}") from None
            rendered.parts.extend(part for part in shown if part)
        return rendered


def render_cells(notebook: dict, mode: Mode) -> list[Cell]:
    """Every cell of a checked notebook (see notebook.read_notebook), numbered from 1, as a page
    of `mode` shows it."""
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    if code and not any(cell.get("outputs") for cell in code):
        # A deck without its charts and tables would look finished and be useless.
        raise PublishError(
            "the notebook has no stored outputs; store them first with "
            "`python -m explainer execute NOTEBOOK`"
        )
    renderer = Renderer(mode)
    cells = [renderer.cell(number, cell) for number, cell in enumerate(notebook["cells"], 1)]
    asked = {exercise.key for exercise in exercises_in(cells)}
    for cell in cells:
        for part in cell.parts:
            if isinstance(part, HeldBack) and part.key not in asked:
                raise PublishError(
                    f"cell {cell.number}: its held-back view waits for the exercise "
                    f"{part.key!r}, which the notebook never asks"
                )
    return cells


def exercises_in(cells: list[Cell]) -> list[Exercise]:
    """The exercises of the rendered cells, in the order the notebook asks them."""
    return [part for cell in cells for part in cell.parts if isinstance(part, Exercise)]
