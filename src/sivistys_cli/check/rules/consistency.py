"""Consistency checks: statuses agree with values and targets, values fit their measure, sums add up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sivistys_cli.check.rules.base import CheckContext, assessed, collector
from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.literal import quoted
from sivistys_cli.load.corpus import LoadedFile
from sivistys_cli.model import Measure, MeasureKind, Outcome, chain_status
from sivistys_cli.model.annual import status_of, word_key
from sivistys_cli.model.index import Item, ProgramIndex
from sivistys_cli.model.targets import level, meets, observed, operator, target_for_year

RULES, rule = collector("consistency")
E, W = Severity.error, Severity.warning


@rule("SV401", "status-contradicts-value", E)
def status_contradicts_value(ctx: CheckContext) -> Iterator[Diagnostic]:
    """'achieved' while the measured value misses the year's target, or 'not_achieved' while it meets it.

    The target's operator (at least, more than, at most …) and a level relative to the baseline or
    benchmark are used; a ratio such as 3/9 is compared as a fraction."""
    for pd, doc, i, outcome, item in assessed(ctx):
        value = observed(item.node, outcome) if item is not None and item.kind == "measure" else None
        if value is None:
            continue
        target = target_for_year(item.node, doc.model.year)
        verdict = meets(item.node, value, target) if target is not None else None
        status = status_of(outcome, pd.program.status_words)
        where = ("outcomes", i, "status" if outcome.status is not None else "status_word")
        if verdict is False and status == "achieved" or verdict is True and status == "not_achieved":
            yield ctx.at("SV401", doc, where, status, ref=outcome.ref, value=_shown(outcome),
                         target=_target_words(item.node, target))


def _target_words(measure: Measure, target) -> Msg:
    """'more than 3.0', 'at least 40': the operator in words before the level (a yes/no level alone: 'true')."""
    if isinstance(level(measure, target), bool):
        return Msg("common.value", {"value": level(measure, target)})
    return Msg(f"target_op.{operator(measure, target).value}", {"level": level(measure, target)})


def _shown(outcome: Outcome) -> Msg:
    if outcome.value is None and outcome.ratio is not None:
        return Msg("common.ratio", {"numerator": outcome.ratio.numerator, "denominator": outcome.ratio.denominator})
    return Msg("common.value", {"value": outcome.value})


@rule("SV402", "value-kind", E)
def value_kind(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome value fits its measure: true/false for yes_no, a whole number for count, 0–100 for percentage,
    within the scale of a Likert-type measure; a ratio's part is not larger than its whole."""
    for _pd, doc, i, outcome, item in assessed(ctx):
        if item is None or item.kind != "measure":
            continue
        if outcome.value is not None and (problem := misfit(item.node, outcome.value)):
            yield ctx.at("SV402", doc, ("outcomes", i, "value"), ref=outcome.ref, problem=problem)
        ratio = outcome.ratio
        if ratio is not None and ratio.numerator > ratio.denominator:
            yield ctx.at("SV402", doc, ("outcomes", i, "ratio"), "ratio", ref=outcome.ref,
                         numerator=ratio.numerator, denominator=ratio.denominator)


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
    scale = measure.scale
    if scale is not None and not isinstance(value, (bool, str)) and not scale.min <= value <= scale.max:
        return Msg("misfit.scale", {"value": value, "min": scale.min, "max": scale.max})
    return None


