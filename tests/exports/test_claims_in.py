"""Annotations back into claims, for every package, the generated one too: every claim an
export holds comes back with every field, and one the package has is left alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explainer.export import FORMATS, dumped
from explainer.export.annotations_in import read_annotations
from explainer.export.claims_in import claims_from
from explainer.export.tags import ITEMS


def cells(claim) -> dict[str, str]:
    """A claim as claims.csv has it: lists joined with ";"."""
    return {
        name: ITEMS.join(value) if isinstance(value, tuple) else str(value)
        for name, value in vars(claim).items()
    }


@pytest.mark.parametrize("to", ["web-annotation", "hypothesis"])
def test_every_claim_comes_back_whole_and_the_rest_are_already_there(each, to):
    annotations = read_annotations(dumped(FORMATS[to].build(each)))
    every_third = each.claims[::3]
    missing = replace(each, claims=tuple(c for c in each.claims if c not in every_third))
    outcome = claims_from(missing, annotations)
    assert outcome.problems == []
    assert [i.row for i in outcome.imported] == [cells(c) for c in every_third]
    assert all(not i.proposed for i in outcome.imported)
    assert sorted(claim_id for _, claim_id in outcome.already) == sorted(
        c.id for c in missing.claims
    )
    assert outcome.hedges == sum(len(c.hedges) for c in each.claims)
    assert sum(outcome.passed_over.values()) == len(each.events)


def test_an_annotation_of_a_claim_the_package_has_tells_how_its_tags_differ(packages):
    package = packages["synthetic"]
    document = FORMATS["hypothesis"].build(package)
    first = document["annotations"][0]
    first["tags"] = [
        t if not t.startswith("certainty:") else "certainty:certain" for t in first["tags"]
    ]
    outcome = claims_from(package, read_annotations(dumped(document)))
    claim = package.claims[0]
    assert outcome.imported == [] and len(outcome.already) == len(package.claims)
    assert [why for _, why in outcome.differs] == [
        f"claim {claim.id}, whose certainty is {claim.certainty}, not certain"
    ]
