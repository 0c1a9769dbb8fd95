"""`sivistys summary`: programs in, a terminal overview out; exit 1 when a file was skipped."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.cli.app import command, console, follow_links_option
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
    follow_links: Annotated[bool, follow_links_option()] = False,
) -> None:
    """A terminal overview: counts per theme, the year's statuses, measures, costs, overdue actions.

    Exit 1 when a file was skipped because it has errors (each is named on stderr first), else 0.
    """
    from sivistys_cli.display.i18n import LANGS
    from sivistys_cli.load.discover import load
    from sivistys_cli.summary.build import build

    if lang is not None and lang not in LANGS:
        raise usage("cli.unknown_lang", value=lang, langs=", ".join(LANGS))
    summaries, tr, skipped = build(load([path] if path else [], follow_links=follow_links).programs, year, lang)
    for line in skipped:
        console(stderr=True).print(line, markup=False)
    out = console()
    color = not out.no_color
    render = FORMATS.renderer(FORMATS.default)
    sys.stdout.write(render(summaries, tr, color=color, width=min(out.width, 120) if color else 80))
    raise typer.Exit(1 if skipped else 0)
