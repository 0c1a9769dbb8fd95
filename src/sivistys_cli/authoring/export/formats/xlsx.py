"""The workbook: one sheet per kind, frozen header, column widths, status lists, the id column locked.

openpyxl writes and reads it; the sheet protection has no password, so it guards against slips
(typing over an id), not against a user who means to unprotect the sheet.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

from sivistys_cli.authoring.export.formats.common import META_SHEET, NotOurs, check_meta
from sivistys_cli.authoring.table import FORMAT_VERSION, Book, Sheet, cell


def render(book: Book) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in book.sheets:
        _sheet(workbook.create_sheet(sheet.name), sheet)
    meta = workbook.create_sheet(META_SHEET)
    for row in (("format", "sivistys"), ("version", FORMAT_VERSION), ("program", book.program), ("year", book.year)):
        meta.append(row)
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws.append([c.header for c in sheet.columns])
    for row in sheet.rows:
        ws.append([float(v) if isinstance(v, Decimal) else v for v in row])
    ws.freeze_panes = "B2"  # the header row and the id column stay in view
    for i, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = column.width
        ws.cell(1, i).font = Font(bold=True)
        for (cell_,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            cell_.protection = Protection(locked=not column.editable)
            cell_.alignment = Alignment(wrap_text=column.width > 40, vertical="top")
        if column.choices and sheet.rows:
            check = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=False,
                                   showErrorMessage=True, error="Choose one of: " + ", ".join(column.choices))
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{len(sheet.rows) + 1}")
    ws.protection.sheet = True  # locks the ids (and the read-only columns); the editable cells are unlocked
    ws.protection.formatColumns = False  # widths may still be changed
    ws.protection.formatRows = False


def read(raw: bytes, name: str) -> tuple[dict[str, Any], list[tuple[str, list[str], list[list[Any]]]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise NotOurs(f"{name}: not an Excel workbook (.xlsx)") from None
    if META_SHEET not in workbook.sheetnames:
        check_meta({}, name)
    meta = {str(r[0]): r[1] for r in workbook[META_SHEET].iter_rows(values_only=True) if r and r[0] is not None}
    meta = check_meta(meta, name)
    sheets = []
    for ws in workbook.worksheets:
        if ws.title == META_SHEET:
            continue
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        header = [str(h) if h is not None else "" for h in (rows[0] if rows else [])]
        while header and header[-1] == "":
            header.pop()
        body = [[cell(v) for v in r[: len(header)]] for r in rows[1:] if any(v not in (None, "") for v in r)]
        sheets.append((ws.title, header, body))
    return meta, sheets
