"""One version of the programs — at a git revision, in the working tree or under a path — loaded into models."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sivistys_cli.diagnostics import Msg
from sivistys_cli.display.messages import usage
from sivistys_cli.display.sanitize import sanitize
from sivistys_cli.errors import UsageError
from sivistys_cli.load.corpus import LoadedFile
from sivistys_cli.load.files import load_text, real
from sivistys_cli.load.reading import MAX_BYTES, ReadLimits, Unreadable, decode, read_bytes, too_large
from sivistys_cli.model import Action, Goal, Measure, OutcomeYear, Program, Theme
from sivistys_cli.model.index import walk
from sivistys_cli.model.paths import OUTCOMES_DIR, PROGRAM_FILE, program_files
from sivistys_cli.model.types import Loc

WORKTREE = "working tree"
# Where the files that `load` reads can be under a directory: enough to find them, not deeper.
_PATTERNS = (PROGRAM_FILE, f"*/{PROGRAM_FILE}", f"{OUTCOMES_DIR}/*", f"*/{OUTCOMES_DIR}/*")

FileModel = Program | OutcomeYear
M = TypeVar("M", Program, OutcomeYear)
K = TypeVar("K", bound=Hashable)
Cache = dict[tuple[str, bytes], FileModel]  # (kind, contents) -> model: a file unchanged between versions loads once


@dataclass
class Snapshot:
    """One version: its programs by id and its yearly outcomes by (program id, year)."""

    label: str
    programs: dict[str, Program] = field(default_factory=dict)
    outcomes: dict[tuple[str, int], OutcomeYear] = field(default_factory=dict)


def file_kind(path: str, text: str = "") -> str | None:
    """'program', 'outcomes' or None, by the file's name as `check` reads it; by its content when given and
    the name says nothing (two files named on the command line, such as a.yaml b.yaml)."""
    kind = program_files([path], path).get(path)
    if kind or not text:
        return kind
    return "outcomes" if re.search(r"(?m)^year\s*:", text) else "program"


def load_snapshot(label: str, where: str, files: dict[str, bytes], cache: Cache | None = None) -> Snapshot:
    """Load every file through the checker's parser; a file that does not load, or two files that
    claim one program id (or one program's year), stop the diff: either would make it wrong."""
    cache = {} if cache is None else cache
    loaded = {path: load_one(where, path, files[path], cache) for path in sorted(files)}
    programs = {path: m for path, m in loaded.items() if isinstance(m, Program)}
    outcomes = {path: m for path, m in loaded.items() if isinstance(m, OutcomeYear)}
    return Snapshot(
        label,
        unique(where, programs, lambda m: m.id, what_program),
        unique(where, outcomes, lambda m: (m.program, m.year), what_outcomes),
    )


def what_program(key: str) -> Msg:
    """How an error names a program that two files claim."""
    return Msg("error.diff.what_program", {"id": key})


def what_outcomes(key: tuple[str, int]) -> Msg:
    """How an error names a program's year that two files claim."""
    return Msg("error.diff.what_outcomes", {"program": key[0], "year": key[1]})


def unique(where: str, models: dict[str, M], key: Callable[[M], K], what: Callable[[K], Msg]) -> dict[K, M]:
    """The models by key; two files with one key are an error that names both."""
    out: dict[K, M] = {}
    first: dict[K, str] = {}
    for path, model in models.items():
        k = key(model)
        if k in out:
            raise usage("diff.both_have", where=where, first=first[k], path=path, what=what(k))
        out[k], first[k] = model, path
    return out


def load_one(where: str, path: str, raw: bytes, cache: Cache) -> FileModel:
    """One file's model; a UsageError naming the version when it does not load or repeats an id."""
    if len(raw) > MAX_BYTES:
        raise _cannot_compare(where, path, (1, 1), "SV003", too_large(len(raw), MAX_BYTES))
    text, problem = decode(raw)
    if problem is not None:
        raise _cannot_compare(where, path, problem[0], "SV003", problem[1])
    kind = file_kind(path, text)
    if (kind, raw) in cache:
        return cache[kind, raw]  # type: ignore[index]
    model, what = (OutcomeYear, "An outcome file") if kind == "outcomes" else (Program, "program.yaml")
    doc = load_text(text, path, model, what)
    if doc.model is None:
        first = min(doc.problems)
        raise _cannot_compare(where, first.file, (first.line, first.col), first.code, first.msg or first.message)
    _refuse_duplicates(where, doc)
    cache[kind, raw] = doc.model  # type: ignore[index]
    return doc.model


def _cannot_compare(where: str, path: str, pos: tuple[int, int], code: str, message: Msg | str) -> UsageError:
    return usage("diff.cannot_compare", where=where, path=path, line=pos[0], col=pos[1], code=code, message=message)


def _refuse_duplicates(where: str, doc: LoadedFile) -> None:
    """Changes are matched by id: an id used twice would hide one item's changes behind the other's, so such
    a version is refused, as `sivistys check` reports it (SV201)."""
    model = doc.model
    keys = _ids(model) if isinstance(model, Program) else [o.ref for o in model.outcomes]  # type: ignore[union-attr]
    if len(set(keys)) == len(keys):
        return  # Why first: the places below are 40 000 items with their paths for a 10 000-theme program, 0.1 s
    if isinstance(doc.model, Program):
        places = [(item.id, item.loc + ("id",)) for item in walk(doc.model)]
        what = "diff.id_twice"
    else:
        places = [(o.ref, ("outcomes", i, "ref")) for i, o in enumerate(doc.model.outcomes)]  # type: ignore[union-attr]
        what = "diff.outcome_twice"
    seen: dict[str, Loc] = {}
    for key, loc in places:
        if key in seen:
            line, col = doc.source.locate(loc)
            first = doc.source.locate(seen[key])[0]
            raise usage(what, where=where, path=doc.display, line=line, col=col, key=sanitize(key),
                        first=first)
        seen[key] = loc


# The fields that hold an item's children, by the item's model (as model/index.py walks them).
_KIDS = {Theme: ("themes", "goals", "actions", "measures"), Goal: ("actions", "measures"), Action: ("measures",),
         Measure: ()}


def _ids(program: Program) -> list[str]:
    """The id of every theme, goal, action and measure, in no particular order."""
    ids = []
    stack = [*program.themes, *program.goals]
    while stack:
        node = stack.pop()
        ids.append(node.id)
        values = node.__dict__
        for name in _KIDS[type(node)]:
            stack += values[name]
    return ids


def read_files(root: Path, spec: str = ".") -> dict[str, bytes]:
    """The files `check` reads at root/spec (a program file, a program directory or a directory of
    programs), by '/'-separated path from `root`."""
    base = root / spec
    if base.is_file():
        names = [spec]
    else:
        found = (p.relative_to(base).as_posix() for pattern in _PATTERNS for p in base.glob(pattern) if p.is_file())
        names = [name if spec == "." else f"{spec}/{name}" for name in found]
    limits = ReadLimits(MAX_BYTES, (real(root),))
    return {name: read_or_refuse(root / name, name, limits) for name in program_files(names, spec)}


def read_or_refuse(path: Path, given: str, limits: ReadLimits | None = None) -> bytes:
    """A file's bytes, read as `check` reads them (regular files only, the size limit); else a usage error."""
    try:
        return read_bytes(path, limits or ReadLimits())
    except Unreadable as exc:
        raise usage("os_path", path=sanitize(given), reason=exc.msg) from None
