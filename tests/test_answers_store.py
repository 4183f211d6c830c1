"""The classroom's record of answers: one lesson per file, rows that only move forward, and
nothing acknowledged ever lost, also when the writing process is killed mid-burst."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys

import pytest

from explainer.answers.row import Row
from explainer.answers.store import Store, StoreError

LESSON = "korea-us-consultations"


def row(student="K7QM", exercise="hedge_word:c_tentative_tuesday", **changes) -> Row:
    values = dict(
        lesson=LESSON,
        exercise=exercise,
        student=student,
        first_answer="Tuesday",
        final_answer="Tuesday",
        tries=1,
        hints=0,
        time="2025-12-12T09:30:00Z",
    )
    return Row(**(values | changes))


def test_a_row_keeps_its_first_answer_and_moves_only_forward(tmp_path):
    store = Store(tmp_path / "answers.sqlite", LESSON)
    assert store.record(row()) == 1
    store.record(row(first_answer="pending", final_answer="pending", tries=2, hints=1))
    store.record(row(final_answer="although", tries=1))  # an older message, arriving late
    assert store.record(row(student="P3WX")) == 2
    first, second = store.rows()
    assert (first.student, first.first_answer, first.final_answer) == ("K7QM", "Tuesday", "pending")
    assert (first.tries, first.hints) == (2, 1)
    assert second.student == "P3WX"


def test_a_file_of_another_lesson_is_refused_not_mixed_in(tmp_path):
    path = tmp_path / "answers.sqlite"
    Store(path, LESSON).record(row())
    with pytest.raises(StoreError, match="holds the answers of lesson 'korea-us-consultations'"):
        Store(path, "us-envoy-north-korea-food-aid")
    with pytest.raises(ValueError, match="of lesson 'other'"):
        Store(path, LESSON).record(row(lesson="other"))
    assert [r.lesson for r in Store(path, LESSON).rows()] == [LESSON]


def test_a_file_that_is_not_a_record_of_answers_is_named_and_left_alone(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("my lesson notes", encoding="utf-8")
    with pytest.raises(StoreError, match="notes.sqlite: not a file of the class's answers"):
        Store(text, LESSON)
    assert text.read_text(encoding="utf-8") == "my lesson notes"
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="other.sqlite: an SQLite file, but not one"):
        Store(other, LESSON)


def test_every_answer_is_committed_to_a_durable_log(tmp_path):
    store = Store(tmp_path / "answers.sqlite", LESSON)
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


# Writes answers as fast as it can and says "ack N" once the Nth is committed, as the server
# acknowledges an answer to a page only once `record` has returned.
WRITER = """
import sys
from explainer.answers.store import Store
from explainer.answers.row import Row
store = Store(sys.argv[1], "korea-us-consultations")
for n in range(int(sys.argv[2]), 10**6):
    store.record(Row("korea-us-consultations", f"hedge_word:c{n % 7}", f"S{n}", "a", "a", 1, 0,
                     "2025-12-12T09:30:00Z"))
    print("ack", n, flush=True)
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_an_answer_acknowledged_survives_the_writer_killed_mid_burst(tmp_path, stop):
    path = tmp_path / "answers.sqlite"
    acknowledged = []
    for start in (0, 500_000):  # killed, restarted on the same file, killed again
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(start)], stdout=subprocess.PIPE, text=True
        )
        for line in writer.stdout:
            acknowledged.append(int(line.split()[1]))
            if len(acknowledged) % 200 == 0:
                writer.send_signal(stop)
                break
        acknowledged += [int(line.split()[1]) for line in writer.stdout]  # said before it died
        writer.wait(timeout=30)
        assert writer.returncode == -stop
    store = Store(path, LESSON)
    assert store.integrity() == "ok"
    stored = {r.student for r in store.rows()}
    assert {f"S{n}" for n in acknowledged} <= stored
    assert any(n >= 500_000 for n in acknowledged) and any(n < 500_000 for n in acknowledged)
