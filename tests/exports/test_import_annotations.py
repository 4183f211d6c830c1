"""`python -m explainer import-annotations FILE DIR`, run as a teacher would: the explainer's own
exports back into a package, and a class's annotations as Hypothesis exports them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.export import FORMATS, dumped
from explainer.package import load_package, validate_package

# Claims each real package still validates without (no takeaway, event or actor needs them).
REMOVABLE = {
    "korea-us-consultations": ["c_credit_yonhap", "c_seek_dialogue", "c_park_briefing",
                               "c_talks_for_months", "c_agreement_again"],
    "us-envoy-north-korea-food-aid": ["c_yonhap_reported", "c_next_few_days", "c_stockpile"],
}  # fmt: skip


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*args, cwd=None): the command line in this process (a fresh interpreter costs a
    second or more a call); `as_a_user` below runs it as a user does, once per command."""

    def command(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, status, out, err)

    return command


def as_a_user(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "explainer", *map(str, args)]
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, timeout=120)


def claim_rows(folder: Path) -> dict[str, dict[str, str]]:
    text = (folder / "claims.csv").read_text(encoding="utf-8")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def without(folder: Path, ids: list[str]) -> Path:
    """The package with these claims taken out of claims.csv (it stays valid)."""
    path = folder / "claims.csv"
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header] + [r for r in rows if r[0] not in ids])
    path.write_text(out.getvalue(), encoding="utf-8")
    assert validate_package(folder) == []
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("to", ["web-annotation", "hypothesis"])
@pytest.mark.parametrize("name", sorted(REMOVABLE))
def test_an_export_comes_back_as_the_claims_it_was(run, folders, copy_of, tmp_path, name, to):
    """Exported whole, then imported into the package without some of its claims: those claims
    come back exactly (id, offsets, every field), marked for nothing; the rest are already there."""
    exported = tmp_path / f"{name}.{to}"
    assert run("export", folders[name], "--to", to, "-o", exported).returncode == 0
    original = claim_rows(folders[name])
    target = without(copy_of(name), REMOVABLE[name])
    result = run("import-annotations", exported, target)
    assert (result.returncode, result.stderr) == (0, "")
    restored = len(REMOVABLE[name])
    assert f"{restored} claims imported, {len(original) - restored} already claims" in result.stdout
    assert claim_rows(target) == original  # the same rows; the restored ones at the end
    assert "review" not in (target / "claims.csv").read_text(encoding="utf-8").splitlines()[0]
    assert validate_package(target) == []


def test_importing_the_same_file_twice_adds_nothing(run, folders, copy_of, tmp_path):
    exported = tmp_path / "a.jsonld"
    run("export", folders["synthetic"], "--to", "web-annotation", "-o", exported)
    target = copy_of("synthetic")
    before = files_of(target)
    result = run("import-annotations", exported, target)
    assert result.returncode == 0
    assert "0 claims imported, 4 already claims of the package" in result.stdout
    assert files_of(target) == before


def test_a_dry_run_changes_nothing(run, folders, copy_of, tmp_path):
    exported = tmp_path / "a.json"
    run("export", folders["korea-us-consultations"], "--to", "hypothesis", "-o", exported)
    target = without(copy_of("korea-us-consultations"), ["c_seek_dialogue"])
    before = files_of(target)
    result = run("import-annotations", exported, target, "--dry-run")
    assert result.returncode == 0
    assert "1 claim imported" in result.stdout and "would be added to claims.csv" in result.stdout
    assert files_of(target) == before


# ----------------------------------------------------------------------------------------------
# A class's annotations, as Hypothesis exports them


def web_page(text: str) -> str:
    """The article as the publisher's page has it for Hypothesis (the body's textContent): a
    masthead first, paragraphs apart, and a no-break space after a title."""
    body = text.replace("\n", "\n\n      ").replace("Spokesperson Park", "Spokesperson\u00a0Park")
    return "NationPress  Home  World  Asia\n\n      " + body + "\n\n  © NationPress"


def utf16(text: str, index: int) -> int:
    """A character offset as the browser counts it (UTF-16 code units), as Hypothesis does."""
    return len(text[:index].encode("utf-16-le")) // 2


