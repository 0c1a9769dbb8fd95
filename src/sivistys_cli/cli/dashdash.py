"""A typer command class that keeps the arguments after `--`, which the parser would merge into the others.

Only typer's public API is used: typer 0.29 vendors click privately, so `import click` is not available.
"""

from __future__ import annotations

import typer

from sivistys_cli.cli.app import Command

_KEY = "sivistys.after_dashdash"


class DashDashCommand(Command):
    """`diff A -- B`: A is a revision and B a path; click alone cannot tell them apart."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if "--" in args:
            at = args.index("--")
            ctx.meta[_KEY] = args[at + 1:]
            args = args[:at]
        return super().parse_args(ctx, args)


def after_dashdash(ctx: typer.Context) -> list[str]:
    return list(ctx.meta.get(_KEY, []))
