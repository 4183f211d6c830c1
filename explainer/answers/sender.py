"""The kernel's side of the classroom: each new row of the page goes to the classroom server.

The server gives each kernel it starts a key and a label in its environment (`recorder`); a
kernel without them is not in a classroom, and sends nothing. An answer counts as saved once
the server replies, which it does after the commit; one that could not be sent (the server busy
or restarting) is sent again with the page's next answer. Requests go straight to the server,
never through a proxy the environment may name.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping

from .protocol import FIELDS, KEY, LABEL, NAMES, PAGE_HEADER, URL
from .row import Row

TIMEOUT = 10  # seconds; a commit takes milliseconds, a busy 2-core machine a little more
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Sender:
    def __init__(self, url: str, key: str, label: str, names: bool) -> None:
        self.url, self.key, self.label, self.names = url, key, label, names
        self.unsent: dict[str, Row] = {}  # by exercise: the latest row not yet stored
        self.stored: set[str] = set()  # exercises the server has stored an answer to
        self.problem = ""  # why the last answer is not saved ("" once it is)

    def send(self, row: Row) -> None:
        self.unsent[row.exercise] = row
        for exercise, waiting in list(self.unsent.items()):
            try:
                self.post(answer_message(waiting))
            except urllib.error.HTTPError as error:  # refused: sending again changes nothing
                del self.unsent[exercise]
                self.problem = f"your teacher's server refused it ({_reason(error)})"
                continue
            except OSError:
                self.problem = "your teacher's server did not answer; it goes with your next"
                return
            del self.unsent[exercise]
            self.stored.add(exercise)
            self.problem = ""

    def rename(self, name: str) -> str:
        """Ask the server to put this page under `name`; "" if done, else why not."""
        try:
            self.post({"name": name})
        except urllib.error.HTTPError as error:
            return _reason(error)
        except OSError:
            return "your teacher's server did not answer: try again"
        return ""

    def post(self, message: dict) -> dict:
        """Send one message; the server's reply (HTTPError if it refused, OSError if none)."""
        request = urllib.request.Request(
            self.url,
            data=json.dumps(message).encode(),
            headers={"Content-Type": "application/json", PAGE_HEADER: self.key},
            method="POST",
        )
        with _DIRECT.open(request, timeout=TIMEOUT) as response:
            return json.load(response)


def answer_message(row: Row) -> dict:
    """What a page sends of a row: the server knows its lesson, student and the time."""
    return {"answer": {f: getattr(row, f) for f in FIELDS}}


def _reason(error: urllib.error.HTTPError) -> str:
    return error.read(300).decode("utf-8", "replace").strip() or error.reason


def from_environment(environ: Mapping[str, str] = os.environ) -> Sender | None:
    """This kernel's sender if the classroom server started it, else None."""
    if not (environ.get(URL) and environ.get(KEY) and environ.get(LABEL)):
        return None
    return Sender(environ[URL], environ[KEY], environ[LABEL], environ.get(NAMES) == "1")
