"""`sivistys export` and `sivistys import`: a program to a spreadsheet and the edited sheet back."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.authoring.export.formats import FORMATS
from sivistys_cli.cli.app import command, format_option, lang_option


@command(examples=(
    "sivistys export programs/perusopetus --format xlsx -o perusopetus.xlsx",
    "sivistys export programs/perusopetus --format csv --year 2025 -o toteuma-2025.csv",
))
def export(
    path: Annotated[Path, typer.Argument(metavar="PATH", show_default=False, help="The program directory or its program.yaml.")],
    output_format: Annotated[str, format_option(FORMATS)] = FORMATS.default,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YEAR", help="Year of the outcomes sheet; default: the latest outcome file, else the current year within the period.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically); default: <program-id>.<format>.")] = None,
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Write a program as a spreadsheet: actions, measures (targets, baseline) and a year's outcomes.

    Import the edited file back with `sivistys import FILE`.
    """
    from sivistys_cli import atomic
    from sivistys_cli.authoring.export.build import export_book
    from sivistys_cli.display.messages import choose_lang, say

    chosen = FORMATS.get(output_format)
    book = export_book(path, year)
    target = output or f"{book.program}.{chosen.name}"
    data = chosen.load()(book)
    if target == "-":
        sys.stdout.buffer.write(data)
        return
    atomic.write_bytes(target, data)
    sys.stdout.write(say("cli.wrote", choose_lang(lang, None, os.environ), path=target) + "\n")


@command(name="import", examples=(
    "sivistys import perusopetus.xlsx programs/perusopetus          # outcomes: statuses, values, comments",
    "sivistys import perusopetus.xlsx programs/perusopetus --plan   # also titles, targets, responsible, schedules",
))
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False, help="An .xlsx, .csv or .json file written by sivistys export.")],
    path: Annotated[Optional[Path], typer.Argument(metavar="[PATH]", show_default=False, help="The program directory; default: programs/<the id in the file>.")] = None,
    plan: Annotated[bool, typer.Option("--plan", help="Also take changed titles, targets, baselines, responsible and schedules.")] = False,
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Take an edited export back: outcome statuses, values and comments (and the plan with --plan).

    Lists each change; a sheet with unknown columns, ids or values of the wrong kind is refused
    (exit 1) with its sheet, row and column, and nothing is written. An unchanged sheet changes nothing.
    """
    from sivistys_cli.authoring.apply import apply
    from sivistys_cli.authoring.sheets import changes, read_sheets
    from sivistys_cli.display.messages import choose_lang, render, say

    language = choose_lang(lang, None, os.environ)

    year = read_sheets(file)[0]["year"]
    root, program, found = changes(file, path, plan)
    for change in found:
        sys.stdout.write(render(change.msg(), language) + "\n")
    written = apply(root, program, year, found)
    for written_path in written:
        sys.stdout.write(say("cli.wrote", language, path=str(written_path)) + "\n")
    sys.stdout.write((say("cli.import.changes", language, n=len(found)) if found else say("cli.import.none", language)) + "\n")
