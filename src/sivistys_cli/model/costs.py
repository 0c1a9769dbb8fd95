"""A program's money: the costs of its actions by year, and its budget items, each added up on its own.

Action costs and budget items are two breakdowns of the same money (check SV404 compares them), so
they are never added together.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sivistys_cli.model import CostItem
from sivistys_cli.model.index import Item, ProgramIndex


def action_costs(index: ProgramIndex) -> list[tuple[Item, CostItem]]:
    """Every cost of every action, in document order."""
    return [(item, cost) for item in index.of_kind("action") for cost in item.node.costs]  # type: ignore[union-attr]


def by_year(costs: list[CostItem]) -> dict[int | None, Decimal]:
    """Amounts added up per year, years in order; None collects costs stated without a year."""
    sums: dict[int | None, Decimal] = defaultdict(Decimal)
    for cost in costs:
        sums[cost.year] += cost.amount
    return dict(sorted(sums.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))


def program_costs_by_year(index: ProgramIndex) -> dict[int | None, Decimal]:
    """The actions' costs by year; the budget items' when no action states a cost."""
    costs = [c for _, c in action_costs(index)]
    budget = index.program.budget
    if not costs and budget:
        costs = list(budget.items)
    return by_year(costs)
