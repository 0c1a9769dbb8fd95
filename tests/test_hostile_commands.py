"""Every hostile case (tests/hostile_cases.py) through every command that reads user files.

Each run must end with exit 0, 1 or 2 and a clear message: no traceback, no escape sequence or
forged line in the output, nothing leaked from a file outside the checked folder, nothing outside
the asked output changed. Cases that would hang a broken build (FIFOs, devices) run in a child
process with a timeout. CPU time and memory are measured in bench/stress_hostile.py, not here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_cases import CASES, Case, argv, case_folder, problems, run_child, run_in_process

# The whole matrix (about 1 500 runs) takes tens of minutes on a small machine, so by default the
# first case of each class runs through every command, plus the cases that once failed here;
# SIVISTYS_HOSTILE=1 runs them all (bench/stress_hostile.py always does).
REGRESSIONS = {"special/symlink-loop"}


def _selected(cases: list[Case]) -> list[Case]:
    if os.environ.get("SIVISTYS_HOSTILE"):
        return cases
    first: dict[str, Case] = {}
    for case in cases:
        first.setdefault(case.cls, case)
    return [c for c in cases if c in first.values() or c.id in REGRESSIONS]


RUNS = [(case, label, args) for case in _selected(CASES) for label, args in argv(case)]
HEAVY = {"huge", "large"}  # built once per case, not once per command


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {}


@pytest.mark.parametrize(("case", "label", "args"), RUNS, ids=[f"{c.id}[{label}]" for c, label, _ in RUNS])
def test_hostile_input(case: Case, label: str, args: list[str], folders: dict[str, Path],
                       tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = case_folder(case, folders, tmp_path_factory.mktemp)
    in_process = case.in_process and not case.env and not case.kill_worker
    code, out = run_in_process(args, folder, monkeypatch) if in_process else run_child(case, args, folder, 60)
    assert problems(case, label, code, out) == [], out[:2000]
    if case.verify is not None:
        case.verify(folder)


def test_every_class_is_covered() -> None:
    classes = {c.cls for c in CASES}
    assert classes >= {"special", "recursion", "aliases", "huge", "large", "numbers", "encodings", "forged",
                       "positions", "silent-diff", "messages", "templates", "writing", "arguments", "workers"}
