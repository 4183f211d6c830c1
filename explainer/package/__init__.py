"""Reading and checking an article package: the CSV tables, their descriptor and every rule.

The package format, the tables a package holds, is stated once: `datapackage.json` beside
these modules, which `new` writes and `upgrade` refreshes a package's descriptor from (`schema`).
`load_package` gives typed records (`model`) or raises `PackageError` with every problem;
`validate_package` lists the problems. Every rule has a code and a line saying what it checks
in one registry (`rules`), which docs/validation.md is written from; a problem carries its
rule's code. A new rule is registered there and checked in the module of its kind: the
descriptor (`descriptor`, `engine_rules`), a table's cells (`csv_tables`, `cells`), one field
(`field_rules`), references between tables (`references`), what the tables mean together
(`package_rules`, `editorial_rules`).
"""

from .load import load_package, package_warnings, validate_package
from .problems import PackageError, Problem

__all__ = ["PackageError", "Problem", "load_package", "package_warnings", "validate_package"]
