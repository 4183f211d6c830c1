"""The classroom server's record of answers: one SQLite file per lesson, on the teacher's machine.

SQLite (the standard library's) because the record must survive the server being stopped at
any moment: every answer is its own committed transaction, and an answer is acknowledged to the
page only once `record` has returned. The journal is a write-ahead log with synchronous=FULL: a
commit is on disk (fsync'd) before it returns, so an acknowledged answer survives a crash of
the server and of the machine; NORMAL would lose the last commits if the power failed, and the
fsync costs milliseconds, nothing beside a student's click (benchmarks/class_answers.py).

A file records one lesson, named when it is created; opening it for another lesson is refused,
so two lessons' answers are never mixed in one file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from ..errors import ExplainerError
from .row import COLUMNS, Row

APPLICATION_ID = 0x45584131  # "EXA1": this is a file of the class's answers, not any SQLite file
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE lesson (name TEXT NOT NULL);
CREATE TABLE answers (
    exercise TEXT NOT NULL,
    student TEXT NOT NULL,
    first_answer TEXT NOT NULL,
    final_answer TEXT NOT NULL,
    tries INTEGER NOT NULL,
    hints INTEGER NOT NULL,
    time TEXT NOT NULL,
    PRIMARY KEY (exercise, student)
);
"""
# A page sends its whole row for an exercise with every answer, so a row only moves forward: a
# first answer never changes, and a message older than the row (more tries stored) is ignored.
UPSERT = """
INSERT INTO answers VALUES (:exercise, :student, :first_answer, :final_answer, :tries, :hints,
                            :time)
ON CONFLICT (exercise, student) DO UPDATE SET
    final_answer = excluded.final_answer, tries = excluded.tries,
    hints = max(hints, excluded.hints), time = excluded.time
WHERE excluded.tries >= answers.tries
"""


class StoreError(ExplainerError):
    """A file that cannot be the record of this lesson; the message names it and says why."""


def default_path(lesson: str) -> Path:
    return Path("build") / "answers" / f"{lesson}.sqlite"


def read_record(path: Path) -> list[Row]:
    """Every row of a record, whatever its lesson (`answers` command). Read only, but on a
    connection that may write: its close folds the log back into the file, as a read-only one
    cannot, which would leave the -wal and -shm files behind."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such file")
    db = sqlite3.connect(path)
    try:
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise StoreError(f"{path}: not a file of the class's answers")
        (lesson,) = db.execute("SELECT name FROM lesson").fetchone()
        return _rows(db, lesson)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a file of the class's answers ({error})") from None
    finally:
        db.close()


def _rows(db: sqlite3.Connection, lesson: str) -> list[Row]:
    """Every row, by exercise then student."""
    query = f"SELECT {', '.join(COLUMNS[1:])} FROM answers ORDER BY exercise, student"
    return [Row(lesson, *values) for values in db.execute(query)]


class Store:
    """The answers of one lesson in one file. Use from one thread at a time."""

    def __init__(self, path: Path, lesson: str) -> None:
        self.path = Path(path)
        self.lesson = lesson
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit transactions; each one is begun and ended below.
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(f"{self.path}: not a file of the class's answers ({error})") from None
        except StoreError:
            self._db.close()
            raise

    def _open(self) -> None:
        self._db.execute("PRAGMA busy_timeout = 5000")
        with self._transaction():  # a second server on the same file waits here
            self._check_or_create()
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")

    def _check_or_create(self) -> None:
        application = self._db.execute("PRAGMA application_id").fetchone()[0]
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application == 0 and tables == 0:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute("INSERT INTO lesson VALUES (?)", (self.lesson,))
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return
        if application != APPLICATION_ID:
            raise StoreError(f"{self.path}: an SQLite file, but not one of the class's answers")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: answers in format {version}, this is format 1")
        (recorded,) = self._db.execute("SELECT name FROM lesson").fetchone()
        if recorded != self.lesson:
            raise StoreError(
                f"{self.path}: holds the answers of lesson {recorded!r}, not {self.lesson!r}; "
                "name another file for this lesson"
            )

    def record(self, row: Row) -> int:
        """Commit `row` (the page's whole row for one exercise); returns how many students
        have answered that exercise. Once this returns, the answer is on disk."""
        if row.lesson != self.lesson:
            raise ValueError(f"an answer of lesson {row.lesson!r} in the record of {self.lesson!r}")
        values = row.as_dict()
        del values["lesson"]
        with self._transaction():
            self._db.execute(UPSERT, values)
            (answered,) = self._db.execute(
                "SELECT count(*) FROM answers WHERE exercise = ?", (row.exercise,)
            ).fetchone()
        return answered

    def rows(self) -> list[Row]:
        return _rows(self._db, self.lesson)

    def students(self) -> set[str]:
        return {student for (student,) in self._db.execute("SELECT DISTINCT student FROM answers")}

    def rename(self, old: str, new: str) -> None:
        """Put a page's rows under the name its student typed (--names), in one transaction."""
        with self._transaction():
            self._db.execute("UPDATE answers SET student = ? WHERE student = ?", (new, old))

    @contextlib.contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE ... COMMIT: the write lock from the start, so no transaction ever
        fails half-way for a lock another connection took."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def integrity(self) -> str:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        self._db.close()  # the last connection's close folds the log into the file
