"""The output formats of `sivistys summary`: each renders (summaries, translator, color=False, width=80) as a string.

To add a format: write `summary/formats/NAME.py` with a `render` function and add a line below.
Programs are summarised (and rendered) one at a time, in worker processes: `render` of several programs
must be `render` of each alone, joined by a newline (summary/stream.py relies on it).
"""

from __future__ import annotations

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("text", "sivistys_cli.summary.formats.text:render", "tables for the terminal, coloured on a terminal"),
)
