"""Nothing acknowledged is lost: the classroom server stopped with SIGTERM or SIGKILL in the
middle of a burst of answers, then started again on the same file, twice over. Every answer a
page was told was saved is in the record, and the file passes SQLite's integrity check.

Uses the classroom server as the command runs it (two kernels: two students sending as fast as
they are acknowledged), so the stop falls in the middle of commits and replies.
"""

from __future__ import annotations

import signal
import threading
import time

import class_answers
import classroom_server
import harness
import pytest

from explainer.answers.lesson import read_lesson
from explainer.answers.store import Store

LESSON = read_lesson(harness.NOTEBOOK)
STUDENTS = 2
TRIES = 40  # answers to each exercise: a burst far longer than the time before the stop
STOP_AFTER = 60  # acknowledged answers in a run before the server is stopped


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_every_acknowledged_answer_survives_the_server_stopped_mid_burst(tmp_path, stop):
    record = tmp_path / "answers.sqlite"
    acknowledged, unacknowledged = [], 0
    for run in range(2):
        home = tmp_path / f"run{run}"
        home.mkdir()
        server = classroom_server.start(home, STUDENTS, options=("--answers", str(record)))
        try:
            senders = class_answers.senders(server)
            assert len(senders) == STUDENTS
            start_line = threading.Barrier(STUDENTS)
            students = [class_answers.Student(s, LESSON, TRIES, start_line) for s in senders]
            for student in students:
                student.start()
            deadline = time.monotonic() + 120
            while sum(len(s.acknowledged) for s in students) < STOP_AFTER:
                assert time.monotonic() < deadline, "the burst did not get going"
                time.sleep(0.01)
            server.process.send_signal(stop)  # mid-burst: answers are being committed
            for student in students:
                student.join(60)
                acknowledged += student.acknowledged
                unacknowledged += student.failed
            assert server.process.wait(30) is not None
        finally:
            server.stop()
    assert unacknowledged > 0, "the server was stopped after the burst, not in it"
    store = Store(record, LESSON.name)
    assert store.integrity() == "ok"
    stored = {(r.student, r.exercise): r.tries for r in store.rows()}
    lost = [a for a in acknowledged if stored.get((a.student, a.exercise), 0) < a.tries]
    assert lost == [], f"{len(lost)} acknowledged answers are not in the record"
    assert len({a.student for a in acknowledged}) == 2 * STUDENTS  # both runs' pages kept
