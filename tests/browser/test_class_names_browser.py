"""The classroom server with `--names`: a student types a name in the "Your answers" box, and
the teacher's record has that student's answers under that name, not a random label. A name
that a spreadsheet would run as a formula is refused in words; the box takes a page's name
once."""

from __future__ import annotations

import class_answers
import classroom_server
import harness
import pytest
from explainer_page import open_app_mode

from explainer.answers.lesson import read_lesson

LESSON = read_lesson(harness.NOTEBOOK)
HEDGE = next(e for e in LESSON.exercises if e["kind"] == "hedge_word")
NAME = "Ada L"


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    server = classroom_server.start(tmp_path_factory.mktemp("names"), 1, options=("--names",))
    yield server
    leftovers = server.stop()
    assert not leftovers, f"the classroom server left kernels running (killed): {leftovers}"


def test_a_typed_name_is_the_one_the_teacher_sees(server, browser, tmp_path):
    page = harness.watched_page(browser)
    try:
        open_app_mode(page, server)
        name = page.get_by_role("textbox", name="Your name for your teacher:")
        name.wait_for(timeout=60_000)
        assert "Type your name" in page.inner_text("body")
        name.fill("=1+1")  # a spreadsheet formula: never a name in the teacher's CSV
        name.press("Enter")
        page.get_by_text("a name cannot start with", exact=False).wait_for(timeout=15_000)
        assert not name.is_disabled()
        name.fill(NAME)
        name.press("Enter")
        page.wait_for_function(
            "() => document.querySelector('.widget-text input').disabled", timeout=15_000
        )
        options = page.locator("select", has=page.locator(f'option[value="{HEDGE["correct"][0]}"]'))
        box = page.locator(".widget-vbox", has=options).last
        box.locator("select").select_option(value=HEDGE["correct"][0])
        box.get_by_role("button", name="Check").click()
        page.get_by_text(f"(as {NAME})", exact=False).first.wait_for(timeout=30_000)
    finally:
        page.context.close()
    teacher = harness.watched_page(browser)
    try:
        teacher.goto(class_answers.teacher_link(server), timeout=60_000)
        rows = class_answers.downloaded_csv(teacher, tmp_path)
        assert [(r["student"], r["exercise"], r["final_answer"]) for r in rows] == [
            (NAME, HEDGE["key"], HEDGE["correct"][0])
        ]
    finally:
        teacher.context.close()
