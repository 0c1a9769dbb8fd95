"""Targets: which target applies in a year, what level it sets, and whether a value meets it."""

from __future__ import annotations

from decimal import Decimal

from sivistys_cli.model import Direction, Measure, MeasureKind, Operator, Outcome, Target


def target_for_year(measure: Measure, year: int) -> Target | None:
    """The target set for `year`; else the single target with no year; else None."""
    with_value = [t for t in measure.targets if t.value is not None or t.of is not None]
    for target in with_value:
        if target.year == year:
            return target
    undated = [t for t in with_value if t.year is None]
    return undated[0] if len(undated) == 1 else None


def level(measure: Measure, target: Target) -> object:
    """The level a target sets: its value, or the baseline's or benchmark's value plus it (None if unknown)."""
    if target.of is None:
        return target.value
    base = measure.baseline if target.of == "baseline" else measure.benchmark
    start = _number(base.value) if base is not None else None
    offset = _number(target.value) if target.value is not None else Decimal(0)
    return start + offset if start is not None and offset is not None else None


def operator(measure: Measure, target: Target) -> Operator:
    """The target's operator; left out, the direction decides: at most for decrease, else at least."""
    if target.operator is not None:
        return target.operator
    return Operator.at_most if measure.direction is Direction.decrease else Operator.at_least


def observed(measure: Measure, outcome: Outcome) -> object:
    """The value an outcome states: its value, or its ratio as a fraction (as a percentage for a percentage)."""
    if outcome.value is not None or outcome.ratio is None:
        return outcome.value
    fraction = Decimal(str(outcome.ratio.numerator)) / Decimal(str(outcome.ratio.denominator))
    if measure.kind is MeasureKind.percentage:
        return (fraction * 100).quantize(Decimal("0.1"))
    return fraction.quantize(Decimal("0.001"))


def meets(measure: Measure, value: object, target: Target) -> bool | None:
    """True/False when the comparison is meaningful, None when it is not (text, mixed kinds, unknown level)."""
    goal = level(measure, target)
    if goal is None or measure.kind is MeasureKind.qualitative or isinstance(value, str) or isinstance(goal, str):
        return None
    if isinstance(goal, bool) or isinstance(value, bool):
        return value == goal if isinstance(goal, bool) and isinstance(value, bool) else None
    return _compare(Decimal(str(value)), operator(measure, target), Decimal(str(goal)))


def _compare(a: Decimal, op: Operator, b: Decimal) -> bool:
    return {
        Operator.at_least: a >= b,
        Operator.more_than: a > b,
        Operator.at_most: a <= b,
        Operator.less_than: a < b,
        Operator.equal: a == b,
    }[op]


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        return None
    return Decimal(str(value))
