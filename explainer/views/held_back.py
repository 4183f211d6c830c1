"""Views held back until an exercise is settled: retrieval first, in the notebook and the app.

A view that would give an exercise's answer away (a highlighted table, a resolved date, a
verdict) is shown through `revealed_after(question_key, view)`: a plain placeholder until that
exercise is answered right, answered wrong twice, or "Show me" is chosen, then the view. Whether
the exercise cell runs before or after the view's cell does not matter: both meet at a gate kept
per question key in the kernel, so Restart & Run All starts every gate closed, and a view whose
cell runs after its exercise was settled shows at once.

What is stored differs from what is shown live. The live part is an Output widget (its state is
never stored, see publish/execute.py); the stored part is the placeholder as text and, under
HELD_BACK_MIMETYPE, the view's own outputs as JSON, deterministic like any other output, so that
nbval compares them and the deck and the handout place the view where a lesson wants it (after
the exercise's answer) with no kernel to ask.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import ipywidgets as widgets
from IPython.core.formatters import format_display_data

from .html import tag
from .render import PLAIN_WIDTH

HELD_BACK_MIMETYPE = "application/vnd.explainer.held-back+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"  # random model ids: never stored
PLACEHOLDER_STYLE = "border:1px dashed #6B6B6B;padding:0.5em 0.8em;color:#333;font-style:italic"


@dataclass
class _Gate:
    asked: bool = False  # its exercise has been shown: in Run All order, it is above the view
    settled: bool = False
    waiting: list[HeldBack] = field(default_factory=list)


_GATES: dict[str, _Gate] = {}


def _gate(question_key: str) -> _Gate:
    return _GATES.setdefault(question_key, _Gate())


def ask(question_key: str) -> None:
    """The exercise is shown: a view held back for it from now on points up to it."""
    _gate(question_key).asked = True


def settle(question_key: str) -> None:
    """The exercise was answered right, wrong twice, or shown: show what waits for it."""
    gate = _gate(question_key)
    gate.settled = True
    for held in gate.waiting:
        held.show()
    gate.waiting.clear()


def outputs_of(view: object) -> tuple[dict, ...]:
    """The display outputs `view` makes: a View's own (its caption first), else IPython's."""
    made = getattr(view, "outputs", None)
    if callable(made):
        return tuple(made())
    data, metadata = format_display_data(view)
    return ({"output_type": "display_data", "data": data, "metadata": metadata},)


def stored(output: dict) -> dict:
    """An output as it may be stored: without a widget's view (whose model id is random)."""
    data = {k: v for k, v in output["data"].items() if k != WIDGET_VIEW}
    return {"data": data, "metadata": output.get("metadata", {})}


class HeldBack:
    """A view behind a placeholder until its exercise is settled (see the module docstring)."""

    def __init__(self, question_key: str, view: object, what: str) -> None:
        self.question_key = question_key
        self.outputs = outputs_of(view)
        gate = _gate(question_key)
        self.placeholder = (
            f"Answer the question {'above' if gate.asked else 'below'}, or choose Show me, to "
            f"see {what}. It waits until you have answered, so that you try before you look."
        )
        self.output = widgets.Output()
        if gate.settled:
            self.show()
        else:
            html = tag("p", self.placeholder, style=PLACEHOLDER_STYLE, data_waits_for=question_key)
            self.output.outputs = (
                {
                    "output_type": "display_data",
                    "data": {"text/html": str(html), "text/plain": self.placeholder},
                    "metadata": {},
                },
            )
            gate.waiting.append(self)

    def show(self) -> None:
        self.output.outputs = self.outputs

    def document(self) -> dict[str, object]:
        return {
            "exercise": self.question_key,
            "placeholder": self.placeholder,
            "outputs": [stored(output) for output in self.outputs],
        }

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.output._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = textwrap.fill(self.placeholder, width=PLAIN_WIDTH)
        bundle[HELD_BACK_MIMETYPE] = self.document()
        return bundle
