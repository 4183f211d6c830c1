"""What a lesson asks of the server, and the Voilà configuration that serves it."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

REFILL_AFTER = 60  # seconds before the pool replaces a kernel a student took
IDLE_SECONDS = 60  # a closed page's kernel is stopped after this long idle
LOCAL_NAMES = ["localhost"]  # besides loopback addresses, the only Host accepted on 127.0.0.1


@dataclass(frozen=True)
class Lesson:
    """One notebook served to `students` on `ip`:`port`; a closed page's kernel is stopped
    after `idle` seconds without activity."""

    notebook: Path
    students: int
    ip: str = "127.0.0.1"
    port: int = 8866
    idle: int = IDLE_SECONDS
    answers: Path | None = None  # the record of answers (None: build/answers/LESSON.sqlite)
    names: bool = False  # students type a name instead of a random label

    @property
    def places(self) -> int:
        """Pages that may hold a kernel at once: the class, and a margin for pages reloaded
        (a reloaded page takes a new kernel; its old one is culled once idle)."""
        return self.students + 2 + self.students // 10

    @property
    def on_network(self) -> bool:
        return not ipaddress.ip_address(self.ip).is_loopback

    @property
    def connect_within(self) -> int:
        """Seconds a page's kernel waits for the page's scripts to connect before it may be
        culled: long enough for a page to load on a busy machine."""
        return max(30, 2 * self.idle)

    @property
    def cull_every(self) -> int:
        """Seconds between the culler's rounds: a closed page's kernel is gone within
        idle + cull_every seconds (75 s by default)."""
        return max(1, min(15, self.idle // 4))


def voila_config(lesson: Lesson, token: str) -> dict:
    """The traitlets configuration of the classroom's Voilà: preheating, culling, the cap,
    and who may connect (`token` is the link's key)."""
    return {
        "Voila": {
            "ip": lesson.ip,
            "port": lesson.port,
            "token": token,
            # On the class's network the token guards the server; on loopback the Host check
            # too (a page of another site cannot know the token either way).
            "tornado_settings": {
                "allow_remote_access": lesson.on_network,
                "local_hostnames": LOCAL_NAMES,
            },
        },
        "VoilaConfiguration": {
            "preheat_kernel": True,
            "default_pool_size": lesson.students,
            "progressive_rendering": False,  # Voilà cannot preheat with it
            "multi_kernel_manager_class": "explainer.classroom.kernels.ClassroomKernelManager",
        },
        # Refilling the pool runs the notebook again, in the server's process too (rendering):
        # done at once, it would compete with the students still arriving for the two cores.
        "VoilaKernelManager": {"fill_delay": REFILL_AFTER},
        "MappingKernelManager": {
            "cull_idle_timeout": lesson.idle,
            "cull_interval": lesson.cull_every,
            "cull_connected": False,  # an open page keeps its kernel, however long it reads
            "cull_busy": False,
        },
        "ClassroomKernelManager": {
            "places": lesson.places,
            "connect_within": lesson.connect_within,
        },
    }
