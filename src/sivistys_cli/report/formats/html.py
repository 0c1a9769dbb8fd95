"""A report as one HTML page: inline CSS and SVG, no scripts, autoescaped."""

from __future__ import annotations

from sivistys_cli.load.corpus import Corpus
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render_templates


def render(corpus: Corpus, options: ReportOptions, given: str | None = None) -> str:
    return render_templates(corpus, options, given, "html")
