"""Summarising one program at a time in worker processes gives exactly what summarising all at once gives."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from bench_corpus import bench_corpus
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.load.discover import load
from sivistys_cli.summary.build import build
from sivistys_cli.summary.formats.text import render
from sivistys_cli.summary.stream import summarize_paths

ROOT = Path(__file__).resolve().parents[1]



def _all_ways(paths: list[str], cwd: Path, year: int | None, lang: str | None) -> list[tuple[str, list[str]]]:
    """(output, skipped) at once (build over every program), then streamed in one and in two processes."""
    draw = functools.partial(render, color=False, width=80)
    summaries, tr, skipped = build(load(paths, cwd).programs, year, lang)
    streamed = [summarize_paths(paths, year, lang, draw, cwd, jobs=jobs) for jobs in (1, 2)]
    return [(draw(summaries, tr), skipped), *(("\n".join(texts), broken) for texts, broken in streamed)]


@pytest.mark.parametrize(("paths", "year", "lang"), [(["programs"], None, None), (["programs"], 2024, "sv"),
                                                     (["programs/somero-sivistysohjelma"], None, "en")])
def test_bundled_programs_give_the_same_summary_every_way(paths: list[str], year: int | None,
                                                          lang: str | None) -> None:
    at_once, one_job, two_jobs = _all_ways(paths, ROOT, year, lang)
    assert at_once[0].count("\n") > 20
    assert at_once == one_job == two_jobs


def _awkward_corpus(tmp_path: Path) -> Path:
    """A generated corpus of more programs than one process takes alone, whose first program (by name) does
    not load, whose second is in Swedish (so it chooses the language), with a broken outcome file."""
    bench_corpus().write(tmp_path, 24)  # type: ignore[attr-defined]
    programs = tmp_path / "programs"
    first, second = sorted(programs.iterdir())[:2]
    broken = first / "program.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1), encoding="utf-8")
    swedish = second / "program.yaml"
    swedish.write_text(swedish.read_text(encoding="utf-8").replace("\nperiod:", "\nlanguages: [sv, fi]\nperiod:", 1),
                       encoding="utf-8")
    outcome = sorted(programs.glob("*/outcomes/*.yaml"))[-1]
    outcome.write_text(outcome.read_text(encoding="utf-8") + "\nyear: [\n", encoding="utf-8")
    return tmp_path


def test_a_generated_corpus_gives_the_same_summary_every_way(tmp_path: Path) -> None:
    work = _awkward_corpus(tmp_path)
    at_once, one_job, two_jobs = _all_ways(["programs"], work, None, None)
    assert len(at_once[1]) == 2, at_once[1]  # the broken program file and outcome file are named
    assert "Sammanfattning" in at_once[0] or "Åtgärder" in at_once[0], at_once[0][:400]  # the second chose sv
    assert at_once == one_job == two_jobs


def test_jobs_and_quiet_options_give_the_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    outputs = [runner.invoke(app, ["summary", *extra, "programs"], env={"NO_COLOR": "1"})
               for extra in ([], ["--jobs", "1"], ["-j", "2", "--quiet"])]
    assert [r.exit_code for r in outputs] == [0, 0, 0]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert runner.invoke(app, ["summary", "--jobs", "0", "programs"]).exit_code == 2
