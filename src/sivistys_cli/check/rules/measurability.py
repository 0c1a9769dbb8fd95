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
        # Why: looking through every item for each goal's actions was quadratic in the program's size.
        actions_under: dict[int, list] = {}
        for action in index.of_kind("action"):
            actions_under.setdefault(id(action.parent), []).append(action)
        for goal in index.of_kind("goal"):
            has = index.measures_for(goal) or any(index.measures_for(a) for a in actions_under.get(id(goal), ()))
            if not has:
                yield ctx.at("SV501", pd.program_doc, goal.loc + ("id",), goal=goal.id)


@rule("SV502", "measure-without-target", W)
def measure_without_target(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A measure has a target level, or says `target_pending: true`."""
    for pd in ctx.programs:
        for m in ctx.index(pd).of_kind("measure"):
            if not m.node.targets and not m.node.target_pending:
                yield ctx.at("SV502", pd.program_doc, m.loc + ("id",), measure=m.id)


@rule("SV503", "measure-without-baseline", W)
def measure_without_baseline(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A quantitative measure has a baseline (lähtötaso) to compare against."""
    for pd in ctx.programs:
        for m in ctx.index(pd).of_kind("measure"):
            if m.node.baseline is None and m.node.kind.value not in ("yes_no", "qualitative"):
                yield ctx.at("SV503", pd.program_doc, m.loc + ("id",), measure=m.id)


@rule("SV504", "measure-without-source", W)
def measure_without_source(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A measure names its data source (tietolähde), e.g. Kouluterveyskysely or a Sotkanet indicator."""
    for pd in ctx.programs:
        for m in ctx.index(pd).of_kind("measure"):
            if m.node.data_source is None:
                yield ctx.at("SV504", pd.program_doc, m.loc + ("id",), measure=m.id)


@rule("SV505", "action-without-responsible", W)
def action_without_responsible(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An action names who is responsible for it, or who carries it out, or inherits that from its goal, theme
    or program (`responsible` / `implementers` stated once above it)."""
    for pd in ctx.programs:
        for a in ctx.index(pd).of_kind("action"):
            who, implementers, _inherited = responsible(a, pd.program)
            if who is None and not implementers:
                yield ctx.at("SV505", pd.program_doc, a.loc + ("id",), action=a.id)


@rule("SV506", "action-without-schedule", W)
def action_without_schedule(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An action has a schedule: a year, a range, dates, or `continuous: true` (not needed in a one-year program)."""
    for pd in ctx.programs:
        if pd.program.period.start == pd.program.period.end:
            continue
        for a in ctx.index(pd).of_kind("action"):
            if a.node.schedule is None:
                yield ctx.at("SV506", pd.program_doc, a.loc + ("id",), action=a.id)
