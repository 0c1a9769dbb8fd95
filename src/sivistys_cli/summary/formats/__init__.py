"""The output formats of `sivistys summary`: each renders (summaries, translator, color=False, width=80) as a string.

To add a format: write `summary/formats/NAME.py` with a `render` function and add a line below.
"""

from __future__ import annotations

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("text", "sivistys_cli.summary.formats.text:render", "tables for the terminal, coloured on a terminal"),
)
