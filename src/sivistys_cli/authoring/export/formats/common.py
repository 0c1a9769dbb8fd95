"""What every export format shares: the marker that says a file is ours, checked the same way on import."""

from __future__ import annotations

from typing import Any

from sivistys_cli.authoring.table import FORMAT_VERSION
from sivistys_cli.errors import UsageError

META_SHEET = "sivistys"  # a hidden sheet in xlsx; the first row in CSV


class NotOurs(UsageError):
    """The file was not written by `sivistys export` (or its marker was removed)."""


def check_meta(meta: dict[str, Any], name: str) -> dict[str, Any]:
    if meta.get("format") != "sivistys":
        raise NotOurs(f"{name}: not a sheet written by `sivistys export` (its '{META_SHEET}' marker is missing); "
                      "export the program first and edit that file")
    if meta.get("version") != FORMAT_VERSION:
        raise NotOurs(f"{name}: written by another version of sivistys export ({meta.get('version')}); export again")
    year = meta.get("year")
    return {"program": str(meta.get("program")), "year": int(year) if year not in (None, "") else None}


def columns_of(body: Any) -> tuple[list[str], list[list[Any]]]:
    if not isinstance(body, dict):
        return [], []
    return [str(c) for c in body.get("columns", [])], [list(r) for r in body.get("rows", []) if isinstance(r, list)]
