"""Check a large set of programs one at a time, in worker processes, with bounded memory.

Why: loading a national corpus (309 programs, ~35 MB of YAML) at once kept every file's data, positions
and model alive until the end: 950 MiB, and the garbage collector's full collections walked all of it.
Here each program is loaded, checked and released on its own, in --jobs processes:

1. Each selected program is loaded in full and every check runs on it alone. A check that looks at
   the other programs (through `Corpus.all_programs`, `by_id`, `unloadable_ids` or `context`) is
   noticed doing so; its findings are set aside and it runs again in step 3. What is kept of the
   program is its skeleton (ids, kinds and links of its items), its disable comments and its findings.
2. Each sibling program (context for cross-program links) is loaded once for its skeleton.
3. The checks that looked at other programs run over all the skeletons. A file is parsed again only
   where such a check reports something in it (its positions are needed then).

The findings are the same as `engine.run` over the whole corpus gives (tests compare them): every check
sees the selected program in full in step 1, and the other programs in step 3 through the fields the
skeleton keeps, which are all a cross-program check may read of a program.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sivistys_cli.check.config import Config
from sivistys_cli.check.engine import SelectedFiles, finish, run
from sivistys_cli.check.rules import RULES, CheckContext
from sivistys_cli.diagnostics import Diagnostic
from sivistys_cli.errors import said
from sivistys_cli.gcpause import collector_held, leave_to_exit, paused
from sivistys_cli.load.corpus import Corpus, LoadedFile, ProgramDir
from sivistys_cli.load.discover import Plan, dir_diagnostics, load_planned, load_program, plan, selected_only
from sivistys_cli.load.files import read_file, real
from sivistys_cli.load.marks import MarkTree
from sivistys_cli.load.source import SourceMap
from sivistys_cli.model import OutcomeYear, Program

# Below this many programs in all (the usual municipality's repository) one process loading everything
# at once is as quick, and starts no workers.
SMALL = 16

# The fields a cross-program check may read of a program: ids, the tree's child lists, and links.
SKELETON_FIELDS = frozenset({"id", "themes", "goals", "actions", "measures", "implements", "dependencies", "program",
                             "ref", "interpreted"})  # ref, interpreted: a link written as a mapping

Progress = Callable[[int, int], None]  # (programs done, programs in all)


def check(paths: Iterable[str | Path], config: Config, cwd: Path | None = None, jobs: int | None = None,
          progress: Progress | None = None, stream: bool | None = None,
          follow_links: bool = False) -> tuple[list[Diagnostic], int]:
    """The findings over what `paths` names, and how many files were selected (for the summary line).

    `jobs` worker processes (default: the machine's cores); `stream` forces (True) or avoids (False)
    the one-program-at-a-time way, which is otherwise used for more than SMALL programs.
    """
    cwd = cwd or Path.cwd()
    found = plan(paths, cwd, follow_links=follow_links)
    if stream is False or (stream is None and len(found.all_roots) <= SMALL):
        return _at_once(found, config, cwd)
    return _streamed(found, config, cwd, workers(len(found.all_roots), jobs), progress), len(found.selected)


def workers(programs: int, jobs: int | None) -> int:
    """How many processes go through `programs` programs: `jobs` when given; else this one alone for up to
    SMALL programs (starting workers costs more than they save), and the machine's cores above."""
    cores = os.cpu_count() or 1
    if jobs:
        # Why a ceiling: the pool forks all its workers at once, each a whole Python process, and for this
        # CPU-bound work more processes than cores (or than programs) gain nothing: --jobs 10000 forked 10 000.
        return max(1, min(jobs, programs, 2 * cores))
    return 1 if programs <= SMALL else cores


@dataclass
class Checked:
    """What step 1 keeps of a selected program once its trees are released."""

    program: ProgramDir  # the skeleton, its files standing in for the loaded ones
    findings: list[Diagnostic]  # its load problems and the findings of the checks that ran on it alone
    cross: set[str]  # the checks that looked at other programs: they run again in step 3
    judged: set[str]  # its files whose checks ran in full (see engine.run)


@collector_held  # as _at_once: the workers' results stay alive to the end; collections walking them found nothing
def _streamed(found: Plan, config: Config, cwd: Path, jobs: int, progress: Progress | None) -> list[Diagnostic]:
    ticks = Ticks(len(found.all_roots), progress)
    shared = (found.selected, config, cwd, found.limits)
    checked: list[Checked] = list(ticks.count(map_programs(_check_alone, found.roots, jobs, shared)))
    context: list[ProgramDir] = list(ticks.count(map_programs(_skeleton, found.context_roots, jobs, shared)))
    findings = [d for c in checked for d in c.findings] + found.orphans
    findings += cross_findings(checked, context, config, found.selected, cwd)
    docs = {doc.display: doc for c in checked for doc in c.program.documents}
    judged = {name for c in checked for name in c.judged}
    return finish(findings, docs, judged, config, found.selected, cwd)


def map_programs(fn: Callable[[Any], Any], roots: list[Any], jobs: int, shared: tuple) -> Iterator[Any]:
    """fn(root) for each root, in order; in `jobs` processes that receive `shared` once each (see shared())."""
    if jobs == 1 or len(roots) < 2:
        _init(*shared)
        yield from map(fn, roots)
        return
    from concurrent.futures import ProcessPoolExecutor  # only here: a check of a few programs starts no workers
    from concurrent.futures.process import BrokenProcessPool

    # A chunk of a few programs per task keeps the queue busy without holding many trees at once.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(), *shared))
    try:
        # Why the collector held: the results are unpickled here (in the pool's thread) into many small objects
        # that all stay alive; with it on, 100 000 findings took 1.7 s to read back instead of 0.25 s.
        with paused():
            yield from pool.map(fn, roots, chunksize=max(1, min(8, len(roots) // (jobs * 4))))
    except (BrokenProcessPool, MemoryError) as exc:  # a worker killed (kill -9, the kernel out of memory) or out of memory
        raise said("worker_died", jobs=jobs) from exc
    finally:  # a caller that stops early (an error writing a report) does not wait for the programs not begun
        pool.shutdown(wait=True, cancel_futures=True)


_shared: tuple = ()  # what every task of a worker needs: set once per process by _init


def shared() -> tuple:
    """What map_programs gave every task of this process."""
    return _shared


def _init(*shared: Any) -> None:
    global _shared
    _shared = shared


def _worker_init(parent: int, *shared: Any) -> None:
    import signal

    # Why: a forked worker inherits the command's SIGTERM handler (it removes the command's temporary files
    # and exits with a traceback-less message); the pool ends its workers with SIGTERM when one of them dies,
    # and a worker then printed "Exception in initializer: Traceback…". A worker has nothing to clean up.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    _init(*shared)
    # Why: in a worker the imported modules live to the end; frozen, the collector's full collections
    # no longer walk them for every program. (Not in the caller's process: it is not ours to freeze.)
    gc.freeze()


def _die_with_parent(parent: int) -> None:
    """On Linux, the kernel kills this worker when the process that started it dies.

    Why: a command killed with kill -9 (a CI job's timeout, the kernel out of memory) left its workers
    waiting for tasks forever, each holding its memory (760 MiB in a report --all of 3 000 programs)."""
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no prctl in this C library: the workers end as before
        return
    if os.getppid() != parent:  # it died before the kernel was asked to tell us
        os._exit(1)


@collector_held
def _at_once(found: Plan, config: Config, cwd: Path) -> tuple[list[Diagnostic], int]:
    """A small corpus loaded and checked in one go, with the collector held as for a streamed program:
    a 10 000-theme program is a few million small objects alive until the end, and a full collection
    walking them came in the middle of the checks (0.4 s of 2.7 s of CPU)."""
    corpus = load_planned(found, cwd, context_outcomes=False)  # no check reads a sibling's outcome files
    leave_to_exit(corpus)
    return run(corpus, config, cwd), len(corpus.selected)


@collector_held
def _check_alone(root: Path) -> Checked:
    """Step 1: load one selected program, run every check on it alone, keep its skeleton and findings."""
    selected, config, cwd, limits = _shared
    return check_loaded(load_program(root, cwd, limits), selected, config, cwd)


def check_loaded(pd: ProgramDir, selected: set[Path], config: Config, cwd: Path,
                 fields: frozenset[str] = SKELETON_FIELDS) -> Checked:
    """Step 1 on a loaded program: every check on it alone; its skeleton keeps `fields` of its models."""
    selected = selected | _swapped(pd, selected)
    alone = _Watched([pd], _Reaching(), selected, [])
    keep = SelectedFiles(selected, cwd)
    findings = selected_only(dir_diagnostics(pd, cwd), selected, cwd)
    cross: set[str] = set()
    indexes: dict = {}  # shared by the checks, as one CheckContext would share them
    for rule in RULES.values():
        if rule.run is None or not config.enabled(rule.code):
            continue
        out = _alone(rule.run(CheckContext(alone, RULES, indexes)), alone, keep)
        if out is None:
            cross.add(rule.code)
        else:
            findings += out
    judged = {doc.display for doc in pd.documents if pd.program is not None and doc.model is not None}
    return Checked(skeleton_of(pd, cwd, fields), findings, cross, judged)


def _swapped(pd: ProgramDir, selected: set[Path]) -> set[Path]:
    """Files of a selected program that are now links out of it, though discovery found regular files there.

    Why: a file is named by where it leads (see load/files.py), and selection by what discovery found; a
    program file swapped for a link out of the folder between the two (a race) was refused unread and its
    finding then dropped as not selected: "All clear". Rare: only a file outside its program's folder."""
    if all(doc.path.is_relative_to(pd.root) or doc.path in selected for doc in pd.documents):
        return set()
    return {now for path in selected if path.is_relative_to(pd.root) and (now := real(path)) != path}


def _alone(found: Iterable[Diagnostic], alone: _Watched, keep: SelectedFiles) -> list[Diagnostic] | None:
    """A check's findings on a program alone, or None once it looks at other programs.

    Why stop there: its findings are set aside anyway (it runs again in step 3), and on a corpus whose
    programs link to each other such a check, seeing no other program, calls every link unknown and
    looks for near names for each: a third of step 1's time."""
    alone.reached = alone.context.reached = False
    out: list[Diagnostic] = []
    for finding in found:
        if alone.reached or alone.context.reached:
            return None
        if keep(finding.file):
            out.append(finding)
    return None if alone.reached or alone.context.reached else out


@collector_held
def _skeleton(root: Path) -> ProgramDir:
    """Step 2: a sibling program as the cross-program checks see it."""
    _selected, _config, cwd, limits = _shared
    return skeleton_of(load_program(root, cwd, limits, outcomes=False), cwd)  # no check reads its outcome files


def cross_findings(checked: list[Checked], context: list[ProgramDir], config: Config, selected: set[Path],
                   cwd: Path, each_first: bool = False) -> list[Diagnostic]:
    """Step 3: each check that looked at other programs, over the programs it did so for, seeing all of them.

    With `each_first`, each program sees itself first among all, as when it alone is named (a duplicate
    program id is then reported in the other program, and its own id names itself): what `report` of
    one program checks."""
    everyone = [c.program for c in checked] + context
    keep = SelectedFiles(selected, cwd)
    out: list[Diagnostic] = []
    indexes: dict = {}  # shared by the checks, as one CheckContext would share them (keyed by the program)
    if each_first:
        # Only a program whose id another program has too sees other findings when it comes first (its id
        # resolves to itself; it is not the duplicate). The others are checked all at once, as above:
        # checking each of them on its own among all made this step programs x programs.
        ids = Counter(o.program.id for o in everyone if o.program is not None)
        alone = [c for c in checked if c.program.program is not None and ids[c.program.program.id] > 1]
        apart = {id(c) for c in alone}
        out += cross_findings([c for c in checked if id(c) not in apart], [a.program for a in alone] + context,
                              config, selected, cwd)
        for c in alone:
            order = [c.program, *(o for o in everyone if o is not c.program)]
            ctx = CheckContext(_AmongAll([c.program], order[1:], selected, [], order=order), RULES, indexes)
            out += [d for code in sorted(c.cross) if RULES[code].run is not None
                    for d in RULES[code].run(ctx) if keep(d.file)]  # type: ignore[misc]
        for c in checked:
            for doc in c.program.documents:  # parsed again for a finding's position: not needed after
                doc.release()  # type: ignore[attr-defined]
        return out
    for rule in RULES.values():
        programs = [c.program for c in checked if rule.code in c.cross]
        if programs and rule.run is not None:
            corpus = _AmongAll(programs, context, selected, [], order=everyone)
            out += [d for d in rule.run(CheckContext(corpus, RULES, indexes)) if keep(d.file)]
    return out


def skeleton_of(pd: ProgramDir, cwd: Path, fields: frozenset[str] = SKELETON_FIELDS) -> ProgramDir:
    """A program with its model cut down to the skeleton's fields and files that parse again if asked."""
    doc = pd.program_doc
    program = _Reloadable(doc, cwd, Program, "program.yaml")
    program.model = _bones(doc.model, fields) if doc.model is not None else None
    outcomes = [_Reloadable(d, cwd, OutcomeYear, "An outcome file") for d in pd.outcome_docs]
    return ProgramDir(pd.root, program, outcomes)  # type: ignore[arg-type]


def _bones(node: Any, fields: frozenset[str]) -> Any:
    """The same model type with only the skeleton's fields, built without validation (it was validated)."""
    if isinstance(node, BaseModel):
        cls = type(node)
        values: dict[str, Any] = {}
        kept: set[str] = set()
        for name, default in _construction(cls, fields):
            if default is _KEEP:
                values[name] = _bones(getattr(node, name), fields)
                kept.add(name)
            elif default is _CALL:
                values[name] = cls.model_fields[name].get_default(call_default_factory=True, validated_data=values)
            elif default is not _REQUIRED:
                values[name] = default
        return _constructed(cls, values, kept)
    if isinstance(node, tuple | list):
        return type(node)(_bones(item, fields) for item in node)
    return node


# What model_construct does, without looking up every field's default again for each of the skeleton's
# ~140 000 models on the corpus (it was a tenth of step 1). The models have no aliases, no post-init.
_KEEP, _CALL, _REQUIRED = object(), object(), object()


@functools.cache
def _construction(cls: type[BaseModel], fields: frozenset[str]) -> tuple[tuple[str, Any], ...]:
    """Each field in order: kept in the skeleton, required (left out), a default to compute, or a fixed default."""
    out = []
    for name, info in cls.model_fields.items():
        if name in fields:
            out.append((name, _KEEP))
        elif info.is_required():
            out.append((name, _REQUIRED))
        elif info.default_factory is not None or not isinstance(info.default, (str, int, float, tuple, frozenset,
                                                                               type(None))):
            out.append((name, _CALL))
        else:
            out.append((name, info.default))
    return tuple(out)


def _constructed(cls: type[BaseModel], values: dict[str, Any], kept: set[str]) -> BaseModel:
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", kept)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


class _Reloadable:
    """A file of a program whose trees were released: its name, path and disable comments are kept;
    its data, positions and (for an outcome file) model are read again from disk only when asked for."""

    def __init__(self, doc: LoadedFile, cwd: Path, model: type, what: str) -> None:
        self.path, self.display, self.suppressions = doc.path, doc.display, doc.suppressions
        self.problems: list[Diagnostic] = []  # already among the findings of step 1
        self._from = (cwd, model, what)
        self._loaded: LoadedFile | None = None
        self._model: Any = _UNSET  # the program file's skeleton is set; an outcome file's model is read if asked for
        # What Corpus.unloadable_ids reads of a file that does not load: its id as written, if any. Why kept:
        # reading it again in step 3 parsed and validated a broken 200 KiB file a second time (1.2 s of 2.8 s
        # with 100 000 errors in it).
        data = doc.data if doc.model is None else None
        self.written_id = data.get("id") if isinstance(data, dict) else None

    def _load(self) -> LoadedFile:
        if self._loaded is None:
            cwd, model, what = self._from
            self._loaded = read_file(self.path, cwd, model, what)
        return self._loaded

    def release(self) -> None:
        """Let the file's parsed trees go (they are read again if asked for)."""
        self._loaded = None

    @property
    def data(self) -> Any:
        return self._load().data

    @property
    def source(self) -> SourceMap | MarkTree:
        return self._load().source

    def id_path(self, loc: tuple) -> str:
        return self._load().id_path(loc)

    @property
    def model(self) -> Any:
        return self._load().model if self._model is _UNSET else self._model

    @model.setter
    def model(self, value: Any) -> None:
        self._model = value


_UNSET = object()


class _Reaching(list):
    """The context of a program checked alone: empty, and it notices a check looking at it."""

    reached = False

    def __iter__(self) -> Iterator[Any]:
        self.reached = True
        return super().__iter__()

    def __len__(self) -> int:
        self.reached = True
        return 0


@dataclass
class _Watched(Corpus):
    """One program alone; notices a check asking for the other programs."""

    reached: bool = False

    def all_programs(self) -> list[ProgramDir]:
        self.reached = True
        return super().all_programs()


@dataclass
class _AmongAll(Corpus):
    """Some selected programs to check, among `order`: every program where the whole corpus lists it."""

    order: list[ProgramDir] = field(default_factory=list)

    def all_programs(self) -> list[ProgramDir]:
        return self.order  # the first program with an id is where a duplicate id is reported from

    def unloadable_ids(self) -> dict[str, str]:
        """As Corpus.unloadable_ids, from the id each skeleton kept rather than its file parsed again."""
        out = {}
        for pd in self.order:
            if pd.program is None:
                raw = getattr(pd.program_doc, "written_id", None)
                out[raw if isinstance(raw, str) else pd.root.name] = pd.program_doc.display
        return out


class Ticks:
    """Counts finished programs for the progress callback."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def count(self, results: Iterable[Any]) -> Iterator[Any]:
        for result in results:
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)
            yield result
