"""What a changed cell may hold: a status from the list, a value of the measure's kind, a year or a date."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from sivistys_cli.authoring.table import STATUSES, Column
from sivistys_cli.diagnostics import Msg
from sivistys_cli.model import Program
from sivistys_cli.model.index import ProgramIndex

# The characters the format refuses in a text (as model/types.py does): a terminal could act on them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

YES = {"true", "yes", "kyllä", "kylla", "ja", "x"}
NO = {"false", "no", "ei", "nej"}


def parse(column: Column, raw: Any, program: Program, ident: str) -> tuple[Any, Msg | None]:
    """(the value to write, None) or (None, what is wrong with the cell, as a catalog message)."""
    key = column.key
    if key == "status":
        return (raw, None) if raw in STATUSES else (None, _wrong("cli.import.not_status", raw, statuses=", ".join(STATUSES)))
    if key in ("comment", "title", "responsible", "schedule.text"):
        return _text(key, raw)
    if key in ("schedule.start", "schedule.end"):
        return _point(raw)
    if key == "baseline.year":
        return _year(raw)
    item = ProgramIndex(program).by_id.get(ident)
    kind = item.node.kind.value if item is not None and item.kind == "measure" else "qualitative"
    return measure_value(kind, raw)


def _wrong(key: str, raw: Any, **more: object) -> Msg:
    return Msg(key, {"value": raw, **more})


def _text(key: str, raw: Any) -> tuple[Any, Msg | None]:
    if raw is None:
        return None, (Msg("cli.import.empty_title", {}) if key == "title" else None)
    text = str(raw).replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends become plain ones
    found = CONTROL.search(text)
    if found:
        return None, Msg("cli.import.control", {"code": f"U+{ord(found.group()):04X}"})
    return text, None


def measure_value(kind: str, raw: Any) -> tuple[Any, Msg | None]:
    if raw is None:
        return None, None
    if kind == "yes_no":
        text = str(raw).strip().lower()
        if isinstance(raw, bool) or text in YES | NO:
            return (raw if isinstance(raw, bool) else text in YES), None
        return None, _wrong("cli.import.not_yes_no", raw)
    if kind == "qualitative":
        return raw, None
    number = _number(raw)
    if number is None:
        return None, _wrong("cli.import.not_number", raw, kind=Msg(f"measure_kind.{kind}", {}))
    if kind == "count" and (not isinstance(number, int) or number < 0):
        return None, _wrong("cli.import.not_whole", raw)
    if kind == "percentage" and not 0 <= number <= 100:
        return None, _wrong("cli.import.not_percentage", raw)
    return number, None


def _number(raw: Any) -> int | Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, Decimal)):
        return raw
    text = str(raw).strip().replace(",", ".").replace("\u00a0", "").replace(" ", "").rstrip("%")
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    return int(value) if value == value.to_integral_value() else value


def _year(raw: Any) -> tuple[Any, Msg | None]:
    if raw is None:
        return None, None
    number = _number(raw)
    if isinstance(number, int) and 1900 <= number <= 2200:
        return number, None
    return None, _wrong("cli.import.not_year", raw)


def _point(raw: Any) -> tuple[Any, Msg | None]:
    if raw is None or isinstance(raw, int):
        return _year(raw)
    try:
        return dt.date.fromisoformat(str(raw)).isoformat(), None
    except ValueError:
        return _year(raw) if str(raw).strip().isdigit() else (None, _wrong("cli.import.not_date", raw))
