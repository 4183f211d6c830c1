"""The class's answers, live, in chromium: three students of the classroom server answer the
hedge exercise (one right, one wrong, one wrong then, after the feedback, right), and the
teacher's page shows what they answered first, how many answered, the right answer only once
revealed, and a CSV of exactly those answers. A student's page reaches none of it."""

from __future__ import annotations

import json
import re

import class_answers
import classroom_server
import harness
import pytest
from explainer_page import open_app_mode

from explainer.answers.lesson import read_lesson

STUDENTS = 3
LESSON = read_lesson(harness.NOTEBOOK)
HEDGE = next(e for e in LESSON.exercises if e["kind"] == "hedge_word")
RIGHT = HEDGE["correct"][0]
WRONG = [c["value"] for c in HEDGE["choices"] if c["value"] not in HEDGE["correct"]]
# What each student answers, in order: right; wrong; wrong, then right after the feedback.
PLANS = [[RIGHT], [WRONG[0]], [WRONG[1], RIGHT]]
SAVED = re.compile(r"Your teacher has your answers to (\d+) exercises? \(as (\S+)\)")


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    server = classroom_server.start(tmp_path_factory.mktemp("answers"), STUDENTS)
    yield server
    leftovers = server.stop()
    assert not leftovers, f"the classroom server left kernels running (killed): {leftovers}"


@pytest.fixture(scope="module")
def teacher(server, browser):
    page = harness.watched_page(browser)
    page.goto(class_answers.teacher_link(server), timeout=60_000)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def students(server, browser, teacher):
    """Each student's page, its label, and whether its feedback gave a hint, once answered."""
    done = []
    for plan in PLANS:
        page = harness.watched_page(browser)
        open_app_mode(page, server)
        box = exercise_box(page)
        hinted = False
        for choice in plan:
            box.locator("select").select_option(value=choice)
            box.get_by_role("button", name="Check").click()
            page.wait_for_function(
                "n => [...document.querySelectorAll('p[role=status]')].some(p => "
                "p.textContent.includes(`answers to ${n} exercise`))",
                arg=1,
                timeout=30_000,
            )
            hinted = hinted or "hint" in box.inner_text().lower()
        (saved,) = SAVED.findall(page.inner_text("body"))
        done.append((page, saved[1], hinted))
    yield done
    for page, _, _ in done:
        page.context.close()


def exercise_box(page):
    """The hedge exercise's own box: the innermost that holds its list of answers."""
    options = page.locator("select", has=page.locator(f'option[value="{WRONG[0]}"]'))
    return page.locator(".widget-vbox", has=options).last


def test_the_teachers_page_shows_the_first_answers_and_how_many_answered(teacher, students):
    assert "key=" not in teacher.url  # the projector's address bar shows no key
    part = teacher.locator(f'section[data-exercise="{HEDGE["key"]}"]')
    part.locator('[data-answered="3"]').wait_for(timeout=10_000)
    counts = {
        item.get_attribute("data-value"): int(item.get_attribute("data-count"))
        for item in part.locator("li").all()
    }
    expected = {c["value"]: 0 for c in HEDGE["choices"]}
    for plan in PLANS:
        expected[plan[0]] += 1
    assert counts == expected
    assert "3 students have answered" in teacher.inner_text("#students")
    harness.screenshot(teacher, "class-answers-teacher.png", full_page=True)


def test_the_right_answer_is_marked_only_once_the_teacher_reveals_it(teacher, students):
    part = teacher.locator(f'section[data-exercise="{HEDGE["key"]}"]')
    part.locator('[data-answered="3"]').wait_for(timeout=10_000)
    assert part.locator("li.is-right").count() == 0
    assert not part.get_by_text("right answer", exact=True).first.is_visible()
    part.get_by_role("button", name="Show the right answer").click()
    marked = {i.get_attribute("data-value") for i in part.locator("li.is-right").all()}
    assert marked == set(HEDGE["correct"])
    assert part.locator("li.is-right").first.get_by_text("right answer").is_visible()


def test_the_csv_holds_exactly_those_answers(teacher, students, tmp_path):
    rows = class_answers.downloaded_csv(teacher, tmp_path)
    found = {
        (r["student"], r["exercise"], r["first_answer"], r["final_answer"], r["tries"], r["hints"])
        for r in rows
    }
    expected = {
        (label, HEDGE["key"], plan[0], plan[-1], str(len(plan)), str(int(hinted)))
        for (_, label, hinted), plan in zip(students, PLANS, strict=True)
    }
    assert len(rows) == 3 and found == expected
    assert {r["lesson"] for r in rows} == {LESSON.name}


FETCH = """async ([url, method]) => {
  const response = await fetch(url, {method, body: method === "POST" ? "{}" : undefined});
  return response.status;
}"""


def test_a_students_page_reaches_neither_the_summary_the_csv_nor_others_answers(students, server):
    page = students[0][0]
    base = server.base
    for path in (
        "/explainer/teacher/",
        "/explainer/teacher/summary.json",
        "/explainer/teacher/answers.csv",
    ):
        assert page.evaluate(FETCH, [base + path, "GET"]) == 403, path
    answer = json.dumps(
        {
            "answer": {
                "exercise": HEDGE["key"],
                "first_answer": RIGHT,
                "final_answer": RIGHT,
                "tries": 1,
                "hints": 0,
            }
        }
    )
    status = page.evaluate(
        """async ([url, body]) => (await fetch(url, {method: "POST", body})).status""",
        [base + "/explainer/answers", answer],
    )
    assert status == 403  # only a kernel, with its own page's key, records an answer
