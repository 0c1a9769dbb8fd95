"""Where things are: the files of a program directory, and id-paths that name a place by ids
('somero/asiakaskokemus/palvelumuotoilu.title')."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from sivistys_cli.model.types import Loc

PROGRAM_FILE = "program.yaml"
OUTCOMES_DIR = "outcomes"


def id_path(data: Any, loc: Loc) -> str:
    """Build a readable path from raw data: list items by their id, fields by their key."""
    parts: list[str] = []
    node = data
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        parts.append(data["id"])
    elif isinstance(data, dict) and isinstance(data.get("program"), str):
        parts.append(f"{data['program']}@{data.get('year', '?')}")
    fields: list[str] = []
    container = ""
    for part in loc:
        child = _child(node, part)
        if isinstance(part, int) and container:
            ident = (child.get("id") or child.get("ref")) if isinstance(child, dict) else None
            parts.append(ident if isinstance(ident, str) else f"{container}[{part}]")
            fields, container = [], ""
        elif isinstance(part, int):
            fields.append(f"[{part}]")
        elif _is_container(part) and not fields:
            container = part
        else:
            fields.append(f".{part}" if fields else part)
        node = child
    tail = "".join(fields)
    head = "/".join(parts)
    return f"{head}.{tail}" if head and tail else head or tail


_CONTAINERS = {"themes", "goals", "actions", "measures", "outcomes"}


def _is_container(key: str) -> bool:
    return key in _CONTAINERS


def _child(node: Any, part: str | int) -> Any:
    try:
        return node[part]
    except (KeyError, IndexError, TypeError):
        return None


def program_files(names: Iterable[str], base: str = ".") -> dict[str, str]:
    """Which of these '/'-separated paths (a git tree, say) `load` reads for `base`: path -> kind.

    The same rules as for files on disk: `base` is a program file, a program directory (it holds
    program.yaml) or a directory of programs; a program's files are its program.yaml ("program")
    and outcomes/*.yaml ("outcomes"), and nothing deeper.
    """
    top = PurePosixPath(base)
    paths = {PurePosixPath(n) for n in names}
    if top in paths:  # a file named on its own
        paths, roots = {top}, {top.parent.parent if top.parent.name == OUTCOMES_DIR else top.parent}
    elif top / PROGRAM_FILE in paths:
        roots = {top}
    else:
        roots = {p.parent for p in paths if p.name == PROGRAM_FILE and p.parent.parent == top}
    out = {}
    for p in sorted(paths):
        if p.parent.name == OUTCOMES_DIR and p.parent.parent in roots and p.suffix in (".yaml", ".yml"):
            out[str(p)] = "outcomes"
        elif p.name == PROGRAM_FILE and p.parent in roots:
            out[str(p)] = "program"
    return out
