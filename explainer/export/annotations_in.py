"""Read a file of annotations as Hypothesis exports them, or as W3C Web Annotation JSON-LD.

Accepted: the file Hypothesis's Export writes (`{"annotations": [...]}`, the h API's records),
an h API search result (`{"rows": [...]}`), a list of such records, and W3C Web Annotation
JSON-LD (one Annotation, an AnnotationPage, an AnnotationCollection with its first page
embedded, or a list of them), such as `export --to web-annotation` or h's `.jsonld` writes.
JSON-LD is brought to the W3C context's compact form by PyLD, so any valid serialisation reads
the same; the W3C context is the one document it may load, and nothing is fetched. The copy
beside this module, `anno.jsonld`, is http://www.w3.org/ns/anno.jsonld as the W3C publishes it
(repository w3c/web-annotation, jsonld/anno.jsonld of 2016-11-12; Copyright © 2016 W3C®, under
the W3C Document License).

Each annotation becomes an `Incoming`: its quote and context, a position if it gives one, its
text and its tags. Only TextQuoteSelector and a top-level TextPositionSelector are read: the
others (a RangeSelector's XPaths, an EPUB's pages) name places in a web page or a book, not in
the article's text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import ExplainerError

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_CONTEXTS = (ANNO_CONTEXT, ANNO_CONTEXT.replace("http:", "https:"))
CONTEXT_FILE = Path(__file__).with_name("anno.jsonld")


@dataclass(frozen=True)
class Incoming:
    number: int  # 1 for the file's first annotation, in the file's order
    name: str  # how a message names it: its id, else its number
    exact: str
    prefix: str
    suffix: str
    position: tuple[int, int] | None
    summary: str  # a describing body, or else its text
    comment: str  # its text, when a describing body came first
    tags: tuple[str, ...]
    skipped: str = ""  # why it cannot become a claim at all: a reply, a note on the whole page


MAX_BYTES = 200_000_000
"""A file of annotations read at most: the W3C export of a package at its limits (10,000 claims
and events) is some 51 MB, and a file without end (`/dev/zero`) must not fill the memory."""


def read_file(path: Path) -> bytes:
    """The file's bytes; NotAnnotations past MAX_BYTES, before reading more than that."""
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise NotAnnotations(f"larger than {MAX_BYTES // 1_000_000} MB: not a file of annotations")
    return data


class NotAnnotations(ExplainerError, ValueError):
    """The file is not one this module reads; the message says what it is instead."""


def read_annotations(data: bytes) -> list[Incoming]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotAnnotations(f"not a JSON file ({error})") from error
    records = _records(document)
    return [_incoming(number, record) for number, record in enumerate(records, 1)]


def _records(document: object) -> list[dict]:
    if isinstance(document, list) and any(_linked_data(item) for item in document):
        return _w3c_annotations({"@graph": document})  # JSON-LD, such as in expanded form
    if isinstance(document, list):
        return [record for item in document for record in _records(item)]
    if not isinstance(document, dict):
        raise NotAnnotations("not a file of annotations: its JSON is neither an object nor a list")
    if _linked_data(document):
        return _w3c_annotations(document)
    for key in ("annotations", "rows"):  # Hypothesis's export, an h API search
        if isinstance(document.get(key), list):
            return [_hypothesis(item) for item in document[key]]
    if "target" in document:
        return [_hypothesis(document)]
    raise NotAnnotations(
        "not a file of annotations: no `annotations` list (as Hypothesis exports them) and no "
        "JSON-LD `@context` (as W3C Web Annotations have)"
    )


def _linked_data(node: object) -> bool:
    return isinstance(node, dict) and any(key in node for key in ("@context", "@graph", "@type"))


def _w3c_annotations(document: dict) -> list[dict]:
    compact = _compacted(document)
    nodes = compact.get("@graph", [compact])
    found = []
    for node in _as_list(nodes):
        kinds = set(_as_list(node.get("type")))
        if "AnnotationCollection" in kinds:
            node = node.get("first")
            if not isinstance(node, dict):
                raise NotAnnotations("an AnnotationCollection whose pages are not in the file")
            kinds = set(_as_list(node.get("type")))
        if "AnnotationPage" in kinds:
            found += [_w3c(item) for item in _as_list(node.get("items"))]
        elif "Annotation" in kinds:
            found.append(_w3c(node))
    if not found:
        raise NotAnnotations("JSON-LD with no W3C Web Annotation in it")
    return found


