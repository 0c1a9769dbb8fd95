"""The annual report's view: the year's assessed acts and measures by theme and goal, counts and trends."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from markupsafe import Markup

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.display.values import Formatter, Shown
from sivistys_cli.load.corpus import ProgramDir
from sivistys_cli.model import Measure, OutcomeYear
from sivistys_cli.model.annual import STATUSES, Assessed, assess, counts, history, numeric, outcomes_by_ref, word_key
from sivistys_cli.model.index import Item, ProgramIndex
from sivistys_cli.report.charts import ChartText, sparkline_svg, trend_svg
from sivistys_cli.report.levels import LevelNames


@dataclass(slots=True)  # slots: 20 000 rows of a large program without a dict each
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
    code: str | None = None
    status_word: Localized | None = None  # the document's own word, shown as written
    binding: bool = False
    also: list[Localized] = field(default_factory=list)  # further items the same commentary covers
    covered_by: Localized | None = None  # the item whose commentary covers this one
    updated: str | None = None
    interpreted: object = None  # the item's Interpretation
    outcome_interpreted: object = None  # the outcome's Interpretation (e.g. a status read from the commentary)


@dataclass(slots=True)
class Trend:
    """A measure's values over the years: a chart and the same numbers as a table."""

    id: str
    title: Localized
    draw: Callable[[], Markup]  # the chart (see `svg`)
    rows: list[tuple[int, str, str]]  # year, value (or '–'), target (or '–')
    sketch: Callable[[], Markup] = Markup  # the small line of the overview (see `spark`)
    change: str = ""  # first and last value: '61,5 % → 66,2 %'
    years: str = ""  # '2022–2024'

    @property
    def svg(self) -> Markup:
        """The chart, drawn when a template prints it and not kept: a report of 10 000 measures held 40 MB
        of charts until its page was done, and the Markdown report, which shows none, drew them all."""
        return self.draw()

    @property
    def spark(self) -> Markup:
        """The small line of the overview, its values as its accessible name; drawn when printed, as `svg`."""
        return self.sketch()


@dataclass(slots=True)
class GoalGroup:
    """The rows under one goal, or directly under a theme (then `title` is None)."""

    id: str
    label: Localized | None
    title: Localized | None
    rows: list[Row] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    code: str | None = None
    binding: bool = False


@dataclass(slots=True)
class ThemeBlock:
    id: str
    label: Localized | None
    title: Localized | None
    groups: list[GoalGroup] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    code: str | None = None
    depth: int = 0  # how many themes it is nested in
    has_themes: bool = False  # themes nested in it have blocks of their own
    parents: list[Localized] = field(default_factory=list)  # titles of the themes above it


@dataclass(slots=True)
class Unmet:
    """A binding goal that was not met this year, with the explanation given for it."""

    id: str
    code: str | None
    title: Localized
    status: str
    status_word: Localized | None
    explanation: Localized | None


@dataclass
class Annual:
    year: int
    outcomes: OutcomeYear | None
    themes: list[ThemeBlock]
    totals: dict[str, int]
    item_header: str
    statuses: list[str] = field(default_factory=list)  # the statuses shown: 'no_status' only when it occurs
    unmet: list[Unmet] = field(default_factory=list)
    has_binding: bool = False

    @property
    def trends(self) -> list[Trend]:
        """Every measure's trend in the order of the report: the overview's small multiple."""
        return [t for block in self.themes for group in block.groups for t in group.trends]


