"""`sivistys outcomes new`: start a year's outcome file, or add the entries it lacks."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.cli.app import app, command, epilog, lang_option

EXAMPLES = (
    "sivistys outcomes new --year 2026 programs/perusopetus",
    "sivistys outcomes new --year 2026 programs/perusopetus --carry   # start from 2025's values",
)
outcomes_app = typer.Typer(name="outcomes", help="Work with a program's yearly outcome files.", no_args_is_help=True,
                           rich_markup_mode=None, epilog=epilog(EXAMPLES))
app.add_typer(outcomes_app)


@command(app=outcomes_app, name="new", examples=EXAMPLES)
def new(
    year: Annotated[int, typer.Option("--year", metavar="YEAR", help="The year to assess, within the program period.")],
    path: Annotated[Optional[Path], typer.Argument(metavar="[PATH]", show_default=False, help="The program directory or its program.yaml; default: the current directory.")] = None,
    carry: Annotated[bool, typer.Option("--carry", help="Fill measures' values from the latest earlier year's file, as a starting point.")] = False,
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Create outcomes/YEAR.yaml with an entry for every action and measure, or add the missing ones.

    Each entry is 'not_assessed' with an empty value and comment, under a comment naming the item,
    in the program's order. Entries already in the file, their values and comments are not touched.
    """
    from sivistys_cli.authoring.outcomes import new_outcomes
    from sivistys_cli.display.messages import choose_lang, say

    language = choose_lang(lang, None, os.environ)
    done = new_outcomes(path or Path("."), year, carry)
    said = "cli.outcomes.created" if done.created else ("cli.outcomes.added" if done.added else "cli.outcomes.complete")
    entries = say("cli.outcomes.entries", language, n=len(done.added)) if done.added else ""
    sys.stdout.write(say(said, language, path=str(done.path), entries=entries) + "\n")
