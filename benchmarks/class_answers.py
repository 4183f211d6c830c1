"""The class's answers under load: N students answering every exercise of the flagship at once,
the teacher's page open.

The server is `python -m explainer classroom` as a teacher starts it (N preheated kernels, the
record in a temporary file), on loopback. Each simulated student sends what its kernel would
send, with that kernel's own page key (tests/browser/class_answers.py), every exercise once, all
students released at the same instant; the teacher's view is open in chromium, and the time each
chart's count changes is noted in the page. An answer is on the chart once the count of its
exercise reaches the count the server replied when it committed that answer.

Prints: answers sent, acknowledged and stored (must be equal), the slowest and median time from
an answer sent to the server's acknowledgement and to the teacher's chart (target: 2 s), and the
server process's memory (RSS) before and after the burst.

Run: .venv/bin/python benchmarks/class_answers.py [--students 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import class_answers  # noqa: E402
import classroom_server  # noqa: E402
import harness  # noqa: E402
import psutil  # noqa: E402

from explainer.answers.lesson import read_lesson  # noqa: E402
from explainer.answers.store import read_record  # noqa: E402

CHART_TARGET = 2.0  # seconds, issue 18
WATCH = """() => {
  window.__seen = [];
  new MutationObserver(changes => {
    for (const change of changes) {
      const node = change.target;
      if (change.attributeName !== "data-answered") continue;
      const exercise = node.closest("section").dataset.exercise;
      window.__seen.push([exercise, Number(node.dataset.answered), Date.now() / 1000]);
    }
  }).observe(document.getElementById("exercises"), {subtree: true, attributes: true});
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report(args.students, run(args.students, Path(tmp)))


def run(students: int, home: Path) -> dict:
    lesson = read_lesson(harness.NOTEBOOK)
    record = home / "answers.sqlite"
    server = classroom_server.start(
        home, students, timeout=60 + 10 * students, options=("--answers", str(record))
    )
    try:
        classroom_server.wait_quiet(server)
        with harness.chromium() as browser:
            teacher = harness.watched_page(browser)
            teacher.goto(class_answers.teacher_link(server), timeout=60_000)
            teacher.locator("section[data-exercise]").first.wait_for(timeout=30_000)
            teacher.evaluate(WATCH)
            memory_before = psutil.Process(server.process.pid).memory_info().rss
            senders = class_answers.senders(server)
            assert len(senders) == students, f"{len(senders)} kernels for {students} students"
            start_line = threading.Barrier(students)
            simulated = [class_answers.Student(s, lesson, 1, start_line) for s in senders]
            for student in simulated:
                student.start()
            for student in simulated:
                student.join(300)
            done = " && ".join(
                f'document.querySelector(\'section[data-exercise="{e["key"]}"] '
                f'[data-answered="{students}"]\')'
                for e in lesson.exercises
            )
            teacher.wait_for_function(f"() => {done}", timeout=60_000)
            seen = teacher.evaluate("() => window.__seen")
            memory_after = psutil.Process(server.process.pid).memory_info().rss
    finally:
        server.stop()
    answers = [a for s in simulated for a in s.acknowledged]
    return {
        "sent": students * len(lesson.exercises),
        "acknowledged": len(answers),
        "stored": len(read_record(record)),
        "saved": [a.acknowledged - a.sent for a in answers],
        "charted": [_charted(a, seen) - a.sent for a in answers],
        "memory": (memory_before, memory_after),
    }


def _charted(answer, seen) -> float:
    """When the teacher's chart first counted `answer`."""
    return min(t for key, count, t in seen if key == answer.exercise and count >= answer.answered)


def report(students: int, figures: dict) -> None:
    before, after = (m / 2**20 for m in figures["memory"])
    charted, saved = figures["charted"], figures["saved"]
    slowest = max(charted)
    print(f"{students} students answering every exercise at once, the teacher's page open:")
    print(
        f"  answers sent {figures['sent']}, acknowledged {figures['acknowledged']}, "
        f"stored {figures['stored']}" + ("" if figures["sent"] == figures["stored"] else "  LOST")
    )
    print(
        f"  answer to saved (acknowledged): slowest {max(saved):.2f} s, "
        f"median {statistics.median(saved):.2f} s"
    )
    print(
        f"  answer to the teacher's chart: slowest {slowest:.2f} s, "
        f"median {statistics.median(charted):.2f} s (target {CHART_TARGET:.0f} s: "
        f"{'met' if slowest <= CHART_TARGET else 'MISSED'})"
    )
    print(f"  server process memory (RSS): {before:.0f} MB before, {after:.0f} MB after")


if __name__ == "__main__":
    main()
