"""What the tests import is declared in pyproject.toml, so `pip install -e '.[test]'` is enough to run them."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Ours: the package, and the tests' own helper modules (tests/ is on the import path).
LOCAL = {"sivistys_cli"} | {p.stem for p in (ROOT / "tests").glob("*.py")}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group(0)).lower()  # type: ignore[union-attr]


def test_every_module_the_tests_import_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]}
    imported: set[str] = set()
    for path in (ROOT / "tests").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    providers = packages_distributions()
    third_party = sorted(imported - LOCAL - set(sys.stdlib_module_names) - {"__future__"})
    undeclared = [m for m in third_party if not {_name(d) for d in providers.get(m, [m])} & declared]
    assert undeclared == [], "declare them in pyproject.toml's [project.optional-dependencies] test"
