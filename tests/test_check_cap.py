"""At most MAX_PER_FILE findings per file in text and annotation output, then one summary line;
the machine formats keep every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_cases import PROGRAM
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.diagnostics import MAX_PER_FILE, Diagnostic, Severity, cap_per_file

EXTRA = 1100  # duplicate themes: one SV201 each


@pytest.fixture
def noisy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "programs" / "p"
    folder.mkdir(parents=True)
    themes = "".join(f"  - id: t1\n    title: T{i}\n    goals: []\n" for i in range(EXTRA))
    (folder / "program.yaml").write_text(PROGRAM + themes, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return folder


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args, "programs/p"])
    return result.exit_code, result.output


def test_text_shows_at_most_the_cap_and_says_how_many_more(noisy: Path) -> None:
    code, out = _check()
    lines = out.splitlines()
    problems = [line for line in lines if ": SV" in line]
    total = int(lines[-1].split()[1])  # "Found N errors, …": the summary still counts everything
    assert code == 1
    assert len(problems) == MAX_PER_FILE
    assert total >= EXTRA
    hidden = total + int(lines[-1].split()[3]) - MAX_PER_FILE
    assert f"programs/p/program.yaml: {hidden} more problems not shown (at most {MAX_PER_FILE} per file)" in out


def test_github_annotations_are_capped_with_a_closing_notice(noisy: Path) -> None:
    _, out = _check("-f", "github")
    lines = out.splitlines()
    assert len(lines) == MAX_PER_FILE + 1
    assert lines[-1].startswith("::warning file=programs/p/program.yaml::") and "more problems not shown" in lines[-1]


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_machine_formats_keep_every_finding(noisy: Path, fmt: str) -> None:
    _, out = _check("-f", fmt)
    doc = json.loads(out)
    found = {"json": lambda: doc["diagnostics"], "sarif": lambda: doc["runs"][0]["results"], "gitlab": lambda: doc}[fmt]()
    assert len(found) > MAX_PER_FILE
    assert "not shown" not in out


def test_cap_counts_each_file_separately() -> None:
    def diag(file: str, line: int) -> Diagnostic:
        return Diagnostic(file, line, 1, "SV201", Severity.error, "x")
    many = [diag("a", i) for i in range(5)] + [diag("b", i) for i in range(2)]
    shown, hidden = cap_per_file(many, limit=3)
    assert [d.file for d in shown] == ["a", "a", "a", "b", "b"]
    assert hidden == {"a": 2}
