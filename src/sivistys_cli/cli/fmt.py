"""`sivistys fmt`: rewrite program and outcome files in the canonical layout, or --check / --diff them."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.cli.app import command, console, lang_option


@command(examples=(
    "sivistys fmt                      # every program under programs/",
    "sivistys fmt programs/ --check    # in CI: exit 1 and list the files that would change",
    "sivistys fmt programs/perusopetus --diff",
))
def fmt(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="[PATH]...", show_default=False, help="Program files, program directories or a directory of programs; default: programs/.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; list the files that would change and exit 1 if any would.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Write nothing; show the changes as a unified diff (exit 1 if any).")] = False,
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Put program and outcome files in one layout, keeping every comment.

    Keys in the order the format declares them, two-space indents, quotes only where YAML needs
    them, long texts on one line. Block texts (| and >), comments and the choice between a plain
    text and a {fi:, sv:} mapping stay as written. A file that is already formatted is not touched.

    Exit 0 when done (or, with --check or --diff, when nothing would change), 1 when --check or
    --diff found a file to change, 2 when a file could not be read (the others are still formatted).
    """
    from sivistys_cli import atomic
    from sivistys_cli.authoring.fmt import format_paths
    from sivistys_cli.display.messages import choose_lang, error_text, say

    language = choose_lang(lang, None, os.environ)
    results, failed = format_paths(paths or [Path("programs")])
    for message in failed:
        console(stderr=True).print(say("error.line", language, text=error_text(message, language)), markup=False)
    changed = [r for r in results if r.changed]
    for result in changed:
        if diff:
            sys.stdout.write(result.diff(str(result.path)))
        elif check:
            sys.stdout.write(say("cli.fmt.would_reformat", language, path=str(result.path)) + "\n")
        else:
            atomic.write_if_changed(result.path, result.old, result.new)
            sys.stdout.write(say("cli.fmt.reformatted", language, path=str(result.path)) + "\n")
    kept = len(results) - len(changed)
    done = "cli.fmt.would" if check or diff else "cli.fmt.done"
    console(stderr=True).print(say(done, language, n=len(changed), kept=kept), markup=False)
    raise typer.Exit(2 if failed else 1 if changed and (check or diff) else 0)
