"""`sivistys check`, `rules` and `schema`: arguments in, diagnostics or documentation out, an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sivistys_cli.check.docs import FORMATS as RULE_FORMATS
from sivistys_cli.check.formats import FORMATS, STATISTICS
from sivistys_cli.cli.app import colored, command, emit, follow_links_option, format_option, lang_option
from sivistys_cli.cli.progress import ProgressBar
from sivistys_cli.diagnostics import Msg, Severity
from sivistys_cli.display.messages import usage

if TYPE_CHECKING:
    from sivistys_cli.check.config import Config




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
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Check programs in N processes at once; default: the number of cores.", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, even on a terminal.")] = False,
    lang: Annotated[Optional[str], lang_option()] = None,
    follow_links: Annotated[bool, follow_links_option()] = False,
) -> None:
    """Check programs and outcome files; exit 0 clean, 1 on findings, 2 on usage errors."""
    from sivistys_cli.check.config import find, start_of
    from sivistys_cli.check.config import load as load_config
    from sivistys_cli.check.engine import exit_code
    from sivistys_cli.check.rules import RULES
    from sivistys_cli.check.stream import check as check_paths
    from sivistys_cli.display.messages import choose_lang, localize, say

    chosen = FORMATS.get(output_format or default_format())
    threshold = _fail_level(fail_on, strict)  # before any file is read: a bad option is exit 2 at once
    if config_file is not None and not config_file.is_file():
        raise usage("no_config", path=config_file)
    cwd = Path.cwd()
    config = load_config(config_file or find(start_of(paths or [Path("programs")], cwd)), RULES)
    language = choose_lang(lang, config.lang, os.environ)
    with ProgressBar(not quiet and sys.stderr.isatty(), say("cli.check.progress", language)) as bar:
        diagnostics, selected = check_paths(paths or [], config, cwd, jobs, bar.update, follow_links=follow_links)
    color = chosen.name == "text" and colored()
    render = STATISTICS.load() if statistics else chosen.load()
    emit(render(localize(diagnostics, language), selected, color=color, lang=language), color)
    raise typer.Exit(exit_code(diagnostics, threshold or _config_level(config), exit_zero))


def default_format() -> str:
    """In a GitHub Actions job the annotations are what shows up on the pull request."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else FORMATS.default


def _fail_level(fail_on: str | None, strict: bool) -> Severity | None:
    if fail_on is None:
        return Severity.warning if strict else None
    if fail_on not in {s.value for s in Severity}:
        raise usage("fail_on", value=fail_on, levels=Msg("common.or", {"a": "error, warning", "b": "info"}))
    level = Severity(fail_on)
    if strict and level.rank > Severity.warning.rank:
        raise usage("strict_fail_on", value=fail_on)
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
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """List every check: code, name, default severity and what it checks."""
    from sivistys_cli.check.docs import explain as explain_rule
    from sivistys_cli.check.docs import find_rule
    from sivistys_cli.check.rules import RULES
    from sivistys_cli.display.messages import choose_lang

    language = choose_lang(lang, None, os.environ)
    if explain_code is not None:
        sys.stdout.write(explain_rule(find_rule(RULES, explain_code), language))
        return
    sys.stdout.write(RULE_FORMATS.renderer(output_format)(RULES, lang=language))


@command(examples=(
    "sivistys explain SV202                  # what SV202 checks, how to fix it, a bad and a good example",
    "sivistys explain unknown-reference      # the same, by the check's name",
))
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A check code such as SV202, or its name.", show_default=False)],
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Show the full documentation of one check, with a bad and a good example (as rules --explain)."""
    from sivistys_cli.check.docs import explain as explain_rule
    from sivistys_cli.check.docs import find_rule
    from sivistys_cli.check.rules import RULES
    from sivistys_cli.display.messages import choose_lang

    sys.stdout.write(explain_rule(find_rule(RULES, code), choose_lang(lang, None, os.environ)))


@command(examples=(
    "sivistys schema program > schema/program.schema.json",
    "sivistys schema outcomes > schema/outcomes.schema.json",
))
def schema(
    kind: Annotated[str, typer.Argument(metavar="program|outcomes", help="program or outcomes.")] = "program",
    write: Annotated[Optional[Path], typer.Option("--write", metavar="DIR", help="Write both schemas to DIR/schema/ instead (DIR: the repository's top).")] = None,
    lang: Annotated[Optional[str], lang_option()] = None,
) -> None:
    """Print the JSON Schema of program.yaml or outcomes/<year>.yaml, for editor completion.

    Example: sivistys schema --write .   (then point a file at it: # yaml-language-server: $schema=../../schema/program.schema.json)
    """
    from sivistys_cli.authoring.schema import MODELS, schema_text, write_schemas
    from sivistys_cli.display.messages import choose_lang, say

    if write is not None:
        if not write.is_dir():
            raise usage("cli.no_write_dir", path=str(write))
        for path in write_schemas(write):
            sys.stdout.write(say("cli.wrote", choose_lang(lang, None, os.environ), path=str(path)) + "\n")
        return
    if kind not in MODELS:
        raise usage("cli.unknown_schema", kind=kind)
    sys.stdout.write(schema_text(kind))
