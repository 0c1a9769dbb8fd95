"""The command line: one module per command, each thin (arguments -> core call -> render -> exit code)."""

from __future__ import annotations

from sivistys_cli.cli import check, diff, export, fmt, init, outcomes, report, summary  # noqa: F401 - importing registers the commands
from sivistys_cli.cli.app import app, main

__all__ = ["app", "main"]
