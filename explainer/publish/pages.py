"""Build a reveal.js slide deck and a printable handout from the stored notebook, offline.

A classroom needs files that open from disk with no network and no kernel. nbconvert's reveal and
lab templates fetch reveal.js, require.js, font-awesome and MathJax from CDNs, inline JupyterLab's
CSS, and cannot draw plotly's JSON mimetype (they fall back to its text/plain). So this module
reads the stored notebook as JSON, renders its markdown with mistune (the renderer nbconvert
uses, with Jupyter's plugins), and writes one self-contained HTML file:

- code is never shown, only markdown and outputs;
- each plotly figure becomes `<div id="chart-N">` plus its JSON in a `<script type=
  "application/json">`, drawn by `assets/charts.js` with plotly.js inlined once;
- tables (text/html outputs) are copied as stored: they are the explainer's own escaped HTML;
- widget outputs are stored as a text/plain line telling the reader to run the notebook; here
  that line says the widget is interactive in the notebook instead;
- the deck follows the cells' `slideshow.slide_type` as `jupyter nbconvert --to slides` does
  (slide, subslide, fragment, skip, notes, "-"), with reveal.js vendored in `assets/reveal/`.

The notebook's markdown is trusted, authored content; everything else that becomes HTML here
(text outputs, the title, figure JSON inside a script) is escaped.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..views.render import PLOTLY_MIMETYPE

ASSETS = files("explainer.publish") / "assets"
SLIDE_TYPES = ("slide", "subslide", "fragment", "skip", "notes", "-")

# The line a widget stores instead of its view, in its two forms: "(interactive: run the notebook
# to answer)" and "Run the notebook (Run > Run All Cells) to use it."
RUN_NOTE = re.compile(r"\((?:[^()]*?)run the notebook[^()]*\)", re.IGNORECASE)
RUN_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))Run the notebook[^.]*\.", re.MULTILINE)
INTERACTIVE_NOTE = "(interactive in the notebook)"
INTERACTIVE_SENTENCE = "Open the notebook to use it."


class PublishError(ValueError):
    """The stored notebook cannot be published as it is (for instance, it holds an error)."""


@dataclass
class Cell:
    """One notebook cell as it will appear: its slide type and its HTML (empty if nothing)."""

    index: int
    slide_type: str
    html: str


def text_of(value: str | list[str]) -> str:
    """Notebook JSON stores multi-line strings either whole or as a list of lines."""
    return "".join(value) if isinstance(value, list) else value


def read_notebook(path: Path) -> dict:
    """The stored notebook, as JSON: nothing is executed, so no kernel is needed."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    if notebook.get("nbformat") != 4:
        raise PublishError("not an nbformat 4 notebook")
    return notebook


def slide_type(cell: dict) -> str:
    kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-") or "-"
    if kind not in SLIDE_TYPES:
        raise PublishError(f"unknown slide_type {kind!r}; expected one of {SLIDE_TYPES}")
    return kind


def markdown_to_html(source: str) -> str:
    """Render a markdown cell as Jupyter does (mistune, raw HTML kept, Jupyter's plugins).

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
    return str(markdown(source))


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: `<`, `>` and `&` never appear literally."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def widget_text(text: str) -> str:
    """A widget's stored placeholder, reworded for a page where no notebook runs."""
    text = RUN_NOTE.sub(INTERACTIVE_NOTE, text)
    return RUN_SENTENCE.sub(INTERACTIVE_SENTENCE, text)


