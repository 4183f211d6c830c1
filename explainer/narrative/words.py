"""Small English helpers, so generated sentences read as a person would write them."""

from __future__ import annotations

from collections.abc import Sequence

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number(count: int) -> str:
    """Counts up to ten in words, as prose spells them; larger ones in digits."""
    return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "one claim", "three claims", "no claims"."""
    noun = singular if count == 1 else plural or f"{singular}s"
    return f"{number(count)} {noun}"


def verb(stem: str, count: int) -> str:
    """ "says" for one subject, "say" for several: the verb agreeing with a counted subject."""
    return f"{stem}s" if count == 1 else stem


def listing(items: Sequence[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
