"""One CSV file: a marker row, then each sheet under a [name] row, its header and its rows."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from sivistys_cli.authoring.export.formats.common import NotOurs, check_meta
from sivistys_cli.authoring.table import FORMAT_VERSION, Book, cell


def render(book: Book) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["sivistys", FORMAT_VERSION, book.program, book.year or ""])
    for sheet in book.sheets:
        writer.writerow([])
        writer.writerow([f"[{sheet.name}]"])
        writer.writerow([c.header for c in sheet.columns])
        writer.writerows([[_text(v) for v in row] for row in sheet.rows])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8, not Windows-1252


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def read(raw: bytes, name: str) -> tuple[dict[str, Any], list[tuple[str, list[str], list[list[Any]]]]]:
    text = _decode(raw)
    # Excel in a Finnish or Swedish locale saves CSV with semicolons (the comma is the decimal sign).
    delimiter = ";" if text.startswith("sivistys;") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise NotOurs(f"{name}: not a CSV file written by sivistys export") from None
    first = rows[0] if rows else []
    meta = check_meta({"format": first[0] if first else None, "version": _int(first[1]) if len(first) > 1 else None,
                       "program": first[2] if len(first) > 2 else None, "year": first[3] if len(first) > 3 else None}, name)
    sheets: list[tuple[str, list[str], list[list[Any]]]] = []
    for row in rows[1:]:
        if len(row) == 1 and row[0].startswith("[") and row[0].endswith("]"):
            sheets.append((row[0][1:-1], [], []))
        elif sheets and not sheets[-1][1] and any(row):
            sheets[-1][1].extend(row)
        elif sheets and any(row):
            sheets[-1][2].append([_value(v) for v in row])
    return meta, sheets


def _decode(raw: bytes) -> str:
    """UTF-8 as export wrote it; Windows-1252, which Excel's plain "CSV" still saves, otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _value(text: str) -> Any:
    """A CSV cell is text; numbers and true/false are read back as what export wrote."""
    if text in ("true", "false"):
        return text == "true"
    try:
        return cell(int(text)) if text.lstrip("-").isdigit() else cell(Decimal(text)) if _decimal(text) else cell(text)
    except ArithmeticError:
        return text


def _decimal(text: str) -> bool:
    head, dot, tail = text.lstrip("-").partition(".")
    return bool(dot) and head.isdigit() and tail.isdigit()
