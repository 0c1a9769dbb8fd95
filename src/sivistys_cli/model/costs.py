"""A program's money: the costs of its actions by value type and year, and its budget items, each added up on
its own.

Action costs and budget items are two breakdowns of the same money (check SV404 compares them), so
they are never added together; nor are amounts of different value types (actual, budget, plan …):
a sum is only ever taken within one type.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sivistys_cli.model import CostItem, Ledger, LedgerColumn, LedgerRow
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


def type_key(cost: CostItem) -> str | None:
    """The value type of a cost, None for the simple case (a planned cost)."""
    return cost.type.value if cost.type is not None else None


def by_type_and_year(costs: list[CostItem]) -> dict[tuple[str | None, int | None], Decimal]:
    """Amounts added up per value type and year, never across types; in first-seen type order, years in order."""
    order: dict[str | None, int] = {}
    sums: dict[tuple[str | None, int | None], Decimal] = defaultdict(Decimal)
    for cost in costs:
        order.setdefault(type_key(cost), len(order))
        sums[(type_key(cost), cost.year)] += cost.amount
    return dict(sorted(sums.items(), key=lambda kv: (order[kv[0][0]], kv[0][1] is None, kv[0][1] or 0)))


def program_costs(index: ProgramIndex) -> dict[tuple[str | None, int | None], Decimal]:
    """The actions' costs by value type and year; the budget items' when no action states a cost."""
    costs = [c for _, c in action_costs(index)]
    budget = index.program.budget
    if not costs and budget:
        costs = list(budget.items)
    return by_type_and_year(costs)


# --- money tables (ledgers): only what is meaningful is computed -----------------------

USED_AGAINST = ("amended_budget", "budget")
"""A part-year actual is compared with the amended budget of its year if there is one, else the budget."""


def comparisons(ledger: Ledger) -> list[tuple[str, LedgerColumn, LedgerColumn]]:
    """The column pairs worth computing, each within one meaning: ('used', part-year actual, that year's budget)
    and ('change', a column, the same value type a year earlier — or the same period last year)."""
    out: list[tuple[str, LedgerColumn, LedgerColumn]] = []
    by_key = {(c.type.value, c.year): c for c in ledger.columns}
    for column in ledger.columns:
        if column.type.value == "actual_to_date":
            budget = next((by_key[(t, column.year)] for t in USED_AGAINST if (t, column.year) in by_key), None)
            if budget is not None:
                out.append(("used", column, budget))
            earlier = next((c for c in ledger.columns if c.type.value == "previous_to_date"
                            and c.year in (column.year, column.year - 1)), None)
            if earlier is not None:
                out.append(("change", column, earlier))
        elif column.type.value != "previous_to_date" and (column.type.value, column.year - 1) in by_key:
            out.append(("change", column, by_key[(column.type.value, column.year - 1)]))
    return out


def compare(row: LedgerRow, kind: str, column: LedgerColumn, other: LedgerColumn) -> Decimal | None:
    """The percentage used (column / other × 100) or the change in per cent ((column − other) / |other| × 100)."""
    a, b = row.amounts.get(column.id), row.amounts.get(other.id)
    if a is None or b is None or b == 0:
        return None
    if kind == "used":
        return (a / b * 100).quantize(Decimal("0.1"))
    return ((a - b) / abs(b) * 100).quantize(Decimal("0.1"))
