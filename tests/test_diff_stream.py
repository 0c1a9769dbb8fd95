"""Comparing two versions a program directory at a time, in worker processes, gives exactly what comparing
both versions whole gives: the same changes in the same order, and the same refusals."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bench_corpus import bench_corpus
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.diff.compare import compare
from sivistys_cli.diff.request import DiffRequest
from sivistys_cli.diff.revisions import changes, gather
from sivistys_cli.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]



def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Testi", "-c", "user.email=testi@example.fi", "-c", "commit.gpgsign=false",
                    *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated corpus of 24 programs committed, then revised as a planning round revises it (uncommitted)."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    bench = bench_corpus()
    bench.write(root, 24)  # type: ignore[attr-defined]
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "v1")
    bench.write(root, 24, revised=True)  # type: ignore[attr-defined]
    return root


def _every_way(root: Path, request: DiffRequest) -> list[object]:
    """Both versions whole, then a program at a time in one and in two processes: changes and labels, or the refusal."""
    def attempt(fn):  # noqa: ANN001, ANN202
        try:
            return fn()
        except UsageError as exc:
            return ("refused", str(exc), exc.msg)

    def whole():  # noqa: ANN202
        old, new = gather(request, root)
        return compare(old, new), old.label, new.label

    return [attempt(whole), *(attempt(lambda jobs=jobs: changes(request, root, jobs)) for jobs in (1, 2))]


def _commit(root: Path) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "v2")


def test_a_planning_round_gives_the_same_changes_every_way(corpus: Path) -> None:
    _commit(corpus)
    whole, one_job, two_jobs = _every_way(corpus, DiffRequest(("HEAD~1", "HEAD")))
    assert len(whole[0]) > 100  # type: ignore[arg-type]
    assert whole == one_job == two_jobs
    worktree = _every_way(corpus, DiffRequest(("HEAD~1",)))  # the working tree, read from disk
    assert worktree[0] == worktree[1] == worktree[2]
    assert worktree[0][0] == whole[0]  # type: ignore[index]


def test_a_program_moved_to_another_directory_is_paired_by_its_id(corpus: Path) -> None:
    programs = corpus / "programs"
    sorted(programs.iterdir())[0].rename(programs / "zz-moved")  # its old and new files are in two directories
    outcomes = sorted(programs.glob("*/outcomes/*.yaml"))
    stray = sorted({o.parent for o in outcomes})[1] / "1999.yaml"  # names another program: compared with that one
    stray.write_text(outcomes[0].read_text(encoding="utf-8").replace("year: ", "year: 1999 #", 1), encoding="utf-8")
    _commit(corpus)
    whole, one_job, two_jobs = _every_way(corpus, DiffRequest(("HEAD~1", "HEAD")))
    assert not any(c.item == "program" and c.kind in ("added", "removed") for c in whole[0])  # type: ignore[index]
    assert any("@1999" in c.path for c in whole[0])  # type: ignore[index]
    assert whole == one_job == two_jobs


@pytest.mark.parametrize("breaking", ["duplicate-item", "duplicate-program", "both-broken"])
def test_a_version_that_cannot_be_compared_is_refused_the_same_every_way(corpus: Path, breaking: str) -> None:
    programs = corpus / "programs"
    first, second, third = sorted(programs.iterdir())[:3]
    if breaking == "duplicate-item":  # an action pasted with a new title and a cost, its id unchanged
        path = third / "program.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nthemes:\n", "\nthemes:\n  - id: t0\n    title: Kopio\n", 1), encoding="utf-8")
    elif breaking == "duplicate-program":  # a copy of a program under a new name keeps the id
        shutil.copytree(second, programs / "zz-copy")
    else:  # the new version does not load in one file, nor the old one in another
        (first / "program.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    _commit(corpus)
    if breaking == "both-broken":
        _git(corpus, "checkout", "-q", "HEAD~1")
        (third / "program.yaml").write_text("title: {\n", encoding="utf-8")
        _git(corpus, "commit", "-qam", "broken too")
        _git(corpus, "tag", "old")
        _git(corpus, "checkout", "-q", "main")
    revisions = ("old" if breaking == "both-broken" else "HEAD~1", "HEAD")
    whole, one_job, two_jobs = _every_way(corpus, DiffRequest(revisions))
    assert whole[0] == "refused", whole  # type: ignore[index]
    assert whole == one_job == two_jobs


def test_jobs_option_gives_the_same_output(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _commit(corpus)
    monkeypatch.chdir(corpus)
    runner = CliRunner()
    outputs = [runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--format", "json", *extra])
               for extra in ([], ["--jobs", "1"], ["-j", "2"])]
    assert [r.exit_code for r in outputs] == [0, 0, 0]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert runner.invoke(app, ["diff", "--jobs", "0", "HEAD~1", "HEAD"]).exit_code == 2
