"""`sivistys report -o FILE`: the file is replaced whole or not at all, and never one of the user's program files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli import atomic
from sivistys_cli.cli import app
from sivistys_cli.errors import UsageError

PROGRAM = Path("programs/toiminnalliset-tavoitteet-2024")


def report(output: str):
    return CliRunner().invoke(app, ["report", str(PROGRAM), "--kind", "program", "--format", "md", "-o", output])


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (".", ". is a directory; name a file to write"),
        ("programs/", "programs/ is a directory; name a file to write"),
        ("", "the output file name is empty; name a file to write"),
        ("no/such/dir/r.md", "cannot write no/such/dir/r.md: the directory "),
    ],
)
def test_a_path_that_is_not_a_file_is_a_usage_error(repo_copy: Path, output: str, message: str) -> None:
    result = report(output)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc, where no one may create files")
def test_an_unwritable_place_is_a_usage_error(repo_copy: Path) -> None:
    result = report("/proc/raportti.md")
    assert result.exit_code == 2
    assert "cannot write /proc/raportti.md: " in result.stderr


def test_a_failed_replace_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")

    def busy(src: object, dst: object) -> None:
        raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(os, "replace", busy)
    with pytest.raises(UsageError, match=r"cannot write .*r\.md: Device or resource busy"):
        atomic.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_symlink_is_followed_and_kept(repo_copy: Path) -> None:
    Path("real.md").write_text("old", encoding="utf-8")
    Path("link.md").symlink_to("real.md")
    assert report("link.md").exit_code == 0
    assert Path("link.md").is_symlink()
    assert Path("real.md").read_text(encoding="utf-8").startswith("# Strategian toteutumista")


def test_an_existing_file_keeps_its_mode(repo_copy: Path) -> None:
    Path("r.md").write_text("old", encoding="utf-8")
    os.chmod("r.md", 0o600)
    assert report("r.md").exit_code == 0
    assert stat.S_IMODE(os.stat("r.md").st_mode) == 0o600


def test_a_new_file_follows_the_umask(repo_copy: Path) -> None:
    old = os.umask(0o027)
    try:
        assert report("r.md").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat("r.md").st_mode) == 0o640


def _program_files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


@pytest.mark.parametrize(
    "output",
    [str(PROGRAM / "program.yaml"), str(PROGRAM / "outcomes" / "2024.yaml"), "link.md", "hard.md",
     "programs/somero-sivistysohjelma/program.yaml"],
)
def test_a_program_file_is_never_overwritten(repo_copy: Path, output: str) -> None:
    Path("link.md").symlink_to(PROGRAM / "program.yaml")
    os.link(PROGRAM / "outcomes" / "2024.yaml", "hard.md")
    before = _program_files(repo_copy / "programs")
    result = report(output)
    assert result.exit_code == 2
    assert f"{output} would overwrite your program file" in result.stderr and "choose another -o" in result.stderr
    assert _program_files(repo_copy / "programs") == before


def test_a_new_yaml_file_in_a_program_directory_is_refused(repo_copy: Path) -> None:
    result = report(str(PROGRAM / "outcomes" / "2025.yaml"))
    assert result.exit_code == 2 and "which sivistys would read as part of the program" in result.stderr
    assert not (PROGRAM / "outcomes" / "2025.yaml").exists()
