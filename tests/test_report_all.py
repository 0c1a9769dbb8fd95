"""`sivistys report PATH --all -o DIR`: every program's report from one load, each the same as `report` of it alone."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest
from bench_corpus import bench_corpus
from typer.testing import CliRunner

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("kind", "fmt", "ext"), [("program", "html", "html"), ("annual", "markdown", "md"),
                                                  ("program", "markdown", "md"), ("annual", "html", "html")])
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


# --- streamed: the reports of a generated corpus, in one and in two processes ---------------------------------


def _linked_corpus(root: Path) -> Path:
    """Three regional strategies and municipal programs linking up to them, one link interpreted, one to a
    strategy that is not there (an error only the other programs reveal), and a copy of a strategy under
    another folder (the same id twice: an error of whichever is checked after the other)."""
    bench = bench_corpus()
    programs = root / "programs"
    for n in (0, 1, 2, 19, 20, 21, 22):  # 19-21 link to strategies 0-2; 22 to strategy 3, which is missing
        folder = programs / bench.program_id(n)  # type: ignore[attr-defined]
        (folder / "outcomes").mkdir(parents=True)
        (folder / "program.yaml").write_text(bench.program(n), encoding="utf-8")  # type: ignore[attr-defined]
        if n >= bench.REGIONS:  # type: ignore[attr-defined]
            for year in bench.YEARS:  # type: ignore[attr-defined]
                (folder / "outcomes" / f"{year}.yaml").write_text(bench.outcomes(n, year), encoding="utf-8")  # type: ignore[attr-defined]
    linking = programs / "esimerkkila-020-sivistysohjelma" / "program.yaml"
    text = linking.read_text(encoding="utf-8")
    plain = "implements: ['alue-01-strategia:t0-g0']"
    assert plain in text
    linking.write_text(text.replace(plain, "implements: [{ref: 'alue-01-strategia:t0-g0', interpreted: "
                                           "{note: Luettu toimenpiteen kuvauksesta, by: Koodaaja}}]", 1), encoding="utf-8")
    shutil.copytree(programs / "alue-00-strategia", programs / "zz-alue-kopio")
    return root


def _reports(runner: CliRunner, kind: str, fmt: str, out: Path, *extra: str) -> dict[str, bytes]:
    out.mkdir()
    done = runner.invoke(app, ["report", "programs", "--all", "--kind", kind, "-f", fmt, "-o", str(out), *extra])
    assert done.exit_code == 2, done.output  # the program linking to a missing strategy fails the run, as alone
    assert "esimerkkila-022-sivistysohjelma: cannot make a report:" in done.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize(("kind", "fmt"), [("program", "markdown"), ("annual", "html")])
def test_a_linked_corpus_reports_as_each_alone_in_one_and_two_processes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, fmt: str) -> None:
    work = _linked_corpus(tmp_path / "work")
    monkeypatch.chdir(work)
    runner = CliRunner()
    one = _reports(runner, kind, fmt, tmp_path / "one", "--jobs", "1")
    two = _reports(runner, kind, fmt, tmp_path / "two", "-j", "2", "--quiet")
    assert one == two
    programs = sorted(p.name for p in (work / "programs").iterdir())
    for name in programs:
        alone = runner.invoke(app, ["report", f"programs/{name}", "--kind", kind, "-f", fmt])
        file = f"{name}.{'md' if fmt == 'markdown' else fmt}"
        if alone.exit_code == 0:
            assert one[file] == alone.stdout_bytes, name
        else:
            assert file not in one, name
    # The copy of a strategy is reported (alone, it names itself first), and so is the strategy.
    expected = {"zz-alue-kopio", "alue-00-strategia"} if kind == "program" else set()
    assert expected <= {Path(f).stem for f in one}
    if kind == "program":
        region = one["alue-01-strategia.md"].decode("utf-8")
        assert "Esimerkkilä 020" in region and "Luettu toimenpiteen kuvauksesta" in region  # the links down, interpreted
        assert "Alue 00" in one["esimerkkila-019-sivistysohjelma.md"].decode("utf-8")  # the link up, by its title


def test_a_cross_program_error_refuses_with_the_message_of_the_report_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = _linked_corpus(tmp_path / "work")
    monkeypatch.chdir(work)
    runner = CliRunner()
    (tmp_path / "out").mkdir()
    every = runner.invoke(app, ["report", "programs", "--all", "--kind", "program", "-o", str(tmp_path / "out"),
                                "-j", "2"])
    alone = runner.invoke(app, ["report", "programs/esimerkkila-022-sivistysohjelma", "--kind", "program"])
    assert every.exit_code == alone.exit_code == 2
    line = alone.stderr.strip()
    assert "SV203" in line and "sivistys check programs/esimerkkila-022-sivistysohjelma" in line, line
    # The same one-line error, named after the program.
    assert f"sivistys: esimerkkila-022-sivistysohjelma: {line.removeprefix('sivistys: error: ')}" in every.stderr


def test_the_batch_keeps_skeletons_and_releases_each_program_once_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sivistys_cli.report import batch as batch_module
    from sivistys_cli.report.options import ReportOptions

    work = _linked_corpus(tmp_path / "work")
    monkeypatch.chdir(work)
    rendered: list[weakref.ref] = []
    real_render = batch_module.render

    def render(corpus, options, given=None):  # type: ignore[no-untyped-def]
        rendered.append(weakref.ref(corpus.programs[0].program))
        return real_render(corpus, options, given)

    monkeypatch.setattr(batch_module, "render", render)
    batch = batch_module.Batch(["programs"], ReportOptions("program", "markdown", ""), jobs=1)
    batch.check()
    stash = Path(batch._stash.name)
    assert len(list(stash.iterdir())) == len(batch.checked) == 8
    for checked in batch.checked:  # what step 1 keeps of a program: the skeleton's fields, no parsed file
        model = checked.program.program
        assert model is not None and set(model.model_fields_set) <= batch_module.REPORT_FIELDS
        assert getattr(checked.program.program_doc, "_loaded", "a loaded file") is None
    made = []
    for report in batch.reports():
        gc.collect()
        made.append(report)
        assert all(ref() is None for ref in rendered[:-1]), "an earlier program is still held"
        assert len(list(stash.iterdir())) <= len(batch.checked) - len(rendered)  # read back, then removed
    assert len(rendered) == 7 and [m.error is None for m in made].count(False) == 1
    assert not stash.exists()


def test_the_progress_reaches_every_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sivistys_cli.report.batch import Batch
    from sivistys_cli.report.options import ReportOptions

    monkeypatch.chdir(ROOT)
    seen: list[tuple[int, int]] = []
    batch = Batch(["programs"], ReportOptions("program", "html", ""), jobs=2, progress=lambda d, t: seen.append((d, t)))
    batch.check()
    reports = list(batch.reports())
    assert reports and all(r.error is None for r in reports)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] <= seen[-1][1]
    assert seen[-1][1] == 2 * len(reports)  # each program checked once and rendered once


def test_one_program_among_many_is_reported_as_from_a_whole_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With more siblings than one process reads quickly, `report` of one program reads them for their
    skeletons only (report/batch.py); its report, or its refusal, is the one a load of every sibling gives."""
    work = _linked_corpus(tmp_path / "work")
    bench = bench_corpus()
    for n in range(4, 14):  # more strategies: 18 programs in all, over the SMALL that one process reads at once
        folder = work / "programs" / bench.program_id(n)  # type: ignore[attr-defined]
        folder.mkdir()
        (folder / "program.yaml").write_text(bench.program(n), encoding="utf-8")  # type: ignore[attr-defined]
    monkeypatch.chdir(work)
    runner = CliRunner()
    names = sorted(p.name for p in (work / "programs").iterdir())
    for kind, fmt in (("program", "markdown"), ("annual", "html")):
        streamed = [runner.invoke(app, ["report", f"programs/{name}", "--kind", kind, "-f", fmt, "-j", "2"])
                    for name in names]
        with monkeypatch.context() as m:
            m.setattr("sivistys_cli.report.batch.SMALL", 1000)  # the whole load, as for a usual municipality
            whole = [runner.invoke(app, ["report", f"programs/{name}", "--kind", kind, "-f", fmt]) for name in names]
        for name, a, b in zip(names, streamed, whole):
            assert (a.exit_code, a.stdout_bytes, a.stderr) == (b.exit_code, b.stdout_bytes, b.stderr), name
        assert {a.exit_code for a in streamed} == {0, 2}, kind  # reports made, and refusals (022's missing strategy)
    out = tmp_path / "out.md"
    done = runner.invoke(app, ["report", "programs/esimerkkila-019-sivistysohjelma", "-f", "markdown", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert out.read_text(encoding="utf-8").startswith("#")


def test_sigterm_during_a_long_run_removes_its_temporary_folder(tmp_path: Path) -> None:
    """A cancelled CI job (SIGTERM) must not leave the programs' models behind in the temporary folder."""
    import os
    import signal
    import subprocess
    import sys
    import time

    bench_corpus().write(tmp_path, 60)  # type: ignore[attr-defined]
    (tmp_path / "out").mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = subprocess.Popen([sys.executable, "-m", "sivistys_cli", "report", "programs", "--all", "--kind", "program",
                             "-o", "out", "-j", "1"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    while not any(temp.glob("sivistys-report-*")) and proc.poll() is None:
        time.sleep(0.01)  # polls for the folder; no assertion on time
    assert proc.poll() is None, "the run ended before its temporary folder was seen: give it more programs"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"Traceback" not in err
    assert not any(temp.iterdir())
