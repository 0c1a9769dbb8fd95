"""`sivistys check`, `rules` and `schema`: arguments in, diagnostics or documentation out, an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sivistys_cli.check.docs import FORMATS as RULE_FORMATS
from sivistys_cli.check.formats import FORMATS, STATISTICS
from sivistys_cli.cli.app import command, console, emit, format_option
from sivistys_cli.errors import SivistysError


@command
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="PATH", help="Program directories or files; default: programs/.", show_default=False)] = None,
    output_format: Annotated[str, format_option(FORMATS)] = FORMATS.default,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    config_file: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Use this sivistys.toml or pyproject.toml.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per check code instead of listing them.")] = False,
) -> None:
    """Check programs and outcome files; exit 0 clean, 1 on findings, 2 on usage errors."""
    from sivistys_cli.check.config import find
    from sivistys_cli.check.config import load as load_config
    from sivistys_cli.check.engine import run
    from sivistys_cli.check.rules import RULES
    from sivistys_cli.diagnostics import Severity
    from sivistys_cli.load.discover import load

    chosen = FORMATS.get(output_format)
    if config_file is not None and not config_file.is_file():
        raise SivistysError(f"{config_file}: no such configuration file")
    config = load_config(config_file or find(Path.cwd()), RULES)
    corpus = load(paths or [])
    diagnostics = run(corpus, config)
    color = chosen.name == "text" and console().no_color is False
    render = STATISTICS.load() if statistics else chosen.load()
    emit(render(diagnostics, len(corpus.selected), color=color), color)
    fail_at = Severity.warning if strict or config.strict else Severity.error
    raise typer.Exit(1 if any(d.severity.rank >= fail_at.rank for d in diagnostics) else 0)


@command
def rules(
    output_format: Annotated[str, format_option(RULE_FORMATS)] = RULE_FORMATS.default,
) -> None:
    """List every check: code, name, default severity and what it checks."""
    from sivistys_cli.check.rules import RULES

    sys.stdout.write(RULE_FORMATS.renderer(output_format)(RULES))


@command
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
