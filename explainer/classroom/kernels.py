"""The classroom's kernels: how many pages hold one, and when a closed page's kernel is stopped.

Voilà builds its preheating manager on top of this class (VoilaKernelManager subclasses the
`multi_kernel_manager_class` it is given), so what is written here sees every kernel start and
every culling round, but not the pool's own bookkeeping, which it reads: a kernel is in the pool
while its preheating task is done and still listed in `_pools` (as Voilà's own culling reads it),
or while it is being started for the pool.
"""

from __future__ import annotations

import os
import time
import uuid

from traitlets import Integer

from ..voila_app import QuietKernelManager

PRELAUNCH = "VOILA_PREHEAT"  # set to "True" in the environment of a kernel started for the pool


class ClassroomKernelManager(QuietKernelManager):
    """Kernels with a cap on the pages holding one, and culling that waits for a page to connect.

    The cap: `take_place` says whether one more page may have a kernel (pages holding one,
    and pages on their way to one, under `places`). The pool does not count: it is the class's
    kernels waiting for them.

    Culling: a kernel taken from the pool may have sat idle for minutes, and it has no
    connection until its page's scripts connect, which on a busy machine takes a while; the
    culler would stop it under the student (seen in the browser tests under load). So a page's
    kernel is culled only once its page has connected and left, or if it never connects within
    `connect_within` seconds (a page load abandoned, or a client that runs no scripts).
    """

    places = Integer(30, config=True, help="Most pages that hold a kernel at once.")
    connect_within = Integer(
        120, config=True, help="Seconds a page's kernel waits for its page to connect."
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._starting_for_pool: set[str] = set()
        self._connected: set[str] = set()
        self._first_seen: dict[str, float] = {}
        self._on_their_way = 0  # pages admitted that have not been given their kernel yet

    # jupyter_server's own async overrides already differ from jupyter_client's signatures
    async def start_kernel(self, **kwargs) -> str:  # type: ignore[override]
        for_pool = kwargs.get("env", {}).get(PRELAUNCH) == "True"
        recorder = getattr(self.parent, "recorder", None)
        if recorder is not None:  # the page's own key and label (explainer.answers.recorder)
            kwargs["env"] = {**os.environ, **kwargs.get("env", {}), **recorder.new_page()}
        kernel_id = kwargs["kernel_id"] = kwargs.get("kernel_id") or str(uuid.uuid4())
        if for_pool:
            self._starting_for_pool.add(kernel_id)
        try:
            return await super().start_kernel(**kwargs)
        finally:
            self._starting_for_pool.discard(kernel_id)

    def pages(self) -> set[str]:
        """The kernels that pages hold: every kernel but the pool's."""
        return set(self.list_kernel_ids()) - self._pool() - self._starting_for_pool

    def _pool(self) -> set[str]:
        return {item["kernel_id"] for item in self._preheated()}

    def _preheated(self) -> list[dict]:
        """The pool's kernels that are started: Voilà's items (kernel_id, the run's task)."""
        return [
            task.result()
            for tasks in getattr(self, "_pools", {}).values()
            for task in tasks
            if task.done() and not task.cancelled() and task.exception() is None
        ]

    def pool_ready(self, size: int) -> bool:
        """Whether the pool holds `size` kernels that have run the whole notebook."""
        items = self._preheated()
        return len(items) >= size and all(item["task"].done() for item in items)

    def take_place(self) -> bool:
        """Whether one more page may have a kernel; if so its place is held until `arrived`."""
        if len(self.pages()) + self._on_their_way >= self.places:
            return False
        self._on_their_way += 1
        return True

    def arrived(self) -> None:
        """The page admitted by `take_place` holds its kernel now (or never will)."""
        self._on_their_way -= 1

    def notify_connect(self, kernel_id: str) -> None:
        self._connected.add(kernel_id)
        super().notify_connect(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id: str):
        first_seen = self._first_seen.setdefault(kernel_id, time.monotonic())
        if kernel_id not in self._connected and time.monotonic() - first_seen < self.connect_within:
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, *args, **kwargs):  # type: ignore[override]
        self._connected.discard(kernel_id)
        self._first_seen.pop(kernel_id, None)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)
