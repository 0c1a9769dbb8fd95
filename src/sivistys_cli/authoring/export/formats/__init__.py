"""The formats `sivistys export` writes and `sivistys import` reads: name -> renderer (bytes) and reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("xlsx", "sivistys_cli.authoring.export.formats.xlsx:render",
           "an Excel workbook: one sheet per kind, frozen header, status lists, ids locked"),
    Format("csv", "sivistys_cli.authoring.export.formats.csv:render",
           "one CSV file (UTF-8, comma): the sheets one after another, each under a [name] row"),
    Format("json", "sivistys_cli.authoring.export.formats.json:render", "the sheets as JSON, for scripts"),
)



def reader(name: str) -> Callable[[bytes, str], Any] | None:
    """The function that reads a file of this format back, for import: `read` beside `render`."""
    fmt = FORMATS.formats.get(name)
    return None if fmt is None else replace(fmt, renderer=fmt.renderer.replace(":render", ":read")).load()
