"""What keyboard users need that the widgets' own styles do not give: a visible focus ring.

JupyterLab draws focus on a button or a list as a 1 px ring of #64B5F6, about 2:1 against white;
WCAG asks 3:1. The widgets take no attributes or inline styles for that, so the explainer's
controls carry the class `KEYBOARD_CLASS` and a small style sheet (shown by an HTML widget,
which applies to the page like any style element) draws a 2 px ring of 6.7:1 around them. It
also hides, for the eye only, an answer list's label: the question above it says the same,
and a screen reader still reads the label as the list's name.
"""

from __future__ import annotations

KEYBOARD_CLASS = "explainer-keyboard"
FOCUS_COLOUR = "#0B5CAD"  # 6.7:1 against white
ANSWER_CLASS = "explainer-answer"

FOCUS_STYLE = f"""<style>
.{KEYBOARD_CLASS} button:focus-visible, .{KEYBOARD_CLASS} select:focus-visible,
.{KEYBOARD_CLASS} select:focus {{
  outline: 2px solid {FOCUS_COLOUR} !important; outline-offset: 2px !important;
}}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} > label.widget-label {{
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}}
</style>"""
