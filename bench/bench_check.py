"""Benchmark `sivistys check`: the bundled programs, and a large synthetic corpus.

Run: python bench/bench_check.py [--programs N] [--themes N]
Prints wall-clock seconds (best of 3) and peak memory; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from ruamel.yaml import YAML

from sivistys_cli.check.config import Config
from sivistys_cli.check.engine import run
from sivistys_cli.load.discover import load
from sivistys_cli.load.source import parse

ROOT = Path(__file__).resolve().parents[1]


def synthetic_program(i: int, themes: int) -> str:
    lines = [f"id: p{i}", f"title: Ohjelma {i}", "organization: Kunta", "period: {start: 2025, end: 2030}", "themes:"]
    for t in range(themes):
        lines += [f"  - id: t{t}", f"    title: Teema {t}", "    goals:"]
        for g in range(5):
            lines += [f"      - id: g{t}-{g}", f"        title: Tavoite {g} – sujuva asiointi", "        actions:"]
            for a in range(4):
                lines += [f"          - id: a{t}-{g}-{a}", f"            title: Toimenpide {a}",
                          "            responsible: Sivistysjohtaja", "            schedule: {start: 2025, end: 2027}",
                          "            costs: [{year: 2025, amount: 2000}]"]
            lines += ["        measures:", f"          - id: m{t}-{g}", "            title: Asiakaspalautteet",
                      "            kind: count", "            baseline: {year: 2024, value: 10}",
                      "            targets: [{year: 2027, value: 20}]", "            data_source: {name: Kysely}"]
    return "\n".join(lines) + "\n"


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def check(path: Path) -> int:
    return len(run(load([path], cwd=path.parent), Config(), cwd=path.parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--programs", type=int, default=50)
    ap.add_argument("--themes", type=int, default=10)
    args = ap.parse_args()

    bundled = ROOT / "programs"
    print(f"bundled programs: {best_of(3, lambda: check(bundled)):.3f} s")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "programs"
        text = ""
        for i in range(args.programs):
            (corpus / f"p{i}").mkdir(parents=True)
            text = synthetic_program(i, args.themes)
            (corpus / f"p{i}" / "program.yaml").write_text(text, encoding="utf-8")
        size = sum(f.stat().st_size for f in corpus.rglob("*.yaml"))
        seconds = best_of(3, lambda: check(corpus))
        tracemalloc.start()
        check(corpus)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"synthetic: {args.programs} programs, {size / 1e6:.1f} MB of YAML: {seconds:.2f} s, "
              f"peak {peak / 1e6:.0f} MB (Python allocations)")
        one = best_of(3, lambda: parse(text))
        ruamel = best_of(3, lambda: YAML().load(io.StringIO(text)))
        print(f"one file of {len(text) / 1e3:.0f} kB: libyaml+positions {one * 1e3:.0f} ms, "
              f"ruamel round-trip {ruamel * 1e3:.0f} ms ({ruamel / one:.1f}x)")
        shutil.rmtree(corpus)


if __name__ == "__main__":
    main()
