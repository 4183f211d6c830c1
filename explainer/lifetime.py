"""A server of the project stops whole, whatever ends it: Ctrl-C, SIGTERM, its terminal closing
(SIGHUP), or the process that started it dying.

Measured before: `kill -TERM` on `python -m explainer classroom` left Voilà and its 30 kernels
running and answering, because Voilà ran as a child the signal never reached. The app and the
classroom now run Voilà in their own process, and every way of ending becomes the one Voilà
already handles whole, Ctrl-C (KeyboardInterrupt): it stops its event loop and shuts every kernel
down. A kernel whose server dies without that (SIGKILL) stops itself within a second: ipykernel
watches the parent pid jupyter_client gives it.

`site/serve.py` has its own copy of these few lines: it must run with nothing installed.
"""

from __future__ import annotations

import os
import signal
import threading
import time

PARENT_POLL = 0.5  # seconds between looks at the parent


def stop_whole() -> None:
    """From now on SIGTERM, SIGHUP and the death of the parent raise KeyboardInterrupt in the
    main thread, as Ctrl-C does. Under `nohup` (SIGHUP ignored) the server outlives its
    terminal and its parent, as nohup asks."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    hangup = getattr(signal, "SIGHUP", None)  # none on Windows, where a closed console ends all
    if hangup is None or signal.getsignal(hangup) == signal.SIG_IGN:
        return
    signal.signal(hangup, signal.default_int_handler)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Once the parent has gone (this process is handed to another), end as SIGTERM does: a
    real signal, so that a main thread asleep in select() wakes up (and one SIGINT may be
    ignored for, in a job started with `&`)."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os.kill(os.getpid(), signal.SIGTERM)
