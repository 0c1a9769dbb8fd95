"""--follow-links: a program file that is a symlink out of the named folder is refused unless asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cases import OUTCOMES, PROGRAM
from typer.testing import CliRunner

from sivistys_cli.cli import app

COMMANDS = [
    ["check", "programs/p"],
    ["summary", "programs/p"],
    ["report", "--kind", "program", "-f", "markdown", "programs/p"],
]


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    folder = tmp_path / "work" / "programs" / "p"
    (folder / "outcomes").mkdir(parents=True)
    (folder / "outcomes" / "2025.yaml").write_text(OUTCOMES, encoding="utf-8")
    (folder / "program.yaml").symlink_to(shared / "program.yaml")
    monkeypatch.chdir(tmp_path / "work")
    monkeypatch.setenv("NO_COLOR", "1")
    return folder


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_link_out_of_the_folder_is_refused_by_default(linked: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (1, 2)
    # check and report say why; summary names the skipped file and points to check
    why = "ohitettu" if args[0] == "summary" else "symbolic link to a file outside the checked folder"
    assert why in result.output
    assert "Testiohjelma" not in result.output


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_follow_links_reads_it(linked: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, [args[0], "--follow-links", *args[1:]])
    assert result.exit_code == 0, result.output
    if args[0] != "check":
        assert "Testiohjelma" in result.output


def test_follow_links_still_refuses_a_device(linked: Path) -> None:
    (linked / "program.yaml").unlink()
    (linked / "program.yaml").symlink_to("/dev/zero")
    result = CliRunner().invoke(app, ["check", "--follow-links", "programs/p"])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
