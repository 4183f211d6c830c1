"""What an export format is, and the counts that prove it lost nothing without saying so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..package.model import Package


@dataclass(frozen=True)
class Count:
    """How many records of one kind the package has and the written file holds."""

    what: str  # a plural noun: "claims", "events", "hedge cues"
    in_package: int
    written: int
    elsewhere: str = ""
    """Where the ones not written are, when a format has no place for them (said, not lost)."""

    @property
    def lost(self) -> bool:
        return self.written != self.in_package and not self.elsewhere

    def __str__(self) -> str:
        noun = self.what if self.in_package != 1 else self.what.rstrip("s")
        text = f"{self.written} of {self.in_package} {noun}"
        return f"{text} ({self.elsewhere})" if self.elsewhere else text


@dataclass(frozen=True)
class Format:
    name: str  # as `--to` takes it
    title: str  # what the file is, for messages
    suffix: str  # of the default output file
    build: Callable[[Package], dict]
    count: Callable[[Package, dict], list[Count]]
    """Counts read back from the built document, not from what the builder meant to write."""


def summary(counts: list[Count]) -> str:
    return ", ".join(map(str, counts))


def losses(counts: list[Count]) -> list[str]:
    """What a built document lacks that it should hold: a bug, never a user's mistake."""
    return [f"{c.what}: {c.written} written of {c.in_package}" for c in counts if c.lost]
