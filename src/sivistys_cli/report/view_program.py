"""The program document's view: costs and money tables as the program states them, cascade links up and down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.load.corpus import ProgramDir
from sivistys_cli.model import Action, Goal, Measure, Program, Theme
from sivistys_cli.model import Link as LinkRef
from sivistys_cli.model.costs import action_costs, by_type_and_year, type_key
from sivistys_cli.model.index import Item, ProgramIndex, Resolver, links


@dataclass
class CostRow:
    title: Localized
    label: Localized | None
    year: int | None
    amount: str


@dataclass
class Costs:
    """The actions' costs (rows, by type and year, total) and the budget items' total; never added together,
    and amounts of different value types never added either (a total is given only when all share one type)."""

    actions: list[CostRow]
    by_year: list[tuple[str, str]]  # (year or 'whole period', with its value type when typed; amount)
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
    interpreted: object = None  # the Interpretation, when the encoder inferred the link


def costs_view(index: ProgramIndex, tr: Translator) -> Costs:
    program, pairs = index.program, action_costs(index)
    rows = [CostRow(tr.text(i.node.title), _cost_label(c, tr), c.year, tr.money(c.amount)) for i, c in pairs]  # type: ignore[arg-type]
    sums = by_type_and_year([c for _, c in pairs])
    typed = len({kind for kind, _ in sums}) > 1 or any(kind is not None for kind, _ in sums)
    years = [(period_label(kind, year, tr, typed), tr.money(v)) for (kind, year), v in sums.items()]
    items = program.budget.items if program.budget else ()
    return Costs(
        rows,
        years if typed or any(y is not None for _, y in sums) else [],
        tr.money(sum(sums.values())) if sums and len({k for k, _ in sums}) == 1 else None,
        tr.money(sum(c.amount for c in items)) if items and len({type_key(c) for c in items}) == 1 else None,
    )


def _cost_label(cost, tr: Translator) -> Localized | str | None:
    label = tr.text(cost.label)
    if cost.type is None:
        return label
    kind = tr(f"value_type.{cost.type.value}")
    return f"{label.text} ({kind})" if label else kind


def period_label(kind: str | None, year: int | None, tr: Translator, typed: bool) -> str:
    """'2025', 'whole period', or with the value type when amounts are typed: '2025 · Budget (TA)'."""
    when = str(year) if year is not None else tr("value.whole_period")
    kind_word = tr(f"value_type.{kind or 'planned'}")
    return f"{when} · {kind_word}" if typed else when


def cascade_view(pd: ProgramDir, resolver: Resolver, tr: Translator) -> tuple[list[Link], list[Link]]:
    """What this program implements (upwards), and what in other programs implements it (downwards)."""
    program: Program = pd.program  # type: ignore[assignment]
    up = [_link(program, item, link, resolver, tr) for item, _, link in links(resolver.index(program.id))]  # type: ignore[arg-type]
    down = []
    for other_id in sorted(resolver.programs):
        if other_id == program.id:
            continue
        for item, _, link in links(resolver.index(other_id)):  # type: ignore[arg-type]
            if _ref(link).split(":")[0] == program.id:
                down.append(_link(resolver.programs[other_id], item, link, resolver, tr))
    return up, down


def _ref(link: str | LinkRef) -> str:
    return link if isinstance(link, str) else link.ref


def _link(source: Program, item: Item | None, link: str | LinkRef, resolver: Resolver, tr: Translator) -> Link:
    ref = _ref(link)
    target = resolver.programs.get(ref.partition(":")[0])
    found = resolver.item(ref)  # None for a link to a whole program
    return Link(
        tr.text(source.title),
        tr.text(item.node.title) if item else None,
        tr.text(target.title) if target else None,
        tr.text(found.node.title) if found else None,
        ref,
        None if isinstance(link, str) else link.interpreted,
    )


def titles(pd: ProgramDir, resolver: Resolver, tr: Translator) -> Callable[[str], Localized | None]:
    """Titles for references: 'program-id:item-id', 'program-id', or an item of this program."""
    local: ProgramIndex = resolver.index(pd.program.id)  # type: ignore[union-attr, assignment]

    def title(ref: str | LinkRef) -> Localized | None:
        ref = _ref(ref)
        program_id, _, item_id = ref.partition(":")
        if not item_id and program_id in resolver.programs:
            return tr.text(resolver.programs[program_id].title)
        found = resolver.item(ref, local)
        return tr.text(found.node.title) if found else None

    return title


def _goal_ids(theme: Theme) -> set[str]:
    """The ids of every goal under a theme, nested themes included."""
    return {g.id for g in theme.goals}.union(*(_goal_ids(t) for t in theme.themes))


def measures_of(index: ProgramIndex) -> Callable[[Theme | Goal | Action], list[tuple[Measure, Action | None]]]:
    """A node's own measures, then those of its actions (with the action they belong to), then the measures
    elsewhere that name it in their `goals`."""

    def of(node: Theme | Goal | Action) -> list[tuple[Measure, Action | None]]:
        out: list[tuple[Measure, Action | None]] = [(m, None) for m in node.measures]
        for action in getattr(node, "actions", ()):
            out += [(m, action) for m in action.measures]
        if isinstance(node, Goal):
            own = {id(m) for m, _ in out}
            out += [(m.node, None) for m in index.of_kind("measure")
                    if node.id in m.node.goals and id(m.node) not in own]  # type: ignore[union-attr]
        elif isinstance(node, Theme):  # a theme's measure that names a goal under the theme is shown there
            goals = _goal_ids(node)
            out = [(m, a) for m, a in out if a is not None or not goals.intersection(m.goals)]
        return out

    return of
