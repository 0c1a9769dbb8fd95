"""A report as PDF: the HTML page laid out on A4 by WeasyPrint, with its print stylesheet, tags and metadata.

The HTML's print stylesheet is the PDF's layout (A4, margins, running header, page numbers), so
a page printed from a browser and the PDF look the same. WeasyPrint is imported only here: no
other command pays for it.
"""

from __future__ import annotations

import logging

from sivistys_cli.display.messages import usage
from sivistys_cli.load.corpus import Corpus
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render_templates


def render(corpus: Corpus, options: ReportOptions, given: str | None = None) -> bytes:
    html = render_templates(corpus, options, given, "html")
    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads Pango, a system library, when it is imported
        raise usage("report.no_pango", detail=str(exc)) from None
    # WeasyPrint logs every CSS property it does not know (those meant for browsers) as a warning;
    # they are not the user's concern.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # Tagged PDF/UA: the document's structure (headings, tables, lists) reaches screen readers; the
    # title comes from <title> and the language from <html lang>. No dates are embedded, so the
    # same program gives the same bytes.
    return HTML(string=html).write_pdf(pdf_tags=True, pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]
