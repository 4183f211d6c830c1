"""Opening a built deck or handout from disk in chromium, with every network request blocked.

Shared by the browser tests of the deck and the handout (test_publish_*.py): the pages are
built once per module by the `published` fixture (conftest.py) and opened through `Offline`.
"""

from __future__ import annotations

import json
from pathlib import Path

from explainer.publish import pages

LOCAL = ("file:", "data:", "blob:", "about:")


def build_both(folder: Path, notebook_path: Path) -> dict:
    """The notebook as read, and both pages built from a copy of it, on disk."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    copy = folder / notebook_path.name
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    paths: dict = {"notebook": notebook}
    for name, builder in pages.BUILDERS.items():
        paths[name] = folder / f"explainer-{name}.html"
        pages.write(builder(copy), paths[name])
    return paths


class Offline:
    """A page in a fresh browser context that aborts, and records, every non-local request."""

    def __init__(self, browser, width: int, height: int) -> None:
        self.attempted: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on(
            "console",
            lambda message: (
                self.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )
        self.page.on("dialog", self.dialog)

    def dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.attempted.append(url)
            route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def check_offline(self) -> None:
        assert self.attempted == []
        assert [url for url in self.requests if not url.startswith(LOCAL)] == []
        assert self.errors == []
        assert self.dialogs == []

    def close(self) -> None:
        self.context.close()
