"""`sivistys summary` as terminal text: rich tables with colour, or plain columns without box characters."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sivistys_cli.display.i18n import Translator
from sivistys_cli.display.ledger import Table as LedgerTable
from sivistys_cli.display.sanitize import sanitize_lines
from sivistys_cli.model.annual import STATUSES, SYMBOLS
from sivistys_cli.summary.build import ProgramSummary
from sivistys_cli.summary.formats.columns import MANY_ROWS, plain

_STYLE = {"achieved": "green", "partly": "yellow", "not_achieved": "red", "not_assessed": "", "no_status": "",
          "missing": "dim"}


def render(summaries: list[ProgramSummary], tr: Translator, color: bool = False, width: int = 80) -> str:
    """All summaries, one after another."""
    console = Console(
        file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False, legacy_windows=False,
    )
    for i, summary in enumerate(summaries):
        if i:
            console.print()
        _program(console, summary, tr, color)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    if color:  # rich wrote the colours' escape sequences itself, around values it had escaped
        return text
    return sanitize_lines("\n".join(line.rstrip() for line in text.split("\n")))


def _table(color: bool, *headers: tuple[str, str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD if color else None, show_edge=False, pad_edge=False,
                  header_style="bold" if color else "", padding=(0, 1))
    for title, justify in headers:
        table.add_column(title, justify=justify, overflow="fold")  # type: ignore[arg-type]
    return table


def _print(console: Console, table: Table, color: bool) -> None:
    """A table without colour goes through the plain column writer (same layout, a tenth of the cost)."""
    text = plain(table, console.width) if not color and table.row_count > MANY_ROWS else None
    if text is None:
        console.print(table)
    else:
        console.file.write(text)


def _heading(console: Console, text: str, color: bool) -> None:
    console.print()
    console.print(Text(text, style="bold" if color else ""))


def _program(console: Console, s: ProgramSummary, tr: Translator, color: bool) -> None:
    console.print(Text(s.title.text, style="bold underline" if color else ""))
    console.print(Text(tr("summary.program_line", id=s.id, period=s.period, status=s.status)))
    themes = _table(color, (tr("summary.theme"), "left"), (tr("summary.goals"), "right"),
                    (tr("summary.actions"), "right"), (tr("summary.measures"), "right"))
    for row in s.themes:
        themes.add_row(Text(row.title.text if row.title else s.title.text), str(row.goals), str(row.actions), str(row.measures))
    console.print()
    _print(console, themes, color)
    _statuses(console, s, tr, color)
    _measures(console, s, tr, color)
    _costs(console, s, tr, color)
    _overdue(console, s, tr, color)


def _statuses(console: Console, s: ProgramSummary, tr: Translator, color: bool) -> None:
    _heading(console, tr("summary.outcomes", year=s.year), color)
    if not s.has_outcomes:
        console.print(Text(tr("summary.outcomes_skipped" if s.outcomes_skipped else "summary.no_outcomes", year=s.year)))
    table = _table(color, (tr("annual.status"), "left"), (tr("annual.count"), "right"))
    for status in STATUSES:
        if status == "no_status" and not s.counts.get(status):
            continue  # a commentary without a status is rare: shown only when it occurs
        style = _STYLE[status] if color else ""
        table.add_row(Text(f"{SYMBOLS[status]} {tr(f'status.{status}')}", style=style), Text(str(s.counts.get(status, 0)), style=style))
    table.add_row(Text(tr("value.total")), str(sum(s.counts.values())))
    _print(console, table, color)


def _measures(console: Console, s: ProgramSummary, tr: Translator, color: bool) -> None:
    _heading(console, tr("summary.measures_title"), color)
    if not s.measures:
        console.print(Text(tr("summary.no_values")))
        return
    table = _table(color, (tr("summary.measure"), "left"), (tr("summary.latest"), "right"),
                   (tr("summary.target"), "right"), (tr("summary.met"), "left"))
    for m in s.measures:
        met = tr("summary.met_unknown") if m.met is None else tr("summary.met_yes" if m.met else "summary.met_no")
        style = "" if m.met is None or not color else ("green" if m.met else "red")
        table.add_row(Text(m.title.text), Text(f"{m.latest} ({m.year})"), Text(str(m.target or tr("value.none"))), Text(met, style=style))
    _print(console, table, color)


def _costs(console: Console, s: ProgramSummary, tr: Translator, color: bool) -> None:
    _heading(console, tr("summary.costs_title"), color)
    if not s.costs:
        console.print(Text(tr("summary.no_costs")))
        return
    table = _table(color, (tr("program.year"), "left"), (tr("program.amount"), "right"))
    for year, amount in s.costs:
        table.add_row(year, amount)
    if s.total is not None:  # amounts of different value types are never added
        table.add_row(Text(tr("value.total"), style="bold" if color else ""), Text(s.total, style="bold" if color else ""))
    _print(console, table, color)
    for ledger in s.ledgers:
        _ledger(console, ledger, tr, color)


def _ledger(console: Console, ledger: LedgerTable, tr: Translator, color: bool) -> None:
    """A money table as the document has it: each column one value type and year, no sums across them."""
    unit = f" ({ledger.unit.text})" if ledger.unit else ""
    console.print(Text(f"{ledger.code + ' ' if ledger.code else ''}{ledger.title.text}{unit}", style="bold" if color else ""))
    labels = [f"{row.code + ' ' if row.code else ''}{row.label.text}" for row in ledger.rows]
    if len(labels) > 4:  # many rows (service groups): as the document has it, one row per line
        table = _table(color, (tr("ledger.row"), "left"), *((c.header, "right") for c in ledger.columns))
        for label, row in zip(labels, ledger.rows):
            table.add_row(Text(label), *row.cells)
    else:  # a few rows and many columns: one column (value type and year) per line, so it fits a terminal
        table = _table(color, ("", "left"), *((label, "right") for label in labels))
        for i, column in enumerate(ledger.columns):
            table.add_row(Text(column.header), *(row.cells[i] for row in ledger.rows))
    _print(console, table, color)


def _overdue(console: Console, s: ProgramSummary, tr: Translator, color: bool) -> None:
    _heading(console, tr("summary.overdue_title"), color)
    if not s.overdue:
        console.print(Text(tr("summary.no_overdue")))
        return
    for title, ended in s.overdue:
        console.print(Text(f"- {title.text} ({ended})"))
