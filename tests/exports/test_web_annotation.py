"""The W3C Web Annotation export, held to the W3C's own schemas, its JSON-LD context and the
article: every selector found again in the text, both selectors naming the same words."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft4Validator
from pyld import jsonld
from pyld.documentloader.frozen import FrozenDocumentLoader
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from explainer.export import dumped, web_annotation
from explainer.export.anchoring import Span, anchor
from explainer.export.annotations_in import ANNO_CONTEXT, CONTEXT_FILE
from explainer.views.annotate import hedge_spans

SUITE = Path(__file__).with_name("web-annotation-tests")
MUSTS = {
    "annotation": "annotations/annotationMusts.test",
    "collection": "collections/collectionMusts.test",
    "page": "collections/pages/pageMusts.test",
}


@cache
def registry() -> Registry:
    """Every schema of the W3C suite by its own id, as its $refs name them."""
    resources = []
    for path in SUITE.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        )
    return Registry().with_resources(resources)


@cache
def musts(kind: str) -> list[tuple[str, Draft4Validator]]:
    listed = json.loads((SUITE / MUSTS[kind]).read_text(encoding="utf-8"))["assertions"]
    validators = []
    for name in listed:
        schema = json.loads((SUITE / name).read_text(encoding="utf-8"))
        checker = Draft4Validator.FORMAT_CHECKER
        validators.append(
            (name, Draft4Validator(schema, registry=registry(), format_checker=checker))
        )
    return validators


def failures(kind: str, document: dict) -> list[str]:
    return [
        f"{name}: {error.message}"
        for name, validator in musts(kind)
        for error in validator.iter_errors(document)
    ]


def standalone(node: dict) -> dict:
    """A page or an annotation as the suite tests it: a document of its own, with @context."""
    return {"@context": web_annotation.CONTEXT, **node}


def test_the_suite_is_all_here():
    assert [len(musts(kind)) for kind in MUSTS] == [54, 10, 15]


def test_the_suite_catches_a_broken_annotation(packages):
    document = web_annotation.collection(packages["synthetic"])
    annotation = standalone(document["first"]["items"][0])
    broken = {key: value for key, value in annotation.items() if key != "target"}
    assert failures("annotation", broken), "an annotation without a target must fail"
    assert failures("annotation", {**annotation, "id": "not an IRI"})


def shape(value: object) -> object:
    """The JSON's structure, with each string or number replaced by its type's name."""
    if isinstance(value, dict):
        return tuple((key, shape(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(shape(item) for item in value)
    return type(value).__name__


def test_every_annotation_page_and_collection_passes_the_w3c_musts(each):
    """Every shape of annotation the export writes (a claim with or without events, a hedge, an
    event with or without a date...), in each package: the 54 schemas take a second or so for
    each, and annotations of one shape differ only in their words and numbers."""
    document = web_annotation.collection(each)
    assert failures("collection", document) == []
    assert failures("page", standalone(document["first"])) == []
    shapes = {shape(item): item for item in reversed(document["first"]["items"])}
    assert len(shapes) >= 3
    for item in shapes.values():
        assert failures("annotation", standalone(item)) == [], item["id"]


def loader() -> FrozenDocumentLoader:
    return FrozenDocumentLoader({ANNO_CONTEXT: CONTEXT_FILE})


def test_json_ld_keeps_every_key(packages):
    """Expanded with the W3C context and compacted back, the file is unchanged: every key is
    a term of the context (JSON-LD drops what is not), every value of the type it defines."""
    for name in ("korea-us-consultations", "synthetic"):
        document = web_annotation.collection(packages[name])
        options = {"documentLoader": loader()}
        expanded = jsonld.expand(document, options)
        assert jsonld.compact(expanded, ANNO_CONTEXT, options) == json.loads(dumped(document))


def test_json_ld_catches_a_key_it_does_not_know(packages):
    document = web_annotation.collection(packages["synthetic"])
    document["first"]["items"][0]["certainty"] = "probable"  # not a W3C term
    options = {"documentLoader": loader()}
    expanded = jsonld.expand(document, options)
    assert jsonld.compact(expanded, ANNO_CONTEXT, options) != document


def selectors(item: dict) -> tuple[dict, dict]:
    quote, position = item["target"]["selector"]
    assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
    return quote, position


def test_both_selectors_name_the_same_words_and_the_quote_alone_finds_them(each):
    """Re-anchored by exact words, prefix and suffix alone, each quote lands where its
    TextPositionSelector says, on exactly its words."""
    text = each.article.text
    items = web_annotation.collection(each)["first"]["items"]
    for item in items:
        quote, position = selectors(item)
        span = Span(position["start"], position["end"])
        assert text[span.start : span.end] == quote["exact"]
        found = anchor(text, quote["exact"], quote.get("prefix", ""), quote.get("suffix", ""))
        assert found == span, (item["id"], found)
        assert item["target"]["source"] == items[0]["target"]["source"]


def test_each_claim_anchors_at_its_quote_and_each_hedge_inside_it(each):
    items = web_annotation.collection(each)["first"]["items"]
    by_kind: dict[str, list] = {"claim": [], "hedge": [], "event": []}
    for item in items:
        by_kind[web_annotation.kind_of(web_annotation.tag_values(item))].append(item)
    assert [len(v) for v in by_kind.values()] == [
        len(each.claims),
        sum(len(c.hedges) for c in each.claims),
        len(each.events),
    ]
    for claim, item in zip(each.claims, by_kind["claim"], strict=True):
        quote, position = selectors(item)
        assert (position["start"], position["end"], quote["exact"]) == (
            claim.start,
            claim.end,
            claim.quote,
        )
        assert item["body"][0] == {
            "type": "TextualBody", "value": claim.summary, "format": "text/plain",
            "purpose": "describing",
        }  # fmt: skip
    hedges = iter(by_kind["hedge"])
    for claim in each.claims:
        for cue in claim.hedges:
            quote, position = selectors(next(hedges))
            assert quote["exact"] == cue
            inside = (position["start"] - claim.start, position["end"] - claim.start)
            assert inside in hedge_spans(claim.quote, [cue]) or claim.quote[slice(*inside)] == cue


def test_an_event_anchors_on_its_own_time_words(packages):
    package = packages["korea-us-consultations"]
    items = web_annotation.collection(package)["first"]["items"]
    events = {
        tag.removeprefix("event:"): item
        for item in items
        for tag in web_annotation.tag_values(item)
        if tag.startswith("event:")
    }
    dated = [e for e in package.events if e.date_text]
    assert dated
    for event in dated:
        quote, _ = selectors(events[event.id])
        assert quote["exact"] == event.date_text
    undated = [e for e in package.events if not e.date_text]
    for event in undated:
        quote, _ = selectors(events[event.id])
        assert quote["exact"] == package.evidence_for(event).quote


def test_counts_say_when_an_annotation_is_missing(packages):
    package = packages["korea-us-consultations"]
    document = web_annotation.collection(package)
    assert not any(c.lost for c in web_annotation.count(package, document))
    document["first"]["items"].pop(0)
    lost = [c for c in web_annotation.count(package, document) if c.lost]
    assert [(c.what, c.in_package, c.written) for c in lost] == [
        ("claims", len(package.claims), len(package.claims) - 1)
    ]
