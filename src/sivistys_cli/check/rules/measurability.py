"""Measurability checks (warnings by default): can anyone tell whether the program worked?"""

from __future__ import annotations

from collections.abc import Iterator

from sivistys_cli.check.rules.base import CheckContext, collector
from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.model.index import responsible

RULES, rule = collector("measurability")
W = Severity.warning


@rule("SV501", "goal-without-measure", W)
def goal_without_measure(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A goal has a measure: attached to it, to one of its actions, or naming it in `goals`."""
    for pd in ctx.programs:
        index = ctx.index(pd)
        for goal in index.of_kind("goal"):
            has = index.measures_for(goal) or any(
                index.measures_for(a) for a in index.items if a.kind == "action" and a.parent is goal
            )
            if not has:
                yield ctx.at("SV501", pd.program_doc, goal.loc + ("id",),
                             f"goal '{goal.id}' has no measure; add one under 'measures', or list the goal under "
                             "an existing measure's 'goals'")


@rule("SV502", "measure-without-target", W)
def measure_without_target(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A measure has a target level, or says `target_pending: true`."""
    for pd in ctx.programs:
        for m in ctx.index(pd).of_kind("measure"):
            if not m.node.targets and not m.node.target_pending:
                yield ctx.at("SV502", pd.program_doc, m.loc + ("id",),
                             f"measure '{m.id}' has no target; add 'targets:' (or 'target_pending: true' if it is "
                             "still to be set)")


@rule("SV503", "measure-without-baseline", W)
def measure_without_baseline(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A quantitative measure has a baseline (lähtötaso) to compare against."""
    for pd in ctx.programs:
        for m in ctx.index(pd).of_kind("measure"):
            if m.node.baseline is None and m.node.kind.value not in ("yes_no", "qualitative"):
                yield ctx.at("SV503", pd.program_doc, m.loc + ("id",),
                             f"measure '{m.id}' has no baseline; add 'baseline: {{year: …, value: …}}'")


@rule("SV504", "measure-without-source", W)
def measure_without_source(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A measure names its data source (tietolähde), e.g. Kouluterveyskysely or a Sotkanet indicator."""
    for pd in ctx.programs:
        for m in ctx.index(pd).of_kind("measure"):
            if m.node.data_source is None:
                yield ctx.at("SV504", pd.program_doc, m.loc + ("id",),
                             f"measure '{m.id}' has no data source; add 'data_source: {{name: …}}'")


@rule("SV505", "action-without-responsible", W)
def action_without_responsible(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An action names who is responsible for it, or who carries it out, or inherits that from its goal, theme
    or program (`responsible` / `implementers` stated once above it)."""
    for pd in ctx.programs:
        for a in ctx.index(pd).of_kind("action"):
            who, implementers, _inherited = responsible(a, pd.program)
            if who is None and not implementers:
                yield ctx.at("SV505", pd.program_doc, a.loc + ("id",),
                             f"action '{a.id}' has no responsible party; add 'responsible:' or 'implementers:'")


@rule("SV506", "action-without-schedule", W)
def action_without_schedule(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An action has a schedule: a year, a range, dates, or `continuous: true` (not needed in a one-year program)."""
    for pd in ctx.programs:
        if pd.program.period.start == pd.program.period.end:
            continue
        for a in ctx.index(pd).of_kind("action"):
            if a.node.schedule is None:
                yield ctx.at("SV506", pd.program_doc, a.loc + ("id",),
                             f"action '{a.id}' has no schedule; add e.g. 'schedule: 2026' or "
                             "'schedule: {start: 2025, end: 2027}'")
