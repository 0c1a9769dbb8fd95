"""What a quick command imports: a pre-commit hook runs `sivistys check FILE` on every commit, so the
libraries only other commands use (templates, spreadsheets, PDF, the terminal console) stay unimported.

The modules are read from `-X importtime` of a real process; no time is measured here (bench/ does that)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ROOT / "programs" / "somero-sivistysohjelma" / "program.yaml"
NEVER = {"jinja2", "openpyxl", "weasyprint", "markdown_it"}  # only report, export/import and Markdown texts use them


def _imported(*args: str, tty: bool = False) -> set[str]:
    """The top-level packages a `sivistys` process imports, from its -X importtime lines."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "SIVISTYS_DEBUG")}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "sivistys_cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    names = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "sivistys_cli" in names  # the lines were there to read
    return {name.split(".")[0] for name in names}


def test_version_imports_neither_typer_nor_pydantic() -> None:
    imported = _imported("--version")
    assert not imported & (NEVER | {"typer", "pydantic", "rich", "babel", "yaml", "ruamel"})


@pytest.mark.parametrize("fmt", ["json", "text", "github", "gitlab", "sarif"])
def test_check_of_one_file_imports_no_template_sheet_pdf_or_console_library(fmt: str) -> None:
    imported = _imported("check", "--format", fmt, str(PROGRAM))
    assert not imported & (NEVER | {"rich"}), imported & (NEVER | {"rich"})
    assert "ruamel" not in imported  # the fast reader needs libyaml only; ruamel is for comment-keeping edits


def test_statistics_of_one_file_imports_no_console_library() -> None:
    assert not _imported("check", "--statistics", str(PROGRAM)) & (NEVER | {"rich"})


def test_check_of_one_file_builds_no_typer_adapter() -> None:
    """typer's per-option pydantic adapters are built only for values that need them (none here)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "sivistys_cli", "check", "-f", "json", str(PROGRAM)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert "typer._adapters" not in done.stderr
    assert '"version": 1' in done.stdout