@rule("SV403", "budget-total", E)
def budget_total(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The program budget's cost items add up to its stated total; a total adds amounts of one value type only."""
    for pd in ctx.programs:
        budget = pd.program.budget
        if budget is None or budget.total is None or not budget.items:
            continue
        types = sorted({item.type.value if item.type else "planned" for item in budget.items})
        if len(types) > 1:
            yield ctx.at("SV403", pd.program_doc, ("budget", "total"), "types", types=", ".join(types))
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
        if len({c.type for a in actions for c in a.node.costs} | {c.type for c in budget.items}) > 1:
            continue  # amounts of different value types are never added; SV403 names the mix in the budget
        total = sum((c.amount for a in actions for c in a.node.costs), Decimal(0))
        if total != budget.total:
            yield ctx.at("SV404", pd.program_doc, ("budget", "total"), sum=total, total=budget.total)


@rule("SV406", "ledger-sum", E)
def ledger_sum(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A ledger row stated as the sum of others (`sum_of`) adds up, column by column: one value type and year at
    a time, never across columns."""
    for pd in ctx.programs:
        for t, ledger in enumerate(pd.program.ledgers):
            rows = {row.id: row for row in ledger.rows}
            for r, row in enumerate(ledger.rows):
                for column in ledger.columns:
                    parts = [(p.lstrip("-"), -1 if p.startswith("-") else 1) for p in row.sum_of]
                    if column.id not in row.amounts or not parts:
                        continue
                    if any(rows.get(pid) is None or column.id not in rows[pid].amounts for pid, _ in parts):
                        continue
                    total = sum((sign * rows[pid].amounts[column.id] for pid, sign in parts), Decimal(0))
                    if total != row.amounts[column.id]:
                        yield ctx.at("SV406", pd.program_doc, ("ledgers", t, "rows", r, "amounts", column.id),
                                     row=row.id, column=column.id, amount=row.amounts[column.id],
                                     terms=_terms(row.sum_of), total=total)


def _terms(parts: tuple[str, ...]) -> str:
    """'tuotot + kulut', 'kate − poistot': the stated sum as a formula."""
    out = ""
    for i, part in enumerate(parts):
        sign = "−" if part.startswith("-") else "+"
        out += (f" {sign} " if i else ("−" if sign == "−" else "")) + part.lstrip("-")
    return out


@rule("SV407", "goal-status-rule", E)
def goal_status_rule(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A goal marked achieved agrees with its `status_rule`: with 'all', every measure of the goal met its target
    that year; with 'any', at least one did."""
    for pd, doc, i, outcome, item in assessed(ctx):
        if item is None or item.kind != "goal" or item.node.status_rule is None:
            continue
        rule_ = item.node.status_rule.value
        if rule_ == "manual" or status_of(outcome, pd.program.status_words) != "achieved":
            continue
        met = _measures_met(ctx.index(pd), item, doc.model, pd.program.status_words)
        if not met:
            continue
        if (rule_ == "all" and not all(met.values())) or (rule_ == "any" and not any(met.values())):
            missed = [f"'{m}'" for m, ok in met.items() if not ok]
            yield ctx.at("SV407", doc, ("outcomes", i, "status" if outcome.status else "status_word"),
                         goal=item.id, rule=rule_, missed=", ".join(missed), n=len(missed))


def _measures_met(index: ProgramIndex, goal: Item, year_file, words) -> dict[str, bool]:
    """Whether each measure of a goal with an outcome this year met its target (by status, else by value)."""
    found = {o.ref: o for o in year_file.outcomes}
    measures = index.measures_for(goal) + [
        m for a in index.items if a.kind == "action" and a.parent is goal for m in index.measures_for(a)
    ]
    out: dict[str, bool] = {}
    for m in measures:
        outcome = found.get(m.id)
        if outcome is None:
            continue
        status = status_of(outcome, words)
        if status in ("achieved", "partly", "not_achieved"):
            out[m.id] = status == "achieved"
        else:
            target = target_for_year(m.node, year_file.year)
            value = observed(m.node, outcome)
            verdict = meets(m.node, value, target) if target is not None and value is not None else None
            if verdict is not None:
                out[m.id] = verdict
    return out


@rule("SV408", "status-word-contradicts", E)
def status_word_contradicts(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome that gives both a status and the document's own status word gives ones that agree."""
    for pd, doc, i, outcome, _item in assessed(ctx):
        mapped = pd.program.status_words.get(word_key(outcome.status_word) or "")
        if outcome.status is not None and mapped is not None and mapped is not outcome.status:
            yield ctx.at("SV408", doc, ("outcomes", i, "status"), ref=outcome.ref, status=outcome.status.value,
                         word=word_key(outcome.status_word), mapped=mapped.value)


@rule("SV409", "status-contradicts-decisions", W)
def status_contradicts_decisions(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A stated program status agrees with its decision chain (`decisions`): approved after an approval."""
    for pd in ctx.programs:
        program = pd.program
        derived = chain_status(program.decisions)
        if "status" not in program.model_fields_set or derived is None or program.status.value == "archived":
            continue
        if derived is not program.status:
            yield ctx.at("SV409", pd.program_doc, ("status",), status=program.status.value, derived=derived.value)
