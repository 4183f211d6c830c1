"""Find the countries a sentence names, with their ISO 3166-1 codes, as the package records them.

Names and codes come from IANA's `iso3166.tab`, shipped in the `tzdata` package and kept up to
date with it, rather than from a list typed here. Its "Korea (South)" is read as "South Korea"
and its "Britain (UK)" as "Britain" and "UK"; a name two countries share ("Korea", "Congo") is
left out; the short forms news writing uses (US, UK) are added.
A name counts only when no capitalised word follows it, so "US Senator" is a title, not the
country, and the match is case-sensitive, so "chad" or "turkey" are not countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

EXTRA = {"US": "US", "U.S.": "US", "USA": "US", "United Kingdom": "GB", "Great Britain": "GB"}
_COMPASS = {"North", "South"}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    """The name news writing uses: "South Korea", not "Korea (South)"."""
    mention: str
    """The words as printed in the sentence."""


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """Names to codes, and each code's display name."""
    names: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    table = files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text(encoding="utf-8")
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        base, _, inside = name.partition(" (")
        inside = inside.rstrip(")")
        aliases = [base]
        if inside in _COMPASS:
            aliases = [f"{inside} {base}"]
        elif inside.isupper() and " " not in base:
            aliases.append(inside)
        display[code] = aliases[0]
        for alias in aliases:
            names.setdefault(alias, set()).add(code)
    codes = {alias: next(iter(found)) for alias, found in names.items() if len(found) == 1}
    codes |= EXTRA
    display["US"] = "United States"
    return codes, display


@cache
def _pattern(in_title: bool) -> re.Pattern:
    aliases = sorted(_table()[0], key=len, reverse=True)
    # A fixed-string alternation: linear with `re`.
    followed = "" if in_title else r"(?! [A-Z])"
    return re.compile(rf"(?<![\w.])({'|'.join(map(re.escape, aliases))})(?![\w]){followed}")


def find(text: str, in_title: bool = False) -> list[Country]:
    """The countries `text` names, each once, in order of first mention; `in_title` for a role
    such as "US Ambassador", where the country comes before a capitalised word."""
    codes, display = _table()
    found: dict[str, Country] = {}
    for match in _pattern(in_title).finditer(text):
        code = codes[match.group(1)]
        found.setdefault(code, Country(code, display[code], match.group(1)))
    return list(found.values())
