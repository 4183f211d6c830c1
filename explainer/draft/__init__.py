"""A draft package from an article's text, for a person to review instead of typing.

`propose` reads the text (`layout`: headline, dateline, sentences), finds sources (`sources`),
hedges (`hedges`, a lexicon kept as data) and time expressions (`time_expressions`, resolved
against the publication date), and `write_package` writes the tables, every row marked for review.
"""

from .layout import LayoutError
from .proposal import Proposal, propose
from .write import FolderNotEmpty, write_package

__all__ = ["FolderNotEmpty", "LayoutError", "Proposal", "propose", "write_package"]
