"""Compare two versions of many programs a program at a time, in worker processes, with bounded memory.

Why: `diff` of two revisions of a national corpus (309 programs, ~1 200 files a side) loaded both
versions whole before comparing them: 646 MiB, one process, and the collector's full collections
walked every tree again and again while they were built. Here the files are grouped by program
directory; each group's two versions are loaded, compared and released in a worker (the machinery
`check` streams with), and only its changes and what each file is (a program id, or a program's
year) come back.

The result is what `load_snapshot` and `compare` over both versions whole give (tests compare them):
- a file that does not load, or two files claiming one program (or one program's year), stops the
  diff with the same error: the first in path order of the old version, then of the new one, as
  `load_snapshot` finds them, from the outcome of every file;
- items are paired by program id, not by directory: groups that share a program id (a program moved
  to another directory, an outcome file naming another program) are compared again as one;
- the changes come sorted by program id, each program's changes in the order `compare` gives them.
A file with the same contents in both versions loads once and compares as unchanged (see Cache).
Every file is still loaded, even one that did not change: its program id and its duplicate ids
are needed for the errors above, as `check` would report them.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sivistys_cli.diff.compare import Change, compare
from sivistys_cli.diff.snapshots import Cache, Snapshot, load_one, unique, what_outcomes, what_program
from sivistys_cli.errors import UsageError
from sivistys_cli.gcpause import collector_held, leave_to_exit
from sivistys_cli.model import OutcomeYear, Program

Key = tuple[str, Any]  # ("program", id) or ("outcomes", (program id, year))


@dataclass
class Side:
    """One version's files before they are loaded: path -> contents."""

    label: str  # e.g. "HEAD~1" or "working tree"
    where: str  # how errors name the version
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class _Group:
    """What a worker gives back for one group of files."""

    old: dict[str, Key | UsageError]  # each old file: what it is, or why it does not load
    new: dict[str, Key | UsageError]
    changes: list[Change]  # empty when a file of the group does not load (the diff stops anyway)


def diff(old: Side, new: Side, jobs: int | None = None) -> list[Change]:
    """Every change from `old` to `new`, as compare(load_snapshot(old), load_snapshot(new)) gives them."""
    groups = _groups(old.files, new.files)
    wheres = (old.where, new.where)
    done = list(_mapped(wheres, groups, jobs))
    for side, picked in ((old, lambda g: g.old), (new, lambda g: g.new)):
        _refuse(side.where, {path: what for g in done for path, what in picked(g).items()})
    for together in _sharing(done):  # rare: a program id in two groups; compared again as one
        merged = ({p: raw for i in together for p, raw in groups[i][0].items()},
                  {p: raw for i in together for p, raw in groups[i][1].items()})
        done[together[0]] = next(_mapped(wheres, [merged], 1))
        for i in together[1:]:
            done[i] = _Group({}, {}, [])
    return sorted((c for g in done for c in g.changes), key=lambda c: c.program)


def _mapped(wheres: tuple[str, str], groups: list[Any], jobs: int | None) -> Iterator[_Group]:
    """Each group compared, in order: here for one group, else in the processes `check` streams with."""
    compared = functools.partial(_compared, wheres)
    if len(groups) < 2:  # Why: check's streaming brings all of check's rules with it, 0.04 s of every run
        return (_compared(wheres, group, True) for group in groups)
    from sivistys_cli.check.stream import map_programs, workers

    return map_programs(compared, groups, workers(len(groups), jobs), ())


def _groups(old: dict[str, bytes], new: dict[str, bytes]) -> list[tuple[dict[str, bytes], dict[str, bytes]]]:
    """The files of both versions by the program directory they are in, in path order."""
    by_dir: dict[str, tuple[dict[str, bytes], dict[str, bytes]]] = {}
    for side, files in ((0, old), (1, new)):
        for path in sorted(files):
            by_dir.setdefault(_directory(path), ({}, {}))[side][path] = files[path]
    return [by_dir[d] for d in sorted(by_dir)]


def _directory(path: str) -> str:
    """A program's directory: where its program.yaml is, above its outcomes/ folder."""
    folder = posixpath.dirname(path)
    return posixpath.dirname(folder) if posixpath.basename(folder) == "outcomes" else folder


@collector_held
def _compared(wheres: tuple[str, str], group: tuple[dict[str, bytes], dict[str, bytes]], keep: bool = False) -> _Group:
    """Load one group's two versions and compare them; then its trees are released (`keep`: the only group of
    the command's own process, whose trees are left to the end of the process, see gcpause.leave_to_exit)."""
    old_where, new_where = wheres
    cache: Cache = {}  # shared by both versions, as load_snapshot's callers share it
    old, old_models = _loaded(old_where, group[0], cache)
    new, new_models = _loaded(new_where, group[1], cache)
    result = _Group(old, new, [])
    if all(not isinstance(w, UsageError) for w in (*old.values(), *new.values())):
        old_version, new_version = _snapshot(old_models), _snapshot(new_models)
        if old_version is not None and new_version is not None:
            result.changes = compare(old_version, new_version)
    if keep:  # Why: freeing two 10 000-theme versions one object at a time took about 0.2 s
        leave_to_exit((old_models, new_models, cache))
    return result


def _loaded(where: str, files: dict[str, bytes], cache: Cache) -> tuple[dict[str, Key | UsageError], dict[str, Any]]:
    what: dict[str, Key | UsageError] = {}
    models: dict[str, Any] = {}
    for path in sorted(files):
        try:
            model = models[path] = load_one(where, path, files[path], cache)
        except UsageError as exc:
            what[path] = exc
            continue
        what[path] = ("program", model.id) if isinstance(model, Program) else ("outcomes", (model.program, model.year))
    return what, models


def _snapshot(models: dict[str, Any]) -> Snapshot | None:
    """A version of one group, as load_snapshot makes it; None when two files claim one program (or year)."""
    programs = {m.id: m for m in models.values() if isinstance(m, Program)}
    outcomes = {(m.program, m.year): m for m in models.values() if isinstance(m, OutcomeYear)}
    if len(programs) + len(outcomes) < len(models):
        return None  # the caller refuses the version, with every file in view
    return Snapshot("", programs, outcomes)


def _refuse(where: str, files: dict[str, Key | UsageError]) -> None:
    """The error load_snapshot raises for this version, if any: the first file (in path order) that does
    not load, else the first program, else the first program's year, that two files claim."""
    ordered = sorted(files.items())
    failed = next((what for _path, what in ordered if isinstance(what, UsageError)), None)
    if failed is not None:
        raise failed
    for kind, what in (("program", what_program), ("outcomes", what_outcomes)):
        unique(where, {p: w[1] for p, w in ordered if w[0] == kind}, lambda k: k, what)  # type: ignore[index]


def _sharing(done: list[_Group]) -> Iterable[list[int]]:
    """Sets of groups (by index, the first lowest) that share a program id, directly or through others."""
    parent = list(range(len(done)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, g in enumerate(done):
        for what in (*g.old.values(), *g.new.values()):
            pid = what[1] if what[0] == "program" else what[1][0]  # type: ignore[index]
            j = first.setdefault(pid, i)
            parent[max(root(i), root(j))] = min(root(i), root(j))
    sets: dict[int, list[int]] = {}
    for i in range(len(done)):
        sets.setdefault(root(i), []).append(i)
    return [members for members in sets.values() if len(members) > 1]
