"""The word lists of news writing that the language modules read: CSV files beside them."""

from __future__ import annotations

import csv
import io
from importlib.resources import files


def lexicon_rows(name: str) -> list[dict[str, str]]:
    """The rows of a lexicon shipped beside these modules (`hedges.csv`, `source_words.csv`)."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))
