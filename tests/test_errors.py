"""Every error the engine raises for a person derives from one base class (issue 19 §4), so a
caller can show the message of any of them and let every other exception through as a bug."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "explainer"
BUILTIN_ERRORS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
}


def _classes() -> dict[str, list[str]]:
    """Every class the engine defines, by name, with the names of its bases."""
    found: dict[str, list[str]] = {}
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = [b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases]
                found[f"{path.relative_to(ENGINE)}:{node.name}"] = bases
    return found


def test_every_error_the_engine_defines_is_an_explainer_error():
    classes = _classes()
    errors = {
        name: bases
        for name, bases in classes.items()
        if (BUILTIN_ERRORS | {"ExplainerError"}) & set(bases)
        and name != "errors.py:ExplainerError"
        and not name.split(":")[1].startswith("_")  # a module's own signal, never shown
        and not any(base.endswith("Warning") for base in bases)  # a warning is not an error
    }
    assert len(errors) >= 10, "the engine's errors are no longer found: rethink this test"
    assert [name for name, bases in errors.items() if "ExplainerError" not in bases] == []


def test_a_package_error_is_caught_as_an_explainer_error(tmp_path):
    from explainer.errors import ExplainerError
    from explainer.package import load_package

    try:
        load_package(tmp_path / "nowhere")
    except ExplainerError as error:
        assert "does not exist" in str(error)
    else:
        raise AssertionError("a missing package loaded")
