"""The article text: the file the article row names, checked against the SHA-256 it gives.

Offsets and verbatim quotes are only as good as the text they point into, so the hash pins the
exact bytes the annotations were made against.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .csv_tables import Table
from .files import decode, read_bytes
from .limits import ARTICLE_BYTES
from .problems import Problem
from .rules import ARTICLE_HASH, ARTICLE_ROW

TEXT_PATH = "text_path"
SHA256 = "sha256"


def read_article_text(folder: Path, article: Table | None) -> tuple[str | None, list[Problem]]:
    """The text of the package's one article, or None if it cannot be had (problems say why)."""
    if article is None or not article.columns.issuperset((TEXT_PATH, SHA256)):
        return None, []
    if len(article.rows) > 1:
        message = "only one article row is allowed"
        return None, [ARTICLE_ROW.at(article.file, article.rows[1].number, "-", message)]
    if not article.rows:
        problem = ARTICLE_ROW.at(article.file, 1, "-", "no article row")
        return None, [problem] if article.intact else []
    row = article.rows[0]
    path, expected = row.values.get(TEXT_PATH), row.values.get(SHA256)
    if not path:
        return None, []
    data = read_bytes(folder, path, ARTICLE_BYTES)
    if isinstance(data, Problem):
        return None, [data]
    problems = []
    actual = hashlib.sha256(data).hexdigest()
    if expected and expected != actual:
        message = f"does not match {path}, whose SHA-256 is {actual}"
        problems.append(ARTICLE_HASH.at(article.file, row.number, SHA256, message))
    text = decode(path, data, lambda before: before.count("\n") + 1)
    if isinstance(text, Problem):
        return None, [*problems, text]
    return text, problems
