"""Walk a program tree once: every theme, goal, action and measure with its place and parent."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from sivistys_cli.model import Action, Goal, Link, Measure, Program, Theme, ref_of
from sivistys_cli.model.types import Loc

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

    def ancestors(self) -> Iterator[Item]:
        """The parent, its parent, and so on up to the top of the tree."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def ancestor(self, kind: str) -> Item | None:
        """The nearest ancestor of a kind, e.g. the theme an action is under."""
        return next((a for a in self.ancestors() if a.kind == kind), None)

    @property
    def depth(self) -> int:
        """How many themes this item is nested in (0 for a top-level theme or goal)."""
        return sum(1 for a in self.ancestors() if a.kind == "theme")

    @property
    def top(self) -> Item:
        """The theme (or top-level goal) the item is under; the item itself at the top."""
        return self if self.parent is None else self.parent.top


def walk(program: Program) -> Iterator[Item]:
    """All items in document order, parents before children."""
    for i, theme in enumerate(program.themes):
        yield from _walk_node("theme", theme, ("themes", i), program.id, None)
    for i, goal in enumerate(program.goals):
        yield from _walk_node("goal", goal, ("goals", i), program.id, None)


_CHILDREN = {
    "theme": (("themes", "theme"), ("goals", "goal"), ("actions", "action"), ("measures", "measure")),
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

    @cached_property
    def links(self) -> list[tuple[Item | None, Loc, str | Link]]:
        """Every cascade link as written (see `links`), found once: four checks go through them, and a walk of a
        10 000-theme program's 40 000 items to find its few links took 0.014 s each time."""
        out: list[tuple[Item | None, Loc, str | Link]] = [(None, ("implements", i), link)
                                                          for i, link in enumerate(self.program.implements)]
        for item in self.items:
            # Why __dict__: a measure has no `implements`, and getattr's miss goes through pydantic's __getattr__
            # and an AttributeError: 0.036 s -> 0.014 s a walk of 40 000 items.
            written = item.node.__dict__.get("implements")
            if written:
                out += [(item, (*item.loc, "implements", i), link) for i, link in enumerate(written)]
        return out

    @cached_property
    def _by_kind(self) -> dict[str, list[Item]]:
        out: dict[str, list[Item]] = {}
        for item in self.items:
            out.setdefault(item.kind, []).append(item)
        return out

    def of_kind(self, kind: str) -> list[Item]:
        # Why: checks ask for a kind once per item they look at; grouping once keeps them linear.
        return list(self._by_kind.get(kind, ()))

    @cached_property
    def _measure_places(self) -> tuple[dict[int, list[int]], dict[str, list[int]]]:
        """Positions in the measure list, by the parent item's identity and by each goal id a measure names."""
        by_parent: dict[int, list[int]] = {}
        by_goal: dict[str, list[int]] = {}
        for n, m in enumerate(self._by_kind.get("measure", ())):
            if m.parent is not None:
                by_parent.setdefault(id(m.parent), []).append(n)
            for ref in m.node.goals:  # type: ignore[union-attr]
                by_goal.setdefault(ref, []).append(n)
        return by_parent, by_goal

    def measures_for(self, item: Item) -> list[Item]:
        """Measures attached to an item, or declaring (via `goals`) that they serve it."""
        # Why: scanning every measure for every item made SV501 quadratic (11 s of 21 s on an 8 MB
        # program); the places are found once, and document order is kept by sorting positions.
        by_parent, by_goal = self._measure_places
        places = sorted(set(by_parent.get(id(item), ())) | set(by_goal.get(item.id, ())))
        measures = self._by_kind.get("measure", [])
        return [measures[n] for n in places]


def implements(index: ProgramIndex) -> Iterator[tuple[Item | None, Loc, str]]:
    """Every cascade link of a program: (the item, or None for the program itself; where; the reference)."""
    for item, loc, link in links(index):
        yield item, loc, ref_of(link)


def links(index: ProgramIndex) -> Iterator[tuple[Item | None, Loc, str | Link]]:
    """Every cascade link as written: a plain reference, or a mapping that may mark it interpreted."""
    return iter(index.links)


def responsible(item: Item, program: Program) -> tuple[object, tuple, str | None]:
    """Who is responsible for an action: (responsible, implementers, where it is inherited from or None)."""
    node = item.node
    if getattr(node, "responsible", None) is not None or getattr(node, "implementers", ()):
        return node.responsible, node.implementers, None  # type: ignore[union-attr]
    for above in item.ancestors():
        if above.node.responsible is not None or above.node.implementers:  # type: ignore[union-attr]
            return above.node.responsible, above.node.implementers, above.kind  # type: ignore[union-attr]
    if program.responsible is not None or program.implementers:
        return program.responsible, program.implementers, "program"
    return None, (), None


class Resolver:
    """What references name across programs; each program is indexed once, when first needed."""

    def __init__(self, programs: Mapping[str, Program], shared: dict[int, ProgramIndex] | None = None) -> None:
        self.programs = programs
        # Why: reports of every program in one run each resolve links in all the others; a cache shared
        # between their resolvers (keyed by the program object, which the caller keeps alive) indexes each once.
        self._indexes: dict[int, ProgramIndex] = {} if shared is None else shared

    def index(self, program_id: str) -> ProgramIndex | None:
        program = self.programs.get(program_id)
        if program is None:
            return None
        if id(program) not in self._indexes:
            self._indexes[id(program)] = ProgramIndex(program)
        return self._indexes[id(program)]

    def item(self, ref: str, local: ProgramIndex | None = None) -> Item | None:
        """'program-id:item-id' in a program of the set, or a plain id in the `local` program."""
        if ":" not in ref:
            return local.by_id.get(ref) if local is not None else None
        program_id, item_id = ref.split(":", 1)
        other = self.index(program_id)
        return other.by_id.get(item_id) if other is not None else None
