"""How much each install puts on a disk: the reader's and everything (issue 19 §4).

Makes a fresh venv for each requirements file, installs it as the README says (pip, from PyPI;
pip's cache makes the second one quicker), and prints the size of the venv on disk, with the
largest packages of each. The reader's install (requirements-read.txt) must not carry the test
tools: pytest, ruff, mypy, playwright, jupyterhub.

Run: .venv/bin/python benchmarks/install_size.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLS = {"reading": "requirements-read.txt", "everything": "requirements.txt"}
TEST_TOOLS = ("pytest", "ruff", "mypy", "playwright", "jupyterhub")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, requirements in INSTALLS.items():
            target = Path(tmp) / name
            venv.create(target, with_pip=True)
            python = target / "bin" / "python"
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", "-r", str(ROOT / requirements)],
                check=True,
                cwd=ROOT,
            )
            sizes = _package_sizes(target)
            total = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
            largest = ", ".join(f"{n} {s / 1e6:.0f}" for n, s in sorted(sizes.items(),
                                key=lambda item: -item[1])[:5])  # fmt: skip
            tools = [tool for tool in TEST_TOOLS if tool in sizes]
            print(
                f"{name} ({requirements}): {total / 1e6:.0f} MB in {len(sizes)} packages; "
                f"largest (MB): {largest}; test tools: {', '.join(tools) or 'none'}"
            )


def _package_sizes(target: Path) -> dict[str, int]:
    """Each installed distribution's files on disk, in bytes, by name."""
    (site,) = (target / "lib").glob("python*/site-packages")
    sizes = {}
    for dist in metadata.distributions(path=[str(site)]):
        files = [site / f for f in dist.files or ()]
        sizes[dist.metadata["Name"].lower()] = sum(f.stat().st_size for f in files if f.is_file())
    return sizes


if __name__ == "__main__":
    sys.exit(main())
