"""The benchmark's corpus generator (bench/corpus.py), for tests that need a generated national corpus."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def bench_corpus() -> ModuleType:
    """bench/corpus.py as a module: bench/ is not a package, so it is loaded from its path."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module
