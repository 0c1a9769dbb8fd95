"""`sivistys import`: read an edited export, check every changed cell, then write the changes to the YAML.

Nothing is written unless every cell is right; each refusal names the sheet, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sivistys_cli.authoring import values
from sivistys_cli.authoring.export.formats import reader
from sivistys_cli.authoring.program import check_year, load_outcomes, load_program
from sivistys_cli.authoring.table import Column, Sheet, build
from sivistys_cli.diagnostics import Msg
from sivistys_cli.display.messages import render, usage
from sivistys_cli.errors import SivistysError


class Refused(SivistysError):
    """The sheet has cells import cannot take: exit 1, nothing written.

    Its heading and each of its lines (one a cell) are catalog messages; the command line says them in
    the user's language, each line made safe on its own so that a cell's text cannot start a line."""

    exit_code = 1

    def __init__(self, msg: Msg, lines: list[Msg]) -> None:
        super().__init__("", msg)
        self.lines = tuple(lines)

    def __str__(self) -> str:
        return super().__str__() + "".join("\n  " + render(line) for line in self.lines)


def refused(key: str, problems: list[Msg]) -> Refused:
    """A refusal whose heading is `error.<key>` of the catalogs, with one line per problem."""
    return Refused(Msg(f"error.{key}", {}), problems)


@dataclass(frozen=True)
class Change:
    """One changed cell: sheet, item id, column key and header, the old and new value."""

    sheet: str
    id: str
    key: str
    header: str
    old: Any
    new: Any

    def __str__(self) -> str:
        return render(self.msg())

    def msg(self) -> Msg:
        """The change line as a catalog message: sheet: id: column: old → new."""
        return Msg("cli.import.change", {"sheet": self.sheet, "id": self.id, "header": self.header,
                                         "old": _show(self.old), "new": _show(self.new)})


def _show(value: Any) -> str | Msg:
    if value is None:
        return Msg("cli.import.empty", {})
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def read_sheets(file: Path) -> tuple[dict[str, Any], list[tuple[str, list[str], list[list[Any]]]]]:
    read = reader(file.suffix.lower().lstrip("."))
    if read is None:
        raise usage("authoring.import_kind", path=str(file))
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise usage("no_such_file", path=str(file)) from None
    except OSError as exc:
        raise usage("cannot_read", path=str(file), reason=exc.strerror or str(exc)) from None
    return read(raw, str(file))  # type: ignore[no-any-return]


def changes(file: Path, path: Path | None, plan: bool) -> tuple[Path, Any, list[Change]]:
    """The program directory, its model, and every changed cell; Refused if any cell is wrong."""
    meta, read = read_sheets(file)
    root, program = load_program(path or Path("programs") / meta["program"])
    if meta["program"] != program.id:
        raise usage("authoring.other_program", path=str(file), written=meta["program"], program=program.id)
    year = meta["year"]
    if year is not None:
        check_year(program, year)
    book = build(program, load_outcomes(root, year) if year else None, year)
    found, problems = [], []
    for name, header, rows in read:
        expected = book.sheet(name)
        if expected is None:
            problems.append(Msg("cli.import.unknown_sheet", {"file": str(file), "sheet": name}))
            continue
        _compare(file, expected, header, rows, program, plan, found, problems)
    if problems:
        raise refused("import.refused", problems)
    return root, program, found


def _compare(file: Path, expected: Sheet, header: list[str], rows: list[list[Any]], program: Any, plan: bool,
             found: list[Change], problems: list[Msg]) -> None:
    from openpyxl.utils import get_column_letter

    where = {"file": str(file), "sheet": expected.name}
    wanted = [c.header for c in expected.columns]
    if header != wanted:
        for i, text in enumerate(header):
            if i >= len(wanted) or text != wanted[i]:
                problems.append(Msg("cli.import.unknown_column", {**where, "column": get_column_letter(i + 1),
                                                                  "text": text, "columns": ", ".join(wanted)}))
                return
        problems.append(Msg("cli.import.columns_missing", {**where, "columns": ", ".join(wanted[len(header):])}))
        return
    by_id = {row[0]: row for row in expected.rows}
    seen: set[Any] = set()
    for number, row in enumerate(rows, start=2):
        ident = row[0] if row else None
        if ident not in by_id or ident in seen:
            what = "cli.import.unknown_id" if ident not in by_id else "cli.import.second_id"
            problems.append(Msg(what, {**where, "row": number, "id": ident}))
            continue
        seen.add(ident)
        row = row + [None] * (len(wanted) - len(row))
        for i, column in enumerate(expected.columns):
            old, new = by_id[ident][i], row[i]
            if old == new:
                continue
            problem = _refusal(column, plan)
            if problem is None:
                new, problem = values.parse(column, new, program, ident)
            if problem:
                problems.append(Msg("cli.import.cell", {**where, "row": number, "column": get_column_letter(i + 1),
                                                        "header": column.header, "problem": problem}))
            elif new != old:
                found.append(Change(expected.name, ident, column.key, column.header, old, new))


def _refusal(column: Column, plan: bool) -> Msg | None:
    if not column.editable:
        return Msg("cli.import.not_imported", {})
    if column.editable == "plan" and not plan:
        return Msg("cli.import.plan_change", {})
    return None

