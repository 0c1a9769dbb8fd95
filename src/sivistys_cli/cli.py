"""The command line: each command parses arguments, calls the core, renders, and returns an exit code."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from sivistys_cli import __version__
from sivistys_cli.dashdash import DashDashCommand
from sivistys_cli.errors import SivistysError

app = typer.Typer(
    name="sivistys",
    help="Check, summarise, report and diff municipal development programs kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Where users report bugs; no public tracker exists yet, so the message says what to send instead.
REPORT_BUG = "to the sivistys maintainers with the command you ran and the file it read"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def _console(stderr: bool = False) -> Console:
    """Colour only for a terminal, never with NO_COLOR; soft wrap keeps file:line:col greppable."""
    color = "NO_COLOR" not in os.environ and (sys.stderr if stderr else sys.stdout).isatty()
    return Console(stderr=stderr, no_color=not color, highlight=False, soft_wrap=True,
                   force_terminal=None if color else False)


def command(fn: Callable[..., None] | None = None, *, cls: type | None = None) -> Callable[..., None]:
    """Register a command whose expected errors print one clean line and exit with their code."""
    if fn is None:
        return functools.partial(command, cls=cls)  # used as @command(cls=…)

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            fn(*args, **kwargs)
        except SivistysError as exc:
            _console(stderr=True).print(f"sivistys: error: {exc}", markup=False)
            raise typer.Exit(exc.exit_code) from None

    return app.command(cls=cls)(wrapper)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sivistys {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """sivistys: municipal development programs as version-controlled YAML."""


@command
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Program directories or files; default: programs/.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text, json or github.")] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this sivistys.toml or pyproject.toml.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per check code instead of listing them.")] = False,
) -> None:
    """Check programs and outcome files; exit 0 clean, 1 on findings, 2 on usage errors."""
    from sivistys_cli.checks import RULES
    from sivistys_cli.config import find, load as load_config
    from sivistys_cli.diagnostics import Severity
    from sivistys_cli.engine import run
    from sivistys_cli.load import load
    from sivistys_cli.render import FORMATS

    if config_file is not None and not config_file.is_file():
        raise SivistysError(f"{config_file}: no such configuration file")
    config = load_config(config_file or find(Path.cwd()), RULES)
    corpus = load(paths or [])
    diagnostics = run(corpus, config)
    console = _console()
    color = output_format is OutputFormat.text and console.no_color is False
    render = FORMATS["statistics"] if statistics else FORMATS[output_format.value]
    out = render(diagnostics, len(corpus.selected), color=color)
    if color:
        console.print(out, end="", markup=True)
    else:
        sys.stdout.write(out)
    fail_at = Severity.warning if strict or config.strict else Severity.error
    raise typer.Exit(1 if any(d.severity.rank >= fail_at.rank for d in diagnostics) else 0)


@command
def rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or markdown.")] = "text",
) -> None:
    """List every check: code, name, default severity and what it checks."""
    from sivistys_cli.checks import RULES
    from sivistys_cli.docs import rules_markdown, rules_text

    if output_format not in ("text", "markdown"):
        raise SivistysError(f"unknown format '{output_format}'; use text or markdown")
    sys.stdout.write(rules_markdown(RULES) if output_format == "markdown" else rules_text(RULES))


@command
def schema(
    kind: Annotated[str, typer.Argument(help="program or outcomes.")] = "program",
) -> None:
    """Print the JSON Schema of program.yaml or outcomes/<year>.yaml, for editor completion."""
    from sivistys_cli.model import OutcomeYear, Program

    models = {"program": Program, "outcomes": OutcomeYear}
    if kind not in models:
        raise SivistysError(f"unknown schema '{kind}'; use program or outcomes")
    sys.stdout.write(json.dumps(models[kind].model_json_schema(), ensure_ascii=False, indent=2) + "\n")


@command(cls=DashDashCommand)
def diff(
    ctx: typer.Context,
    revisions: Annotated[Optional[list[str]], typer.Argument(
        help="[REV_A [REV_B]] (default HEAD and the working tree; A...B for the merge base), or with --files: "
        "OLD NEW. Paths to limit the diff to go after --.", show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    substantive: Annotated[bool, typer.Option("--substantive", help="Leave out wording-only changes.")] = False,
    merge_base: Annotated[bool, typer.Option("--merge-base", help="Compare from the merge base, as A...B.")] = False,
    files: Annotated[bool, typer.Option("--files", help="Compare two files or directories, no git.")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when there are changes.")] = False,
) -> None:
    """Show what changed between two versions of the programs, by id: sivistys diff [REV_A [REV_B]] [-- PATH...]."""
    from sivistys_cli.dashdash import after_dashdash
    from sivistys_cli.diff import compare
    from sivistys_cli.driver import line_diff
    from sivistys_cli.render.diffs import DIFF_FORMATS
    from sivistys_cli.revisions import gather
    from sivistys_cli.versions import DiffRequest

    if output_format not in DIFF_FORMATS:
        raise SivistysError(f"unknown format '{output_format}'; use text, markdown or json")
    request = DiffRequest(tuple(revisions or ()), tuple(after_dashdash(ctx)), files, merge_base)
    try:
        old, new = gather(request, Path.cwd())
        changes = [c for c in compare(old, new) if c.substantive or not substantive]
    except Exception as exc:  # noqa: BLE001 - a failing diff driver would stop all of `git log -p`
        if not request.driver:
            raise
        bug = f"internal error ({exc!r}); please report it {REPORT_BUG}"
        sys.stdout.write(line_diff(request, Path.cwd(), str(exc) if isinstance(exc, SivistysError) else bug))
        return
    console = _console()
    color = output_format == "text" and console.no_color is False
    out = DIFF_FORMATS[output_format](changes, old.label, new.label, color=color)
    console.print(out, end="", markup=True) if color else sys.stdout.write(out)
    raise typer.Exit(1 if exit_code and changes else 0)


@command
def summary(
    path: Annotated[Optional[Path], typer.Argument(help="A program directory or a directory of programs; default: programs/.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Year of the outcomes; default: each program's latest.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="fi, sv or en; default: the programs' main language.")] = None,
) -> None:
    """A terminal overview: counts per theme, the year's statuses, measures, costs, overdue actions.

    Exit 1 when a file was skipped because it has errors (each is named on stderr first), else 0.
    """
    from sivistys_cli.i18n import LANGS
    from sivistys_cli.load import load
    from sivistys_cli.render.summary import render
    from sivistys_cli.summary import build

    if lang is not None and lang not in LANGS:
        raise SivistysError(f"unknown --lang '{lang}'; use one of: {', '.join(LANGS)}")
    summaries, tr, skipped = build(load([path] if path else []).programs, year, lang)
    for line in skipped:
        _console(stderr=True).print(line, markup=False)
    console = _console()
    color = not console.no_color
    sys.stdout.write(render(summaries, tr, color=color, width=min(console.width, 120) if color else 80))
    raise typer.Exit(1 if skipped else 0)


@command
def report(
    path: Annotated[Path, typer.Argument(help="The program directory, or its program.yaml.")],
    kind: Annotated[str, typer.Option("--kind", help="annual (the year's outcome report) or program (the plan).")],
    year: Annotated[Optional[int], typer.Option("--year", help="Year of an annual report; default: the latest.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="html or md.")] = "html",
    lang: Annotated[Optional[str], typer.Option("--lang", help="fi, sv or en; default: the program's main language.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to FILE (atomically), not stdout.")] = None,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", help="Templates here override the built-in ones.")] = None,
    commit: Annotated[Optional[str], typer.Option("--commit", help="Name this git revision (e.g. HEAD) in the footer.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date the report in its footer (YYYY-MM-DD).")] = None,
) -> None:
    """Make the annual outcome report or the program document as HTML or Markdown, in fi, sv or en."""
    import datetime as dt

    from sivistys_cli import atomic
    from sivistys_cli.load import load
    from sivistys_cli.report import ReportOptions, check_output, render, report_commit

    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise SivistysError(f"--date '{date}' is not a date; write it as YYYY-MM-DD") from None
    corpus = load([path])
    if output is not None:
        check_output(corpus, output)
    options = ReportOptions(kind, output_format, lang or "", year, template_dir, report_commit(commit, path), day)
    out = render(corpus, options, given=str(path))
    if output is not None:
        atomic.write_text(output, out)
    else:
        sys.stdout.write(out)


def main() -> None:
    """Entry point: an unexpected error becomes a short message and exit 3, never a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("SIVISTYS_DEBUG"):
            raise
        _console(stderr=True).print(
            f"sivistys: internal error: {type(exc).__name__}: {exc}\n"
            f"This is a bug in sivistys, not in your files. Please report it {REPORT_BUG} "
            "(set SIVISTYS_DEBUG=1 to see the details).",
            markup=False,
        )
        sys.exit(3)
