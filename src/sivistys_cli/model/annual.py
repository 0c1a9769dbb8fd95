"""One year's assessment of a program: which actions and measures are due, their outcomes, status counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sivistys_cli.model import Action, Outcome, OutcomeYear, Schedule, year_of
from sivistys_cli.model.index import Item

STATUSES = ("achieved", "partly", "not_achieved", "not_assessed", "missing")
"""Every status a report shows, in display order; 'missing' means no outcome was recorded."""

SYMBOLS = {"achieved": "✓", "partly": "◐", "not_achieved": "✗", "not_assessed": "–", "missing": "?"}
"""A symbol for each status, always shown next to its word (status is never colour alone)."""


@dataclass(frozen=True)
class Assessed:
    """An action or measure in the year: its outcome, if one was recorded."""

    item: Item
    outcome: Outcome | None

    @property
    def status(self) -> str:
        return self.outcome.status.value if self.outcome else "missing"


def schedule_years(schedule: Schedule | None) -> tuple[int | None, int | None]:
    """First and last year of a schedule; None where it does not say."""
    if schedule is None:
        return None, None
    return year_of(schedule.start), year_of(schedule.end)


def due_in(item: Item, year: int) -> bool:
    """An action is due when its schedule covers the year or is not known; a measure with its action."""
    if item.kind == "measure":
        action = item.ancestor("action")
        return action is None or due_in(action, year)
    if item.kind != "action":
        return False
    schedule = item.node.schedule  # type: ignore[union-attr]
    if schedule is None or schedule.continuous:
        return True
    start, end = schedule_years(schedule)
    return (start is None or start <= year) and (end is None or year <= end)


def assess(items: Iterable[Item], outcomes: OutcomeYear | None, year: int) -> list[Assessed]:
    """Actions and measures due in `year` or with an outcome for it, in document order.

    A measure without an outcome of its own whose action was assessed is left out: the source
    documents give one assessment per act, and the act's status covers its measures. Counting
    such a measure as "missing" would report gaps the author never left.
    """
    by_ref = {o.ref: o for o in outcomes.outcomes} if outcomes else {}
    return [
        Assessed(item, by_ref.get(item.id))
        for item in items
        if item.kind in ("action", "measure") and (item.id in by_ref or due_in(item, year))
        and not covered_by_action(item, by_ref)
    ]


def covered_by_action(item: Item, by_ref: Mapping[str, Outcome]) -> bool:
    """A measure with no outcome of its own under an action that has one."""
    action = item.ancestor("action") if item.kind == "measure" else None
    return action is not None and item.id not in by_ref and action.id in by_ref


def counts(assessed: Iterable[Assessed]) -> dict[str, int]:
    """How many items have each status, every status present (zero when none)."""
    out = dict.fromkeys(STATUSES, 0)
    for a in assessed:
        out[a.status] += 1
    return out


def numeric(value: object) -> Decimal | None:
    """A value that can be drawn: a number, but not true/false or text."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return Decimal(value)


def history(measure_id: str, by_year: Mapping[int, OutcomeYear]) -> list[tuple[int, object]]:
    """The recorded values of a measure, by year (oldest first)."""
    out = []
    for year in sorted(by_year):
        for outcome in by_year[year].outcomes:
            if outcome.ref == measure_id and outcome.value is not None:
                out.append((year, outcome.value))
                break
    return out


def ended_without_outcome(items: Iterable[Item], by_year: Mapping[int, OutcomeYear], year: int) -> list[Item]:
    """Actions whose schedule ended by `year` and that have no outcome in any year."""
    reported = {o.ref for oy in by_year.values() for o in oy.outcomes}
    out = []
    for item in items:
        if item.kind != "action" or item.id in reported:
            continue
        action: Action = item.node  # type: ignore[assignment]
        end = schedule_years(action.schedule)[1]
        if end is not None and not (action.schedule and action.schedule.continuous) and end <= year:
            out.append(item)
    return out
