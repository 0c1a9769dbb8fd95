"""The data of `sivistys summary`: counts per theme, the year's statuses, measures, costs, overdue actions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sivistys_cli.diagnostics import Severity
from sivistys_cli.display.i18n import Localized, Translator, default_lang
from sivistys_cli.display.ledger import Table, ledger_view
from sivistys_cli.display.sanitize import sanitize
from sivistys_cli.display.values import Formatter, Shown
from sivistys_cli.load.corpus import LoadedFile, ProgramDir
from sivistys_cli.model import Measure, OutcomeYear, Program, current_status
from sivistys_cli.model.annual import assess, counts, ended_without_outcome, history, outcomes_by_ref
from sivistys_cli.model.costs import program_costs
from sivistys_cli.model.index import Item, ProgramIndex
from sivistys_cli.model.targets import meets, target_for_year


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
    outcomes_skipped: bool  # the year's outcome file has errors, so it is not counted
    themes: list[ThemeCount] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    measures: list[MeasureLine] = field(default_factory=list)
    costs: list[tuple[str, str]] = field(default_factory=list)  # (year, with its value type when typed; amount)
    total: str | None = None  # only when every cost is of one value type
    ledgers: list[Table] = field(default_factory=list)  # money tables as the document has them, never summed
    overdue: list[tuple[Localized, str]] = field(default_factory=list)


def has_errors(doc: LoadedFile) -> bool:
    """A file the summary skips: it did not load, or loaded with errors."""
    return doc.model is None or any(p.severity is Severity.error for p in doc.problems)


def outcomes(pd: ProgramDir) -> dict[int, OutcomeYear]:
    """The outcome files the summary counts, by year: those without errors."""
    return {d.model.year: d.model for d in pd.outcome_docs if not has_errors(d)}  # type: ignore[union-attr]


def file_year(doc: LoadedFile) -> int | None:
    """The year of an outcome file, even one with errors: as stated in it, else as its name says."""
    if isinstance(doc.model, OutcomeYear):
        return doc.model.year
    raw = doc.data.get("year") if isinstance(doc.data, dict) else None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    return int(doc.path.stem) if re.fullmatch(r"\d{4}", doc.path.stem) else None


def default_year(pd: ProgramDir, today: dt.date | None = None) -> int:
    """The latest year with an outcome file (even a broken one); else this year, kept within the program period."""
    years = [y for y in map(file_year, pd.outcome_docs) if y is not None]
    if years:
        return max(years)
    period = pd.program.period  # type: ignore[union-attr]
    return min(max((today or dt.date.today()).year, period.start), period.end)


def summarize(pd: ProgramDir, year: int, tr: Translator) -> ProgramSummary:
    program: Program = pd.program  # type: ignore[assignment]
    index = ProgramIndex(program)
    fmt = Formatter(tr)
    by_year = outcomes(pd)
    period = program.period
    out = ProgramSummary(
        id=program.id,
        title=tr.text(program.title),  # type: ignore[arg-type]
        period=str(period.start) if period.start == period.end else tr("value.range", start=period.start, end=period.end),
        status=tr(f"program_status.{current_status(program).value}"),
        year=year,
        has_outcomes=year in by_year,
        outcomes_skipped=year not in by_year and any(file_year(d) == year for d in pd.outcome_docs),
    )
    out.themes = _themes(index, tr)
    out.counts = counts(assess(index.items, by_year.get(year), year, program.status_words, period.end))
    past = {y: oy for y, oy in by_year.items() if y <= year}
    refs = outcomes_by_ref(past)
    out.measures = [line for m in index.of_kind("measure") if (line := _measure(m.node, past, fmt, tr, refs))]  # type: ignore[arg-type]
    sums = program_costs(index)
    typed = any(kind is not None for kind, _ in sums)
    out.costs = [(_when(kind, y, typed, tr), tr.money(v)) for (kind, y), v in sums.items()]
    out.total = tr.money(sum(sums.values())) if sums and len({k for k, _ in sums}) == 1 else None
    out.ledgers = [ledger_view(ledger, tr) for ledger in program.ledgers]
    out.overdue = [(tr.text(i.node.title), _end(i, tr)) for i in ended_without_outcome(index.items, by_year, year)]  # type: ignore[misc]
    return out


def _when(kind: str | None, year: int | None, typed: bool, tr: Translator) -> str:
    """A year (or 'whole period'); with the value type when costs are typed, since types are never added."""
    when = str(year) if year is not None else tr("value.whole_period")
    return f"{when} · {tr('value_type.' + (kind or 'planned'))}" if typed else when


def _themes(index: ProgramIndex, tr: Translator) -> list[ThemeCount]:
    # One pass: the items come parents first, in document order, so everything after a top-level item
    # until the next one is under it (asking each item for its top walked up the tree for every item).
    below: list[tuple[Item, dict[str, int]]] = []
    for item in index.items:
        if item.parent is None:
            below.append((item, {"goal": 0, "action": 0, "measure": 0}))
        elif item.kind in below[-1][1]:
            below[-1][1][item.kind] += 1
    rows: list[ThemeCount] = []
    for top, kinds in below:
        title = tr.text(top.node.title) if top.kind == "theme" else None
        goals = kinds["goal"] + (top.kind == "goal")
        if title is None and rows and rows[-1].title is None:
            rows[-1].goals += goals
            rows[-1].actions += kinds["action"]
            rows[-1].measures += kinds["measure"]
            continue
        rows.append(ThemeCount(title, goals, kinds["action"], kinds["measure"]))
    return rows


def _measure(measure: Measure, past, fmt: Formatter, tr: Translator, refs=None) -> MeasureLine | None:
    values = history(measure, past, refs)
    if not values:
        return None
    year, value = values[-1]
    target = target_for_year(measure, year) or (measure.targets[-1] if measure.targets else None)
    return MeasureLine(
        tr.text(measure.title),  # type: ignore[arg-type]
        year,
        fmt.value(measure, value),
        fmt.target(measure, target, year) if target else None,
        meets(measure, value, target) if target and (target.value is not None or target.of) and (target.year or year) <= year else None,
    )


def _end(item: Item, tr: Translator) -> str:
    """When an overdue action ended (ended_without_outcome returns only actions with an end)."""
    return tr("summary.schedule_ended", end=tr.when(item.node.schedule.end))  # type: ignore[union-attr]


def build(programs: list[ProgramDir], year: int | None, lang: str | None) -> tuple[list[ProgramSummary], Translator, list[str]]:
    """Summaries of the programs that load, and a message for each file skipped because it has errors."""
    broken = [doc.display for pd in programs for doc in pd.documents if has_errors(doc)]
    ok = [pd for pd in programs if not has_errors(pd.program_doc)]
    main = ok[0].program.languages[0] if ok else "fi"  # type: ignore[union-attr]
    lang = lang or default_lang(main)
    summaries = []
    for pd in ok:
        tr = Translator(lang, pd.program.languages[0])  # type: ignore[union-attr]
        summaries.append(summarize(pd, year if year is not None else default_year(pd), tr))
    tr = Translator(lang, main)
    return summaries, tr, [tr("summary.skipped", path=sanitize(path)) for path in broken]
