"""Consistency checks: statuses agree with values and targets, values fit their measure, sums add up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sivistys_cli.check.rules.base import CheckContext, assessed, collector
from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.literal import quoted
from sivistys_cli.load.corpus import LoadedFile
from sivistys_cli.model import Measure, MeasureKind, OutcomeStatus
from sivistys_cli.model.index import Item
from sivistys_cli.model.targets import meets, target_for_year

RULES, rule = collector("consistency")
E, W = Severity.error, Severity.warning


@rule("SV401", "status-contradicts-value", E)
def status_contradicts_value(ctx: CheckContext) -> Iterator[Diagnostic]:
    """'achieved' while the measured value misses the year's target, or 'not_achieved' while it meets it."""
    for _pd, doc, i, outcome, item in assessed(ctx):
        if item is None or item.kind != "measure" or outcome.value is None:
            continue
        target = target_for_year(item.node, doc.model.year)
        verdict = meets(item.node, outcome.value, target) if target is not None else None
        if verdict is False and outcome.status is OutcomeStatus.achieved:
            yield ctx.at("SV401", doc, ("outcomes", i, "status"), "achieved", ref=outcome.ref,
                         value=quoted(outcome.value), target=quoted(target.value))
        elif verdict is True and outcome.status is OutcomeStatus.not_achieved:
            yield ctx.at("SV401", doc, ("outcomes", i, "status"), "not_achieved", ref=outcome.ref,
                         value=quoted(outcome.value), target=quoted(target.value))


@rule("SV402", "value-kind", E)
def value_kind(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome value fits its measure: true/false for yes_no, a whole number for count, 0–100 for percentage."""
    for _pd, doc, i, outcome, item in assessed(ctx):
        if item is not None and item.kind == "measure" and outcome.value is not None:
            problem = misfit(item.node, outcome.value)
            if problem:
                yield ctx.at("SV402", doc, ("outcomes", i, "value"), ref=outcome.ref, problem=problem)


@rule("SV405", "target-kind", E)
def target_kind(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A target or baseline value fits its measure's kind, like outcome values do."""
    for pd in ctx.programs:
        for item in ctx.index(pd).of_kind("measure"):
            yield from _measure_values(ctx, pd.program_doc, item)


def _measure_values(ctx: CheckContext, doc: LoadedFile, item: Item) -> Iterator[Diagnostic]:
    measure: Measure = item.node
    values = [(("targets", i, "value"), t.value, "target_of_year" if t.year else "target", t.year)
              for i, t in enumerate(measure.targets) if t.value is not None]
    if measure.baseline is not None:
        values.append((("baseline", "value"), measure.baseline.value, "baseline", None))
    for loc, value, variant, year in values:
        problem = misfit(measure, value)
        if problem:
            yield ctx.at("SV405", doc, item.loc + loc, variant, year=year or "", measure=item.id, problem=problem)


def misfit(measure: Measure, value: bool | int | Decimal | str) -> Msg | None:
    """Why `value` does not fit the measure's kind, or None when it does."""
    kind = measure.kind
    if kind is MeasureKind.yes_no and not isinstance(value, bool):
        return Msg("misfit.yes_no", {"value": quoted(value)})
    numeric = (MeasureKind.count, MeasureKind.percentage, MeasureKind.number, MeasureKind.change)
    if kind in numeric and isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()):
        return Msg("misfit.comma", {"value": quoted(value), "fixed": value.strip().replace(",", ".")})
    if kind in numeric and isinstance(value, (bool, str)):
        return Msg("misfit.not_a_number", {"value": quoted(value), "kind": Msg(f"measure_kind.{kind.value}")})
    if kind is MeasureKind.count and (value < 0 or value != int(value)):
        return Msg("misfit.count", {"value": value})
    if kind is MeasureKind.percentage and not 0 <= value <= 100:
        return Msg("misfit.percentage", {"value": value})
    return None


@rule("SV403", "budget-total", E)
def budget_total(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The program budget's cost items add up to its stated total."""
    for pd in ctx.programs:
        budget = pd.program.budget
        if budget is None or budget.total is None or not budget.items:
            continue
        total = sum((item.amount for item in budget.items), Decimal(0))
        if total != budget.total:
            yield ctx.at("SV403", pd.program_doc, ("budget", "total"), sum=total, total=budget.total)


@rule("SV404", "action-costs-total", W)
def action_costs_total(ctx: CheckContext) -> Iterator[Diagnostic]:
    """When every action states its cost, the costs add up to the budget total."""
    for pd in ctx.programs:
        budget = pd.program.budget
        actions = ctx.index(pd).of_kind("action")
        if budget is None or budget.total is None or not actions or not all(a.node.costs for a in actions):
            continue
        total = sum((c.amount for a in actions for c in a.node.costs), Decimal(0))
        if total != budget.total:
            yield ctx.at("SV404", pd.program_doc, ("budget", "total"), sum=total, total=budget.total)

