"""A report as Markdown: every printed value escaped for Markdown, blank lines tidied."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from sivistys_cli.display import markdown
from sivistys_cli.load.corpus import Corpus
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render_templates


def render(corpus: Corpus, options: ReportOptions, given: str | None = None) -> str:
    return tidy_markdown(render_templates(corpus, options, given, "md", finalize=_escape))


def _escape(value: Any) -> Any:
    """Markdown's autoescape: every printed value is escaped unless a filter already made it Markup.

    Markdown is "autoescaped" as HTML is: this escapes each value for Markdown and marks it safe,
    so that macros and filters (which return Markup) are not escaped twice.
    """
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    # str.__new__ makes the same Markup as Markup() without its Python-level check for __html__, which a
    # plain str (what inline returns) never has; this runs for each of a report's ~300 000 values.
    return str.__new__(Markup, markdown.inline(value))


def tidy_markdown(text: str) -> str:
    """No blank lines at the start, at most one blank line in a row, one newline at the end.

    Safe because user text never puts a raw newline into Markdown output (see display/markdown.py).
    """
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
