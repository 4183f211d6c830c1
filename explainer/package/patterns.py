"""A descriptor's `pattern` constraints, matched by RE2 so that no pattern can hang a check.

Python's `re` backtracks: `^(a+)+$` against 34 "a"s and a "!" runs for minutes, and a package
is data anyone can hand a teacher. RE2 (google-re2) matches in time linear in the text, and
refuses what it cannot do in linear time (backreferences, lookaround) as an invalid pattern.
"""

from __future__ import annotations

from functools import lru_cache

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the error comes back as a problem, not as a line on stderr


@lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    """The compiled pattern; raises ValueError with RE2's reason if RE2 cannot run it."""
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
