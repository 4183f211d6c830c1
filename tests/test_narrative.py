"""The generated explainer: the flagship's sections from its package, and any package's."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from commands import run
from curly_quotes import quotations
from synthetic import write_synthetic

from explainer.narrative import generate_notebook, instructions
from explainer.narrative.lesson import LESSON, LessonError, LessonWarning
from explainer.narrative.sections import plan, slots
from explainer.package import load_package
from explainer.publish import provenance
from explainer.views.modes import MODES_MIMETYPE

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "data" / "korea-us-consultations"
NOTEBOOK = ROOT / "notebooks" / "korea-us-consultations.ipynb"
PACKAGES = sorted(p.parent for p in (ROOT / "data").glob("*/datapackage.json"))
NAMES = [p.name for p in PACKAGES]
EXERCISE_KINDS = {
    "hedge_word",
    "claim_source",
    "source_kind",
    "relative_date",
    "plan_or_fact",
    "takeaway_verdict",
}


def cells(notebook) -> list[tuple[str, str, str]]:
    return [
        (c.cell_type, " ".join(c.source.split()), c.metadata["slideshow"]["slide_type"])
        for c in notebook.cells
    ]


def markdown(notebook) -> list[str]:
    return [c.source for c in notebook.cells if c.cell_type == "markdown"]


def code(notebook) -> str:
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "code")


def headings(notebook) -> list[str]:
    return [m for text in markdown(notebook) for m in re.findall(r"^## \d+\. (.+)$", text, re.M)]


def without_lesson(package: Path, tmp_path: Path) -> Path:
    """A copy of a package without its lesson: every word of prose is generated."""
    folder = tmp_path / "data" / package.name
    shutil.copytree(package, folder)
    (folder / LESSON).unlink(missing_ok=True)
    return folder


@pytest.fixture
def plain_flagship(tmp_path) -> Path:
    return without_lesson(FLAGSHIP, tmp_path)


@pytest.fixture
def synthetic(tmp_path) -> Path:
    return write_synthetic(tmp_path / "data" / "riverton-bridge")


def generated(folder: Path):
    return generate_notebook(folder, folder.parents[1] / "notebooks" / f"{folder.name}.ipynb")


@pytest.mark.parametrize("package", PACKAGES, ids=NAMES)
def test_each_stored_notebook_is_the_one_generated_from_its_package(package):
    notebook = ROOT / "notebooks" / f"{package.name}.ipynb"
    stored = nbformat.read(notebook, as_version=4)
    assert cells(generate_notebook(package, notebook)) == cells(stored)


@pytest.mark.parametrize("package", PACKAGES, ids=NAMES)
def test_each_stored_notebook_has_outputs_of_its_package_as_it_is(package):
    assert provenance.stale_outputs(ROOT / "notebooks" / f"{package.name}.ipynb") is None


def test_without_a_lesson_the_flagship_has_every_section_and_exercise(plain_flagship):
    notebook = generated(plain_flagship)
    body = [title for slug, (title, _) in slots().items() if slug != "introduction"]
    assert sorted(headings(notebook)) == sorted(body)
    assert headings(notebook)[0] == "The article"
    used = set(re.findall(r"exercises\.(\w+)\(package", code(notebook)))
    assert used == EXERCISE_KINDS


def test_every_part_a_lesson_may_name_is_in_the_flagship():
    """The flagship has every slot, so the lesson headings allowed all reach a cell."""
    made = {
        (s.slug, p.slot)
        for s in plan(load_package(FLAGSHIP), "x")
        for p in s.parts
        if hasattr(p, "slot")
    }
    assert made == {(slug, slot) for slug, (_, named) in slots().items() for slot in named}


@pytest.mark.parametrize("package", [*PACKAGES, None], ids=[*NAMES, "synthetic"])
def test_generated_prose_quotes_only_the_article(tmp_path, package):
    if package is None:
        folder = write_synthetic(tmp_path / "data" / "riverton-bridge")
    else:
        folder = without_lesson(package, tmp_path)
    text = load_package(folder).article.text
    quotes = [q for cell in markdown(generated(folder)) for q in quotations(cell)]
    assert quotes, "the prose quotes nothing: this test needs rethinking"
    assert [q for q in quotes if q not in text] == []


def test_generated_prose_escapes_markdown_in_the_data(synthetic):
    actors = (synthetic / "actors.csv").read_text(encoding="utf-8")
    (synthetic / "actors.csv").write_text(
        actors.replace("Ana Lima,person", "Ana *Lima* [x]_,person"), encoding="utf-8"
    )
    text = "\n".join(markdown(generated(synthetic)))
    assert r"Ana \*Lima\* \[x\]\_" in text
    assert "*Lima*" not in text


def test_sections_the_package_has_nothing_for_are_left_out(synthetic):
    notebook = generated(synthetic)
    assert sorted(headings(notebook)) == sorted(
        [
            "The article",
            "The headline and its hedges",
            "Where the story comes from",
            "Dating the story",
            "Who's who",
            "The sequence of events",
            "Explore by actor",
            "Claim by claim",
            "How sure is the article?",
            "Summary and questions",
        ]
    )
    source = code(notebook)
    for absent in ("dating_table", "context_table", "context_actors_table", "takeaway"):
        assert absent not in source
    assert "Key Takeaway" not in "\n".join(markdown(notebook))


def test_a_package_without_hedges_or_time_words_has_no_exercise_on_them(synthetic):
    claims = (synthetic / "claims.csv").read_text(encoding="utf-8")
    (synthetic / "claims.csv").write_text(
        claims.replace(",probable,probably,", ",certain,,"), encoding="utf-8"
    )
    events = (synthetic / "events.csv").read_text(encoding="utf-8")
    (synthetic / "events.csv").write_text(
        events.replace("next Wednesday", "").replace("last year", ""), encoding="utf-8"
    )
    notebook = generated(synthetic)
    assert "The headline and its hedges" not in headings(notebook)
    assert "Dating the story" not in headings(notebook)
    used = set(re.findall(r"exercises\.(\w+)\(package", code(notebook)))
    assert used == {"claim_source", "source_kind", "plan_or_fact"}
    how = instructions.how_to_use(load_package(synthetic)).bundle[MODES_MIMETYPE]
    assert all("Three exercises marked" in variant for variant in how.values())


def test_a_lesson_replaces_or_extends_the_generated_text(synthetic):
    (synthetic / LESSON).write_text(
        "Notes for editors, not shown.\n\n"
        "## whos-who\nOur own words about the people.\n\n"
        "## claim-by-claim\n### Title\nEvery sentence, weighed\n\n"
        "## how-sure\nFirst ours.\n\n<!-- generated -->\n\nThen ours again.\n",
        encoding="utf-8",
    )
    notebook = generated(synthetic)
    text = markdown(notebook)
    assert any(
        re.fullmatch(r"## \d+\. Who's who\n\nOur own words about the people\.", t) for t in text
    )
    assert any(re.match(r"## \d+\. Every sentence, weighed\n\nEvery assertion", t) for t in text)
    (how_sure,) = [t for t in text if re.match(r"## \d+\. How sure", t)]
    assert re.fullmatch(
        r"(?s)## \d+\. How sure.*\n\nFirst ours\.\n\nBy certainty.*Then ours again\.", how_sure
    )
    assert "Notes for editors" not in "\n".join(text)


def test_a_section_named_by_its_title_still_works_with_a_warning_naming_its_slug(synthetic):
    (synthetic / LESSON).write_text("\n## Who's who\nOur own words.\n", encoding="utf-8")
    with pytest.warns(LessonWarning) as warned:
        notebook = generated(synthetic)
    assert [str(w.message) for w in warned] == [
        f"{LESSON}:2: '## Who's who' names the section by its title; write '## whos-who', "
        "which stays the same when the title changes"
    ]
    assert any(
        re.fullmatch(r"## \d+\. Who's who\n\nOur own words\.", t) for t in markdown(notebook)
    )


@pytest.mark.parametrize(
    ("lesson", "line", "words"),
    [
        ("## Who is who\ntext\n", 1, "no section is called 'Who is who'"),
        ("## whos-who\ntext\n\n### Afterwards\nmore\n", 4, "no part is called 'Afterwards'"),
        ("## whos-who\na\n## whos-who\nb\n", 3, "given twice"),
        (
            "“Notes may quote anything.”\n## whos-who\nThe mayor says\n“the work could "
            "not\nwait”, not “the bridge must go”.\n",
            5,
            "“the bridge must go” is neither in the article",
        ),
    ],
)
def test_a_wrong_lesson_heading_is_named_with_its_line(synthetic, lesson, line, words):
    (synthetic / LESSON).write_text(lesson, encoding="utf-8")
    with pytest.raises(LessonError) as error:
        generated(synthetic)
    assert str(error.value).startswith(f"{LESSON}:{line}: ")
    assert words in str(error.value)


def test_the_notebook_command_writes_an_executed_reproducible_notebook(synthetic):
    folder = synthetic.parents[1]
    first = run("notebook", "data/riverton-bridge", cwd=folder)
    assert (first.returncode, first.stdout.strip()) == (
        0,
        "notebooks/riverton-bridge.ipynb: written and executed from data/riverton-bridge",
    )
    path = folder / "notebooks" / "riverton-bridge.ipynb"
    stored = json.loads(path.read_text(encoding="utf-8"))
    outputs = [o for c in stored["cells"] for o in c.get("outputs", [])]
    assert outputs and all(o["output_type"] != "error" for o in outputs)
    assert stored["metadata"]["explainer"]["package"] == "riverton-bridge"
    assert any(
        'load_package("../data/riverton-bridge")' in "".join(c["source"]) for c in stored["cells"]
    )
    before = path.read_bytes()
    again = run("notebook", "data/riverton-bridge", "--output", str(path), cwd=folder)
    assert again.returncode == 0
    assert path.read_bytes() == before  # deterministic: strict nbval can compare it
    nbval = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
    )
    assert nbval.returncode == 0, nbval.stdout[-2000:]


def test_the_notebook_command_refuses_an_invalid_package(synthetic):
    claims = (synthetic / "claims.csv").read_text(encoding="utf-8")
    (synthetic / "claims.csv").write_text(claims.replace(",probable,", ",rumoured,"), "utf-8")
    result = run("notebook", str(synthetic), cwd=synthetic.parents[1])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "claims.csv:2: certainty: " in result.stderr
    assert not (synthetic.parents[1] / "notebooks").exists()


def test_the_notebook_command_names_a_wrong_lesson_in_one_line(synthetic):
    (synthetic / LESSON).write_text("## Who is who\n", encoding="utf-8")
    result = run("notebook", str(synthetic), cwd=synthetic.parents[1])
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{synthetic}/{LESSON}:1: no section is called 'Who is who' ({'; '.join(slots())})"
    )


def test_the_package_guide_names_every_part_a_lesson_may_rewrite():
    readme = (ROOT / "docs" / "packages.md").read_text(encoding="utf-8")
    section = readme.split("## An explainer for another article", 1)[1].split("\n## ", 1)[0]
    named = {slot for _, allowed in slots().values() for slot in allowed if slot}
    assert [slot for slot in sorted(named) if f"`### {slot}`" not in section] == []


def test_a_folder_of_packages_gets_a_notebook_each(tmp_path):
    data = tmp_path / "data"
    write_synthetic(data / "riverton-bridge")
    shutil.copytree(data / "riverton-bridge", data / "harbour-wall")
    result = run("notebook", "data", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"notebooks/{name}.ipynb: written and executed from data/{name}"
        for name in ("harbour-wall", "riverton-bridge")
    ]
    refused = run("notebook", "data", "--output", "one.ipynb", cwd=tmp_path)
    assert (refused.returncode, refused.stderr) == (
        2,
        "data: holds 2 packages: --output needs one\n",
    )
