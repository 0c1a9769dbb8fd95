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
    return IdPaths(data)(loc)


# Items this close to the root (an outcome: ("outcomes", 7)) are walked to directly: remembering them cost
# more than the two steps it saves.
SHALLOW = 3


def nearest_item(items: dict[Any, Any], loc: Any) -> tuple[int, Any]:
    """(k, what `items` holds for loc[:k]) for the deepest list item on `loc` that `items` knows, or (0, None).

    The start of a walk for IdPaths and for the fast reader's positions (load/marks.py)."""
    for k in range(len(loc), SHALLOW, -1):
        if type(loc[k - 1]) is int:
            try:
                hit = items.get(loc[:k])
            except TypeError:  # an unhashable step: walk from the root
                break
            if hit is not None:
                return k, hit
    return 0, None


class IdPaths:
    """id_path of many places in one data tree, remembering the path of each item on the way.

    Why: id_path walks from the root for every place; a program with 30 000 findings (three for each
    of 10 000 actions and measures) walked the same themes, goals and actions again and again. Here a
    place walks only from the nearest item above it that an earlier place passed through."""

    def __init__(self, data: Any) -> None:
        self.data = data
        # The item at each place walked through that ends in a list index: (its data, the ids down to it
        # joined by '/', or None when there are none).
        self.items: dict[Loc, tuple[Any, str | None]] = {}
        head = None
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            head = data["id"]
        elif isinstance(data, dict) and isinstance(data.get("program"), str):
            head = f"{data['program']}@{data.get('year', '?')}"
        self.head = head

    def __call__(self, loc: Loc) -> str:
        start, node, head = self._nearest(loc) if len(loc) > SHALLOW + 1 else (0, self.data, self.head)
        fields: list[str] = []
        container = ""
        for i, part in enumerate(loc[start:] if start else loc, start):
            child = _child(node, part)
            if isinstance(part, int) and container:
                ident = (child.get("id") or child.get("ref")) if isinstance(child, dict) else None
                ident = ident if isinstance(ident, str) else f"{container}[{part}]"
                head = ident if head is None else f"{head}/{ident}"
                fields, container = [], ""
                if i >= SHALLOW:
                    self.items[loc[:i + 1]] = (child, head)
            elif isinstance(part, int):
                fields.append(f"[{part}]")
            elif _is_container(part) and not fields:
                container = part
            else:
                fields.append(f".{part}" if fields else part)
            node = child
        tail = "".join(fields)
        return f"{head}.{tail}" if head and tail else head or tail

    def _nearest(self, loc: Loc) -> tuple[int, Any, str | None]:
        """Where to start walking `loc`: after the deepest item on it already known, else at the root."""
        k, hit = nearest_item(self.items, loc)
        return (k, hit[0], hit[1]) if hit is not None else (0, self.data, self.head)


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
