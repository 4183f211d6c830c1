"""A narrative explainer for any valid package, written as a notebook.

The sections and their prose are worked out from the package's data (`sections`, `prose`,
`picks`); a teacher's own text in the package's `lesson.md` replaces or extends any part of it
(`lesson`); `assemble` turns the result into notebook cells with slide metadata.
"""

from .assemble import generate_notebook

__all__ = ["generate_notebook"]
