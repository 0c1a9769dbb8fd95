"""The program document's view: costs as the program states them, and cascade links up and down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.load.corpus import ProgramDir
from sivistys_cli.model import Action, Goal, Measure, Program, Theme
from sivistys_cli.model.costs import action_costs, by_year
from sivistys_cli.model.index import Item, ProgramIndex, Resolver, implements


@dataclass
class CostRow:
    title: Localized
    label: Localized | None
    year: int | None
    amount: str


@dataclass
class Costs:
    """The actions' costs (rows, by year, total) and the budget items' total; never added together."""

    actions: list[CostRow]
    by_year: list[tuple[str, str]]  # (year or 'whole period', amount); empty unless some cost has a year
    total: str | None
    items_total: str | None


@dataclass
class Link:
    """One cascade link: an item of one program implements an item (or the whole) of another."""

    from_program: Localized | None
    from_item: Localized | None
    to_program: Localized | None
    to_item: Localized | None
    ref: str


def costs_view(index: ProgramIndex, tr: Translator) -> Costs:
    program, pairs = index.program, action_costs(index)
    rows = [CostRow(tr.text(i.node.title), tr.text(c.label), c.year, tr.money(c.amount)) for i, c in pairs]  # type: ignore[arg-type]
    sums = by_year([c for _, c in pairs])
    years = [(str(y) if y is not None else tr("value.whole_period"), tr.money(v)) for y, v in sums.items()]
    items = program.budget.items if program.budget else ()
    return Costs(
        rows,
        years if any(y is not None for y in sums) else [],
        tr.money(sum(sums.values())) if sums else None,
        tr.money(sum(c.amount for c in items)) if items else None,
    )


def cascade_view(pd: ProgramDir, resolver: Resolver, tr: Translator) -> tuple[list[Link], list[Link]]:
    """What this program implements (upwards), and what in other programs implements it (downwards)."""
    program: Program = pd.program  # type: ignore[assignment]
    up = [_link(program, item, ref, resolver, tr) for item, _, ref in implements(resolver.index(program.id))]  # type: ignore[arg-type]
    down = []
    for other_id in sorted(resolver.programs):
        if other_id == program.id:
            continue
        for item, _, ref in implements(resolver.index(other_id)):  # type: ignore[arg-type]
            if ref.split(":")[0] == program.id:
                down.append(_link(resolver.programs[other_id], item, ref, resolver, tr))
    return up, down


def _link(source: Program, item: Item | None, ref: str, resolver: Resolver, tr: Translator) -> Link:
    target = resolver.programs.get(ref.partition(":")[0])
    found = resolver.item(ref)  # None for a link to a whole program
    return Link(
        tr.text(source.title),
        tr.text(item.node.title) if item else None,
        tr.text(target.title) if target else None,
        tr.text(found.node.title) if found else None,
        ref,
    )


def titles(pd: ProgramDir, resolver: Resolver, tr: Translator) -> Callable[[str], Localized | None]:
    """Titles for references: 'program-id:item-id', 'program-id', or an item of this program."""
    local: ProgramIndex = resolver.index(pd.program.id)  # type: ignore[union-attr, assignment]

    def title(ref: str) -> Localized | None:
        program_id, _, item_id = ref.partition(":")
        if not item_id and program_id in resolver.programs:
            return tr.text(resolver.programs[program_id].title)
        found = resolver.item(ref, local)
        return tr.text(found.node.title) if found else None

    return title


def measures_of(node: Theme | Goal | Action) -> list[tuple[Measure, Action | None]]:
    """A node's own measures, then those of its actions (with the action they belong to)."""
    out: list[tuple[Measure, Action | None]] = [(m, None) for m in node.measures]
    for action in getattr(node, "actions", ()):
        out += [(m, action) for m in action.measures]
    return out
