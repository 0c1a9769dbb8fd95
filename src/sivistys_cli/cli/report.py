"""`sivistys report`: one program in, the annual report or the program document out, to stdout or -o FILE."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.cli.app import command, follow_links_option, format_option
from sivistys_cli.errors import SivistysError
from sivistys_cli.report.formats import FORMATS


@command(examples=(
    "sivistys report programs/toiminnalliset-tavoitteet-2024 --kind annual --year 2024 -o toteuma-2024.html",
    "sivistys report programs/somero-sivistysohjelma --kind program --format markdown --lang sv -o ohjelma.md",
))
def report(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The program directory, or its program.yaml.", show_default=False)],
    kind: Annotated[str, typer.Option("--kind", metavar="[annual|program]", help="annual (the year's outcome report) or program (the plan).")],
    year: Annotated[Optional[int], typer.Option("--year", metavar="YEAR", help="Year of an annual report; default: the latest.")] = None,
    output_format: Annotated[str, format_option(FORMATS)] = FORMATS.default,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[fi|sv|en]", help="fi, sv or en; default: the program's main language.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically), not stdout.")] = None,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", metavar="DIR", help="Templates here override the built-in ones.")] = None,
    commit: Annotated[Optional[str], typer.Option("--commit", metavar="REV", help="Name this git revision (e.g. HEAD) in the footer.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Date the report in its footer (YYYY-MM-DD).")] = None,
    follow_links: Annotated[bool, follow_links_option()] = False,
) -> None:
    """Make the annual outcome report or the program document as HTML, Markdown or PDF, in fi, sv or en."""
    import datetime as dt

    from sivistys_cli import atomic
    from sivistys_cli.load.discover import load
    from sivistys_cli.report.options import ReportOptions, report_commit
    from sivistys_cli.report.output import check_output
    from sivistys_cli.report.render import render

    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise SivistysError(f"--date '{date}' is not a date; write it as YYYY-MM-DD") from None
    corpus = load([path], follow_links=follow_links)
    if output is not None:
        check_output(corpus, output)
    options = ReportOptions(kind, output_format, lang or "", year, template_dir, report_commit(commit, path), day)
    out = render(corpus, options, given=str(path))
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    if output is not None:
        atomic.write_bytes(output, data)
    elif isinstance(out, bytes) and sys.stdout.isatty():
        raise SivistysError("a PDF is not for the terminal; write it to a file with -o FILE")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
