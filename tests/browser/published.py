"""Opening a built page from disk in chromium, with every network request blocked.

Shared by the browser tests of the deck, the handout, the worksheet and the answer key
(test_publish_*.py): the pages are built once per module by the `published` fixture
(conftest.py) and opened through `Offline`, which also records every request the page's
Content Security Policy refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from explainer.publish import pages
from explainer.publish.content import ARTICLE_ELEMENT

LOCAL = ("file:", "data:", "blob:", "about:")
# Paper sizes in CSS pixels (96 per inch); handout.css and paper.css leave 15 mm margins.
MARGIN = 15 / 25.4 * 96
PAPER = {"A4": (210 / 25.4 * 96, 297 / 25.4 * 96), "Letter": (8.5 * 96, 11 * 96)}

# A page laid out as printed pages would be: print media, the page's printable width, and
# CSS columns one printable page tall, which chromium fragments by the same break rules as
# pages. An element cut across two pages would have a box in each of two columns.
PAGINATE = """([width, height]) => {
  const main = document.querySelector("main");
  Object.assign(main.style, {width: width + "px", height: height + "px", columnWidth: width + "px",
                             columnGap: "0px", columnFill: "auto", margin: "0"});
  document.body.style.width = "max-content";
  const split = [];
  // An answer's text is whole; the evidence after it (a table, a chart) is whole row by row.
  const WHOLE = "figure, tr, h1, h2, h3, .exercise, .answer-text";
  for (const el of main.querySelectorAll(
    "figure.chart-figure, tr, h1, h2, h3, p, li, .exercise, .answer-text")) {
    const boxes = [...el.getClientRects()].filter(box => box.width && box.height);
    const columns = new Set(boxes.map(box => Math.floor((box.left - main.getBoundingClientRect()
      .left + 1) / width)));
    if (columns.size > 1 && el.matches(WHOLE))
      split.push(el.tagName + ": " + el.textContent.slice(0, 60));
  }
  return {split, pages: Math.ceil(main.scrollWidth / width)};
}"""

# Every refusal of the page's policy, kept in the page for check_offline to read.
RECORD_REFUSALS = """window.refusedByPolicy = [];
document.addEventListener("securitypolicyviolation", event => window.refusedByPolicy.push(
  event.violatedDirective + " " + event.blockedURI));"""


def build_pages(folder: Path, notebook_path: Path, names=("slides", "handout")) -> dict:
    """The notebook as read, and the pages `names` built from a copy of it, on disk."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    return build_from(folder, notebook, notebook_path.name, names)


def build_from(folder: Path, notebook: dict, name: str, names=("slides", "handout")) -> dict:
    copy = folder / name
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    paths: dict = {"notebook": notebook}
    for page in names:
        paths[page] = folder / f"explainer-{page.replace(' ', '-')}.html"
        pages.write(pages.BUILDERS[page](copy), paths[page])
    return paths


def build_both(folder: Path, notebook_path: Path) -> dict:
    """The notebook as read, and its deck and handout built from a copy of it, on disk."""
    return build_pages(folder, notebook_path)


class Offline:
    """A page in a fresh browser context that aborts, and records, every non-local request."""

    def __init__(self, browser, width: int, height: int) -> None:
        self.attempted: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.add_init_script(RECORD_REFUSALS)
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on(
            "console",
            lambda message: (
                self.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )
        self.page.on("dialog", self.dialog)

    def dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.attempted.append(url)
            route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def refused(self) -> list[str]:
        """What the page's policy refused so far (its own pages must need nothing refused)."""
        return self.page.evaluate("window.refusedByPolicy")

    def check_offline(self) -> None:
        assert self.attempted == []
        assert [url for url in self.requests if not url.startswith(LOCAL)] == []
        assert self.errors == []
        assert self.dialogs == []
        assert self.refused() == []

    def close(self) -> None:
        self.context.close()


def article_output(notebook: dict) -> str:
    """The HTML of the notebook's article section: its one output that is an <article>."""
    found = [
        html
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if ARTICLE_ELEMENT.match(html := "".join(output.get("data", {}).get("text/html", "")))
    ]
    assert len(found) == 1, f"{len(found)} article sections in the notebook"
    return found[0]
