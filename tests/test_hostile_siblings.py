"""Hostile cases among siblings: each case next to 17 small valid programs, through the streamed ways.

With more than 16 programs (or --jobs N), check, summary, diff and report --all read one program at a
time in worker processes (check/stream.py `map_programs`). A hostile program must fare there as it does
alone: exit 0, 1 or 2 with a clear message, no traceback, no forged line, and the same output as with
--jobs 1 (one process). CPU time and memory are measured in `bench/stress_hostile.py --among`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hostile_cases import AMONG, CASES, SIBLINGS, Case, argv, build, case_folder, problems, run_child, run_in_process

# The whole matrix (about 2 300 runs) takes most of an hour on a small machine. By default: the cases of
# the `workers` class (made for these ways), and for every other class its first case through two of the
# streamed commands, in turn, so that each command meets several classes; SIVISTYS_HOSTILE=1 runs them all.
HEAVY = {"workers/many-tiny-programs"}  # minutes of CPU with --jobs 1 next to the others: bench only
# Neighbours of cases kept in CI (jobs-0, tmpdir-missing), run with SIVISTYS_HOSTILE=1 and in the bench.
NEIGHBOURS = {"workers/jobs-minus-1", "workers/jobs-not-a-number", "workers/jobs-1-among-many",
              "workers/tmpdir-read-only", "workers/same-id-in-two-folders-one-broken"}


def _selected() -> list[tuple[Case, str, list[str]]]:
    if os.environ.get("SIVISTYS_HOSTILE"):
        return [(c, label, args) for c in CASES for label, args in argv(c, among=True)]
    firsts: dict[str, Case] = {}
    for case in CASES:
        firsts.setdefault(case.cls, case)
    labels = list(AMONG)
    runs = [(c, label, args) for c in CASES if c.cls == "workers" and c.id not in HEAVY | NEIGHBOURS
            for label, args in argv(c, among=True)]
    for n, case in enumerate(c for c in firsts.values() if c.cls != "workers"):
        chosen = {labels[(2 * n + k) % len(labels)] for k in range(2)}
        runs += [(case, label, args) for label, args in argv(case, among=True) if label in chosen or label not in AMONG]
    return runs


RUNS = _selected()


@pytest.fixture(scope="module")
def folders() -> dict[str, Path]:
    return {}


def _run(case: Case, args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    if case.in_process and not case.env and not case.kill_worker:
        return run_in_process(args, folder, monkeypatch)
    return run_child(case, args, folder)


@pytest.mark.parametrize(("case", "label", "args"), RUNS, ids=[f"{c.id}[{label}]" for c, label, _ in RUNS])
def test_hostile_among_siblings(case: Case, label: str, args: list[str], folders: dict[str, Path],
                                tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = case_folder(case, folders, tmp_path_factory.mktemp, SIBLINGS)
    code, out = _run(case, args, folder, monkeypatch)
    assert problems(case, label, code, out) == [], out[:2000]
    if case.verify is not None:
        case.verify(folder)


# Cases whose output with workers is compared with one process (--jobs 1): one of each way a program
# fails (a syntax error, a duplicate across folders, a forged name; with SIVISTYS_HOSTILE=1 more).
SAME = ["positions/column-after-umlauts", "workers/same-id-in-two-folders", "workers/control-characters-in-directory-names"]
if os.environ.get("SIVISTYS_HOSTILE"):
    SAME += ["aliases/id-reused-through-alias", "special/fifo-outcome", "numbers/amount-1e400-float",
             "huge/100000-errors", "forged/newline-in-key"]


def _one_process(args: list[str]) -> list[str]:
    i = args.index("--jobs")
    return [*args[:i], "--jobs", "1", *args[i + 2:]]


@pytest.mark.parametrize("case_id", SAME)
def test_workers_say_what_one_process_says(case_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = next(c for c in CASES if c.id == case_id)
    folder = build(case, tmp_path / "case", SIBLINGS)
    for label, args in [(label, args) for label, args in argv(case, among=True) if "--jobs" in args]:
        outs = []
        for given in (args, _one_process(args)):
            code, out = _run(case, given, folder, monkeypatch)
            written = {p.name: p.read_bytes() for d in ("out-md", "out-html") for p in sorted((folder / d).iterdir())}
            outs.append((code, out, written))
        assert outs[0] == outs[1], label


# ---------------------------------------------------------------- races: a program changes after it was found

def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _gone(path: Path) -> None:
    shutil.rmtree(path.parent)


def _outside(path: Path) -> None:
    secret = path.parents[3] / "secret.yaml"
    secret.write_text("root:x:0:0:SECRET-CONTENT:/root:/bin/bash\n", encoding="utf-8")
    path.unlink()
    path.symlink_to(secret)


RACES = {  # what happens to programs/p between discovery (plan) and a worker's read of it
    "program-becomes-fifo": ("programs/p/program.yaml", _fifo),
    "outcome-becomes-fifo": ("programs/p/outcomes/2025.yaml", _fifo),
    "program-directory-disappears": ("programs/p/program.yaml", _gone),
    "outcome-file-disappears": ("programs/p/outcomes/2025.yaml", Path.unlink),
    "program-becomes-link-out-of-folder": ("programs/p/program.yaml", _outside),
}
RACED = {
    "check": ["check", "--jobs", "2", "programs"],
    "check-one": ["check", "--jobs", "2", "programs/p"],
    "summary": ["summary", "--jobs", "2", "programs"],
    "report-one": ["report", "--jobs", "2", "--kind", "annual", "programs/p"],
    "report-all": ["report", "--all", "--jobs", "2", "--kind", "annual", "-f", "html", "-o", "out-html", "programs"],
}
STREAMS = ("sivistys_cli.check.stream", "sivistys_cli.summary.stream", "sivistys_cli.report.batch")


@pytest.mark.parametrize("command", RACED)
@pytest.mark.parametrize("race", RACES)
def test_a_program_changed_after_discovery(race: str, command: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import signal

    from sivistys_cli.load import discover

    folder = build(Case("workers", race), tmp_path / "case", SIBLINGS)
    name, change = RACES[race]

    def planned(*args: object, **kwargs: object) -> discover.Plan:
        found = discover.plan(*args, **kwargs)  # type: ignore[arg-type]
        change(folder / name)  # after the programs were found, before any worker reads them
        return found

    for module in STREAMS:
        monkeypatch.setattr(importlib.import_module(module), "plan", planned)
    signal.alarm(60)  # a read that blocks on the FIFO fails the test rather than hanging the suite
    try:
        code, out = run_in_process(RACED[command], folder, monkeypatch)
    finally:
        signal.alarm(0)
    assert problems(Case("workers", race), command, code, out) == [], out[:2000]
    if race == "program-becomes-link-out-of-folder":  # refused unread, named by where it leads (as without a race)
        assert "secret.yaml" in out and (code in (1, 2) or command == "summary"), out[:2000]
    elif race != "outcome-file-disappears":  # that one is read as it is now: a program without that year's outcomes
        assert code in (1, 2) and "programs/p" in out, out[:2000]


def test_workers_end_when_the_command_is_killed(tmp_path: Path) -> None:
    """kill -9 of the command (a CI job's timeout) must not leave its workers waiting, holding memory."""
    import signal
    import subprocess
    import sys
    import time

    from hostile_cases import add_siblings

    folder = build(Case("workers", "killed"), tmp_path / "case")
    add_siblings(folder, 400, ("programs",))
    proc = subprocess.Popen([sys.executable, "-m", "sivistys_cli", "check", "--jobs", "2", "programs"], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[str] = []
    end = time.monotonic() + 30
    while not children and time.monotonic() < end and proc.poll() is None:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        time.sleep(0.01)
    assert children, "no worker process was started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    end = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < end:
        alive = [c for c in alive if Path(f"/proc/{c}").exists()
                 and "Z" not in Path(f"/proc/{c}/stat").read_text().split(")")[-1].split()[:1]]
        time.sleep(0.05)
    assert not alive, f"workers {alive} outlived the killed command"
