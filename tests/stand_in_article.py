"""A stored notebook with its article section, for the tests of the pages that print it.

The article as a reader meets it is the output of the notebook whose HTML is one <article>
element (explainer/publish/content.py, ARTICLE_ELEMENT). A stored notebook
made before that section existed has no such output: for it, these tests insert a stand-in
after the introduction, made from the package's article.txt as plainly as possible (first line
the headline, "- " lines a list, every other line a paragraph), so that the worksheet's length
is measured with the whole article on it. A notebook that has its own article section is used
as it is.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path

from explainer.publish import provenance
from explainer.publish.content import ARTICLE_ELEMENT


def article_output(notebook: dict) -> str | None:
    """The HTML of the notebook's article section, if it has one."""
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            html_text = output.get("data", {}).get("text/html", "")
            html_text = "".join(html_text) if isinstance(html_text, list) else html_text
            if ARTICLE_ELEMENT.match(html_text):
                return html_text
    return None


def article_html(text: str) -> str:
    headline, *lines = [line.strip() for line in text.splitlines() if line.strip()]
    parts = [f"<h3>{html.escape(headline)}</h3>"]
    items: list[str] = []
    for line in lines:
        if line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
            items = []
        parts.append(f"<p>{html.escape(line)}</p>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return f"<article>{''.join(parts)}</article>"


def with_article(notebook: dict, notebook_path: Path) -> dict:
    """The notebook with an article section: its own, or the stand-in after its first two
    cells (the title and the introduction)."""
    if article_output(notebook) is not None:
        return notebook
    folder = provenance.package_of(notebook, notebook_path)
    assert folder is not None, "the notebook loads no package"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    changed = copy.deepcopy(notebook)
    heading = {
        "cell_type": "markdown",
        "metadata": {"slideshow": {"slide_type": "slide"}},
        "source": "## The article\n\nRead it whole first, as it was published.",
    }
    output = {
        "output_type": "display_data",
        "data": {"text/html": article_html(text), "text/plain": text},
        "metadata": {},
    }
    shown = {
        "cell_type": "code",
        "metadata": {"slideshow": {"slide_type": "-"}},
        "source": "views.article_as_published(package)",
        "outputs": [output],
        "execution_count": None,
    }
    changed["cells"][2:2] = [heading, shown]
    return changed