def _compacted(document: dict) -> dict:
    """The document in the compact form of the W3C context: as it is when it is in that form
    already (every key one of the context's terms), else as PyLD compacts it."""
    if document.get("@context") in _CONTEXTS and _only_terms(document, _terms()):
        return document  # PyLD would give the same, at some 5 ms an annotation
    from pyld import jsonld  # only this reader needs PyLD
    from pyld.documentloader.frozen import FrozenDocumentLoader

    known = dict.fromkeys(_CONTEXTS, CONTEXT_FILE)
    options = {"documentLoader": FrozenDocumentLoader(known)}
    try:
        return jsonld.compact(document, ANNO_CONTEXT, options)
    except jsonld.JsonLdError as error:
        url = _unloadable(error)
        if url:
            raise NotAnnotations(
                f"its @context names {url}, which cannot be read here: only the W3C Web "
                f"Annotation context ({ANNO_CONTEXT}) is known, and nothing is fetched"
            ) from error
        raise NotAnnotations(f"not valid JSON-LD: {error}") from error


@cache
def _terms() -> frozenset[str]:
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    return frozenset(context) | {"@context", "@graph", "@id", "@type"}


def _only_terms(value: object, terms: frozenset[str]) -> bool:
    if isinstance(value, dict):
        return all(
            k in terms and _only_terms(v, terms) for k, v in value.items() if k != "@context"
        )
    if isinstance(value, list):
        return all(_only_terms(item, terms) for item in value)
    return True


def _unloadable(error: BaseException | None) -> str | None:
    """The address of the document PyLD was refused, from the chain of errors it raises."""
    while error is not None:
        details = getattr(error, "details", None)
        if isinstance(details, dict) and details.get("url"):
            return str(details["url"])
        error = getattr(error, "cause", None) or error.__cause__
    return None


def _w3c(node: dict) -> dict:
    """A W3C annotation in the shape of an h API record: text, tags and one target."""
    describing, texts, tags = "", [], []
    for body in _as_list(node.get("body")):
        if not isinstance(body, dict) or "value" not in body:
            continue
        purposes = set(_as_list(body.get("purpose")))
        if "tagging" in purposes:
            tags.append(str(body["value"]))
        elif "describing" in purposes and not describing:
            describing = str(body["value"])
        else:
            texts.append(str(body["value"]))
    if isinstance(node.get("bodyValue"), str):
        texts.append(node["bodyValue"])
    return {
        "id": node.get("id"),
        "describing": describing,
        "text": "\n\n".join(texts),
        "tags": tags,
        "target": _as_list(node.get("target")),
    }


def _hypothesis(record: object) -> dict:
    if not isinstance(record, dict):
        raise NotAnnotations("an item of its `annotations` list is not an annotation record")
    summary, rest = _bold_lead(str(record.get("text") or ""))
    return {
        "id": record.get("id"),
        "describing": summary,
        "text": rest,
        "tags": record.get("tags") or [],
        "target": _as_list(record.get("target")),
        "reply": bool(record.get("references")),
    }


_BOLD_LEAD = re.compile(r"\*\*(?P<lead>(?:[^*\\]|\\.)+)\*\*(?:\n\n(?P<rest>.*))?", re.DOTALL)
# The characters `narrative.prose.md` escapes, which the export wrote escaped.
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#|~])")


def _bold_lead(text: str) -> tuple[str, str]:
    """A Hypothesis text whose first paragraph is all bold, as `export --to hypothesis` writes:
    that paragraph is the summary, the rest the comment; any other text is all comment."""
    lead = _BOLD_LEAD.fullmatch(text.strip())
    if lead is None:
        return "", text
    return _ESCAPED.sub(r"\1", lead["lead"]), _ESCAPED.sub(r"\1", lead["rest"] or "")


def _incoming(number: int, record: dict) -> Incoming:
    name = f"annotation {number}" + (f" ({record['id']})" if record.get("id") else "")
    quote, position = _selectors(record["target"])
    summary = record["describing"] or record["text"]
    comment = record["text"] if record["describing"] else ""
    skipped = ""
    if record.get("reply"):
        skipped = "a reply to another annotation"
    elif quote is None:
        skipped = "a note on the whole page, with no quote of the text"
    words = {key: str((quote or {}).get(key) or "") for key in ("exact", "prefix", "suffix")}
    return Incoming(
        number, name, words["exact"], words["prefix"], words["suffix"], position,
        str(summary).strip(), str(comment).strip(), tuple(str(t) for t in record["tags"]), skipped,
    )  # fmt: skip


def _selectors(targets: list) -> tuple[dict | None, tuple[int, int] | None]:
    """The first target's TextQuoteSelector and TextPositionSelector (start, end), if any."""
    for target in targets:
        if not isinstance(target, dict):
            continue
        selectors = [s for s in _as_list(target.get("selector")) if isinstance(s, dict)]
        quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
        spot = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
        if quote is not None and isinstance(quote.get("exact"), str):
            return quote, _position(spot)
    return None, None


def _position(selector: dict | None) -> tuple[int, int] | None:
    if selector is None:
        return None
    start, end = selector.get("start"), selector.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
        return start, end
    return None


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
