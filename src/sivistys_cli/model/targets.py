"""Targets: which target applies in a year, and whether a value meets it."""

from __future__ import annotations

from decimal import Decimal

from sivistys_cli.model import Direction, Measure, MeasureKind, Target


def target_for_year(measure: Measure, year: int) -> Target | None:
    """The target set for `year`; else the single target with no year; else None."""
    with_value = [t for t in measure.targets if t.value is not None]
    for target in with_value:
        if target.year == year:
            return target
    undated = [t for t in with_value if t.year is None]
    return undated[0] if len(undated) == 1 else None


def meets(measure: Measure, value: object, target: Target) -> bool | None:
    """True/False when the comparison is meaningful, None when it is not (text, mixed kinds)."""
    goal = target.value
    if measure.kind is MeasureKind.qualitative or isinstance(value, str) or isinstance(goal, str):
        return None
    if isinstance(goal, bool) or isinstance(value, bool):
        return value == goal if isinstance(goal, bool) and isinstance(value, bool) else None
    a, b = Decimal(str(value)), Decimal(str(goal))
    return a <= b if measure.direction is Direction.decrease else a >= b

