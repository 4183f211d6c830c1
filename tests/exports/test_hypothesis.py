"""`export --to hypothesis`: the file Hypothesis's sidebar imports (Share › Import), as its
client reads one (src/sidebar/helpers/import.ts and services/import-annotations.ts of
hypothesis/client): an object whose `annotations` are h API records, each kept for its text,
tags, target and permissions."""

from __future__ import annotations

import json
from dataclasses import replace

from explainer.export import dumped, hypothesis
from explainer.export.annotations_in import read_annotations


def test_what_hypothesis_reads_of_each_annotation_is_there(each):
    document = json.loads(dumped(hypothesis.export(each)))
    assert isinstance(document["annotations"], list)  # readExportFile's one check
    counts = {c.what: c for c in hypothesis.count(each, document)}
    assert not any(c.lost for c in counts.values())
    assert counts["claims"].written == len(each.claims)
    for record in document["annotations"]:
        assert isinstance(record["text"], str) and record["text"]
        assert all(isinstance(tag, str) for tag in record["tags"])
        assert record["uri"] == record["target"][0]["source"]
        assert record["document"]["title"] == each.article.headline
        assert any(p.startswith("group:") for p in record["permissions"]["read"])  # shared
        (quote,) = [s for s in record["target"][0]["selector"] if s["type"] == "TextQuoteSelector"]
        (spot,) = [
            s for s in record["target"][0]["selector"] if s["type"] == "TextPositionSelector"
        ]
        assert each.article.text[spot["start"] : spot["end"]] == quote["exact"]


def test_markdown_in_a_summary_stays_text_and_comes_back(packages):
    package = packages["synthetic"]
    claim = replace(package.claims[0], summary="Votes *next* week_ [maybe] <soon>")
    changed = replace(package, claims=(claim, *package.claims[1:]))
    record = hypothesis.export(changed)["annotations"][0]
    assert record["text"].startswith(r"**Votes \*next\* week\_ \[maybe\] \<soon\>**")
    (back, *_) = read_annotations(dumped({"annotations": [record]}))
    assert back.summary == claim.summary
    assert back.comment.startswith("Who says it: ")
