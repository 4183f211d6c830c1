"""A descriptor's `pattern` constraints, matched by RE2 so that no pattern can hang a check.

Python's `re` backtracks: `^(a+)+$` against 34 "a"s and a "!" runs for minutes, and a package
is data anyone can hand a teacher. RE2 (google-re2) matches in time linear in the text, and
refuses what it cannot do in linear time (backreferences, lookaround) as an invalid pattern.

Pyodide, which runs the explainer in the browser for the JupyterLite site, has no RE2 build.
There, and only there, patterns fall back to Python's `re`: the site bundles packages that
`python -m explainer site` has validated with RE2 on the machine that built it, so a pattern
that reaches the browser is one RE2 accepted. Anywhere else a missing RE2 is an error, not a
silent fallback, so that the promise holds for every install.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

try:
    import re2
except ImportError:
    if sys.platform != "emscripten":  # Pyodide's: see above
        raise ImportError(
            "google-re2 is not installed, and the explainer matches a package's patterns with it "
            "(so that no pattern can hang validate): install the explainer with its "
            "requirements, `pip install -r requirements-read.txt`"
        ) from None
    re2 = None

if re2 is not None:
    _OPTIONS = re2.Options()
    _OPTIONS.log_errors = False  # the error comes back as a problem, not as a line on stderr


@lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    """The compiled pattern; raises ValueError with the engine's reason if it cannot run it."""
    if re2 is None:
        try:
            return re.compile(pattern)
        except re.error as error:
            raise ValueError(str(error)) from None
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None


def matches(pattern: str, value: str) -> bool:
    """Whether the whole value matches, as Table Schema patterns are anchored at both ends."""
    return compile_pattern(pattern).fullmatch(value) is not None
