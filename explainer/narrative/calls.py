"""Code parts as notebook source, each call checked against what the notebook's setup imports.

The setup cell's imports are run here too, when the notebook is generated, and every function
a cell calls must be reachable through one of the names they bind (`views.claims`,
`tables.sources_table`, `Explorer`, a method of a bound object, or a builtin): a view renamed or
moved fails here, naming the section, instead of as a NameError in a student's notebook.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from functools import cache
from types import ModuleType

from .parts import Assign, Call, NarrativeError, Ref, Statement

IMPORTS = """from explainer import views
from explainer.answers.widget import YourAnswers
from explainer.narrative import instructions, picks
from explainer.package import load_package
from explainer.views import exercises, tables, whole_article
from explainer.views.explorer import Explorer"""

SETUP = IMPORTS + "\n\npackage = load_package({path})"


@cache
def namespace() -> dict[str, object]:
    """The names the setup cell binds (its imports; `package` is a Ref)."""
    bound: dict[str, object] = {}
    exec(IMPORTS, bound)  # noqa: S102 - our own constant: the very imports the notebook runs
    del bound["__builtins__"]
    return bound


def setup_source(path: str) -> str:
    return SETUP.format(path=json.dumps(path))


def name_of(function: Callable) -> str:
    """How the notebook names `function`: through a module or class its setup binds."""
    for alias, bound in namespace().items():
        if bound is function:
            return alias
        if isinstance(bound, ModuleType) and getattr(bound, function.__name__, None) is function:
            return f"{alias}.{function.__name__}"
    if getattr(builtins, function.__name__, None) is function:
        return function.__name__
    raise NarrativeError(
        f"{function.__module__}.{function.__qualname__} is not reachable from the notebook's "
        f"setup ({', '.join(namespace())})"
    )


def _method_of(function: Callable) -> bool:
    """A function defined in a class the setup binds: called on an object, `explorer.choose`."""
    owner, _, name = function.__qualname__.rpartition(".")
    bound = namespace().get(owner)
    return isinstance(bound, type) and getattr(bound, name, None) is function


LINE = 100  # characters: the notebook's cells are ruff-clean, as the project's code is


def source(value: object, indent: int = 0, trailing: int = 0) -> str:
    """A statement or an argument as Python source; a call or a list too long for one line gets
    one argument or item a line, as ruff would format it (`trailing`: characters that follow on
    its line)."""
    if isinstance(value, Ref):
        text = ".".join((value.name, *value.attributes))
        return text if value.key is None else f"{text}[{json.dumps(value.key)}]"
    if isinstance(value, Assign):
        return f"{value.name} = {source(value.value, indent)}"
    if isinstance(value, Call):
        args = list(value.args)
        if _method_of(value.function) and args and isinstance(args[0], Ref):
            head = f"{source(args.pop(0))}.{value.function.__name__}"
        else:
            head = name_of(value.function)
        flat = f"{head}({', '.join(source(arg) for arg in args)})"
        if indent + len(flat) + trailing <= LINE or not args:
            return flat
        inner = " " * (indent + 4)
        lines = [f"{inner}{source(arg, indent + 4, trailing=1)}," for arg in args]
        return "\n".join([f"{head}(", *lines, f"{' ' * indent})"])
    if isinstance(value, list | tuple):
        flat = f"[{', '.join(source(item) for item in value)}]"
        if indent + len(flat) + trailing <= LINE or not value:
            return flat
        inner = " " * (indent + 4)
        lines = [f"{inner}{source(item, indent + 4, trailing=1)}," for item in value]
        return "\n".join(["[", *lines, f"{' ' * indent}]"])
    if isinstance(value, str):
        return json.dumps(value)
    if value is None or isinstance(value, bool | int):
        return repr(value)
    raise NarrativeError(f"cannot write {value!r} as an argument in a notebook cell")


def cell_source(statements: tuple[Statement, ...]) -> str:
    return "\n".join(source(statement) for statement in statements)
