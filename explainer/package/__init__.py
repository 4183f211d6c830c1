"""Reading and checking an article package: the CSV tables, their descriptor and every rule.

`load_package` gives typed records (`model`) or raises `PackageError` with every problem;
`validate_package` lists the problems. A new validation rule goes in the module of its kind:
one cell (`cells`), one field (`field_rules`), references between tables (`references`), or
what the tables mean together (`package_rules`).
"""

from .load import load_package, validate_package
from .problems import PackageError, Problem

__all__ = ["PackageError", "Problem", "load_package", "validate_package"]