class Renderer:
    """Turns cells into HTML, numbering the charts of one document in order: chart-1, chart-2."""

    def __init__(self) -> None:
        self.chart_count = 0

    def chart(self, figure: dict, text: str) -> str:
        self.chart_count += 1
        chart_id = f"chart-{self.chart_count}"
        return (
            f'<figure class="chart-figure"><div id="{chart_id}" class="chart" role="img"'
            f' aria-label="{html.escape(text, quote=True)}"'
            f' data-figure="{chart_id}-figure"></div>'
            f'<script type="application/json" id="{chart_id}-figure">'
            f"{script_json({'data': figure.get('data', []), 'layout': figure.get('layout', {})})}"
            "</script></figure>"
        )

    def output(self, output: dict, cell: Cell) -> str:
        kind = output.get("output_type")
        if kind == "stream":
            if output.get("name") != "stdout":
                return ""  # warnings and logs are for the author, not the class
            return f'<pre class="output-text">{html.escape(text_of(output["text"]))}</pre>'
        if kind == "error":
            raise PublishError(
                f"cell {cell.index} has an error output ({output.get('ename')}); "
                "re-execute the notebook before publishing it"
            )
        data = output.get("data", {})
        plain = text_of(data.get("text/plain", ""))
        if PLOTLY_MIMETYPE in data:
            return self.chart(data[PLOTLY_MIMETYPE], plain)
        if "text/html" in data:
            return f'<div class="output-html">{text_of(data["text/html"])}</div>'
        for image in ("image/png", "image/jpeg"):
            if image in data:
                source = text_of(data[image]).replace("\n", "")
                alt = html.escape(plain, quote=True)
                return f'<img class="output-image" alt="{alt}" src="data:{image};base64,{source}">'
        if "image/svg+xml" in data:
            return f'<div class="output-image">{text_of(data["image/svg+xml"])}</div>'
        if "text/markdown" in data:
            return markdown_to_html(text_of(data["text/markdown"]))
        if not plain:
            return ""
        flat = " ".join(plain.split())  # a placeholder is one paragraph, wrapped for the notebook
        if set(data) == {"text/plain"} and (RUN_NOTE.search(flat) or RUN_SENTENCE.search(flat)):
            return f'<p class="interactive-note">{html.escape(widget_text(flat))}</p>'
        return f'<pre class="output-text">{html.escape(plain)}</pre>'

    def cell(self, index: int, cell: dict) -> Cell:
        rendered = Cell(index, slide_type(cell), "")
        if rendered.slide_type == "skip":  # left out everywhere, and its charts not numbered
            return rendered
        if cell["cell_type"] == "markdown":
            rendered.html = markdown_to_html(text_of(cell["source"]))
        elif cell["cell_type"] == "code":  # the input is never shown, only the outputs
            rendered.html = "".join(self.output(o, rendered) for o in cell.get("outputs", []))
        return rendered


def render_cells(notebook: dict) -> list[Cell]:
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    if code and not any(cell.get("outputs") for cell in code):
        # A deck without its charts and tables would look finished and be useless.
        raise PublishError(
            "the notebook has no stored outputs; store them first with "
            "`python -m explainer execute NOTEBOOK`"
        )
    renderer = Renderer()
    return [renderer.cell(index, cell) for index, cell in enumerate(notebook["cells"])]


def slides_of(cells: list[Cell]) -> list[list[list[Cell]]]:
    """Group cells as nbconvert does: slides, each a list of subslides (reveal's vertical
    slides), each a list of cells. Skipped cells are left out."""
    slides: list[list[list[Cell]]] = []
    for cell in cells:
        if cell.slide_type == "skip":
            continue
        if not slides or cell.slide_type == "slide":
            slides.append([[]])
        elif cell.slide_type == "subslide":
            slides[-1].append([])
        slides[-1][-1].append(cell)
    return slides


def subslide_html(cells: list[Cell]) -> str:
    """A subslide's content: a "fragment" cell and the "-" cells after it appear together."""
    parts: list[str] = []
    in_fragment = False
    for cell in cells:
        if cell.slide_type == "fragment":
            if in_fragment:
                parts.append("</div>")
            parts.append('<div class="fragment">')
            in_fragment = True
        if cell.slide_type == "notes":
            parts.append(f'<aside class="notes">{cell.html}</aside>')
        elif cell.html:
            parts.append(cell.html)
    if in_fragment:
        parts.append("</div>")
    return "\n".join(parts)


