"""Run every hostile case of tests/hostile_cases.py through every command, each in its own process.

Run: python bench/stress_hostile.py [--jobs N] [--only CLASS] [--among] [--limit-cpu 2] [--limit-mib 500]
With --among, each case runs among siblings (see hostile_cases.AMONG): next to 17 small valid programs,
through the commands' streamed ways in worker processes (--jobs 2), with report --all of both kinds.
For each run it measures the child's CPU time (user + system) and peak memory (max RSS) and checks
the exit code (0, 1 or 2), the output (no traceback, no escape sequence, no leaked file, no forged
line) and the files (nothing outside the asked output changed). It prints the cases per class, the
worst figures per class against the limits, and every run that failed; exit 1 when any failed.
A child is killed after 30 s of wall time and may not map more than 2 GiB, so a regression
cannot take the machine down with it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

if TYPE_CHECKING:
    from hostile_cases import Case

SIVISTYS = [sys.executable, "-m", "sivistys_cli"]
WALL_LIMIT = 30.0
ADDRESS_LIMIT = 2 << 30


@dataclass
class Run:
    case: Case
    label: str
    code: int
    cpu: float
    mib: float
    issues: list[str]


def measure(result: str, command: list[str], kill_worker: bool = False) -> int:
    """In a child of its own: run `command` with the limits, then write its exit code, CPU and peak memory."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))

    proc = subprocess.Popen(command, preexec_fn=limit, stdin=subprocess.DEVNULL)
    if kill_worker:
        from hostile_cases import kill_a_worker

        kill_a_worker(proc.pid)
    try:
        code, killed = proc.wait(WALL_LIMIT), False
    except subprocess.TimeoutExpired:
        proc.kill()
        code, killed = proc.wait(), True
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(result).write_text(json.dumps({"code": code, "cpu": usage.ru_utime + usage.ru_stime,
                                        "mib": usage.ru_maxrss / 1024, "killed": killed}), encoding="utf-8")
    return 0


def run_one(case: Case, label: str, args: list[str], folder: Path) -> Run | None:
    if any("\0" in a for a in args):  # no process can be given a NUL in an argument; the tests run it in-process
        return None
    result = folder.parent / f"{folder.name}.{abs(hash(label))}.json"
    kill = ["--kill-worker"] if case.kill_worker else []
    done = subprocess.run([sys.executable, __file__, "--measure", str(result), *kill, "--", *SIVISTYS, *args],
                          cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False,
                          env={**os.environ, "NO_COLOR": "1", **dict(case.env)})
    figures = json.loads(result.read_text(encoding="utf-8"))
    text = done.stdout[:4 << 20].decode("utf-8", "replace")
    from hostile_cases import problems

    issues = problems(case, label, figures["code"], text)
    if figures["killed"]:
        issues.append(f"killed after {WALL_LIMIT:.0f} s")
    return Run(case, label, figures["code"], figures["cpu"], figures["mib"], issues)


def run_case(case: Case, base: Path, among: bool = False) -> list[Run]:
    from hostile_cases import SIBLINGS, argv, build

    folder = build(case, base / case.id.replace("/", "__"), SIBLINGS if among else 0)
    runs = [r for label, args in argv(case, among) if (r := run_one(case, label, args, folder)) is not None]
    if not runs:
        return []
    if case.verify is not None:
        try:
            case.verify(folder)
        except AssertionError as exc:
            runs[-1].issues.append(f"files: {exc}")
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", default="", help="run only these classes or cases (class/name), comma-separated")
    parser.add_argument("--among", action="store_true", help="run each case among 17 sibling programs, in workers")
    parser.add_argument("--limit-cpu", type=float, default=2.0)
    parser.add_argument("--limit-mib", type=float, default=500.0)
    parser.add_argument("--measure", default="", help=argparse.SUPPRESS)
    parser.add_argument("--kill-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.measure:
        return measure(opts.measure, opts.command, opts.kill_worker)
    from hostile_cases import CASES  # not in the measuring child: its memory would count as the command's

    only = set(filter(None, opts.only.split(",")))
    cases = [c for c in CASES if not only or c.cls in only or c.id in only]
    if not cases:
        parser.error(f"no class named {opts.only!r}; the classes: {', '.join(sorted({c.cls for c in CASES}))}")
    with tempfile.TemporaryDirectory(prefix="sivistys-stress-") as tmp, ThreadPoolExecutor(opts.jobs) as pool:
        runs = [r for rs in pool.map(lambda c: run_case(c, Path(tmp), opts.among), cases) for r in rs]
    for r in runs:
        if r.cpu > opts.limit_cpu:
            r.issues.append(f"{r.cpu:.2f} s CPU > {opts.limit_cpu}")
        if r.mib > opts.limit_mib:
            r.issues.append(f"{r.mib:.0f} MiB > {opts.limit_mib:.0f}")
    return report(cases, runs, opts)


def report(cases: list[Case], runs: list[Run], opts: argparse.Namespace) -> int:
    by_class: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        by_class[r.case.cls].append(r)
    counts = defaultdict(int)
    for c in cases:
        counts[c.cls] += 1
    print(f"{'class':<14}{'cases':>6}{'runs':>6}{'max CPU s':>11}{'max MiB':>9}{'failed':>8}")
    for cls, rs in by_class.items():
        worst_cpu, worst_mib = max(r.cpu for r in rs), max(r.mib for r in rs)
        failed = sum(1 for r in rs if r.issues)
        print(f"{cls:<14}{counts[cls]:>6}{len(rs):>6}{worst_cpu:>11.2f}{worst_mib:>9.0f}{failed:>8}")
    print(f"{'total':<14}{len(cases):>6}{len(runs):>6}{max(r.cpu for r in runs):>11.2f}"
          f"{max(r.mib for r in runs):>9.0f}{sum(1 for r in runs if r.issues):>8}")
    print(f"limits: {opts.limit_cpu} s CPU and {opts.limit_mib:.0f} MiB per run")
    for r in runs:
        if r.issues:
            print(f"FAIL {r.case.id} [{r.label}] exit {r.code}: {'; '.join(r.issues)}")
    return 1 if any(r.issues for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
