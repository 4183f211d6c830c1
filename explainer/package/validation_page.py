"""docs/validation.md, the list of what `validate` checks, written from the rule registry.

Run `python -m explainer.package.validation_page > docs/validation.md` after adding or changing
a rule; a test keeps the page equal to what this prints.
"""

from __future__ import annotations

from .rules import RULES, SECTIONS


def page() -> str:
    """docs/validation.md: every rule by section, with its code, as a person reads them."""
    lines = [
        "# What `validate` checks",
        "",
        "Written from the registry in `explainer/package/rules.py` by",
        "`python -m explainer.package.validation_page > docs/validation.md`; do not edit by hand.",
        "Every problem `validate` prints is one of these rules broken; its code names the rule.",
        "A warning is shown but leaves the package valid: a person may rightly differ from it.",
    ]
    for section, title in SECTIONS.items():
        rules = [rule for rule in RULES.values() if rule.section == section]
        if rules:
            lines += ["", f"## {title}", "", "| code | what holds | |", "| --- | --- | --- |"]
            lines += [
                f"| `{r.code}` | {r.checks} | {'warning' if r.warning else 'problem'} |"
                for r in rules
            ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(page(), end="")