def annual_view(pd: ProgramDir, index: ProgramIndex, year: int, tr: Translator) -> Annual:
    """Group the year's assessed acts and measures by theme and goal, with counts and trends."""
    fmt, labels = Formatter(tr), LevelNames(index.program, tr)
    outcome_year = pd.outcomes.get(year)
    blocks: dict[str, ThemeBlock] = {}
    groups: dict[str, GoalGroup] = {}
    for theme in index.of_kind("theme"):
        blocks[theme.id_path] = ThemeBlock(
            theme.id, labels.theme_at(theme), tr.text(theme.node.title), code=theme.node.code, depth=theme.depth,
            has_themes=bool(theme.node.themes),
            parents=[tr.text(t.node.title) for t in reversed(list(theme.ancestors())) if t.kind == "theme"],
        )
    program = index.program
    assessed = assess(index.items, outcome_year, year, program.status_words, program.period.end)
    titles = {i.id: tr.text(i.node.title) for i in index.items}
    home: dict[str, str] = {}  # item id -> the block it is shown in, so counts and rows agree
    for a in assessed:
        block, group = _place(a.item, blocks, groups, labels, tr, index)
        home[a.item.id] = block.id
        if a.item.kind == "goal":
            group.rows.insert(0, _row(a, labels, fmt, tr, year, titles))
        else:
            group.rows.append(_row(a, labels, fmt, tr, year, titles))
    _name_covered_measures(blocks.values(), assessed, index, fmt, tr, year)
    past = {y: oy for y, oy in pd.outcomes.items() if y <= year}
    refs = outcomes_by_ref(past)
    for measure in index.of_kind("measure"):
        trend = _trend(measure, past, fmt, tr, refs)
        if trend is not None:
            _place(measure, blocks, groups, labels, tr, index)[1].trends.append(trend)
    in_block: dict[str, list[Assessed]] = {}  # grouped once: blocks x items was minutes at 10 000 themes
    for a in assessed:
        in_block.setdefault(home[a.item.id], []).append(a)
    for block in blocks.values():
        block.counts = counts(in_block.get(block.id, ()))
    header = tr("annual.item", action=labels.action.text, measure=labels.measure.text)
    totals = counts(assessed)
    shown = [s for s in STATUSES if s != "no_status" or totals[s]]
    unmet = [_unmet(a, tr) for a in assessed
             if a.item.kind == "goal" and a.item.node.binding and a.status != "achieved"]  # type: ignore[union-attr]
    has_binding = any(g.node.binding for g in index.of_kind("goal"))  # type: ignore[union-attr]
    return Annual(year, outcome_year, list(blocks.values()), totals, header, shown, unmet, has_binding)


def _unmet(a: Assessed, tr: Translator) -> Unmet:
    outcome = a.outcome
    return Unmet(a.item.id, a.item.node.code, tr.text(a.item.node.title), a.status,  # type: ignore[union-attr, arg-type]
                 tr.text(outcome.status_word) if outcome else None, tr.text(outcome.comment) if outcome else None)


def _place(item: Item, blocks: dict[str, ThemeBlock], groups: dict[str, GoalGroup], labels: LevelNames,
           tr: Translator, index: ProgramIndex):
    """The theme block and goal group an item belongs in, created in document order: a goal heads its own
    group; a measure outside any goal that names a goal in `goals` goes under that goal."""
    goal = item if item.kind == "goal" else item.ancestor("goal")
    if goal is None and item.kind == "measure":
        named = [index.by_id.get(ref) for ref in item.node.goals]  # type: ignore[union-attr]
        goal = next((g for g in named if g is not None and g.kind == "goal"), None)
    theme = (goal or item).ancestor("theme")
    block_key = theme.id_path if theme else ""
    if block_key not in blocks:
        blocks[block_key] = ThemeBlock("", None, None)
    block = blocks[block_key]
    group_key = goal.id_path if goal else f"{block_key}#"
    if group_key not in groups:
        group = GoalGroup(goal.id if goal else "", labels.goal if goal else None, tr.text(goal.node.title) if goal else None,
                          code=goal.node.code if goal else None, binding=bool(goal and goal.node.binding))  # type: ignore[union-attr]
        groups[group_key] = group
        block.groups.append(group)
    return block, groups[group_key]


def _name_covered_measures(blocks, assessed: list[Assessed], index: ProgramIndex, fmt: Formatter, tr: Translator,
                           year: int) -> None:
    """An act's target cell names the measures its status covers (see model.annual.assess), as the source's column does."""
    shown = {a.item.id for a in assessed}
    under: dict[str, list[Item]] = {}  # each action's measures, found once (not all items once per action row)
    for i in index.items:
        if i.kind == "measure" and i.parent is not None and i.id not in shown:
            under.setdefault(i.parent.id, []).append(i)
    for row in (r for b in blocks for g in b.groups for r in g.rows if r.kind == "action" and not r.target):
        covered = under.get(row.id, [])
        row.target = [f"{tr.text(m.node.title).text}: {', '.join(map(str, fmt.targets(m.node, year)))}"  # type: ignore[union-attr, arg-type]
                      for m in covered]


