"""Turn the arguments of `sivistys diff` into the two snapshots to compare."""

from __future__ import annotations

import os
from pathlib import Path

from sivistys_cli import git
from sivistys_cli.errors import UsageError
from sivistys_cli.versions import WORKTREE, DiffRequest, Snapshot, file_kind, load_snapshot, walk_dir

DEFAULT_PATH = "programs"


def gather(request: DiffRequest, cwd: Path) -> tuple[Snapshot, Snapshot]:
    """The old and the new version, loaded; any problem is a UsageError that names the version."""
    if request.files:
        if request.merge_base:
            raise UsageError("--merge-base compares git revisions; it does not go with --files")
        return _from_paths([*request.revisions, *request.paths], cwd)
    return _from_git(request, cwd)


def _from_paths(args: list[str], cwd: Path) -> tuple[Snapshot, Snapshot]:
    # git's diff driver: path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-info]
    if len(args) in (7, 9):
        name, new_name = args[0], args[7] if len(args) == 9 else args[0]
        return _path_snapshot(args[1], f"a/{name}", name, cwd), _path_snapshot(args[4], f"b/{new_name}", new_name, cwd)
    if len(args) != 2:
        raise UsageError("--files takes two paths: OLD NEW (files or directories)")
    return _path_snapshot(args[0], args[0], "", cwd), _path_snapshot(args[1], args[1], "", cwd)


def _path_snapshot(given: str, label: str, name: str, cwd: Path) -> Snapshot:
    path = cwd / given
    if given == os.devnull:  # git's side of an added or deleted file
        return Snapshot(label)
    if not path.exists():
        raise UsageError(f"{given}: no such file or directory")
    files = walk_dir(path)
    if name and path.is_file():  # git hands over a temporary file; its real name says what it is
        files = {name: files[path.name]}
    return load_snapshot(label, label, files)


def _from_git(request: DiffRequest, cwd: Path) -> tuple[Snapshot, Snapshot]:
    root = git.toplevel(cwd)
    given = list(request.paths) or [DEFAULT_PATH]
    specs = [_spec(p, cwd, root) for p in given]
    try:
        (old, old_label), (new, new_label) = _endpoints(request, root)
    except UsageError as exc:
        stray = next((r for r in request.revisions if (cwd / r).exists()), None)
        if stray is None:
            raise
        raise UsageError(f"{exc}; to compare only a path, put it after --: sivistys diff -- {stray}") from None
    old_names = git.list_files(old, old_label, specs, root)
    new_names = git.list_files(new, new_label, specs, root) if new else []
    _require_paths(given, specs, old_names + new_names, root if not new else None, old_label, new_label)
    old_files = _blobs(old, old_label, old_names, root)
    new_files = _blobs(new, new_label, new_names, root) if new else _worktree(specs, root)
    return load_snapshot(old_label, _name(old_label), old_files), load_snapshot(new_label, _name(new_label), new_files)


def _endpoints(request: DiffRequest, root: Path) -> tuple[tuple[str, str], tuple[str | None, str]]:
    """(commit, label) of the old side and of the new side; the new commit is None for the working tree."""
    revs, merge_base = _revisions(request)
    old_rev = revs[0] if revs else "HEAD"
    old = git.resolve(old_rev, root)
    new, new_label = (git.resolve(revs[1], root), revs[1]) if len(revs) == 2 else (None, WORKTREE)
    if not merge_base:
        return (old, old_rev), (new, new_label)
    base = git.merge_base(old, new or git.resolve("HEAD", root), root)
    other = revs[1] if len(revs) == 2 else "HEAD"
    return (base, f"merge base of {old_rev} and {other} ({base[:10]})"), (new, new_label)


def _revisions(request: DiffRequest) -> tuple[list[str], bool]:
    """The revisions named, with A...B read as --merge-base A B and A..B as A B (an empty side is HEAD)."""
    revs, merge_base = list(request.revisions), request.merge_base
    for dots in ("...", ".."):
        if len(revs) == 1 and dots in revs[0]:
            revs, merge_base = [r or "HEAD" for r in revs[0].split(dots, 1)], merge_base or dots == "..."
            break
    if len(revs) > 2:
        raise UsageError("give at most two revisions; put paths after --, e.g. sivistys diff HEAD~1 -- programs/x")
    if merge_base and not revs:
        raise UsageError("--merge-base needs a revision, e.g. sivistys diff --merge-base origin/main")
    return revs, merge_base


def _spec(given: str, cwd: Path, root: Path) -> str:
    """A path as git names it: relative to the repository root, '/'-separated, '.' for the root."""
    rel = os.path.relpath((cwd / given).resolve(), root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        raise UsageError(f"{given}: outside the repository ({root})")
    return Path(rel).as_posix()


def _require_paths(given: list[str], specs: list[str], names: list[str], worktree: Path | None,
                   old_label: str, new_label: str) -> None:
    """A path that is in neither version is a mistake (a typo, a path in another repository)."""
    for shown, spec in zip(given, specs):
        if spec == "." or any(n == spec or n.startswith(spec + "/") for n in names):
            continue
        if worktree is not None and (worktree / spec).exists():
            continue
        raise UsageError(f"{shown}: not in {_name(old_label)} nor in {_name(new_label)}")


def _name(label: str) -> str:
    return f"the {label}" if label == WORKTREE else f"revision '{label}'"


def _blobs(commit: str, label: str, names: list[str], root: Path) -> dict[str, bytes]:
    return {n: git.show(commit, label, n, root) for n in names if file_kind(n)}


def _worktree(specs: list[str], root: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for spec in specs:
        base = root / spec
        if base.is_file() and file_kind(spec):
            out[spec] = base.read_bytes()
        elif base.is_dir():
            out.update({(rel if spec == "." else f"{spec}/{rel}"): raw for rel, raw in walk_dir(base).items()})
    return out
