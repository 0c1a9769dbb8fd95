"""`sivistys diff`: two versions in, the changes by id out; exit 1 on changes only with --exit-code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from sivistys_cli.cli.app import REPORT_BUG, command, console, emit, format_option, lang_option
from sivistys_cli.cli.dashdash import DashDashCommand, after_dashdash
from sivistys_cli.diff.formats import FORMATS
from sivistys_cli.errors import SivistysError


@command(cls=DashDashCommand, examples=(
    "sivistys diff                                   # the working tree against HEAD",
    "sivistys diff v1.0 v1.1 --substantive           # between two tags, targets, costs and statuses only",
    "sivistys diff --merge-base origin/main HEAD --format markdown > diff.md",
    "sivistys diff HEAD~1 HEAD -- programs/somero-sivistysohjelma",
    "sivistys diff --files old/program.yaml programs/somero-sivistysohjelma/program.yaml",
))
def diff(
    ctx: typer.Context,
    revisions: Annotated[Optional[list[str]], typer.Argument(
        metavar="REV_A [REV_B]", help="[REV_A [REV_B]] (default HEAD and the working tree; A...B for the merge base), or with --files: "
        "OLD NEW. Paths to limit the diff to go after --.", show_default=False)] = None,
    output_format: Annotated[str, format_option(FORMATS)] = FORMATS.default,
    substantive: Annotated[bool, typer.Option("--substantive", help="Leave out wording-only changes.")] = False,
    merge_base: Annotated[bool, typer.Option("--merge-base", help="Compare from the merge base, as A...B.")] = False,
    files: Annotated[bool, typer.Option("--files", help="Compare two files or directories, no git.")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when there are changes.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Compare programs in N processes at once; default: the number of cores.", show_default=False)] = None,
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Show what changed between two versions of the programs, by id: sivistys diff [REV_A [REV_B]] [-- PATH...]."""
    from sivistys_cli.diff.request import DiffRequest
    from sivistys_cli.display.messages import choose_lang
    from sivistys_cli.gcpause import paused

    language = choose_lang(lang, None, os.environ)
    request = DiffRequest(tuple(revisions or ()), tuple(after_dashdash(ctx)), files, merge_base)
    # Why the collector is held until the changes are written and released: a diff of a 10 000-theme program
    # is 60 000 changes that live to the end, and the collection that re-enabling it set off walked them all.
    with paused():
        found = _written(request, output_format, substantive, jobs, language)
    raise typer.Exit(1 if exit_code and found else 0)


def _written(request: Any, output_format: str, substantive: bool, jobs: int | None, language: str) -> bool:
    """Compare, render and write the diff; whether there were changes to show."""
    from sivistys_cli.diff.driver import line_diff
    from sivistys_cli.diff.revisions import changes as compared
    from sivistys_cli.gcpause import leave_to_exit

    chosen = FORMATS.get(output_format)
    try:
        found, old_label, new_label = compared(request, Path.cwd(), jobs)
        leave_to_exit(found)  # 60 000 changes freed by the end of the process, not one at a time (see gcpause.py)
        changes = [c for c in found if c.substantive or not substantive]
    except Exception as exc:  # noqa: BLE001 - a failing diff driver would stop all of `git log -p`
        if not request.driver:
            raise
        bug = f"internal error ({exc!r}); please report it {REPORT_BUG}"
        sys.stdout.write(line_diff(request, Path.cwd(), str(exc) if isinstance(exc, SivistysError) else bug))
        return False
    color = chosen.name == "text" and console().no_color is False
    emit(chosen.load()(changes, old_label, new_label, color=color, lang=language), color)
    return bool(changes)
