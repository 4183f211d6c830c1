"""Only the link opens the notebook's page, which takes a kernel (about 45 MB).

A page load is refused, before anything is started, when:

- it does not carry the link's key in its address. The login cookie is not enough: a page of
  another site on the same machine (another port of 127.0.0.1 is the same *site* to a browser)
  gets it sent along with `fetch(url, {mode: "no-cors"})`, and it could start kernels at will
  (it did: 15 fetches, 15 kernels);
- the browser says (fetch metadata, `Sec-Fetch-Mode`/`Sec-Fetch-Dest`) it is not a page opened
  in a tab or window: a fetch, an image, a frame of another page.

Files beside the notebook (its images) take no kernel and are served as Voilà serves them.
Both the app and the classroom serve their page this way (explainer.voila_app).
"""

from __future__ import annotations

import hmac

import jinja2
import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated
from voila.tornado.handler import TornadoVoilaHandler

PAGE = jinja2.Environment(autoescape=True).from_string(
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{ title }}</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto;
padding: 0 1rem"><h1>{{ title }}</h1><p>{{ text }}</p></body></html>
"""
)
NO_KEY = (
    "This page opens from its link",
    "Open the whole link your teacher gave the class: it ends with ?token= and a key.",
)
NOT_A_VISIT = (
    "Open the link in the browser",
    "This page opens when you go to its link (paste it in the address bar, or click it); "
    "another page cannot load it.",
)


def refusal(headers, key: str, expected: str) -> tuple[str, str] | None:
    """Why a load of the page, with these request `headers` and this `key` in its address,
    may not take a kernel (a title and a sentence for the page), or None."""
    if headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
        return NOT_A_VISIT
    if headers.get("Sec-Fetch-Dest", "document") != "document":
        return NOT_A_VISIT
    if not expected or not hmac.compare_digest(key.encode(), expected.encode()):
        return NO_KEY
    return None


class LinkPageHandler(TornadoVoilaHandler):
    """Voilà's page, for page loads from the link only (the app's, and the classroom's)."""

    @allow_unauthenticated  # refused here with a page saying why, not sent to a login page
    async def get(self, path=None):
        if path:  # a file beside the notebook: Voilà redirects it, no kernel
            return await super().get(path)
        refused = refusal(self.request.headers, self.get_query_argument("token", ""), self.token)
        if refused:
            return self._page(403, *refused)
        await self.serve_page()

    @tornado.web.authenticated
    async def serve_page(self) -> None:
        """Voilà's own page (as TornadoVoilaHandler.get). Both of Voilà's ways (from the
        pool, or a new kernel) give the page its kernel before its first part is sent."""
        async for html in self.get_generator():
            self.holds_its_kernel()
            self.write(html)
            self.flush()

    def holds_its_kernel(self) -> None:
        """Called as each part of the page is sent: by then the page holds its kernel."""

    @property
    def token(self) -> str:
        return self.identity_provider.token

    def _page(self, status: int, title: str, text: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(PAGE.render(title=title, text=text))
