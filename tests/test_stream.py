"""Checking one program at a time in worker processes finds exactly what checking the whole corpus at once finds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bench_corpus import bench_corpus
from typer.testing import CliRunner

from sivistys_cli.check.config import Config
from sivistys_cli.check.stream import check
from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]



def _all_ways(paths: list[str], cwd: Path) -> list[tuple[list, int]]:
    """At once (the engine over the whole corpus), then streamed in one and in three processes."""
    config = Config()
    return [check(paths, config, cwd, stream=False),
            check(paths, config, cwd, jobs=1, stream=True),
            check(paths, config, cwd, jobs=3, stream=True)]


@pytest.mark.parametrize("paths", [["programs"], ["programs/lohja-lanupe-kehittamisohjelma"],
                                   ["programs/somero-sivistysohjelma/program.yaml"]])
def test_bundled_programs_give_the_same_findings_every_way(paths: list[str]) -> None:
    at_once, one_job, three_jobs = _all_ways(paths, ROOT)
    assert at_once[0], "the bundled programs have warnings, so the comparison compares something"
    assert at_once == one_job == three_jobs


def _awkward_corpus(tmp_path: Path) -> Path:
    """A generated corpus with what the cross-program checks look for: links, a duplicate program id,
    a program that does not load but is linked to, a link to a missing item, and a directory without program.yaml."""
    bench_corpus().write(tmp_path, 27)  # type: ignore[attr-defined]
    programs = tmp_path / "programs"
    first, second = sorted(p for p in programs.iterdir())[:2]
    shutil.copytree(first, programs / "zz-copy-of-the-first")  # the same id twice: reported on the later one
    broken = second / "program.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1), encoding="utf-8")
    linking = sorted(programs.glob("esimerkkila-*"))[0] / "program.yaml"
    text = linking.read_text(encoding="utf-8")
    linking.write_text(text.replace(":t1-g1']", ":t1-g9']", 1), encoding="utf-8")  # an item the region lacks
    disabled = sorted(programs.glob("esimerkkila-*"))[2] / "program.yaml"  # one comment hides findings, one hides none
    disabled.write_text("# sivistys: disable-file=SV504, SV203\n" + disabled.read_text(encoding="utf-8"), encoding="utf-8")
    # Read the careful way (an anchor, an alias, a duplicate key), with a cross-program finding in it.
    careful = sorted(programs.glob("esimerkkila-*"))[3] / "program.yaml"
    text = careful.read_text(encoding="utf-8").replace("implementers: [", "implementers: &who [", 1)
    text = text.replace("implementers: [", "implementers: *who\n            implementers: [", 1)
    careful.write_text(text.replace(":t0-g0']", ":t0-g7']", 1), encoding="utf-8")
    (programs / "stray").mkdir()
    (programs / "stray" / "ohjelma.yaml").write_text("id: stray\n", encoding="utf-8")
    return tmp_path


def test_a_generated_corpus_gives_the_same_findings_every_way(tmp_path: Path) -> None:
    work = _awkward_corpus(tmp_path)
    at_once, one_job, three_jobs = _all_ways(["programs"], work)
    codes = {d.code for d in at_once[0]}
    assert {"SV001", "SV002", "SV005", "SV006", "SV201", "SV203", "SV204"} <= codes, codes
    assert at_once == one_job == three_jobs


def test_one_program_of_a_generated_corpus_gives_the_same_findings_every_way(tmp_path: Path) -> None:
    work = _awkward_corpus(tmp_path)
    one = sorted((work / "programs").glob("esimerkkila-*"))[0]
    at_once, one_job, three_jobs = _all_ways([str(one.relative_to(work))], work)
    assert {d.code for d in at_once[0]} >= {"SV204"}
    assert at_once == one_job == three_jobs


def test_jobs_and_quiet_options_give_the_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    outputs = [runner.invoke(app, ["check", "--format", "json", *extra, "programs"])
               for extra in ([], ["--jobs", "1"], ["-j", "2", "--quiet"])]
    assert [r.exit_code for r in outputs] == [0, 0, 0]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert runner.invoke(app, ["check", "--jobs", "0", "programs"]).exit_code == 2


@pytest.mark.parametrize("named", [["programs"], ["programs/kunta"], ["programs/hyvinvointi"]])
def test_a_circle_of_links_across_programs_is_found_every_way(tmp_path: Path, named: list[str]) -> None:
    """A circle through two programs is found whether both, or only one of them, is checked, streamed or not
    (checked alone in a worker, a program sees no circle: the check must run over every program's links)."""
    shutil.copytree(ROOT / "tests" / "cases" / "SV211" / "invalid-two-programs-link-back" / "programs",
                    tmp_path / "programs")
    at_once, one_job, three_jobs = _all_ways(named, tmp_path)
    circles = [d for d in at_once[0] if d.code == "SV211"]
    assert len(circles) == 1 and Path(circles[0].file).parent.name == Path(named[0]).name.replace("programs", "hyvinvointi")
    assert at_once == one_job == three_jobs
