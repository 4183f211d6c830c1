"""Running the explainer's command line as a user does, for the tests of its commands."""

from __future__ import annotations

import re
import subprocess
import sys

LINE = re.compile(r"^[^:\s]+:\d+: [^:\s]+: .+$")


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )
