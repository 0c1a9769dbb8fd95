"""diff from git: a committed file over the size limit is refused from its size alone, never read."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hostile_cases import PROGRAM
from typer.testing import CliRunner

from sivistys_cli import git
from sivistys_cli.cli import app
from sivistys_cli.load.reading import MAX_BYTES


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=root, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "programs" / "p"
    folder.mkdir(parents=True)
    (folder / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "valid")
    with (folder / "program.yaml").open("w", encoding="utf-8") as f:  # one long comment: valid YAML, just huge
        f.write(PROGRAM + "# " + "x" * (MAX_BYTES + 1024) + "\n")
    _git(tmp_path, "commit", "-qam", "huge")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_a_committed_file_over_the_limit_is_refused_without_reading_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[str]] = []
    real_run = git._run

    def spy(args: list[str], *rest: object, **kw: object) -> bytes:
        asked.append(args)
        return real_run(args, *rest, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(git, "_run", spy)
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "HEAD"])
    assert result.exit_code == 2, result.output
    assert "programs/p/program.yaml at revision 'HEAD': the file is too large (10.0 MiB; the limit is 10.0 MiB)" in result.output
    # the old side (small) is size-checked then read; the new side stops at its size check
    assert asked[-1] == ["cat-file", "--batch-check"]
    assert asked.count(["cat-file", "--batch"]) == 1


def test_a_file_under_the_limit_is_still_read(repo: Path) -> None:
    _git(repo, "reset", "-q", "--hard", "HEAD~1")
    (repo / "programs/p/program.yaml").write_text(PROGRAM.replace("Toimenpide", "Uusi toimenpide"), encoding="utf-8")
    _git(repo, "commit", "-qam", "small")
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "HEAD"])
    assert result.exit_code == 0, result.output
    assert "Uusi toimenpide" in result.output
