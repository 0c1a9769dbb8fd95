"""Time checks: periods, schedules, outcome years and target years make sense together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sivistys_cli.check.rules.base import CheckContext, collector, outcome_docs
from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.model import year_of as _year

RULES, rule = collector("time")
E, W = Severity.error, Severity.warning


@rule("SV301", "outcome-outside-period", E)
def outcome_outside_period(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome year lies within the program period."""
    for pd, doc in outcome_docs(ctx):
        if pd.program is None:
            continue
        period = pd.program.period
        if not period.start <= doc.model.year <= period.end:
            yield ctx.at("SV301", doc, ("year",), year=doc.model.year, start=period.start, end=period.end)


@rule("SV302", "schedule-outside-period", E)
def schedule_outside_period(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An action's schedule lies within the program period."""
    for pd in ctx.programs:
        period = pd.program.period
        for item in ctx.index(pd).of_kind("action"):
            schedule = item.node.schedule
            if schedule is None:
                continue
            single = isinstance(schedule.start, int) and schedule.start == schedule.end  # `schedule: 2028`
            for key in ("start",) if single else ("start", "end"):
                year = _year(getattr(schedule, key))
                if year is not None and not period.start <= year <= period.end:
                    yield ctx.at("SV302", pd.program_doc, item.loc + ("schedule", key), "single" if single else key,
                                 action=item.id, year=year, start=period.start, end=period.end)


@rule("SV303", "schedule-reversed", E)
def schedule_reversed(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A schedule does not end before it starts."""
    for pd in ctx.programs:
        for item in ctx.index(pd).of_kind("action"):
            s = item.node.schedule
            if s is not None and s.start is not None and s.end is not None and _last_day(s.end) < _first_day(s.start):
                yield ctx.at("SV303", pd.program_doc, item.loc + ("schedule", "end"), action=item.id, start=s.start,
                             end=s.end)


def _first_day(value: dt.date | int) -> dt.date:
    """A year stands for its whole span: it starts on 1 January ..."""
    return value if isinstance(value, dt.date) else dt.date(value, 1, 1)


def _last_day(value: dt.date | int) -> dt.date:
    """... and ends on 31 December."""
    return value if isinstance(value, dt.date) else dt.date(value, 12, 31)


@rule("SV304", "target-year", W)
def target_year(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A target year is not before the baseline year or the program start (targets after the period are fine)."""
    for pd in ctx.programs:
        start = pd.program.period.start
        for item in ctx.index(pd).of_kind("measure"):
            baseline = item.node.baseline
            for i, target in enumerate(item.node.targets):
                if target.year is None:
                    continue
                if baseline is not None and baseline.year is not None and target.year < baseline.year:
                    yield ctx.at("SV304", pd.program_doc, item.loc + ("targets", i, "year"), "baseline",
                                 year=target.year, measure=item.id, baseline=baseline.year)
                elif target.year < start:
                    yield ctx.at("SV304", pd.program_doc, item.loc + ("targets", i, "year"), "start",
                                 year=target.year, measure=item.id, start=start)


@rule("SV305", "period-reversed", E)
def period_reversed(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The program period does not end before it starts."""
    for pd in ctx.programs:
        period = pd.program.period
        if period.end < period.start:
            yield ctx.at("SV305", pd.program_doc, ("period", "end"), start=period.start, end=period.end)


@rule("SV306", "task-due-outside-period", W)
def task_due_outside_period(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A sub-task is due within the program period."""
    for pd in ctx.programs:
        period = pd.program.period
        for item in ctx.index(pd).of_kind("action"):
            for i, task in enumerate(item.node.tasks):
                year = _year(task.due)
                if year is not None and not period.start <= year <= period.end:
                    yield ctx.at("SV306", pd.program_doc, item.loc + ("tasks", i, "due"), action=item.id, year=year,
                                 start=period.start, end=period.end)
