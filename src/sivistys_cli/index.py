"""Walk a program tree once: every theme, goal, action and measure with its place and parent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from sivistys_cli.model import Action, Goal, Measure, Program, Theme
from sivistys_cli.source import Loc

Node = Theme | Goal | Action | Measure


@dataclass(frozen=True)
class Item:
    """One node of the tree: its kind, the model object, where it is, and its parent."""

    kind: str  # "theme", "goal", "action" or "measure"
    node: Node
    loc: Loc  # data path inside program.yaml, e.g. ("themes", 0, "goals", 1)
    id_path: str  # "program/theme/goal"
    parent: Item | None

    @property
    def id(self) -> str:
        return self.node.id


def walk(program: Program) -> Iterator[Item]:
    """All items in document order, parents before children."""
    for i, theme in enumerate(program.themes):
        yield from _walk_node("theme", theme, ("themes", i), program.id, None)
    for i, goal in enumerate(program.goals):
        yield from _walk_node("goal", goal, ("goals", i), program.id, None)


_CHILDREN = {
    "theme": (("goals", "goal"), ("actions", "action"), ("measures", "measure")),
    "goal": (("actions", "action"), ("measures", "measure")),
    "action": (("measures", "measure"),),
    "measure": (),
}


def _walk_node(kind: str, node: Node, loc: Loc, prefix: str, parent: Item | None) -> Iterator[Item]:
    item = Item(kind, node, loc, f"{prefix}/{node.id}", parent)
    yield item
    for attr, child_kind in _CHILDREN[kind]:
        for i, child in enumerate(getattr(node, attr)):
            yield from _walk_node(child_kind, child, loc + (attr, i), item.id_path, item)


class ProgramIndex:
    """Look items up by id; the first item with an id wins (duplicates are a finding)."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.items: list[Item] = list(walk(program))

    @cached_property
    def by_id(self) -> dict[str, Item]:
        out: dict[str, Item] = {}
        for item in self.items:
            out.setdefault(item.id, item)
        return out

    def of_kind(self, kind: str) -> list[Item]:
        return [i for i in self.items if i.kind == kind]

    def measures_for(self, item: Item) -> list[Item]:
        """Measures attached to an item, or declaring (via `goals`) that they serve it."""
        return [
            m for m in self.of_kind("measure")
            if m.parent is item or item.id in m.node.goals  # type: ignore[union-attr]
        ]
