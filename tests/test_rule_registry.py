"""Every rule has one identity: a code in the registry, which its problems carry and the
documentation lists (issue 19 §3)."""

from __future__ import annotations

import re
from pathlib import Path

from explainer.package import rules, validation_page

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "explainer"


def test_the_list_of_what_validate_checks_is_the_registry():
    written = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    assert written == validation_page.page(), (
        "run: python -m explainer.package.validation_page > docs/validation.md"
    )


def test_the_list_names_every_rule_once_with_its_description():
    written = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    for rule in rules.RULES.values():
        assert written.count(f"`{rule.code}`") == 1
        assert rule.checks in written


def test_a_problem_is_made_only_through_a_rule():
    """No module builds a Problem by hand, so none can lack a registered code."""
    made = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ENGINE.rglob("*.py")
        if path.name not in ("problems.py", "rules.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\bProblem\(", line)
    ]
    assert made == []


def test_every_registered_rule_is_applied_somewhere():
    """A rule in the registry that no check uses would be listed as checked when it is not."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for path in ENGINE.rglob("*.py")
        if path.name not in ("rules.py", "validation_page.py")
    )
    unused = [
        name
        for name, value in vars(rules).items()
        if isinstance(value, rules.Rule) and not re.search(rf"\b{name}\b", sources)
    ]
    assert unused == []


def test_codes_are_registered_once_and_read_as_codes():
    codes = [rule.code for rule in rules.RULES.values()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", code) for code in codes)
