"""Make a report: choose the program and year, build the context, fill the templates of the asked format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sivistys_cli.display.i18n import Translator, default_lang
from sivistys_cli.gcpause import paused
from sivistys_cli.load.corpus import Corpus
from sivistys_cli.report.context import build_context
from sivistys_cli.report.formats import FORMATS
from sivistys_cli.report.gate import resolve_year, select_program
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.templating import environment, fill_parts
from sivistys_cli.report.toc import contents_in_parts


def render(corpus: Corpus, options: ReportOptions, given: str | None = None) -> str:
    """The report in the format the options name. `given` is the path as the user wrote it (see select_program)."""
    options.check()
    return FORMATS.renderer(options.fmt)(corpus, options, given)  # type: ignore[no-any-return]


def render_templates(corpus: Corpus, options: ReportOptions, given: str | None, extension: str,
                     finalize: Callable[[Any], Any] | None = None) -> str:
    """The report from the templates `<kind>.<extension>.j2`, `finalize` escaping each printed value."""
    parts = render_template_parts(corpus, options, given, extension, finalize)
    return parts[0] if len(parts) == 1 else "".join(parts)


def render_template_parts(corpus: Corpus, options: ReportOptions, given: str | None, extension: str,
                          finalize: Callable[[Any], Any] | None = None) -> list[str]:
    """`render_templates`, the report in parts that join to it (see templating.fill_parts)."""
    options.check()
    pd = select_program(corpus, given, options.kind)
    year = resolve_year(pd, options.year) if options.kind == "annual" else options.year
    main = pd.program.languages[0]  # type: ignore[union-attr]
    options = replace(options, lang=options.lang or default_lang(main))
    tr = Translator(options.lang, main)
    with paused():  # see gcpause.py
        context = build_context(pd, corpus, options, tr, year)
        env = environment(options.template_dir, finalize)
        parts = fill_parts(env, f"{options.kind}.{extension}.j2", context, tr, options.template_dir)
    # HTML (and the PDF made from it) gets a linked table of contents; Markdown viewers make their own.
    return contents_in_parts(parts, tr("toc.title")) if extension == "html" else parts


def render_parts(corpus: Corpus, options: ReportOptions, given: str | None = None) -> list[str] | bytes:
    """`render`, in parts that join to the report where its format gives them (Format.parts): a large
    page is written out a part at a time, never held whole as one text (see toc.contents_in_parts)."""
    options.check()
    made = FORMATS.parts(options.fmt)(corpus, options, given)
    return [made] if isinstance(made, str) else made  # type: ignore[no-any-return]
