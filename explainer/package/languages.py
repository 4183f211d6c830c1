"""English names of BCP 47 language tags ("ko" → "Korean"), from the Unicode CLDR via Babel.

A native name is shown under a header that names its language, and marked with `lang=` so a
screen reader pronounces it and a browser picks a fitting font. CLDR is the standard list of
language names; Babel ships it, so the project keeps no list of its own.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


@cache
def language_name(tag: str) -> str | None:
    """The English name of a language tag such as "ko" or "zh-Hant", or None if CLDR has none."""
    try:
        return Locale.parse(tag, sep="-").get_display_name("en")
    except (UnknownLocaleError, ValueError, TypeError):
        return None
