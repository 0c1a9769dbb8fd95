"""The checks a report runs before it is made (report/gate.py): only those that can find an error, the same refusals."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sivistys_cli.check import engine
from sivistys_cli.check.config import Config
from sivistys_cli.check.rules import RULES, CheckContext
from sivistys_cli.diagnostics import Severity
from sivistys_cli.load.discover import load
from sivistys_cli.report.gate import gate_config, program_errors

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(p for p in (ROOT / "tests" / "cases").glob("*/*") if (p / "programs").is_dir())
PROGRAM_DIRS = [pd for case in CASES for pd in sorted((case / "programs").iterdir()) if (pd / "program.yaml").exists()]
PROGRAM_DIRS += sorted(p for p in (ROOT / "programs").iterdir() if (p / "program.yaml").exists())

# A program with errors of several families (structure, references, timing, consistency) beside warnings of
# the checks the gate leaves out, and a disable comment that hides one error and one warning.
SEVERAL = """\
id: several
title: Several problems
organization: Kuvitteellinen kunta
period: {start: 2025, end: 2027}
languages: [fi]
themes:
  - id: t1
    title: Teema
    goals:
      - id: g1
        title: Tavoite
        actions:
          - id: a1
            title: Toimenpide
            schedule: {start: 2027, end: 2026}
          - id: a1  # sivistys: disable=SV201
            title: Sama tunnus, piilotettu
          - id: a2
            title: Toimenpide 2
            schedule: {start: 2020, end: 2021}
        measures:
          - id: m1
            title: Mittari
            kind: number
            goals: [nowhere]
          - id: m2
            title: Mittari 2  # sivistys: disable=SV502
            kind: number
  - id: t1
    title: Sama teema
budget:
  total: 10
  items:
    - {amount: 20, year: 2025}
"""
OUTCOMES = """\
program: several
year: 2025
outcomes:
  - ref: a1
    status: achieved
  - ref: missing-item
    status: partly
  - ref: m1
    status: achieved
    value: 3
    unknown_key: 1
"""


@pytest.mark.parametrize("root", PROGRAM_DIRS, ids=[f"{p.parent.parent.name}/{p.name}" for p in PROGRAM_DIRS])
def test_each_check_finds_only_its_own_code(root: Path) -> None:
    """What lets the gate leave the warnings' checks out: a finding's severity is its own check's."""
    corpus = load([root], cwd=root.parent.parent)
    ctx = CheckContext(corpus, RULES)
    for rule in RULES.values():
        if rule.run is not None:
            assert {d.code for d in rule.run(ctx)} <= {rule.code}, rule.code


def _all_errors(root: Path) -> list:
    """The errors of `sivistys check` with every check run and default settings, as the gate finds them."""
    corpus = load([root], cwd=root.parent.parent)
    pd = corpus.programs[0]
    files = {doc.path for doc in pd.documents}
    problems = [d for doc in pd.documents for d in doc.problems]
    scope = replace(corpus, selected=corpus.selected | files, diagnostics=[*corpus.diagnostics, *problems])
    found = engine.run(scope, Config(), cwd=root.parent.parent)
    shown = {doc.display for doc in pd.documents}
    return [d for d in found if d.file in shown and d.severity is Severity.error]


@pytest.mark.parametrize("root", PROGRAM_DIRS, ids=[f"{p.parent.parent.name}/{p.name}" for p in PROGRAM_DIRS])
def test_the_gate_finds_the_errors_every_check_finds(root: Path) -> None:
    corpus = load([root], cwd=root.parent.parent)
    assert program_errors(corpus, corpus.programs[0]) == _all_errors(root)


def test_a_program_with_errors_of_several_families_is_refused_for_the_same_errors(tmp_path: Path) -> None:
    root = tmp_path / "programs" / "several"
    (root / "outcomes").mkdir(parents=True)
    (root / "program.yaml").write_text(SEVERAL, encoding="utf-8")
    (root / "outcomes" / "2025.yaml").write_text(OUTCOMES, encoding="utf-8")
    errors = _all_errors(root)
    families = {d.code[:3] for d in errors}
    assert {"SV1", "SV2", "SV3", "SV4"} <= families, [d.code for d in errors]
    corpus = load([root], cwd=tmp_path)
    assert program_errors(corpus, corpus.programs[0]) == errors


def test_the_gate_leaves_out_exactly_the_checks_that_find_only_warnings() -> None:
    config = gate_config()
    for code, rule in RULES.items():
        assert config.enabled(code) == (rule.severity is Severity.error), code
    assert config.enabled("SV999")  # a code found while loading that no rule names is kept, as check keeps it


FIXTURE = ROOT / "tests" / "fixtures" / "report" / "programs"


@pytest.mark.parametrize("alone", [True, False], ids=["alone", "report-all"])
def test_a_program_document_reads_no_outcome_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alone: bool) -> None:
    """It shows none and their errors do not stop it (see refusal): the same document, without reading them."""
    import shutil

    from typer.testing import CliRunner

    from sivistys_cli.cli import app
    from sivistys_cli.load import discover, files

    if alone:  # read in this process (cli/report.py)
        shutil.copytree(ROOT / "programs" / "toiminnalliset-tavoitteet-2024", tmp_path / "programs" / "p")
    else:  # read as each program of `report --all` is (report/batch.py)
        shutil.copytree(FIXTURE, tmp_path / "programs")
    monkeypatch.chdir(tmp_path)
    program = Path("programs/p" if alone else "programs/sibbo-hyvinvointi")
    out = Path("out/p.md" if alone else "out/sibbo-hyvinvointi.md")
    out.parent.mkdir()
    args = ["report", str(program if alone else "programs"), "--kind", "program", "-f", "md", "--jobs", "1",
            "-o", str(out if alone else out.parent)] + ([] if alone else ["--all"])
    assert CliRunner().invoke(app, args).exit_code == 0
    before = out.read_text(encoding="utf-8")
    read: list[Path] = []
    original = files.read_file

    def reading(path: Path, *rest: object) -> object:
        read.append(path)
        return original(path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(discover, "read_file", reading)
    for outcome in (program / "outcomes").glob("*.yaml"):
        outcome.write_text("outcomes: [unclosed", encoding="utf-8")  # an error it would be refused for, were it read
    after = CliRunner().invoke(app, args)
    assert after.exit_code == 0, after.stderr
    assert out.read_text(encoding="utf-8") == before
    assert read and not [p for p in read if p.parent.name == "outcomes"]
    annual = CliRunner().invoke(app, ["report", str(program), "--kind", "annual", "-f", "md"])
    assert annual.exit_code == 2 and "SV001" in annual.stderr
