"""Money tables as the document has them: rows × columns, each column one value type and year, with only the
meaningful comparisons (percentage used, change) computed — never a sum across columns or row kinds."""

from __future__ import annotations

from dataclasses import dataclass

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.model import Ledger, LedgerColumn
from sivistys_cli.model.costs import compare, comparisons


@dataclass
class Column:
    header: str  # as the document heads it, else value type and year
    kind: str  # the value type in words, e.g. 'Talousarvio (TA) 2025'


@dataclass
class Row:
    id: str
    code: str | None
    label: Localized
    kind: str
    cells: list[str]
    note: Localized | None
    interpreted: object
    may_exceed: bool


@dataclass
class Table:
    id: str
    code: str | None
    title: Localized
    unit: Localized | None
    columns: list[Column]
    rows: list[Row]
    note: Localized | None
    interpreted: object


def ledger_view(ledger: Ledger, tr: Translator) -> Table:
    pairs = comparisons(ledger)
    columns = [Column(_header(c, tr), _kind(c, tr)) for c in ledger.columns]
    columns += [Column(tr(f"ledger.{kind}", a=_header(a, tr), b=_header(b, tr)), tr(f"ledger.{kind}_kind"))
                for kind, a, b in pairs]
    rows = [
        Row(row.id, row.code, tr.text(row.label), tr(f"row_kind.{row.kind.value}"),  # type: ignore[arg-type]
            [_amount(row.amounts.get(c.id), ledger, tr) for c in ledger.columns]
            + [_percent(compare(row, kind, a, b), kind, tr) for kind, a, b in pairs],
            tr.text(row.note), row.interpreted, row.may_exceed)
        for row in ledger.rows
    ]
    return Table(ledger.id, ledger.code, tr.text(ledger.title), tr.text(ledger.unit), columns, rows,  # type: ignore[arg-type]
                 tr.text(ledger.note), ledger.interpreted)


def _header(column: LedgerColumn, tr: Translator) -> str:
    label = tr.text(column.label)
    return label.text if label else _kind(column, tr)


def _kind(column: LedgerColumn, tr: Translator) -> str:
    kind = f"{tr(f'value_type.{column.type.value}')} {column.year}"
    if column.through_month:
        kind += f", {tr('ledger.months', month=column.through_month)}"
    if column.as_of:
        kind += f", {tr('ledger.as_of', date=tr.date(column.as_of))}"
    return kind


def _amount(amount, ledger: Ledger, tr: Translator) -> str:
    if amount is None:
        return tr("value.none")
    return tr.number(amount) if ledger.unit is not None else tr.money(amount)


def _percent(value, kind: str, tr: Translator) -> str:
    if value is None:
        return tr("value.none")
    return tr.percent(value) if kind == "used" else ("+" if value > 0 else "") + tr.percent(value)
