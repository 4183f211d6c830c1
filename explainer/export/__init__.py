"""A package in the formats of the tools teachers and newsrooms already use, and back.

One module per format, each a `Format` (`format.py`): how to build the document from a
package, and how to count what the built document holds, so an export never loses a claim or
an event without saying where it went. `notes` is what the two annotation formats share (the
claims, hedge cues and events as anchored notes), `edtf` every event's date in EDTF, `wording`
the sentences they all write. `annotations_in`, `anchoring` and `claims_in` read annotations
back into claims (`import-annotations`). A new format is a new module listed in FORMATS.
"""

from __future__ import annotations

import json

from . import hypothesis, schema_org, timelinejs, web_annotation
from .format import Count, Format

FORMATS = {
    f.name: f
    for f in (timelinejs.FORMAT, web_annotation.FORMAT, hypothesis.FORMAT, schema_org.FORMAT)
}


def dumped(document: dict) -> bytes:
    """The document as a file: UTF-8 JSON, indented, keys in the order built (deterministic)."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


__all__ = ["FORMATS", "Count", "Format", "dumped"]
