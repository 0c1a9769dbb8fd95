"""`sivistys summary`: programs in, a terminal overview out; exit 1 when a file was skipped."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.cli.app import command, console, follow_links_option
from sivistys_cli.cli.progress import ProgressBar
from sivistys_cli.display.messages import usage
from sivistys_cli.summary.formats import FORMATS


@command(examples=(
    "sivistys summary                                # every program under ./programs",
    "sivistys summary programs/somero-sivistysohjelma --year 2025 --lang sv",
))
def summary(
    path: Annotated[Optional[Path], typer.Argument(metavar="PATH", show_default=False, help="A program directory or a directory of programs; default: programs/.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YEAR", help="Year of the outcomes; default: each program's latest.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[fi|sv|en]", help="fi, sv or en; default: the programs' main language.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Read programs in N processes at once; default: the number of cores.", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, even on a terminal.")] = False,
    follow_links: Annotated[bool, follow_links_option()] = False,
) -> None:
    """A terminal overview: counts per theme, the year's statuses, measures, costs, overdue actions.

    Exit 1 when a file was skipped because it has errors (each is named on stderr first), else 0.
    """
    from sivistys_cli.display.i18n import LANGS
    from sivistys_cli.display.messages import choose_lang, say
    from sivistys_cli.summary.stream import summarize_paths

    if lang is not None and lang not in LANGS:
        raise usage("cli.unknown_lang", value=lang, langs=", ".join(LANGS))
    out = console()
    color = not out.no_color
    render = functools.partial(FORMATS.renderer(FORMATS.default), color=color, width=min(out.width, 120) if color else 80)
    label = say("cli.summary.progress", choose_lang(lang, None, os.environ))
    with ProgressBar(not quiet and sys.stderr.isatty(), label) as bar:
        texts, skipped = summarize_paths([path] if path else [], year, lang, render, Path.cwd(), jobs, bar.update,
                                         follow_links=follow_links)
    for line in skipped:
        console(stderr=True).print(line, markup=False)
    sys.stdout.write("\n".join(texts))  # each program's summary rendered on its own: see summary/formats
    raise typer.Exit(1 if skipped else 0)
