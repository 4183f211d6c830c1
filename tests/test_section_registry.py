"""A new section is one builder and one registration (issue 19 §1): its title and slots are
declared once, its code cells are calls to real functions checked when the notebook is made,
lesson.md names it by its slug, and its place follows the retrieval-first rule, not the
place it was registered at."""

from __future__ import annotations

import re

import pytest
from stored_notebook import waited_for
from synthetic import write_synthetic

from explainer import views
from explainer.narrative import generate_notebook, prose, registry
from explainer.narrative.parts import OPENING, PACKAGE, NarrativeError, Prose, call, code
from explainer.narrative.registry import SectionType, register_section


def every_claim(package, path):
    """A section of a test: every claim again, hedges marked."""
    return (
        Prose(OPENING, "Every claim again, its hedge words marked.", "slide"),
        code(call(views.claims, PACKAGE)),
    )


@pytest.fixture
def synthetic(tmp_path):
    return write_synthetic(tmp_path / "data" / "riverton-bridge")


@pytest.fixture
def registered(monkeypatch):
    """The registry as it is, to add to for one test."""
    monkeypatch.setattr(registry, "SECTION_TYPES", dict(registry.SECTION_TYPES))


def generated(folder):
    notebook = generate_notebook(folder, folder.parents[1] / "notebooks" / "x.ipynb")
    return [(c.cell_type, flat(c.source)) for c in notebook.cells]


def flat(text: str) -> str:
    """A call broken over lines, as on one."""
    return re.sub(r"\(\s+", "(", re.sub(r",\s+\)", ")", text))


def heading_index(cells, title: str) -> int:
    return next(n for n, (_, text) in enumerate(cells) if re.match(rf"## \d+\. {title}", text))


def test_a_registered_section_waits_for_the_exercise_its_view_answers(registered, synthetic):
    # Registered to come right after the article, before the hedge exercise's section...
    register_section(
        SectionType("again", "Every claim again", frozenset({OPENING}), every_claim),
        before="headline",
    )
    (synthetic / "lesson.md").write_text("## again\nOur words.\n", encoding="utf-8")
    cells = generated(synthetic)
    again = heading_index(cells, "Every claim again")
    # ... it comes after every section asking what its claims table answers,
    answered = re.compile(r"exercises\.(hedge_word|claim_source|source_kind)\(")
    asking = [n for n, (_, text) in enumerate(cells) if answered.search(text)]
    assert asking and max(asking) < again
    # its table is held back until each of them is answered,
    (table,) = [text for _, text in cells[again:] if "views.claims(package)" in text][:1]
    keys = re.findall(r'exercises\.(\w+)\(package, "([^"]+)"\)\)', "".join(t for _, t in cells))
    for kind, record in keys:
        if kind in ("hedge_word", "claim_source", "source_kind"):
            assert f"{kind}:{record}" in waited_for(table)
    # and lesson.md names it by its slug.
    assert cells[again][1].endswith("Our words.")


def test_a_call_the_notebook_could_not_make_fails_when_it_is_generated(registered, synthetic):
    def unreachable(package, path):
        return (code(call(prose.md, "text")),)  # prose is not imported by the setup

    register_section(SectionType("broken", "Broken", frozenset({OPENING}), unreachable))
    with pytest.raises(NarrativeError, match=r"explainer\.narrative\.prose\.md is not reachable"):
        generated(synthetic)


def test_a_call_with_wrong_arguments_fails_when_it_is_built():
    with pytest.raises(NarrativeError, match=r"claims\(\) cannot be called so"):
        call(views.claims, PACKAGE, [], 10, "too many")


def test_a_slug_is_registered_once(registered):
    with pytest.raises(NarrativeError, match="'sources' is registered twice"):
        register_section(SectionType("sources", "Again", frozenset({OPENING}), every_claim))
