"""A report as Markdown: every printed value escaped for Markdown, blank lines tidied."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from sivistys_cli.display import markdown
from sivistys_cli.display.i18n import Localized
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
    # The commonest kinds first (this runs for each of a report's ~300 000 values). str.__new__ makes the
    # same Markup as Markup() without its Python-level check for __html__, which a str never has.
    cls = type(value)
    if cls is Markup:
        return value
    if cls is Localized:  # a program's text
        return str.__new__(Markup, markdown.inline_text(value[0]))
    if cls is str:
        return _escaped_word(value)
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return str.__new__(Markup, markdown.inline(value))


# Texts of plain str, escaped: these are the catalogs' words and labels, numbers, money and dates as
# formatted, which a report prints again and again (a status or a column name per row); a program's own
# texts come as Localized and are not kept. Emptied when full, so that no run holds more than this many.
_WORDS: dict[str, Markup] = {}
_MAX_WORDS = 4096


def _escaped_word(text: str) -> Markup:
    done = _WORDS.get(text)
    if done is None:
        if len(_WORDS) >= _MAX_WORDS:
            _WORDS.clear()
        done = _WORDS[text] = str.__new__(Markup, markdown.inline_text(text))
    return done


def tidy_markdown(text: str) -> str:
    """No blank lines at the start, at most one blank line in a row, one newline at the end.

    Safe because user text never puts a raw newline into Markdown output (see display/markdown.py).
    """
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
