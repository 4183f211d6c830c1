"""Fixtures for the export tests: the packages of `export_packages` (tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.package.model import Package

DATA = Path(__file__).resolve().parents[2] / "data"
NAMES = [p.parent.name for p in sorted(DATA.glob("*/datapackage.json"))]
NAMES += ["synthetic", "benchmark-synthetic"]


@pytest.fixture(scope="session")
def folders(export_packages) -> dict[str, Path]:
    """Package folders on disk, as the commands take them (not the generated package)."""
    return export_packages["folders"]


@pytest.fixture(scope="session")
def packages(export_packages) -> dict[str, Package]:
    return export_packages["packages"]


@pytest.fixture(params=NAMES)
def each(request, packages) -> Package:
    """Each package in turn."""
    return packages[request.param]


@pytest.fixture
def copy_of(folders, tmp_path):
    """copy_of(name): a writable copy of a package folder, for a test that changes it."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(folders[name], target)
        return target

    return copy
