"""A program as sheets a spreadsheet user can read and edit: actions, measures, and a year's outcomes.

Export renders these sheets; import reads them back and compares them with a fresh build of the
same sheets, so a cell the user did not change can never change the files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sivistys_cli.authoring.program import assessed_items, label, main_text, plain
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.index import Item, walk

FORMAT_VERSION = 1
STATUSES = ("achieved", "partly", "not_achieved", "not_assessed")


@dataclass(frozen=True)
class Column:
    """One column: its key (what import updates), its header, and who may edit it."""

    key: str
    header: str
    editable: str = ""  # "" read-only, "outcome" always, "plan" with import --plan
    width: int = 16
    choices: tuple[str, ...] = ()


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass
class Book:
    """The sheets of one export and what it is of: the program, and the year of the outcomes."""

    program: str
    year: int | None
    sheets: list[Sheet]

    def sheet(self, name: str) -> Sheet | None:
        return next((s for s in self.sheets if s.name == name), None)


def build(program: Program, outcomes: OutcomeYear | None, year: int | None) -> Book:
    sheets = [_actions(program), _measures(program)]
    if year is not None:
        sheets.append(_outcomes(program, outcomes, year))
    return Book(program.id, year, sheets)


def outcome_sheet_name(year: int) -> str:
    return f"outcomes {year}"


def _parents(program: Program, item: Item) -> list[str]:
    top = item.top
    goal = item.ancestor("goal")
    return [top.id if top.kind == "theme" and top is not item else "", goal.id if goal is not None else ""]


def _level_columns(program: Program) -> list[Column]:
    return [Column("theme", label(program, "theme")), Column("goal", label(program, "goal"))]


def _actions(program: Program) -> Sheet:
    columns = [Column("id", "id", width=28), *_level_columns(program),
               Column("title", label(program, "action"), "plan", 60),
               Column("responsible", "responsible", "plan", 24),
               Column("schedule.start", "schedule start", "plan", 14), Column("schedule.end", "schedule end", "plan", 14),
               Column("schedule.text", "schedule text", "plan", 24)]
    rows = []
    for item in (i for i in walk(program) if i.kind == "action"):
        node, schedule = item.node, item.node.schedule
        rows.append([item.id, *_parents(program, item), plain(node.title, program), plain(node.responsible, program),
                     _point(schedule.start if schedule else None), _point(schedule.end if schedule else None),
                     plain(schedule.text if schedule else None, program)])
    return Sheet("actions", columns, _clean(rows))


def target_years(program: Program) -> list[int]:
    years = set(range(program.period.start, program.period.end + 1))
    years.update(t.year for i in walk(program) if i.kind == "measure" for t in i.node.targets if t.year is not None)
    return sorted(years)


def _measures(program: Program) -> Sheet:
    years = target_years(program)
    columns = [Column("id", "id", width=28), *_level_columns(program),
               Column("title", label(program, "measure"), "plan", 48), Column("kind", "kind", width=12),
               Column("unit", "unit", width=10), Column("baseline.year", "baseline year", "plan", 12),
               Column("baseline.value", "baseline", "plan", 12),
               *[Column(f"targets.{y}", f"target {y}", "plan", 12) for y in years]]
    rows = []
    for item in (i for i in walk(program) if i.kind == "measure"):
        node = item.node
        targets = {t.year: t.value for t in node.targets if t.year is not None}
        rows.append([item.id, *_parents(program, item), plain(node.title, program), node.kind.value,
                     plain(node.unit, program), node.baseline.year if node.baseline else None,
                     node.baseline.value if node.baseline else None, *[targets.get(y) for y in years]])
    return Sheet("measures", columns, _clean(rows))


def _outcomes(program: Program, outcomes: OutcomeYear | None, year: int) -> Sheet:
    columns = [Column("id", "id", width=28), Column("item", "item", width=12),
               Column("title", label(program, "action") + " / " + label(program, "measure"), width=48),
               Column("status", plain(program.labels.outcome, program) or "status", "outcome", 14, STATUSES),
               Column("value", "value", "outcome", 12),
               Column("comment", plain(program.labels.comment, program) or "comment", "outcome", 80)]
    found = {o.ref: o for o in outcomes.outcomes} if outcomes else {}
    rows = []
    for item in assessed_items(program):
        entry = found.get(item.id)
        rows.append([item.id, item.kind, plain(item.node.title, program),
                     (entry.status.value if entry.status else None) if entry else "not_assessed", entry.value if entry else None,
                     main_text(entry.comment, program) if entry else None])
    return Sheet(outcome_sheet_name(year), columns, _clean(rows))


def _point(value: dt.date | int | None) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _clean(rows: list[list[Any]]) -> list[list[Any]]:
    return [[cell(v) for v in row] for row in rows]


def cell(value: Any) -> Any:
    """One normal form for a cell, whatever wrote it: '' is empty, 12.0 is 12, a decimal is exact."""
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else Decimal(repr(value))
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value.normalize()
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
