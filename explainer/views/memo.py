"""Remember what a view works out from an immutable package, so a filter click does not redo it.

The explorer redraws every view on each click, always from the same package. Much of a view does
not depend on the filter: the article cut into pieces, the timeline's lanes and places, the hover
texts. `by_identity` keeps those for the last few argument objects. Identity is enough because
the arguments are immutable (frozen records, tuples, strings) and are held here, so their ids
cannot be reused by other objects while they are remembered.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def by_identity(keep: int = 4) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Memoize a function of immutable positional arguments on their identity, last `keep`."""

    def decorate(func: Callable[..., T]) -> Callable[..., T]:
        remembered: dict[tuple[int, ...], tuple[tuple, T]] = {}

        @functools.wraps(func)
        def remembering(*args):
            key = tuple(id(arg) for arg in args)
            if key in remembered:
                return remembered[key][1]
            result = func(*args)
            if len(remembered) >= keep:
                del remembered[next(iter(remembered))]  # the oldest
            remembered[key] = (args, result)  # holding args keeps their ids theirs
            return result

        return remembering

    return decorate
