"""Time `sivistys diff`: the bundled programs, 40 programs with eight outcome years each, and many renames.

Run: python bench/bench_diff.py [--runs N]. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sivistys_cli.diff.compare import compare
from sivistys_cli.diff.formats import FORMATS
from sivistys_cli.diff.request import DiffRequest
from sivistys_cli.diff.revisions import gather
from sivistys_cli.diff.snapshots import load_snapshot

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"
WITH_OUTCOMES = "toiminnalliset-tavoitteet-2024"


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


def make_forty(root: Path) -> None:
    """40 programs with outcomes for 2024–2031 (360 files) in two commits; the second approves three."""
    source = PROGRAMS / WITH_OUTCOMES
    for n in range(40):
        pid = f"ohjelma-{n:02}"
        (root / "programs" / pid / "outcomes").mkdir(parents=True)
        text = (source / "program.yaml").read_text(encoding="utf-8").replace(f"id: {WITH_OUTCOMES}\n", f"id: {pid}\n")
        (root / "programs" / pid / "program.yaml").write_text(text, encoding="utf-8")
        outcomes = (source / "outcomes" / "2024.yaml").read_text(encoding="utf-8")
        for year in range(2024, 2032):
            (root / "programs" / pid / "outcomes" / f"{year}.yaml").write_text(
                outcomes.replace(f"program: {WITH_OUTCOMES}", f"program: {pid}").replace("year: 2024", f"year: {year}"),
                encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "forty programs", cwd=root)
    for n in (3, 17, 29):
        path = root / "programs" / f"ohjelma-{n:02}" / "program.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: approved"), encoding="utf-8")
    git("commit", "-q", "-am", "three approved", cwd=root)


def renamed(n: int, extra: str = "") -> tuple[str, str]:
    """A program with n actions, and the same with every action's id changed (and `extra` added to titles)."""
    def version(prefix: str, tail: str) -> str:
        actions = "".join(
            f"      - id: {prefix}{i}\n        title: {_title(i)}{tail}\n        responsible: Vastuuhenkilö {i}\n"
            for i in range(n))
        return ("id: p\ntitle: Ohjelma\norganization: Kunta\nperiod: {start: 2025, end: 2028}\n"
                "themes:\n  - id: teema\n    title: Teema\n    actions:\n" + actions)

    return version("toimenpide-", ""), version("uusi-", extra)


def _title(i: int) -> str:
    rnd = random.Random(i)
    return " ".join("".join(rnd.choices("aeiouykstlnmrhpv", k=rnd.randint(4, 9))) for _ in range(6))


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def git_processes(fn) -> int:
    """How many times `fn` starts git."""
    real, count = subprocess.run, 0

    def counting(args, *rest, **kwargs):
        nonlocal count
        count += args[0] == "git"
        return real(args, *rest, **kwargs)

    subprocess.run = counting  # type: ignore[assignment]
    try:
        fn()
    finally:
        subprocess.run = real  # type: ignore[assignment]
    return count


def line(label: str, seconds: float) -> None:
    print(f"  {label:<52} {seconds * 1000:9.1f} ms")


def bundled(runs: int) -> None:
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
               for name, render in ((n, FORMATS.renderer(n)) for n in FORMATS.names)},
        }
        for label, fn in figures.items():
            line(label, best(fn, runs))
        cli = [sys.executable, "-m", "sivistys_cli", "diff"]
        line("sivistys diff, end to end (a new process)",
             best(lambda: subprocess.run(cli, cwd=root, check=True, capture_output=True), max(3, runs // 2)))


def forty(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_forty(root)
        os.chdir(root)
        request = DiffRequest(("HEAD~1", "HEAD"))
        old, new = gather(request, root)
        print(f"\n40 programs, 360 files, HEAD~1 against HEAD ({len(compare(old, new))} changes), best of {runs}:")
        line("read both versions (git, parse, validate)", best(lambda: gather(request, root), runs))
        line("compare", best(lambda: compare(old, new), runs))
        print(f"  {'git processes':<52} {git_processes(lambda: gather(request, root)):9}")


def renames(runs: int) -> None:
    print(f"\nrenamed actions, compare only, best of {runs}:")
    cases = {
        "300 actions renamed, same content": renamed(300),
        "100 renamed and reworded (10,000 pairs, at the limit)": renamed(100, " nyt"),
        "300 renamed and reworded (90,000 pairs, not guessed)": renamed(300, " nyt"),
    }
    for label, (a, b) in cases.items():
        old = load_snapshot("old", "old", {"programs/p/program.yaml": a.encode()})
        new = load_snapshot("new", "new", {"programs/p/program.yaml": b.encode()})
        changes = compare(old, new)
        kinds = ", ".join(f"{sum(c.kind == k for c in changes)} {k}" for k in ("renamed", "added", "removed"))
        line(f"{label} ({kinds})", best(lambda: compare(old, new), runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    bundled(runs)
    forty(max(1, runs // 2))
    renames(max(1, runs // 5))


if __name__ == "__main__":
    main()
