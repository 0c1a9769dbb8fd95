"""The formats `sivistys export` writes and `sivistys import` reads: name -> renderer (bytes) and reader."""

from __future__ import annotations

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("xlsx", "sivistys_cli.authoring.export.formats.xlsx:render",
           "an Excel workbook: one sheet per kind, frozen header, status lists, ids locked"),
    Format("csv", "sivistys_cli.authoring.export.formats.csv:render",
           "one CSV file (UTF-8, comma): the sheets one after another, each under a [name] row"),
    Format("json", "sivistys_cli.authoring.export.formats.json:render", "the sheets as JSON, for scripts"),
)

# The reader of each format, for import (same module, function `read`).
READERS = {name: fmt.renderer.replace(":render", ":read") for name, fmt in FORMATS.formats.items()}
