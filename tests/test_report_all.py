"""`sivistys report PATH --all -o DIR`: every program's report from one load, each the same as `report` of it alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("kind", "fmt", "ext"), [("program", "html", "html"), ("annual", "markdown", "md")])
def test_every_report_is_the_one_made_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, fmt: str,
                                            ext: str) -> None:
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    out = tmp_path / "out"
    out.mkdir()
    done = runner.invoke(app, ["report", "programs", "--all", "--kind", kind, "-f", fmt, "-o", str(out)])
    assert done.exit_code == 0, done.output
    written = sorted(p.name for p in out.iterdir())
    expected = sorted(f"{p.name}.{ext}" for p in (ROOT / "programs").iterdir()
                      if (p / "program.yaml").is_file() and (kind == "program" or any((p / "outcomes").glob("*.yaml"))))
    assert written == expected
    for name in written:
        alone = runner.invoke(app, ["report", f"programs/{Path(name).stem}", "--kind", kind, "-f", fmt])
        assert alone.exit_code == 0
        assert (out / name).read_text(encoding="utf-8") == alone.stdout, name
    if kind == "annual":
        assert "skipped somero-sivistysohjelma: there are no outcome files" in done.stderr


def test_a_program_with_errors_gets_no_report_and_the_run_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "programs", tmp_path / "programs")
    broken = tmp_path / "programs" / "somero-sivistysohjelma" / "program.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("\nid: ", "\nid: X", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    done = CliRunner().invoke(app, ["report", "programs", "--all", "--kind", "program", "-f", "md", "-o", "out"])
    assert done.exit_code == 2  # as `report` of that program alone exits
    assert "sivistys: somero-sivistysohjelma: cannot make a report:" in done.stderr
    assert not (tmp_path / "out" / "somero-sivistysohjelma.md").exists()
    assert (tmp_path / "out" / "tammela-palveluprosessit.md").is_file()


def test_all_needs_an_existing_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    done = CliRunner().invoke(app, ["report", "programs", "--all", "--kind", "program"])
    assert done.exit_code == 2
    assert "give an existing folder as -o DIR" in done.stderr