def hypothesis_annotation(
    number: int, page: str, words: str, text: str, tags: list[str], **more
) -> dict:
    """One annotation as Hypothesis's client saves it, on `words` of the page (h API record:
    src/types/api.ts of hypothesis/client)."""
    start = page.index(words)
    end = start + len(words)
    return {
        "id": f"hyp{number:05d}",
        "created": "2026-01-20T10:00:00.000000+00:00",
        "updated": "2026-01-20T10:00:00.000000+00:00",
        "user": "acct:student1@hypothes.is",
        "uri": "https://www.nationpress.example/world/korea-us-consultations",
        "text": text,
        "tags": tags,
        "group": "Ab12Cd34",
        "permissions": {"read": ["group:Ab12Cd34"], "admin": [], "update": [], "delete": []},
        "target": [
            {
                "source": "https://www.nationpress.example/world/korea-us-consultations",
                "selector": [
                    {"type": "RangeSelector", "endOffset": 12, "startOffset": 0,
                     "endContainer": "/main[1]/p[7]", "startContainer": "/main[1]/p[7]"},
                    {"type": "TextPositionSelector", "start": utf16(page, start),
                     "end": utf16(page, end)},
                    {"type": "TextQuoteSelector", "exact": words,
                     "prefix": page[max(0, start - 32) : start], "suffix": page[end : end + 32]},
                ],
            }
        ],
        "document": {"title": ["Will South Korea and the US Begin Regular Consultations"]},
        "links": {"html": "https://hypothes.is/a/x", "incontext": "https://hyp.is/x"},
        "user_info": {"display_name": "Student One"},
        "flagged": False,
        "hidden": False,
    } | more  # fmt: skip


@pytest.fixture
def class_file(folders, tmp_path) -> Path:
    """Six annotations by a class on the publisher's page: two on sentences the package has no
    claim for, a hedge inside one of them, a quote the article does not have, a reply, and a
    note on the whole page."""
    package = load_package(folders["korea-us-consultations"])
    page = web_page(package.article.text)
    briefing = "Spokesperson\u00a0Park Il made these comments during a routine press briefing"
    talks = (
        "noting that working-level talks have been ongoing for months to finalize the "
        "specifics of the proposed meeting"
    )
    annotations = [
        hypothesis_annotation(1, page, briefing, "Park says it **on the record**.", ["source"]),
        hypothesis_annotation(
            2, page, talks, "Talks have gone on for months.",
            ["attribution:nationpress;park_il", "source_kind:on_record", "about:allies",
             "events:e_working_talks"],
        ),
        hypothesis_annotation(3, page, "ongoing for months", "How long?", ["hedge"]),
        hypothesis_annotation(4, page, "\u00a9 NationPress", "Whose copyright?", []),
        hypothesis_annotation(5, page, talks, "I agree", [], references=["hyp00002"]),
        hypothesis_annotation(6, page, briefing, "A note", []) | {"target": [{"source": "x"}]},
    ]  # fmt: skip
    export = {
        "export_date": "2026-01-20T11:00:00.000Z",
        "export_userid": "acct:teacher@hypothes.is",
        "client_version": "1.1700.0",
        "annotations": annotations,
    }
    path = tmp_path / "hypothesis-export.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_class_file_from_hypothesis_becomes_claims_marked_for_review(
    run, folders, copy_of, class_file
):
    target = without(copy_of("korea-us-consultations"), ["c_park_briefing", "c_talks_for_months"])
    result = as_a_user("import-annotations", class_file, target)
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr  # one quote was not found
    assert lines[0] == (
        f"{class_file}: annotation 4 (hyp00004): not imported: "
        "its words are not in the article: “© NationPress”"
    )
    assert "2 claims imported" in lines[1] and "1 hedge cue taken as hedges" in lines[1]
    assert "1 passed over: a reply to another annotation" in lines[1]
    assert "1 passed over: a note on the whole page" in lines[1]
    original = claim_rows(folders["korea-us-consultations"])
    rows = list(claim_rows(target).values())[-2:]
    briefing, talks = rows
    # the quotes are the article's own characters at its offsets, found through the page
    were = (original["c_park_briefing"], original["c_talks_for_months"])
    for row, was in zip(rows, were, strict=True):
        assert [row[key] for key in ("quote", "start", "end")] == [
            was[key] for key in ("quote", "start", "end")
        ]
    assert briefing["summary"] == "Park says it **on the record**."
    assert (briefing["attribution"], briefing["source_kind"]) == ("nationpress", "article_voice")
    assert briefing["about"] == "park_il"  # the actor the quote names
    assert "check the source" in briefing["review"]
    assert (talks["attribution"], talks["source_kind"], talks["events"]) == (
        "nationpress;park_il", "on_record", "e_working_talks",
    )  # fmt: skip
    assert talks["hedges"] == "ongoing for months" and talks["certainty"] == "possible"
    assert "the certainty" in talks["review"] and "the source" not in talks["review"]
    assert validate_package(target) == []
    strict = run("validate", "--strict", target)
    assert strict.returncode == 1 and strict.stdout.count("claims.csv:") == 2