def title_of(notebook: dict) -> str:
    """The first level-1 heading of the notebook's markdown, as plain text."""
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        match = re.search(r"^#\s+(.+?)\s*#*\s*$", text_of(cell["source"]), re.MULTILINE)
        if match:
            return re.sub(r"[*_`]", "", match.group(1))
    return "Explainer"


def asset(*parts: str) -> str:
    return ASSETS.joinpath(*parts).read_text(encoding="utf-8")


def inline_script(code: str) -> str:
    """A <script> element holding `code`, which must not be able to close it early."""
    code = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", code)
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise PublishError("a script to inline contains '</script' or '<!--'")
    return f"<script>{code}</script>"


def inline_style(css: str) -> str:
    """A <style> element; @import rules are dropped (a self-contained page fetches nothing)."""
    css = re.sub(r"@import[^;]*;", "", css)
    if "</style" in css.lower():
        raise PublishError("a stylesheet to inline contains '</style'")
    return f"<style>{css}</style>"


def plotly_js() -> str:
    """plotly.min.js from the installed plotly package, the version its figures were made for."""
    return (files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def page(title: str, head: list[str], body: str, scripts: list[str], body_class: str) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)}</title>",
            *head,
            "</head>",
            f'<body class="{body_class}">',
            body,
            *scripts,
            "</body>",
            "</html>",
            "",
        ]
    )


DECK_START = """
Reveal.initialize({
  hash: true, center: false, width: 1280, height: 720, margin: 0.04,
  transition: "fade", transitionSpeed: "fast", slideNumber: "c/t", controlsTutorial: false
});
// Charts on hidden slides have no size yet: draw each one when its slide is shown.
function drawCurrent(event) {
  var printing = /print-pdf/i.test(window.location.search);
  explainerCharts.draw(printing ? document : event.currentSlide);
}
Reveal.on("ready", drawCurrent);
Reveal.on("slidechanged", drawCurrent);
"""

HANDOUT_START = """
explainerCharts.draw(document);
explainerCharts.fitForPrint();
"""


def build_slides(notebook_path: Path) -> str:
    """The reveal.js deck: one <section> per slide, nested per subslide, no code."""
    notebook = read_notebook(notebook_path)
    slides = slides_of(render_cells(notebook))
    sections = []
    for subslides in slides:
        inner = "\n".join(f"<section>\n{subslide_html(cells)}\n</section>" for cells in subslides)
        sections.append(f"<section>\n{inner}\n</section>")
    body = '<div class="reveal"><div class="slides">\n{}\n</div></div>'.format("\n".join(sections))
    head = [
        inline_style(asset("reveal", "reveal.css")),
        inline_style(asset("reveal", "white.css")),
        inline_style(asset("deck.css")),
    ]
    scripts = [
        inline_script(plotly_js()),
        inline_script(asset("reveal", "reveal.js")),
        inline_script(asset("charts.js")),
        inline_script(DECK_START),
    ]
    return page(title_of(notebook), head, body, scripts, "deck")


def build_handout(notebook_path: Path) -> str:
    """The handout: the whole walkthrough on one page, no code, charts interactive, printable."""
    notebook = read_notebook(notebook_path)
    cells = render_cells(notebook)
    parts = []
    for subslides in slides_of(cells):
        content = "\n".join(
            cell.html for cells in subslides for cell in cells if cell.slide_type != "notes"
        )
        parts.append(f'<section class="part">\n{content}\n</section>')
    note = (
        '<p class="handout-note">Handout of the explainer notebook. The charts are interactive'
        " (hover for details); the actor filter and the exercises work in the notebook itself."
        "</p>"
    )
    body = "<main>\n{}\n{}\n</main>".format(note, "\n".join(parts))
    return page(
        title_of(notebook),
        [inline_style(asset("handout.css"))],
        body,
        [
            inline_script(plotly_js()),
            inline_script(asset("charts.js")),
            inline_script(HANDOUT_START),
        ],
        "handout",
    )


def write(text: str, output: Path) -> int:
    """Write a built page, creating its folder; returns its size in bytes."""
    output.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    output.write_bytes(data)
    return len(data)
