"""The notebook's prose may only quote the article, or outside context that names its source.

The flagship's prose is its package's lesson.md, from which its notebook is generated; both
are checked, the notebook as stored and the lesson as a teacher edits it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from curly_quotes import quotations

from explainer.package.load import load_package

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "korea-us-consultations.ipynb"
LESSON = ROOT / "data" / "korea-us-consultations" / "lesson.md"


@pytest.fixture(scope="module")
def package():
    return load_package(ROOT / "data" / "korea-us-consultations")


@pytest.fixture(scope="module")
def markdown() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def test_every_curly_quote_in_the_prose_is_verbatim(markdown, package):
    sources = [package.article.text] + [x.fact for x in package.context]
    quotes = [q for cell in markdown for q in quotations(cell)]
    assert len(quotes) > 20
    invented = [q for q in quotes if not any(q in source for source in sources)]
    assert invented == []


def test_outside_context_is_marked_where_it_is_used(markdown, package):
    quoting_context = [
        cell for cell in markdown if any(q not in package.article.text for q in quotations(cell))
    ]
    assert quoting_context
    assert all("Outside context" in cell for cell in quoting_context)


def test_teacher_guide_quotes_are_verbatim_too(package):
    guide = (ROOT / "notebooks" / "TEACHER_GUIDE.md").read_text(encoding="utf-8")
    sources = [package.article.text] + [x.fact for x in package.context]
    invented = [q for q in quotations(guide) if not any(q in source for source in sources)]
    assert invented == []


def test_the_lesson_quotes_verbatim_and_marks_outside_context(package):
    sections = LESSON.read_text(encoding="utf-8").split("\n## ")[1:]
    sources = [package.article.text] + [x.fact for x in package.context]
    quotes = [q for section in sections for q in quotations(section)]
    assert len(quotes) > 20
    assert [q for q in quotes if not any(q in source for source in sources)] == []
    quoting_context = [
        s for s in sections if any(q not in package.article.text for q in quotations(s))
    ]
    assert quoting_context
    assert all("Outside context" in section for section in quoting_context)
