"""The benchmark harness runs end to end in its tiny mode (the real figures are in bench/README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench_corpus import bench_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_prints_every_figure_in_tiny_mode() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--tiny"], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "figure" not in line]
    figures = [row.split(" | ")[0].lstrip("| ") for row in rows]
    assert "`check` of the corpus / plain CSafeLoader load" in figures
    assert "peak memory of `check` on the corpus" in figures
    assert "`diff` of two corpus revisions / `check` of both" in figures
    measured = [row for row in rows if " – |" not in row]
    assert all(float(row.split(" | ")[1].split()[0]) > 0 for row in measured)


def test_the_corpus_is_deterministic(tmp_path: Path) -> None:
    corpus = bench_corpus()
    corpus.write(tmp_path / "a", 21)
    corpus.write(tmp_path / "b", 21)
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.yaml")}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.yaml")}
    assert a == b and len(a) == 21 + 2 * 3
