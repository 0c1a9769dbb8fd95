"""The output formats of `sivistys report`: each renders (corpus, options, given=None) as a string (bytes for pdf).

To add a format: write `report/formats/NAME.py` with a `render` function (usually templates named
`<kind>.<extension>.j2` through report.render.render_templates) and add a line below; `--format`
and its help follow from this list.
"""

from __future__ import annotations

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("html", "sivistys_cli.report.formats.html:render", "one self-contained, accessible web page",
           parts="sivistys_cli.report.formats.html:render_parts"),
    Format("markdown", "sivistys_cli.report.formats.markdown:render", "for a forge's wiki or a document converter",
           aliases=("md",)),
    Format("pdf", "sivistys_cli.report.formats.pdf:render", "A4 pages with page numbers, for the council agenda (needs -o FILE)"),
)
