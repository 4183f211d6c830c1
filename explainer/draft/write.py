"""Write a proposal as a package folder: the article's bytes, CSV tables and their descriptor.

The descriptor is `datapackage.json` beside this module, the same schema as the packages in
`data/` (a test keeps the two equal), with a `review` field added to each table the draft fills.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ExplainerError
from ..package.review import REVIEW
from ..package.schema import format_descriptor
from ..package.writing import write_whole
from .credit import HEADLINE_ADDED
from .csv_files import Table
from .proposal import TEXT_FILE, Proposal

REVIEW_FIELD = {
    "name": REVIEW,
    "type": "string",
    "description": "What to check in this proposed row; `reviewed` once a person has checked "
    "it (the review notebook, `python -m explainer review DIR`, writes it when they accept the "
    "row). `validate --strict` fails while any row says anything else here, an empty cell too.",
}


class FolderNotEmpty(ExplainerError, ValueError):
    """The output folder already holds files: a draft never overwrites a package."""


def descriptor(proposal: Proposal) -> dict:
    """The package format's descriptor, with a review field on every table that has proposed
    rows, and the article's description saying when the draft added the headline to the text."""
    result = format_descriptor()
    for resource in result["resources"]:
        if proposal.tables.get(resource["name"]):
            resource["schema"]["fields"].append(dict(REVIEW_FIELD))
        if resource["name"] == "article" and proposal.headline_added:
            resource["description"] += " " + HEADLINE_ADDED
    return result


def write_package(proposal: Proposal, text: bytes, folder: Path) -> None:
    """Write the draft into `folder` (created; refused if it has files), every file or none
    (CannotWrite); `text` is the article's bytes, copied unchanged."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FolderNotEmpty(f"{folder} exists and is not empty: choose a new folder")
    described = descriptor(proposal)
    files = {folder / TEXT_FILE: text}
    for resource in described["resources"]:
        header = [f["name"] for f in resource["schema"]["fields"]]
        rows = proposal.tables.get(resource["name"], [])
        files[folder / resource["path"]] = Table(header, rows).encoded()
    files[folder / "datapackage.json"] = (
        json.dumps(described, indent=2, ensure_ascii=False) + "\n"
    ).encode("utf-8")
    write_whole(files)
