"""The classroom server's answer routes, served by tornado alone (no Voilà, no kernels): a
kernel's answer is stored under its own page's label, the teacher's view and CSV need the
teacher's key, and nobody else gets anything."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import tornado.web

from explainer.answers import server
from explainer.answers.lesson import read_lesson
from explainer.answers.protocol import ANSWER_ROUTE, KEY, LABEL, NAMES, PAGE_HEADER, URL
from explainer.answers.recorder import Recorder
from explainer.answers.row import Row
from explainer.answers.sender import from_environment

LESSON = read_lesson(Path("notebooks/korea-us-consultations.ipynb"))
HEDGE = "hedge_word:c_tentative_tuesday"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def serve(tmp_path):
    """Start the routes for a lesson on a free port; yields (recorder, base address)."""
    started = []

    def start(names=False):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        recorder_box, ready = [], threading.Event()

        def run():
            async def main():
                recorder = Recorder(LESSON, tmp_path / "a.sqlite", base + ANSWER_ROUTE, names)
                recorder_box.append(recorder)
                app = tornado.web.Application(
                    server.routes(recorder),
                    allow_remote_access=False,
                    local_hostnames=["localhost"],
                )
                http = app.listen(port, "127.0.0.1")
                stop = asyncio.Event()
                started.append((asyncio.get_running_loop(), stop))
                ready.set()
                await stop.wait()
                http.stop()
                recorder.close()

            asyncio.run(main())

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        ready.wait(10)
        started[-1] += (thread,)
        return recorder_box[0], base

    yield start
    for loop, stop, thread in started:
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)


def kernel(recorder):
    """A kernel's sender, from the environment the server gives a new kernel."""
    return from_environment(recorder.new_page())


def answer(exercise=HEDGE, first="Tuesday", final="Tuesday", tries=1, hints=0) -> Row:
    return Row(LESSON.name, exercise, "ignored", first, final, tries, hints, "2025-12-12T09:30:00Z")


def get(url, cookie=None, host=None):
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    if host:
        request.add_header("Host", host)
    return DIRECT.open(request, timeout=10)


def status(call) -> int:
    try:
        call()
    except urllib.error.HTTPError as error:
        return error.code
    return 200


def teacher_cookie(recorder, base) -> str:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(server.teacher_link(base, recorder), timeout=10)
    assert redirect.value.code == 303
    assert redirect.value.headers["Location"] == server.TEACHER_ROUTE  # no key in the address
    cookie = redirect.value.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return cookie.split(";")[0]


def test_an_answer_is_stored_under_its_pages_label_and_reaches_the_teacher(serve):
    recorder, base = serve()
    first, second = kernel(recorder), kernel(recorder)
    first.send(answer(first="Tuesday", final="Tuesday"))
    first.send(answer(first="Tuesday", final="pending", tries=2, hints=1))
    second.send(answer(first="tentative", final="tentative"))
    assert first.stored == second.stored == {HEDGE} and not first.problem
    cookie = teacher_cookie(recorder, base)
    summary = json.load(get(base + server.TEACHER_ROUTE + "summary.json", cookie))
    assert summary["students"] == 2
    (hedge,) = [e for e in summary["exercises"] if e["exercise"] == HEDGE]
    assert hedge["answered"] == 2 and hedge["first"] == {"Tuesday": 1, "tentative": 1}
    assert hedge["final"] == {"pending": 1, "tentative": 1} and hedge["hinted"] == 1
    text = get(base + server.TEACHER_ROUTE + "answers.csv", cookie).read().decode()
    rows = sorted(
        (r["student"], r["first_answer"], r["final_answer"], r["tries"])
        for r in csv.DictReader(io.StringIO(text))
    )
    assert rows == sorted(
        [(first.label, "Tuesday", "pending", "2"), (second.label, "tentative", "tentative", "1")]
    )
    page = get(base + server.TEACHER_ROUTE, cookie).read().decode()
    assert "The class's answers" in page


def test_a_student_gets_nothing_of_the_class_and_cannot_write_for_another(serve):
    recorder, base = serve()
    kernel(recorder).send(answer())
    for path in ("", "summary.json", "answers.csv"):
        url = base + server.TEACHER_ROUTE + path
        assert status(lambda url=url: get(url)) == 403
        assert status(lambda url=url: get(url + "?token=the-class-link-key")) == 403
        assert status(lambda url=url: get(url, cookie=f"{server.COOKIE}=guess")) == 403
    forged = from_environment({URL: recorder.url, KEY: "not-a-page-key", LABEL: "K7QM", NAMES: ""})
    forged.send(answer(first="pending", final="pending"))
    assert not forged.stored and "not a page of this class" in forged.problem
    assert [r.first_answer for r in recorder.store.rows()] == ["Tuesday"]


def test_bad_answers_other_hosts_and_big_bodies_are_refused(serve):
    recorder, base = serve()
    page = kernel(recorder)
    page.send(answer(first="maybe", final="maybe"))
    assert "'maybe': not an answer of 'hedge_word:c_tentative_tuesday'" in page.problem
    page.send(answer(exercise="hedge_word:c_elsewhere"))
    assert "not an answer of 'hedge_word:c_elsewhere'" in page.problem
    assert recorder.store.rows() == []
    cookie = teacher_cookie(recorder, base)
    url = base + server.TEACHER_ROUTE + "summary.json"
    assert status(lambda: get(url, cookie, host="attacker.example:80")) == 403
    assert status(lambda: get(url, cookie, host="localhost")) == 200
    big = urllib.request.Request(
        recorder.url,
        data=b"{" + b" " * 5000 + b"}",
        method="POST",
        headers={PAGE_HEADER: page.key},
    )
    assert status(lambda: DIRECT.open(big, timeout=10)) == 413


def test_with_names_a_page_takes_a_name_once_and_no_name_another_has(serve):
    recorder, base = serve(names=True)
    first, second = kernel(recorder), kernel(recorder)
    first.send(answer())
    assert first.rename("Min-ji") == ""
    assert "taken" in second.rename("Min-ji")
    assert "already" in first.rename("Minji")
    first.send(answer(final="pending", tries=2))
    assert [(r.student, r.final_answer) for r in recorder.store.rows()] == [("Min-ji", "pending")]


def test_without_names_a_page_keeps_its_label(serve):
    recorder, _ = serve()
    page = kernel(recorder)
    assert "without names" in page.rename("Min-ji")
