"""The review notebook in a real browser (issue 17 §5): a drafted package reviewed to
`validate --strict` clean through the notebook alone, in JupyterLab and in Voilà, and the
kernel killed between two edits.

Each test drafts its own package with `new` (which writes review.ipynb beside it) and then
only clicks the notebook's buttons, as a teacher does; what it checks afterwards is the package
on disk. The number of rows to review comes from the progress line the page shows.
"""

from __future__ import annotations

import csv
import os
import re
import signal
from pathlib import Path

import harness
import pytest
from explainer_page import ALL_CELLS_RAN, ERRORS_SHOWN, open_app_mode

from explainer.cli import main
from explainer.package import validate_package

ARTICLE = (
    "Envoys to Meet Next Tuesday\n"
    "SEOUL (NationPress) — Envoys will meet next Tuesday, officials said.\n"
    "The two sides met on Friday, a diplomat said.\n"
    "Talks could resume soon.\n"
)
PROGRESS = re.compile(r"(\d+) of (\d+) reviewed")


def drafted(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "story.txt").write_text(ARTICLE, encoding="utf-8")
    out = root / "draft"
    assert (
        main(["new", str(root / "story.txt"), "--published", "2025-12-08", "--output", str(out)])
        == 0
    )
    return out


def progress(page) -> tuple[int, int]:
    page.wait_for_function(
        "() => /\\d+ of \\d+ reviewed/.test(document.body.innerText)", timeout=120_000
    )
    done, total = PROGRESS.search(page.inner_text("body")).groups()
    return int(done), int(total)


def accept(page) -> None:
    """Click Accept and wait until the page says the change is saved and the count moved."""
    before, _ = progress(page)
    page.locator("button.widget-button", has_text="Accept").first.click()
    page.wait_for_function(
        "n => new RegExp('^' + n + ' of').test("
        "  (document.body.innerText.match(/\\d+ of \\d+ reviewed/) || [''])[0])",
        arg=before + 1,
        timeout=60_000,
    )
    assert "Saved" in page.inner_text("body")


def assert_whole(folder: Path) -> None:
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            header, *records = list(csv.reader(handle))
        assert all(len(r) == len(header) for r in records), f"{path.name} is cut"


def rows_to_review(folder: Path) -> int:
    count = 0
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            count += sum(1 for _ in reader) if "review" in (reader.fieldnames or []) else 0
    return count


def reviewed_rows(folder: Path) -> int:
    count = 0
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            count += sum(row.get("review") == "reviewed" for row in csv.DictReader(handle))
    return count


@pytest.fixture
def lab_review(browser, tmp_path):
    home = tmp_path / "lab"
    folder = drafted(home / "root")
    server = harness.start_lab(home / "server", home / "root")
    page = harness.watched_page(browser)
    try:
        yield server, page, folder
    finally:
        page.context.close()
        leftovers = server.stop()
        assert not leftovers, f"jupyterlab left processes running (killed): {leftovers}"


def run_review_notebook(page) -> None:
    """Run All on a notebook whose outputs were cleared first (so what the page shows after is
    this run's), once its kernel is idle."""
    page.wait_for_function(harness.KERNEL_IDLE, timeout=120_000)
    page.evaluate(
        "() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')"
        ".then(() => window.jupyterapp.commands.execute('notebook:run-all-cells'))"
    )
    page.wait_for_function(ALL_CELLS_RAN, timeout=120_000, polling=250)
    progress(page)


def test_jupyterlab_reviews_a_draft_to_strict_and_survives_a_killed_kernel(lab_review):
    server, page, folder = lab_review
    page.goto(server.url("/lab/tree/draft/review.ipynb?reset"), timeout=120_000)
    run_review_notebook(page)
    assert page.evaluate(ERRORS_SHOWN) == []
    text = page.inner_text("body")
    assert "ambiguous date" in text and "next Tuesday" in text  # ambiguous dates come first
    assert page.locator("mark", has_text="next Tuesday").count() >= 1
    done, total = progress(page)
    assert (done, total) == (0, rows_to_review(folder))
    harness.screenshot(page, "review-jupyterlab.png")

    accept(page)  # the first edit, acknowledged ("Saved")
    assert reviewed_rows(folder) == 1
    server.remember_kernels()
    (kernel,) = [pid for pid in server.kernels if _is_kernel(pid)]
    os.kill(kernel, signal.SIGKILL)  # killed before the second edit
    assert_whole(folder)
    assert reviewed_rows(folder) == 1 and validate_package(folder) == []

    page.get_by_role("button", name="Ok").click(timeout=60_000)  # "the kernel appears to
    run_review_notebook(page)  # have died; it will restart automatically", as it does
    assert progress(page) == (1, total)  # the acknowledged edit is there
    for _ in range(total - 1):
        accept(page)
    assert progress(page) == (total, total)
    assert page.locator("button.widget-button", has_text="Generate the explainer").count() == 1
    assert main(["validate", "--strict", str(folder)]) == 0
    assert page.watch.problems() == []


def _is_kernel(pid: int) -> bool:
    import psutil

    try:
        return "ipykernel_launcher" in " ".join(psutil.Process(pid).cmdline())
    except psutil.Error:
        return False


def test_voila_reviews_a_draft_to_strict_and_generates_the_explainer(browser, tmp_path):
    folder = drafted(tmp_path / "root")
    notebook = folder / "review.ipynb"
    server = harness.start_voila(tmp_path / "voila", notebook)  # `explainer app`, as `review` says
    page = harness.watched_page(browser)
    try:
        open_app_mode(page, server)
        done, total = progress(page)
        assert done == 0
        for _ in range(total):
            accept(page)
        assert main(["validate", "--strict", str(folder)]) == 0
        page.locator("button.widget-button", has_text="Generate the explainer").click()
        page.wait_for_function(
            "() => /Generated: /.test(document.body.innerText)", timeout=300_000, polling=500
        )
        assert (folder.parent / "draft.ipynb").exists()
        harness.screenshot(page, "review-voila-done.png")
        assert page.watch.problems() == []
    finally:
        page.context.close()
        leftovers = server.stop()
        assert not leftovers, f"voila left processes running (killed): {leftovers}"
