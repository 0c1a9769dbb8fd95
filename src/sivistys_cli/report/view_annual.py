"""The annual report's view: the year's assessed acts and measures by theme and goal, counts and trends."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.display.values import Formatter, Shown
from sivistys_cli.load.corpus import ProgramDir
from sivistys_cli.model import Measure, OutcomeYear
from sivistys_cli.model.annual import Assessed, assess, counts, history, numeric
from sivistys_cli.model.index import Item, ProgramIndex
from sivistys_cli.report.charts import ChartText, trend_svg
from sivistys_cli.report.levels import LevelNames


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
class GoalGroup:
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
    groups: list[GoalGroup] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Annual:
    year: int
    outcomes: OutcomeYear | None
    themes: list[ThemeBlock]
    totals: dict[str, int]
    item_header: str
    in_words: str = ""  # the totals as a sentence, e.g. "11 arvioitua kohdetta: 10 toteutunut, 1 osittain toteutunut."


def annual_view(pd: ProgramDir, index: ProgramIndex, year: int, tr: Translator) -> Annual:
    """Group the year's assessed acts and measures by theme and goal, with counts and trends."""
    fmt, labels = Formatter(tr), LevelNames(index.program, tr)
    outcome_year = pd.outcomes.get(year)
    blocks: dict[str, ThemeBlock] = {}
    groups: dict[str, GoalGroup] = {}
    for theme in index.of_kind("theme"):
        blocks[theme.id_path] = ThemeBlock(theme.id, labels.theme, tr.text(theme.node.title))
    assessed = assess(index.items, outcome_year, year)
    shown = {a.item.id for a in assessed}
    for a in assessed:
        block, group = _place(a.item, blocks, groups, labels, tr)
        covered = [i for i in index.items if i.kind == "measure" and i.parent is a.item and i.id not in shown]
        group.rows.append(_row(a, labels, fmt, tr, year, covered))
    past = {y: oy for y, oy in pd.outcomes.items() if y <= year}
    for measure in index.of_kind("measure"):
        trend = _trend(measure, past, fmt, tr)
        if trend is not None:
            _place(measure, blocks, groups, labels, tr)[1].trends.append(trend)
    for block in blocks.values():
        block.counts = counts(a for a in assessed if _block_key(a.item) == block.id)
    header = tr("annual.item", action=labels.action.text, measure=labels.measure.text)
    totals = counts(assessed)
    return Annual(year, outcome_year, list(blocks.values()), totals, header, _in_words(totals, tr))


def _in_words(totals: dict[str, int], tr: Translator) -> str:
    parts = ", ".join(f"{n} {tr(f'status.{s}').lower()}" for s, n in totals.items() if n)
    return tr("annual.in_words", total=sum(totals.values()), parts=parts) if parts else ""


def _block_key(item: Item) -> str:
    theme = item if item.kind == "theme" else item.ancestor("theme")
    return theme.id if theme else ""


def _place(item: Item, blocks: dict[str, ThemeBlock], groups: dict[str, GoalGroup], labels: LevelNames, tr: Translator):
    """The theme block and goal group an item belongs in, created in document order."""
    theme, goal = item.ancestor("theme"), item.ancestor("goal")
    block_key = theme.id_path if theme else ""
    if block_key not in blocks:
        blocks[block_key] = ThemeBlock("", None, None)
    block = blocks[block_key]
    group_key = goal.id_path if goal else f"{block_key}#"
    if group_key not in groups:
        group = GoalGroup(goal.id if goal else "", labels.goal if goal else None, tr.text(goal.node.title) if goal else None)
        groups[group_key] = group
        block.groups.append(group)
    return block, groups[group_key]


def _row(a: Assessed, labels: LevelNames, fmt: Formatter, tr: Translator, year: int, covered: list[Item]) -> Row:
    """A table row; an action's target cell names the measures its own status covers, as the source's column does."""
    item, outcome = a.item, a.outcome
    is_measure = item.kind == "measure"
    return Row(
        kind=item.kind,
        id=item.id,
        label=labels.of(item.kind),
        title=tr.text(item.node.title),  # type: ignore[arg-type]
        target=fmt.targets(item.node, year) if is_measure else _covered_targets(covered, fmt, tr, year),  # type: ignore[arg-type]
        value=fmt.value(item.node, outcome.value) if is_measure and outcome else None,  # type: ignore[arg-type]
        status=a.status,
        comment=tr.text(outcome.comment) if outcome else None,
        reported_by=tr.text(outcome.reported_by) if outcome else None,
        nested=is_measure and item.parent is not None and item.parent.kind == "action",
    )


def _covered_targets(covered: list[Item], fmt: Formatter, tr: Translator, year: int) -> list[Shown]:
    return [f"{tr.text(m.node.title).text}: {', '.join(map(str, fmt.targets(m.node, year)))}" for m in covered]  # type: ignore[arg-type]


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
        axis=_axis_name(measure, tr),
        not_from_zero=tr("chart.not_from_zero"),
    )
    from_zero = measure.kind.value == "count"  # the rule and why: report/charts.py
    svg = trend_svg(f"chart-{measure.id}", points, targets, text, show, from_zero)  # type: ignore[arg-type]
    return Trend(measure.id, title, svg, _table(points, targets, show, tr))


def _axis_name(measure: Measure, tr: Translator) -> str:
    """The scale's name: the measure's kind, and its unit when it has one (e.g. "lukumäärä (käyntiä)")."""
    kind = tr(f"kind.{measure.kind.value}")
    return f"{kind} ({tr.text(measure.unit).text})" if measure.unit else kind


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
