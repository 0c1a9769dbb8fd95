"""A report as one HTML page: inline CSS and SVG, no scripts, autoescaped."""

from __future__ import annotations

from sivistys_cli.load.corpus import Corpus
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render_template_parts, render_templates


def render(corpus: Corpus, options: ReportOptions, given: str | None = None) -> str:
    return render_templates(corpus, options, given, "html")


def render_parts(corpus: Corpus, options: ReportOptions, given: str | None = None) -> list[str]:
    """`render`, in parts that join to the page (a large page is written out a part at a time)."""
    return render_template_parts(corpus, options, given, "html")