def _row(a: Assessed, labels: LevelNames, fmt: Formatter, tr: Translator, year: int, titles: dict) -> Row:
    item, outcome = a.item, a.outcome
    is_measure = item.kind == "measure"
    covered = outcome is not None and outcome.ref != item.id
    return Row(
        kind=item.kind,
        id=item.id,
        label=labels.of(item.kind),
        title=tr.text(item.node.title),  # type: ignore[arg-type]
        target=fmt.targets(item.node, year) if is_measure else [],  # type: ignore[arg-type]
        value=fmt.observed(item.node, outcome) if is_measure and outcome else None,  # type: ignore[arg-type]
        status=a.status,
        comment=tr.text(outcome.comment) if outcome and not covered else None,
        reported_by=tr.text(outcome.reported_by) if outcome and not covered else None,
        nested=is_measure and item.parent is not None and item.parent.kind == "action",
        code=item.node.code,
        status_word=tr.text(word_key(outcome.status_word)) if outcome and outcome.status_word else None,
        binding=item.kind == "goal" and item.node.binding,  # type: ignore[union-attr]
        also=[titles[r] for r in outcome.also if r in titles] if outcome and not covered else [],
        covered_by=titles.get(outcome.ref) if covered else None,  # type: ignore[union-attr]
        updated=tr.date(outcome.updated) if outcome and outcome.updated else (
            tr.date(item.node.updated) if getattr(item.node, "updated", None) else None),
        interpreted=item.node.interpreted,  # type: ignore[union-attr]
        outcome_interpreted=outcome.interpreted if outcome else None,
    )



def _trend(item: Item, past: Mapping[int, OutcomeYear], fmt: Formatter, tr: Translator, refs=None) -> Trend | None:
    """Only a measure with numeric values in two or more years gets a chart."""
    measure: Measure = item.node  # type: ignore[assignment]
    values = {y: numeric(v) for y, v in history(measure, past, refs)}
    if measure.baseline and measure.baseline.year is not None and measure.baseline.year not in values:
        values[measure.baseline.year] = numeric(measure.baseline.value)
    points = sorted((y, v) for y, v in values.items() if v is not None)
    if len(points) < 2:
        return None
    targets = sorted((t.year, numeric(t.value)) for t in measure.targets if t.year and numeric(t.value) is not None)
    title = tr.text(measure.title)
    show = lambda v: fmt.numeric(measure, v)  # noqa: E731
    said = tr("chart.desc", values=", ".join(f"{y}: {show(v)}" for y, v in points))  # the values in words, once
    text = ChartText(
        title=tr("chart.title", measure=title.text, first=points[0][0], last=points[-1][0]),
        desc=_desc(said, targets, show, tr),
        legend_value=tr("chart.legend_value"),
        legend_target=tr("chart.legend_target"),
        axis=_axis_name(measure, tr),
        not_from_zero=tr("chart.not_from_zero"),
    )
    from_zero = measure.kind.value == "count"  # the rule and why: report/charts.py
    draw = partial(trend_svg, f"chart-{measure.id}", points, targets, text, show, from_zero)
    spark = partial(sparkline_svg, points, f"{text.title}. {said}", from_zero)  # no targets: it draws none
    change = f"{show(points[0][1])} → {show(points[-1][1])}"
    years = tr("value.range", start=points[0][0], end=points[-1][0])
    return Trend(measure.id, title, draw, _table(points, targets, show, tr), spark, change, years)


def _axis_name(measure: Measure, tr: Translator) -> str:
    """The scale's name: the measure's kind, and its unit when it has one (e.g. "lukumäärä (käyntiä)")."""
    kind = tr(f"kind.{measure.kind.value}")
    return f"{kind} ({tr.text(measure.unit).text})" if measure.unit else kind


def _desc(said: str, targets, show, tr: Translator) -> str:
    """The chart's description: its values in words (`said`), then its targets."""
    desc = said
    if targets:
        desc += " " + tr("chart.desc_targets", values=", ".join(f"{y}: {show(v)}" for y, v in targets))
    return desc


def _table(points, targets, show, tr: Translator) -> list[tuple[int, str, str]]:
    values, goals = dict(points), dict(targets)
    none = tr("value.none")
    return [(y, show(values[y]) if y in values else none, show(goals[y]) if y in goals else none)
            for y in sorted(values.keys() | goals.keys())]
