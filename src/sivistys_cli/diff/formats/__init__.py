"""The output formats of `sivistys diff`: each renders (changes, old label, new label, color=False) as a string.

To add a format: write `diff/formats/NAME.py` with a `render` function and add a line below;
`--format` and its help follow from this list.
"""

from __future__ import annotations

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("text", "sivistys_cli.diff.formats.text:render", "one line per change, grouped by program and theme"),
    Format("markdown", "sivistys_cli.diff.formats.markdown:render", "tables for a merge request comment or a board memo",
           aliases=("md",)),
    Format("json", "sivistys_cli.diff.formats.json:render", "a versioned list of changes for tools and scripts"),
)
