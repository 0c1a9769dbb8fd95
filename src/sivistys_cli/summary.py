"""The data of `sivistys summary`: counts per theme, the year's statuses, measures, costs, overdue actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sivistys_cli.annual import assess, counts, ended_without_outcome, history, schedule_years
from sivistys_cli.costs import program_costs_by_year
from sivistys_cli.formatting import Formatter, Shown
from sivistys_cli.i18n import LANGS, Localized, Translator
from sivistys_cli.index import Item, ProgramIndex
from sivistys_cli.load import ProgramDir
from sivistys_cli.model import Measure, Program
from sivistys_cli.targets import meets, target_for_year


@dataclass
class ThemeCount:
    title: Localized | None  # None: goals directly under the program
    goals: int
    actions: int
    measures: int


@dataclass
class MeasureLine:
    title: Localized
    year: int
    latest: Shown
    target: Shown | None
    met: bool | None


@dataclass
class ProgramSummary:
    id: str
    title: Localized
    period: str
    status: str
    year: int
    has_outcomes: bool
    themes: list[ThemeCount] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    measures: list[MeasureLine] = field(default_factory=list)
    costs: list[tuple[str, str]] = field(default_factory=list)
    total: str | None = None
    overdue: list[tuple[Localized, str]] = field(default_factory=list)


def default_year(pd: ProgramDir, today: dt.date | None = None) -> int:
    """The latest year with outcomes; else this year, kept within the program period."""
    if pd.outcomes:
        return max(pd.outcomes)
    period = pd.program.period  # type: ignore[union-attr]
    return min(max((today or dt.date.today()).year, period.start), period.end)


def summarize(pd: ProgramDir, year: int, tr: Translator) -> ProgramSummary:
    program: Program = pd.program  # type: ignore[assignment]
    index = ProgramIndex(program)
    fmt = Formatter(tr)
    period = program.period
    out = ProgramSummary(
        id=program.id,
        title=tr.text(program.title),  # type: ignore[arg-type]
        period=str(period.start) if period.start == period.end else tr("value.range", start=period.start, end=period.end),
        status=tr(f"program_status.{program.status.value}"),
        year=year,
        has_outcomes=year in pd.outcomes,
    )
    out.themes = _themes(index, tr)
    out.counts = counts(assess(index.items, pd.outcomes.get(year), year))
    past = {y: oy for y, oy in pd.outcomes.items() if y <= year}
    out.measures = [line for m in index.of_kind("measure") if (line := _measure(m.node, past, fmt, tr))]  # type: ignore[arg-type]
    sums = program_costs_by_year(program)
    out.costs = [(str(y) if y is not None else tr("value.whole_period"), tr.money(v)) for y, v in sums.items()]
    out.total = tr.money(sum(sums.values())) if sums else None
    out.overdue = [(tr.text(i.node.title), _end(i, tr)) for i in ended_without_outcome(index.items, pd.outcomes, year)]  # type: ignore[misc]
    return out


def _themes(index: ProgramIndex, tr: Translator) -> list[ThemeCount]:
    rows = []
    for top in [i for i in index.items if i.parent is None]:
        below = [i for i in index.items if _under(i, top)]
        kinds = [i.kind for i in below]
        title = tr.text(top.node.title) if top.kind == "theme" else None
        goals = kinds.count("goal") + (top.kind == "goal")
        if title is None and rows and rows[-1].title is None:
            rows[-1].goals += goals
            rows[-1].actions += kinds.count("action")
            rows[-1].measures += kinds.count("measure")
            continue
        rows.append(ThemeCount(title, goals, kinds.count("action"), kinds.count("measure")))
    return rows


def _under(item: Item, top: Item) -> bool:
    node = item.parent
    while node is not None:
        if node is top:
            return True
        node = node.parent
    return False


def _measure(measure: Measure, past, fmt: Formatter, tr: Translator) -> MeasureLine | None:
    values = history(measure.id, past)
    if not values:
        return None
    year, value = values[-1]
    target = target_for_year(measure, year) or (measure.targets[-1] if measure.targets else None)
    return MeasureLine(
        tr.text(measure.title),  # type: ignore[arg-type]
        year,
        fmt.value(measure, value),
        fmt.target(measure, target, year) if target else None,
        meets(measure, value, target) if target and target.value is not None and (target.year or year) <= year else None,
    )


def _end(item: Item, tr: Translator) -> str:
    schedule = item.node.schedule  # type: ignore[union-attr]
    end = schedule.end if schedule.end is not None else schedule_years(schedule)[1]
    return tr("summary.schedule_ended", end=tr.when(end))


def build(programs: list[ProgramDir], year: int | None, lang: str | None) -> tuple[list[ProgramSummary], Translator, list[str]]:
    """Summaries of the programs that load; every file with errors becomes a note instead."""
    broken = [doc.display for pd in programs for doc in pd.documents if any(p.severity.value == "error" for p in doc.problems)]
    ok = [pd for pd in programs if pd.program is not None]
    main = ok[0].program.languages[0] if ok else "fi"  # type: ignore[union-attr]
    lang = lang or (main if main in LANGS else "en")
    summaries = []
    for pd in ok:
        tr = Translator(lang, pd.program.languages[0])  # type: ignore[union-attr]
        summaries.append(summarize(pd, year if year is not None else default_year(pd), tr))
    tr = Translator(lang, main)
    return summaries, tr, [tr("summary.skipped", path=path) for path in broken]
