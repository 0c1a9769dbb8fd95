"""`sivistys check`, `rules` and `schema`: arguments in, diagnostics or documentation out, an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sivistys_cli.check.docs import FORMATS as RULE_FORMATS
from sivistys_cli.check.formats import FORMATS, STATISTICS
from sivistys_cli.cli.app import command, console, emit, follow_links_option, format_option
from sivistys_cli.diagnostics import Severity
from sivistys_cli.errors import SivistysError

if TYPE_CHECKING:
    from sivistys_cli.check.config import Config


_LEVELS = "error, warning or info"


@command(examples=(
    "sivistys check                                  # every program under ./programs",
    "sivistys check programs/somero-sivistysohjelma   # one program (links to the others still resolve)",
    "sivistys check --fail-on warning                 # warnings fail too (as --strict)",
    "sivistys check --format gitlab > gl-code-quality-report.json",
    "sivistys check --format sarif --exit-zero > sivistys.sarif",
))
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="PATH", help="Program directories or files; default: programs/.", show_default=False)] = None,
    output_format: Annotated[Optional[str], format_option(FORMATS, "; default: github when GITHUB_ACTIONS=true, else text")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too; the same as --fail-on warning.")] = False,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", metavar="[error|warning|info]", help="The least severe finding that makes the exit code 1; default: error.", show_default=False)] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (usage errors still exit 2).")] = False,
    config_file: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Use this sivistys.toml or pyproject.toml; default: the nearest one upwards from the checked paths.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per check code instead of listing them.")] = False,
    follow_links: Annotated[bool, follow_links_option()] = False,
) -> None:
    """Check programs and outcome files; exit 0 clean, 1 on findings, 2 on usage errors."""
    from sivistys_cli.check.config import find, start_of
    from sivistys_cli.check.config import load as load_config
    from sivistys_cli.check.engine import exit_code, run
    from sivistys_cli.check.rules import RULES
    from sivistys_cli.load.discover import load

    chosen = FORMATS.get(output_format or default_format())
    threshold = _fail_level(fail_on, strict)  # before any file is read: a bad option is exit 2 at once
    if config_file is not None and not config_file.is_file():
        raise SivistysError(f"{config_file}: no such configuration file")
    cwd = Path.cwd()
    config = load_config(config_file or find(start_of(paths or [Path("programs")], cwd)), RULES)
    corpus = load(paths or [], follow_links=follow_links)
    diagnostics = run(corpus, config)
    color = chosen.name == "text" and console().no_color is False
    render = STATISTICS.load() if statistics else chosen.load()
    emit(render(diagnostics, len(corpus.selected), color=color), color)
    raise typer.Exit(exit_code(diagnostics, threshold or _config_level(config), exit_zero))


def default_format() -> str:
    """In a GitHub Actions job the annotations are what shows up on the pull request."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else FORMATS.default


def _fail_level(fail_on: str | None, strict: bool) -> Severity | None:
    if fail_on is None:
        return Severity.warning if strict else None
    if fail_on not in {s.value for s in Severity}:
        raise SivistysError(f"unknown --fail-on '{fail_on}'; use {_LEVELS}")
    level = Severity(fail_on)
    if strict and level.rank > Severity.warning.rank:
        raise SivistysError(f"--strict means --fail-on warning; it cannot be combined with --fail-on {fail_on}")
    return level


def _config_level(config: Config) -> Severity:
    if config.fail_on is not None:
        return config.fail_on
    return Severity.warning if config.strict else Severity.error


@command(examples=(
    "sivistys rules                          # every check, one line each",
    "sivistys rules --explain SV202          # one check in full, with a bad and a good example",
    "sivistys rules --format markdown > docs/checks.md",
))
def rules(
    output_format: Annotated[str, format_option(RULE_FORMATS)] = RULE_FORMATS.default,
    explain_code: Annotated[Optional[str], typer.Option("--explain", metavar="CODE", help="Show the full documentation of one check (code or name), with a bad and a good example.", show_default=False)] = None,
) -> None:
    """List every check: code, name, default severity and what it checks."""
    from sivistys_cli.check.docs import explain as explain_rule
    from sivistys_cli.check.docs import find_rule
    from sivistys_cli.check.rules import RULES

    if explain_code is not None:
        sys.stdout.write(explain_rule(find_rule(RULES, explain_code)))
        return
    sys.stdout.write(RULE_FORMATS.renderer(output_format)(RULES))


@command(examples=(
    "sivistys explain SV202                  # what SV202 checks, how to fix it, a bad and a good example",
    "sivistys explain unknown-reference      # the same, by the check's name",
))
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A check code such as SV202, or its name.", show_default=False)],
) -> None:
    """Show the full documentation of one check, with a bad and a good example (as rules --explain)."""
    from sivistys_cli.check.docs import explain as explain_rule
    from sivistys_cli.check.docs import find_rule
    from sivistys_cli.check.rules import RULES

    sys.stdout.write(explain_rule(find_rule(RULES, code)))


@command(examples=(
    "sivistys schema program > schema/program.schema.json",
    "sivistys schema outcomes > schema/outcomes.schema.json",
))
def schema(
    kind: Annotated[str, typer.Argument(metavar="program|outcomes", help="program or outcomes.")] = "program",
    write: Annotated[Optional[Path], typer.Option("--write", metavar="DIR", help="Write both schemas to DIR/schema/ instead (DIR: the repository's top).")] = None,
) -> None:
    """Print the JSON Schema of program.yaml or outcomes/<year>.yaml, for editor completion.

    Example: sivistys schema --write .   (then point a file at it: # yaml-language-server: $schema=../../schema/program.schema.json)
    """
    from sivistys_cli.authoring.schema import MODELS, schema_text, write_schemas

    if write is not None:
        if not write.is_dir():
            raise SivistysError(f"--write {write}: no such directory")
        for path in write_schemas(write):
            sys.stdout.write(f"wrote {path}\n")
        return
    if kind not in MODELS:
        raise SivistysError(f"unknown schema '{kind}'; use program or outcomes")
    sys.stdout.write(schema_text(kind))
