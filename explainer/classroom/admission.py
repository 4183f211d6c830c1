"""How many pages may hold a kernel at once: no more than the class holds.

Past the class's places (`ClassroomKernelManager.take_place`) a page load gets a plain "the
class is full" page at once, before anything is started. Which loads may open the page at all
(the link's own) is link_page's rule, which the classroom's page keeps.
"""

from __future__ import annotations

from ..link_page import LinkPageHandler

FULL = "The class is full"
RETRY_AFTER = 60  # seconds: about when a closed page's place is free again


class ClassroomPageHandler(LinkPageHandler):
    """The link's page, within the class's places."""

    _on_its_way = False  # this page holds one of the class's places, not yet its kernel

    async def serve_page(self) -> None:
        if not self.kernel_manager.take_place():
            self.set_header("Retry-After", str(RETRY_AFTER))
            text = (
                f"All {self.kernel_manager.places} places of this lesson are taken. A place "
                "frees up about a minute after someone closes the page: try the link again "
                "then, or ask your teacher."
            )
            return self._page(503, FULL, text)
        self._on_its_way = True
        try:
            page = super().serve_page()  # tornado's `authenticated` may answer at once
            if page is not None:
                await page
        finally:
            self.holds_its_kernel()  # if never given its kernel (an error, or the client left)

    def holds_its_kernel(self) -> None:
        if self._on_its_way:
            self._on_its_way = False
            self.kernel_manager.arrived()
