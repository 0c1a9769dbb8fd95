"""The sheets as JSON: {"sivistys": 1, "program", "year", "sheets": {name: {"columns", "rows"}}}."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sivistys_cli.authoring.export.formats.common import NotOurs, check_meta, columns_of
from sivistys_cli.authoring.table import FORMAT_VERSION, Book, Sheet, cell


def render(book: Book) -> bytes:
    data = {"sivistys": FORMAT_VERSION, "program": book.program, "year": book.year,
            "sheets": {s.name: {"columns": [c.header for c in s.columns], "rows": s.rows} for s in book.sheets}}
    return (json.dumps(data, ensure_ascii=False, indent=2, default=_number) + "\n").encode("utf-8")


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def read(raw: bytes, name: str) -> tuple[dict[str, Any], list[tuple[str, list[str], list[list[Any]]]]]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise NotOurs(f"{name}: not JSON written by sivistys export") from None
    if not isinstance(data, dict) or not isinstance(data.get("sheets"), dict):
        raise NotOurs(f"{name}: not a sivistys export (no 'sheets')")
    meta = check_meta({"format": "sivistys" if "sivistys" in data else "", "version": data.get("sivistys"),
                       "program": data.get("program"), "year": data.get("year")}, name)
    sheets = [(sheet, *columns_of(body)) for sheet, body in data["sheets"].items()]
    return meta, [(n, cols, [[cell(v) for v in row] for row in rows]) for n, cols, rows in sheets]


__all__ = ["render", "read", "Sheet"]
