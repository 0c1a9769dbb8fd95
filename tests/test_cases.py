"""Golden cases: every check code has valid and invalid example programs with expected output.

Layout: tests/cases/<CODE>/<case-name>/ holds a small repository (programs/<id>/program.yaml,
outcomes/<year>.yaml, maybe sivistys.toml) and `expected.txt`: the exact text output of
`sivistys check` run in that directory, followed by a line `exit: N`.
Case names start with `valid` (the code must not appear) or `invalid` (it must).
Regenerate with `SIVISTYS_UPDATE_GOLDENS=1 pytest tests/test_cases.py`, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.check.rules import RULES
from sivistys_cli.cli import app

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(p for p in CASES_DIR.glob("*/*") if p.is_dir())
UPDATE = os.environ.get("SIVISTYS_UPDATE_GOLDENS") == "1"


def run_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(case)
    args = (case / "args.txt").read_text().split() if (case / "args.txt").exists() else []
    result = CliRunner().invoke(app, ["check", *args])
    return f"{result.stdout}{result.stderr if result.stderr else ''}exit: {result.exit_code}\n"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case_output_matches_golden(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = run_case(case, monkeypatch)
    expected_file = case / "expected.txt"
    if UPDATE:
        expected_file.write_text(output, encoding="utf-8")
    assert output == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case_shows_its_code_only_when_invalid(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = case.parent.name
    output = run_case(case, monkeypatch)
    shown = f" {code} " in output
    assert shown == case.name.startswith("invalid"), output


def test_every_code_has_a_valid_and_an_invalid_case() -> None:
    missing = []
    for code in RULES:
        names = [p.name for p in (CASES_DIR / code).glob("*")] if (CASES_DIR / code).is_dir() else []
        for prefix in ("valid", "invalid"):
            if not any(n.startswith(prefix) for n in names):
                missing.append(f"{code}/{prefix}")
    assert not missing, f"cases missing: {missing}"
