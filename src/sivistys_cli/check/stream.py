"""Check a large set of programs one at a time, in worker processes, with bounded memory.

Why: loading a national corpus (309 programs, ~35 MB of YAML) at once kept every file's data, positions
and model alive until the end: 950 MiB, and the garbage collector's full collections walked all of it.
Here each program is loaded, checked and released on its own. What the cross-program checks (SV201,
SV203, SV204, SV209) need of the other programs is taken first, as a skeleton of each program: its id,
its items' ids, kinds and links, whether it loads at all. The findings are the same as `engine.run`
over the whole corpus gives (tests compare them), because every check sees the selected program in
full and every other program through the same attributes the skeleton keeps.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sivistys_cli.check.config import Config
from sivistys_cli.check.engine import run
from sivistys_cli.diagnostics import Diagnostic
from sivistys_cli.load.corpus import Corpus, LoadedFile, ProgramDir
from sivistys_cli.load.discover import Plan, dir_diagnostics, load, load_program, plan, selected_only

# Below this many programs in all (the usual municipality's repository) one process loading everything
# at once is quicker: the streaming way reads each selected program twice (once for its skeleton).
SMALL = 16

# The fields another program is looked at through: ids, the tree's child lists, and links.
_SKELETON_FIELDS = frozenset({"id", "themes", "goals", "actions", "measures", "implements", "dependencies", "program"})

Progress = Callable[[int, int], None]  # (programs done, programs in all)


def check(paths: Iterable[str | Path], config: Config, cwd: Path | None = None, jobs: int | None = None,
          progress: Progress | None = None, stream: bool | None = None) -> tuple[list[Diagnostic], int]:
    """The findings over what `paths` names, and how many files were selected (for the summary line).

    `jobs` worker processes (default: the machine's cores); `stream` forces (True) or avoids (False)
    the one-program-at-a-time way, which is otherwise used for more than SMALL programs.
    """
    cwd = cwd or Path.cwd()
    found = plan(paths, cwd)
    if stream is False or (stream is None and len(found.all_roots) <= SMALL):
        corpus = load(paths, cwd)
        return run(corpus, config, cwd), len(corpus.selected)
    return _streamed(found, config, cwd, max(1, jobs or os.cpu_count() or 1), progress), len(found.selected)


def _streamed(found: Plan, config: Config, cwd: Path, jobs: int, progress: Progress | None) -> list[Diagnostic]:
    total = len(found.all_roots) + len(found.roots)
    ticks = _Ticks(total, progress)
    skeletons = list(ticks.count(_map(_skeleton, found.all_roots, jobs, (cwd,))))
    shared = (skeletons, found.selected, config, cwd)
    findings = {d for chunk in ticks.count(_map(_check_one, found.roots, jobs, shared)) for d in chunk}
    # Directories with YAML files but no program.yaml belong to no program: they pass the same filters alone.
    findings.update(run(Corpus([], [], found.selected, found.orphans), config, cwd))
    return sorted(findings)


def _map(fn: Callable[..., Any], roots: list[Path], jobs: int, shared: tuple) -> Iterator[Any]:
    """fn(root) for each root, in order; in `jobs` processes that receive `shared` once each."""
    if jobs == 1 or len(roots) < 2:
        _init(*shared)
        yield from map(fn, roots)
        return
    # A chunk of a few programs per task keeps the queue busy without holding many trees at once.
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=shared) as pool:
        yield from pool.map(fn, roots, chunksize=max(1, min(8, len(roots) // (jobs * 4))))


_shared: tuple = ()  # what every task of a worker needs: set once per process by _init


def _init(*shared: Any) -> None:
    global _shared
    _shared = shared


def _worker_init(*shared: Any) -> None:
    _init(*shared)
    # Why: in a worker the skeletons and the imported modules live to the end; frozen, the collector's
    # full collections no longer walk them for every program. (Not in the caller's process: it is not ours.)
    gc.freeze()


def _collector_held(fn: Callable[[Path], Any]) -> Callable[[Path], Any]:
    """Run fn with the garbage collector off: a program's tree is built of many small objects that
    all stay alive until its findings are taken, so collections while building it find nothing to free
    (they took 21.9 s of 48 s on the corpus); the tree is freed by reference counting afterwards."""

    @functools.wraps(fn)
    def held(root: Path) -> Any:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn(root)
        finally:
            if was:
                gc.enable()

    return held


@_collector_held
def _skeleton(root: Path) -> ProgramDir:
    """A program as the other programs' checks see it: ids, kinds and links, no text, no positions."""
    (cwd,) = _shared
    pd = load_program(root, cwd)
    doc = pd.program_doc
    data = doc.data if isinstance(doc.data, dict) else None
    raw_id = data.get("id") if data is not None else None
    stub = LoadedFile(doc.path, doc.display, data={"id": raw_id} if isinstance(raw_id, str) else {})
    stub.model = _bones(doc.model) if doc.model is not None else None  # type: ignore[assignment]
    return ProgramDir(pd.root, stub)


def _bones(node: Any) -> Any:
    """The same model type with only the skeleton's fields, built without validation (it was validated)."""
    if isinstance(node, BaseModel):
        kept = {name: _bones(getattr(node, name)) for name in type(node).model_fields if name in _SKELETON_FIELDS}
        return type(node).model_construct(**kept)
    if isinstance(node, tuple | list):
        return type(node)(_bones(item) for item in node)
    return node


@_collector_held
def _check_one(root: Path) -> list[Diagnostic]:
    """Every finding in one selected program, the others seen through their skeletons."""
    skeletons, selected, config, cwd = _shared
    pd = load_program(root, cwd)
    order = [pd if s.root == root else s for s in skeletons]
    corpus = _OneOfMany([pd], [s for s in skeletons if s.root != root], selected, [], order=order)
    corpus.diagnostics = selected_only(dir_diagnostics(pd, cwd), selected, cwd)
    return run(corpus, config, cwd)


@dataclass
class _OneOfMany(Corpus):
    """A corpus with one selected program in full; `order` lists every program where the whole corpus would."""

    order: list[ProgramDir] = field(default_factory=list)

    def all_programs(self) -> list[ProgramDir]:
        return self.order  # the first program with an id is where a duplicate id is reported from


class _Ticks:
    """Counts finished programs for the progress callback."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def count(self, results: Iterable[Any]) -> Iterator[Any]:
        for result in results:
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)
            yield result
