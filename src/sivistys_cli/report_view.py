"""View models of the reports: what the templates show, computed once from the program and its outcomes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from sivistys_cli.annual import Assessed, assess, counts, history, numeric
from sivistys_cli.charts import ChartText, trend_svg
from sivistys_cli.costs import action_costs, by_year
from sivistys_cli.formatting import Formatter, Shown
from sivistys_cli.i18n import Localized, Translator
from sivistys_cli.index import Item, ProgramIndex, Resolver, implements
from sivistys_cli.load import ProgramDir
from sivistys_cli.model import Action, Goal, Measure, OutcomeYear, Program, Theme


@dataclass
class Row:
    """One act or measure in the annual table."""

    kind: str
    id: str
    label: Localized
    title: Localized
    target: list[Shown]
    value: Shown | None
    status: str
    comment: Localized | None
    reported_by: Localized | None
    nested: bool


@dataclass
class Trend:
    """A measure's values over the years: a chart and the same numbers as a table."""

    id: str
    title: Localized
    svg: Markup
    rows: list[tuple[int, str, str]]  # year, value (or '–'), target (or '–')


@dataclass
class Group:
    """The rows under one goal, or directly under a theme (then `title` is None)."""

    id: str
    label: Localized | None
    title: Localized | None
    rows: list[Row] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)


@dataclass
class ThemeBlock:
    id: str
    label: Localized | None
    title: Localized | None
    groups: list[Group] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Annual:
    year: int
    outcomes: OutcomeYear | None
    themes: list[ThemeBlock]
    totals: dict[str, int]
    item_header: str


class Labels:
    """What the program calls each level, in the report's language (see Translator.label)."""

    def __init__(self, program: Program, tr: Translator) -> None:
        self.theme = tr.label(program.labels.theme, "theme")
        self.goal = tr.label(program.labels.goal, "goal")
        self.action = tr.label(program.labels.action, "action")
        self.measure = tr.label(program.labels.measure, "measure")
        self.program = tr.label(program.labels.program, "program")

    def of(self, kind: str) -> Localized:
        return getattr(self, kind)


def annual_view(pd: ProgramDir, index: ProgramIndex, year: int, tr: Translator) -> Annual:
    """Group the year's assessed acts and measures by theme and goal, with counts and trends."""
    fmt, labels = Formatter(tr), Labels(index.program, tr)
    outcome_year = pd.outcomes.get(year)
    blocks: dict[str, ThemeBlock] = {}
    groups: dict[str, Group] = {}
    for theme in index.of_kind("theme"):
        blocks[theme.id_path] = ThemeBlock(theme.id, labels.theme, tr.text(theme.node.title))
    assessed = assess(index.items, outcome_year, year)
    for a in assessed:
        block, group = _place(a.item, blocks, groups, labels, tr)
        group.rows.append(_row(a, labels, fmt, tr, year))
    past = {y: oy for y, oy in pd.outcomes.items() if y <= year}
    for measure in index.of_kind("measure"):
        trend = _trend(measure, past, fmt, tr)
        if trend is not None:
            _place(measure, blocks, groups, labels, tr)[1].trends.append(trend)
    for block in blocks.values():
        block.counts = counts(a for a in assessed if _block_key(a.item) == block.id)
    header = tr("annual.item", action=labels.action.text, measure=labels.measure.text)
    return Annual(year, outcome_year, list(blocks.values()), counts(assessed), header)


def _block_key(item: Item) -> str:
    theme = item if item.kind == "theme" else item.ancestor("theme")
    return theme.id if theme else ""


def _place(item: Item, blocks: dict[str, ThemeBlock], groups: dict[str, Group], labels: Labels, tr: Translator):
    """The theme block and goal group an item belongs in, created in document order."""
    theme, goal = item.ancestor("theme"), item.ancestor("goal")
    block_key = theme.id_path if theme else ""
    if block_key not in blocks:
        blocks[block_key] = ThemeBlock("", None, None)
    block = blocks[block_key]
    group_key = goal.id_path if goal else f"{block_key}#"
    if group_key not in groups:
        group = Group(goal.id if goal else "", labels.goal if goal else None, tr.text(goal.node.title) if goal else None)
        groups[group_key] = group
        block.groups.append(group)
    return block, groups[group_key]


def _row(a: Assessed, labels: Labels, fmt: Formatter, tr: Translator, year: int) -> Row:
    item, outcome = a.item, a.outcome
    is_measure = item.kind == "measure"
    return Row(
        kind=item.kind,
        id=item.id,
        label=labels.of(item.kind),
        title=tr.text(item.node.title),  # type: ignore[arg-type]
        target=fmt.targets(item.node, year) if is_measure else [],  # type: ignore[arg-type]
        value=fmt.value(item.node, outcome.value) if is_measure and outcome else None,  # type: ignore[arg-type]
        status=a.status,
        comment=tr.text(outcome.comment) if outcome else None,
        reported_by=tr.text(outcome.reported_by) if outcome else None,
        nested=is_measure and item.parent is not None and item.parent.kind == "action",
    )


def _trend(item: Item, past: Mapping[int, OutcomeYear], fmt: Formatter, tr: Translator) -> Trend | None:
    """Only a measure with numeric values in two or more years gets a chart."""
    measure: Measure = item.node  # type: ignore[assignment]
    values = {y: numeric(v) for y, v in history(measure.id, past)}
    if measure.baseline and measure.baseline.year is not None and measure.baseline.year not in values:
        values[measure.baseline.year] = numeric(measure.baseline.value)
    points = sorted((y, v) for y, v in values.items() if v is not None)
    if len(points) < 2:
        return None
    targets = sorted((t.year, numeric(t.value)) for t in measure.targets if t.year and numeric(t.value) is not None)
    title = tr.text(measure.title)
    show = lambda v: fmt.numeric(measure, v)  # noqa: E731
    text = ChartText(
        title=tr("chart.title", measure=title.text, first=points[0][0], last=points[-1][0]),
        desc=_desc(points, targets, show, tr),
        legend_value=tr("chart.legend_value"),
        legend_target=tr("chart.legend_target"),
    )
    svg = trend_svg(f"chart-{measure.id}", points, targets, text, show)  # type: ignore[arg-type]
    return Trend(measure.id, title, svg, _table(points, targets, show, tr))


def _desc(points, targets, show, tr: Translator) -> str:
    desc = tr("chart.desc", values=", ".join(f"{y}: {show(v)}" for y, v in points))
    if targets:
        desc += " " + tr("chart.desc_targets", values=", ".join(f"{y}: {show(v)}" for y, v in targets))
    return desc


def _table(points, targets, show, tr: Translator) -> list[tuple[int, str, str]]:
    values, goals = dict(points), dict(targets)
    none = tr("value.none")
    return [(y, show(values[y]) if y in values else none, show(goals[y]) if y in goals else none)
            for y in sorted(values.keys() | goals.keys())]


# --- the program document ----------------------------------------------------------


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
