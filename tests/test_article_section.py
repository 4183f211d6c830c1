"""The article first (issue 16): right after the introduction, the article as a reader meets it,
whole and unmarked, as one HTML output that is a single <article> element, which the deck, the
handout and the worksheet print (explainer/publish/content.py, ARTICLE_ELEMENT)."""

from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from synthetic import write_synthetic

from explainer.package import load_package
from explainer.publish.content import ARTICLE_ELEMENT
from explainer.views.whole_article import as_published

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = sorted(p.parent for p in (ROOT / "data").glob("*/datapackage.json"))


class Outline(HTMLParser):
    """The elements of an HTML fragment: the top-level ones, every tag, and the text in each."""

    def __init__(self) -> None:
        super().__init__()
        self.top: list[str] = []
        self.tags: list[str] = []
        self.open: list[str] = []
        self.text: list[tuple[tuple[str, ...], str]] = []  # (enclosing tags, text)

    def handle_starttag(self, name, attrs):
        if not self.open:
            self.top.append(name)
        self.tags.append(name)
        self.open.append(name)

    def handle_endtag(self, name):
        self.open.pop()

    def handle_data(self, data):
        if data.strip():
            self.text.append((tuple(self.open), data))


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    return parsed


def words(text: str) -> str:
    return " ".join(text.split())


def article_outputs(notebook: dict) -> list[tuple[int, dict]]:
    return [
        (index, output)
        for index, cell in enumerate(notebook["cells"])
        for output in cell.get("outputs", [])
        if ARTICLE_ELEMENT.match("".join(output.get("data", {}).get("text/html", "")))
    ]


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_the_stored_notebook_shows_the_article_first_as_one_article_element(package):
    notebook = json.loads((ROOT / "notebooks" / f"{package.name}.ipynb").read_text("utf-8"))
    found = article_outputs(notebook)
    assert len(found) == 1, "exactly one output is the article as a reader meets it"
    index, output = found[0]
    # Right after the introduction: the first numbered section.
    headings = [
        n
        for n, cell in enumerate(notebook["cells"])
        if cell["cell_type"] == "markdown" and "".join(cell["source"]).startswith("## ")
    ]
    assert headings[0] < index < headings[1]
    assert "".join(notebook["cells"][headings[0]]["source"]).startswith("## 1. ")
    html = "".join(output["data"]["text/html"])
    assert outline(html).top == ["article"]
    assert [o for o in notebook["cells"][index]["outputs"] if "data" in o] == [output]


@pytest.mark.parametrize(
    "package", [*PACKAGES, None], ids=[*(p.name for p in PACKAGES), "synthetic"]
)
def test_the_article_is_whole_in_order_and_unmarked(tmp_path, package):
    folder = write_synthetic(tmp_path / "riverton-bridge") if package is None else package
    loaded = load_package(folder)
    parsed = outline(as_published(loaded).bundle["text/html"])
    lines = [words(line) for line in loaded.article.text.splitlines() if line.strip()]
    shown = [words(text) for _, text in parsed.text]
    # Every word of article.txt, in order, and nothing else (a list item without its "- ").
    unbulleted = [line.removeprefix("- ") for line in lines]
    assert words(" ".join(shown)) == words(" ".join(unbulleted))
    assert not {"mark", "span", "script"} & set(parsed.tags)
    # Its headline heads it; its "- " lines are a list, every other line a block of its own.
    enclosing = dict((words(text), tags) for tags, text in parsed.text)
    assert "h3" in enclosing[words(loaded.article.headline)]
    for line in lines[1:]:
        if line.startswith("- "):
            assert "li" in enclosing[line[2:]], line
    takeaways = [t.quote for t in loaded.takeaways]
    assert all("li" in enclosing[words(t)] for t in takeaways if words(t) in enclosing)


def with_text(package, text: str):
    """The package with another article text (offsets unchecked: only the article is drawn)."""
    return replace(package, article=replace(package.article, text=text))


def test_the_dateline_opens_the_story_or_heads_it(tmp_path):
    loaded = load_package(write_synthetic(tmp_path / "riverton-bridge"))
    dateline = loaded.article.dateline
    opened = outline(as_published(loaded).bundle["text/html"])
    assert (("article", "p", "b"), dateline) in opened.text
    # Not in the text at all: shown under the headline, from article.csv.
    without = with_text(loaded, loaded.article.text.replace(f"{dateline} ", ""))
    headed = outline(as_published(without).bundle["text/html"])
    assert (("article", "header", "p"), dateline) in headed.text


def test_the_article_escapes_its_text(tmp_path):
    loaded = load_package(write_synthetic(tmp_path / "riverton-bridge"))
    hostile = with_text(loaded, 'A <b>bold</b> & "quoted" title\n<script>x</script>\n')
    html = as_published(hostile).bundle["text/html"]
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>bold" not in html
