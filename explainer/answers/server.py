"""The routes the classroom server adds: kernels record answers, the teacher reads them.

- POST /explainer/answers: a kernel sends its page's answer (or the name its student typed),
  with its page key (`recorder`); the reply comes once the answer is committed, and only then
  does the page say it was saved;
- /explainer/teacher/: the teacher's view, behind the teacher's key: opened once from the
  teacher's link (?key=...), which sets a cookie for the view's folder and leaves the address
  bar without the key, since the view is shown on the projector; summary.json and answers.csv
  beside it need the cookie too.

Nothing here reads a student's link or Voilà's login: a page of the class holds neither the
teacher's key nor any kernel's. On 127.0.0.1 a request naming another host is refused, as
Voilà's own handlers refuse it (DNS rebinding); tornado's plain handlers are used because
Jupyter's come with the login and XSRF checks a kernel's request has no part in.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from pathlib import Path

import jinja2
import tornado.web
from tornado.http1connection import HTTP1Connection

from . import summary, table
from .protocol import ANSWER_ROUTE, PAGE_HEADER
from .recorder import Recorder, Refused

TEACHER_ROUTE = "/explainer/teacher/"
COOKIE = "explainer-teacher"
BODY_LIMIT = 4096  # bytes: an answer is about 150
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True
)


def routes(recorder: Recorder) -> list[tuple]:
    options = {"recorder": recorder}
    return [
        (ANSWER_ROUTE, AnswerHandler, options),
        (TEACHER_ROUTE.rstrip("/") + "/?", TeacherPage, options),
        (TEACHER_ROUTE + "summary.json", SummaryHandler, options),
        (TEACHER_ROUTE + "answers.csv", CsvHandler, options),
    ]


def teacher_link(base: str, recorder: Recorder) -> str:
    """The teacher's link, `base` being the server's address (http://host:port)."""
    return f"{base}{TEACHER_ROUTE}?key={recorder.teacher_key}"


class _Handler(tornado.web.RequestHandler):
    def initialize(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def prepare(self) -> None:
        if not self._host_allowed():
            raise tornado.web.HTTPError(403, "this server answers for this computer only")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def _host_allowed(self) -> bool:
        if self.settings.get("allow_remote_access", False):
            return True
        host = self.request.host_name.strip("[]")
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return host in self.settings.get("local_hostnames", ["localhost"])

    def write_error(self, status_code: int, **kwargs) -> None:
        error = kwargs.get("exc_info", (None, None))[1]
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(getattr(error, "log_message", None) or self._reason)


@tornado.web.stream_request_body
class AnswerHandler(_Handler):
    """A kernel's answer: {"answer": {...}} or {"name": "..."}; replies once committed."""

    def prepare(self) -> None:
        super().prepare()
        length = int(self.request.headers.get("Content-Length", "0") or 0)
        if length > BODY_LIMIT:
            raise tornado.web.HTTPError(413, f"an answer is at most {BODY_LIMIT} bytes")
        connection = self.request.connection
        assert isinstance(connection, HTTP1Connection)  # what tornado's server gives a handler
        connection.set_max_body_size(BODY_LIMIT)
        self._body = b""

    def data_received(self, chunk: bytes) -> None:
        self._body += chunk

    async def post(self) -> None:
        try:
            sent = json.loads(self._body)
            key = self.request.headers.get(PAGE_HEADER, "")
            reply: dict[str, object]
            if isinstance(sent, dict) and set(sent) == {"name"}:
                reply = {"student": await self.recorder.rename(key, sent["name"])}
            elif isinstance(sent, dict) and set(sent) == {"answer"}:
                answered = await self.recorder.record(key, sent["answer"])
                reply = {"stored": True, "answered": answered}
            else:
                raise Refused(400, 'send {"answer": {...}} or {"name": "..."}')
        except ValueError:
            raise tornado.web.HTTPError(400, "not JSON") from None
        except Refused as refused:
            raise tornado.web.HTTPError(refused.status, str(refused)) from None
        self.finish(reply)


class _TeacherHandler(_Handler):
    def prepare(self) -> None:
        super().prepare()
        if not self._is_teacher():
            raise tornado.web.HTTPError(403, "the teacher's view opens from the teacher's link")

    def _is_teacher(self) -> bool:
        return _same(self.get_cookie(COOKIE, ""), self.recorder.teacher_key)


class TeacherPage(_TeacherHandler):
    def _is_teacher(self) -> bool:
        key = self.get_query_argument("key", "")
        if key and _same(key, self.recorder.teacher_key):
            self.set_cookie(
                COOKIE, key, path=TEACHER_ROUTE, httponly=True, samesite="Strict", expires_days=1
            )
            self.redirect(TEACHER_ROUTE, status=303)  # the key leaves the address bar
            return True
        return super()._is_teacher()

    def get(self) -> None:
        lesson = self.recorder.lesson
        self.finish(TEMPLATES.get_template("teacher.html").render(lesson=lesson.name))


def _same(given: str, key: str) -> bool:
    return hmac.compare_digest(given.encode(), key.encode())


class SummaryHandler(_TeacherHandler):
    async def get(self) -> None:
        rows = await self.recorder.rows()
        summaries = summary.summarise(rows, self.recorder.lesson)
        students = len({row.student for row in rows})
        self.finish({"students": students, "exercises": [s.document() for s in summaries]})


class CsvHandler(_TeacherHandler):
    async def get(self) -> None:
        rows = await self.recorder.rows()
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        name = f"answers-{self.recorder.lesson.name}.csv"
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(table.csv_text(rows))
