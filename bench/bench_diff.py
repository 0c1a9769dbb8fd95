"""Time `sivistys diff` on the bundled programs: a temporary git repository, a revision of every program.

Run: python bench/bench_diff.py [--runs N]. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sivistys_cli.diff import compare
from sivistys_cli.render.diffs import DIFF_FORMATS
from sivistys_cli.revisions import gather
from sivistys_cli.versions import DiffRequest

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.fi", *args],
                   cwd=cwd, check=True, capture_output=True)


def make_repo(root: Path) -> None:
    """The bundled programs committed, then every program.yaml revised in the working tree."""
    shutil.copytree(PROGRAMS, root / "programs")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "bundled", cwd=root)
    for path in (root / "programs").glob("*/program.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("status: draft", "status: approved").replace("title: ", "title: Uusi ", 3),
                        encoding="utf-8")


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_repo(root)
        os.chdir(root)
        request = DiffRequest()
        old, new = gather(request, root)
        changes = compare(old, new)
        files = len(list((root / "programs").rglob("*.yaml")))
        print(f"bundled programs: {len(new.programs)} programs, {files} files, {len(changes)} changes "
              f"(HEAD against the working tree), best of {runs}:")
        figures = {
            "read both versions (git, parse, validate)": lambda: gather(request, root),
            "compare": lambda: compare(old, new),
            **{f"render {name}": (lambda r=render: r(changes, old.label, new.label))
               for name, render in DIFF_FORMATS.items()},
        }
        for label, fn in figures.items():
            print(f"  {label:<44} {best(fn, runs) * 1000:7.1f} ms")
        cli = [sys.executable, "-m", "sivistys_cli", "diff"]
        total = best(lambda: subprocess.run(cli, cwd=root, check=True, capture_output=True), max(3, runs // 2))
        print(f"  {'sivistys diff, end to end (a new process)':<44} {total * 1000:7.1f} ms")

if __name__ == "__main__":
    main()