def test_a_hedge_on_a_claim_that_does_not_list_it_is_reported(run, folders, copy_of, tmp_path):
    package = load_package(folders["korea-us-consultations"])
    claim = next(c for c in package.claims if c.certainty == "certain" and " " in c.quote)
    word = claim.quote.split()[1]
    page = web_page(package.article.text)
    at = page.index(claim.quote)
    record = hypothesis_annotation(1, page, claim.quote, "", ["hedge"])
    quote = record["target"][0]["selector"][2]
    quote.update(exact=word, prefix=page[at - 10 : at] + claim.quote.split()[0] + " ")
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"annotations": [record]}), encoding="utf-8")
    result = run("import-annotations", path, copy_of("korea-us-consultations"))
    assert result.returncode == 1
    assert f"a hedge of claim {claim.id}, which does not list it among its hedges" in result.stdout


def test_markup_in_an_annotation_is_refused_and_nothing_written(run, folders, copy_of, tmp_path):
    package = load_package(folders["korea-us-consultations"])
    page = web_page(package.article.text)
    sentence = "both nations seek to reopen dialogue with Pyongyang"
    record = hypothesis_annotation(1, page, sentence, "<b>Key</b> point", ["source_kind:oops"])
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"annotations": [record]}), encoding="utf-8")
    target = without(copy_of("korea-us-consultations"), ["c_seek_dialogue"])
    before = files_of(target)
    result = run("import-annotations", path, target)
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith("claims.csv:")]
    assert {p.split(": ")[1] for p in problems} >= {"summary", "source_kind"}, result.stdout
    assert all(line.endswith(f"(from annotation 1 ({record['id']}))") for line in problems)
    assert "nothing written" in result.stdout
    assert files_of(target) == before


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\x00\xff not json", "not a JSON file"),
        (b'{"rows": "x"}', "not a file of annotations"),
        (b'{"@context": "https://example.org/ctx", "type": "Annotation"}',
         "its @context names https://example.org/ctx, which cannot be read here"),
        (b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Person"}',
         "JSON-LD with no W3C Web Annotation in it"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_annotations_is_named_and_refused(run, folders, tmp_path, content, says):
    path = tmp_path / "file.json"
    path.write_bytes(content)
    result = run("import-annotations", path, folders["synthetic"])
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}: ") and says in result.stderr
    assert "Traceback" not in result.stderr


def test_a_package_with_problems_is_refused_as_validate_refuses_it(
    run, packages, copy_of, tmp_path
):
    target = copy_of("synthetic")
    rows = (
        (target / "claims.csv").read_text(encoding="utf-8").replace(",valley_wire;", ",nobody;", 1)
    )
    (target / "claims.csv").write_text(rows, encoding="utf-8")
    expected = run("validate", target).stdout.splitlines()[:-1]
    path = tmp_path / "a.json"
    path.write_bytes(dumped(FORMATS["hypothesis"].build(packages["synthetic"])))
    result = run("import-annotations", path, target)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:-1] == expected
    assert "nothing was written" in result.stderr.splitlines()[-1]


def test_json_ld_in_another_form_reads_the_same(run, folders, packages, copy_of, tmp_path):
    """The W3C export expanded by PyLD (full IRIs, no context), and with a context of its own
    added to the W3C's: either is read through PyLD, with the same claims as the export."""
    from pyld import jsonld
    from pyld.documentloader.frozen import FrozenDocumentLoader

    from explainer.export.annotations_in import ANNO_CONTEXT, CONTEXT_FILE

    document = FORMATS["web-annotation"].build(packages["korea-us-consultations"])
    options = {"documentLoader": FrozenDocumentLoader({ANNO_CONTEXT: CONTEXT_FILE})}
    extended = document | {"@context": [ANNO_CONTEXT, {"ex": "http://example.org/terms#"}]}
    for form in (jsonld.expand(document, options), extended):
        path = tmp_path / "other-form.jsonld"
        path.write_text(json.dumps(form), encoding="utf-8")
        target = without(copy_of("korea-us-consultations"), ["c_seek_dialogue"])
        result = run("import-annotations", path, target)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1 claim imported, 22 already claims" in result.stdout
        assert claim_rows(target) == claim_rows(folders["korea-us-consultations"])
        shutil.rmtree(target)


def test_a_file_without_end_is_refused_before_it_fills_the_memory(run, folders, monkeypatch):
    from explainer.export import annotations_in

    monkeypatch.setattr(annotations_in, "MAX_BYTES", 1000)
    result = run("import-annotations", "/dev/zero", folders["synthetic"])
    assert result.returncode == 1
    assert result.stderr == "/dev/zero: larger than 0 MB: not a file of annotations\n"
