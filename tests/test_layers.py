"""The package's layering: nothing imports a layer above its own, commands do not import each other, no cycles.

Every import counts, also one inside a function (the commands import their core lazily, for a fast
start) or under TYPE_CHECKING: a layer that needs a higher one's names depends on it all the same.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import sivistys_cli

PACKAGE = Path(sivistys_cli.__file__).parent

# Lower numbers are lower layers. Groups on one layer are peers: they may not import each other.
LAYERS = {
    "errors": 0, "diagnostics": 0, "git": 0, "atomic": 0, "formats": 0, "gcpause": 0,  # the shared base at the top level
    "model": 1,  # the format; imports nothing of ours but itself
    "display": 2,  # words, numbers and escaping for every output
    "load": 3,  # files to models
    "check": 4,  # reports run the checks before they are made, so check is below the other commands
    "summary": 5, "report": 5, "diff": 5, "authoring": 5,  # the commands' cores
    "cli": 6,  # the command line over everything
    "__main__": 7,  # `python -m sivistys_cli`
}


def _modules() -> list[str]:
    names = ["sivistys_cli"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="sivistys_cli."):
        names.append(info.name)
    return sorted(names)


def _group(module: str) -> str:
    """The layer group of a module: its top-level folder or module under sivistys_cli ('' for the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _path(module: str) -> Path:
    rel = Path(*module.split(".")[1:])
    package = PACKAGE / rel / "__init__.py"
    return package if package.is_file() else PACKAGE / rel.with_suffix(".py")


def _imports(module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import of sivistys_cli in the module, at any depth."""
    tree = ast.parse(_path(module).read_text(encoding="utf-8"))
    package = module if _path(module).name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
            # `from sivistys_cli import git` imports a module; `from sivistys_cli.model import Program` a name.
            found += [(node.lineno, name if name in MODULES else base) for name in names]
    return [(line, name) for line, name in found if name == "sivistys_cli" or name.startswith("sivistys_cli.")]


MODULES = set(_modules())


def test_every_folder_is_a_package_and_every_module_imports() -> None:
    folders = [p for p in PACKAGE.rglob("*") if p.is_dir() and any(p.glob("*.py")) and p.name != "__pycache__"]
    assert [str(f) for f in folders if not (f / "__init__.py").is_file()] == []  # else a wheel leaves it out
    for name in sorted(MODULES - {"sivistys_cli.__main__"}):  # that one runs the command line
        importlib.import_module(name)


def test_every_group_has_a_layer() -> None:
    groups = {_group(m) for m in MODULES} - {""}
    assert sorted(groups - set(LAYERS)) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_nothing_imports_upward_or_sideways(module: str) -> None:
    group = _group(module)
    layer = LAYERS.get(group, 0)
    wrong = []
    for line, imported in _imports(module):
        other = _group(imported)
        if other == group or other == "":
            continue
        if LAYERS[other] > layer or (LAYERS[other] == layer and layer > 0):
            wrong.append(f"{_path(module).relative_to(PACKAGE)}:{line} imports {imported} "
                         f"(layer {LAYERS[other]} '{other}' from layer {layer} '{group}')")
    assert wrong == []


def test_the_model_imports_nothing_else_of_ours() -> None:
    outside = [(m, name) for m in MODULES if _group(m) == "model" for _, name in _imports(m) if _group(name) != "model"]
    assert outside == []


def test_no_import_cycles_between_modules() -> None:
    graph = {m: {name for _, name in _imports(m) if name in MODULES and name != m} for m in MODULES}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt):], nxt] if nxt in trail else [node, nxt]
            if nxt not in state:
                found = visit(nxt, [*trail, nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start, [start])
            assert cycle is None, " -> ".join(cycle)


def test_every_registered_format_lives_with_its_command_and_loads() -> None:
    from sivistys_cli.authoring.export.formats import FORMATS as EXPORT
    from sivistys_cli.check import docs
    from sivistys_cli.check.formats import FORMATS as CHECK
    from sivistys_cli.check.formats import STATISTICS
    from sivistys_cli.diff.formats import FORMATS as DIFF
    from sivistys_cli.report.formats import FORMATS as REPORT
    from sivistys_cli.summary.formats import FORMATS as SUMMARY

    for command, registry in (("check", CHECK), ("check", docs.FORMATS), ("diff", DIFF), ("report", REPORT),
                              ("summary", SUMMARY), ("authoring.export", EXPORT)):
        for fmt in registry.formats.values():
            assert fmt.renderer.startswith(f"sivistys_cli.{command}."), fmt
            assert callable(fmt.load()), fmt
    assert callable(STATISTICS.load())
