"""`sivistys init`: start a new program; asks for what is missing when run on a terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.cli.app import command
from sivistys_cli.display.messages import usage


@command(examples=(
    'sivistys init --id perusopetus --title "Perusopetuksen kehittämisohjelma" --period 2025-2030 --organization "Esimerkkilän kunta"',
    "sivistys init programs/kirjasto --id kirjasto --title Kirjasto-ohjelma --period 2026-2028 --lang sv",
))
def init(
    directory: Annotated[Optional[Path], typer.Argument(metavar="[DIR]", show_default=False, help="The new program directory; default: programs/ID.")] = None,
    program_id: Annotated[Optional[str], typer.Option("--id", metavar="ID", help="The program id: lowercase letters, digits, hyphens.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", metavar="TITLE", help="The program's title as published.")] = None,
    period: Annotated[Optional[str], typer.Option("--period", metavar="START-END", help="The years it covers, e.g. 2025-2030.")] = None,
    main_lang: Annotated[str, typer.Option("--lang", metavar="[fi|sv|en]", help="The main language of its texts.")] = "fi",
    organization: Annotated[Optional[str], typer.Option("--organization", metavar="NAME", help="The municipality or organisation, e.g. 'Esimerkkilän kunta'.")] = None,
    no_schema: Annotated[bool, typer.Option("--no-schema", help="Do not write schema/ into the repository.")] = False,
) -> None:
    """Start a new program: DIR/program.yaml, commented, that passes `sivistys check`.

    Also writes schema/program.schema.json and schema/outcomes.schema.json at the top of the
    repository (above programs/) if they are missing, so that an editor completes keys offline.
    Refuses to overwrite an existing program. On a terminal, asks for the options not given.
    """
    from sivistys_cli.authoring.init import NewProgram
    from sivistys_cli.authoring.init import init as make
    from sivistys_cli.display.messages import choose_lang, say

    # --lang names the program's language; messages and questions follow SIVISTYS_LANG or the locale.
    language = choose_lang(None, None, os.environ)
    program_id = _ask(program_id, "--id", say("cli.init.ask_id", language))
    title = _ask(title, "--title", say("cli.init.ask_title", language))
    period = _ask(period, "--period", say("cli.init.ask_period", language))
    organization = _ask(organization, "--organization", say("cli.init.ask_organization", language))
    target, schemas = make(directory or Path("programs") / program_id,
                           NewProgram(program_id, title, period, organization, main_lang), schemas=not no_schema)
    for path in schemas:
        sys.stdout.write(say("cli.wrote", language, path=str(path)) + "\n")
    sys.stdout.write(say("cli.init.created", language, path=str(target), folder=str(target.parent)) + "\n")


def _ask(value: str | None, option: str, question: str) -> str:
    """The option's value; on a terminal, a prompt for a missing one; else a usage error."""
    if value is not None:
        return value
    if not interactive():
        raise usage("cli.missing_option", option=option)
    return str(typer.prompt(question))


def interactive() -> bool:
    """Whether a person is at the keyboard: prompts only then, never in a script or CI."""
    return sys.stdin.isatty()
