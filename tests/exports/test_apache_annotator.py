"""The W3C export's selectors, re-anchored by another implementation of the W3C model: Apache
Annotator (@apache-annotator/selector 0.2.0, from npm, run by Node.js). Each TextQuoteSelector
matches once, where its TextPositionSelector does, on the claim's, cue's or time words' own
characters, counted as the W3C counts them (code points), also after a character that UTF-16
writes as two."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from explainer.export import web_annotation

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "annotator-cache"
VERSION = "0.2.0"
SCRIPT = Path(__file__).with_name("apache_annotator") / "anchor.mjs"


@pytest.fixture(scope="module")
def annotator() -> Path:
    """A folder with Apache Annotator installed and the script beside it (npm, once)."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and npm or node is missing: Apache Annotator cannot run")
        pytest.skip("npm and node are needed to run Apache Annotator")
    if not (CACHE / "node_modules" / "@apache-annotator" / "selector").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        argv = [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE)]
        result = subprocess.run(
            argv + [f"@apache-annotator/selector@{VERSION}"], capture_output=True, text=True
        )
        assert result.returncode == 0, f"npm install failed:\n{result.stderr}"
    shutil.copy(SCRIPT, CACHE / SCRIPT.name)  # beside node_modules, where node resolves it
    return CACHE


def anchored(annotator: Path, text: str, items: list[dict], tmp_path: Path) -> list[dict]:
    selectors = [item["target"]["selector"] for item in items]
    given = tmp_path / "selectors.json"
    given.write_text(json.dumps({"text": text, "selectors": selectors}), encoding="utf-8")
    result = subprocess.run(
        ["node", str(annotator / SCRIPT.name), str(given)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def with_wide_characters(package):
    """The package with "📰 " (a character UTF-16 writes as two) before its text, every offset
    moved on by its two code points: positions and quotes must still agree."""
    text = "📰 " + package.article.text
    claims = tuple(replace(c, start=c.start + 2, end=c.end + 2) for c in package.claims)
    return replace(package, article=replace(package.article, text=text), claims=claims)


@pytest.mark.parametrize("name", ["korea-us-consultations", "us-envoy-north-korea-food-aid",
                                  "synthetic", "benchmark-synthetic", "wide"])  # fmt: skip
def test_apache_annotator_finds_each_quote_where_its_position_says(
    annotator, packages, tmp_path, name
):
    package = with_wide_characters(packages["synthetic"]) if name == "wide" else packages[name]
    text = package.article.text
    items = web_annotation.collection(package)["first"]["items"]
    results = anchored(annotator, text, items, tmp_path)
    assert len(results) == len(items)
    for item, found in zip(items, results, strict=True):
        _, position = item["target"]["selector"]
        expected = [utf16(text, position["start"]), utf16(text, position["end"])]
        assert found == {"quote": [expected], "position": [expected]}, item["id"]
