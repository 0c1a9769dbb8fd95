"""Turn the arguments of `sivistys diff` into the two versions to compare, and compare them."""

from __future__ import annotations

import os
from pathlib import Path

from sivistys_cli import git
from sivistys_cli.diff import stream
from sivistys_cli.diff.compare import Change, compare
from sivistys_cli.diff.request import DiffRequest
from sivistys_cli.diff.snapshots import WORKTREE, Cache, Snapshot, file_kind, load_snapshot, read_files, read_or_refuse
from sivistys_cli.diff.stream import Side
from sivistys_cli.display.messages import usage
from sivistys_cli.errors import UsageError
from sivistys_cli.load.reading import MAX_BYTES
from sivistys_cli.model.paths import program_files

DEFAULT_PATH = "programs"  # at the top of the working tree, wherever sivistys runs


def changes(request: DiffRequest, cwd: Path, jobs: int | None = None) -> tuple[list[Change], str, str]:
    """The changes from the old to the new version, and the two versions' labels; any problem is a
    UsageError that names the version. Two versions of many programs are compared program by program
    in `jobs` worker processes (see diff/stream.py); git's diff driver compares its two files at once."""
    if _driver(request):
        old, new = gather(request, cwd)
        return compare(old, new), old.label, new.label
    old_side, new_side = _sides(request, cwd)
    return stream.diff(old_side, new_side, jobs), old_side.label, new_side.label


def gather(request: DiffRequest, cwd: Path) -> tuple[Snapshot, Snapshot]:
    """The old and the new version, loaded whole (`changes` loads them a program at a time)."""
    if _driver(request):
        # git's diff driver: path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-info]
        args = [*request.revisions, *request.paths]
        name, new_name = args[0], args[7] if len(args) == 9 else args[0]
        return _driver_side(args[1], f"a/{name}", name, cwd), _driver_side(args[4], f"b/{new_name}", new_name, cwd)
    old, new = _sides(request, cwd)
    cache: Cache | None = None if request.files else {}  # two directories have always loaded apart
    return (load_snapshot(old.label, old.where, old.files, cache),
            load_snapshot(new.label, new.where, new.files, cache))


def _driver(request: DiffRequest) -> bool:
    if request.files and request.merge_base:
        raise usage("diff.merge_base_files")
    return request.files and len(request.revisions) + len(request.paths) in (7, 9)


def _sides(request: DiffRequest, cwd: Path) -> tuple[Side, Side]:
    """The files of the two versions, read but not loaded."""
    if not request.files:
        return _from_git(request, cwd)
    args = [*request.revisions, *request.paths]
    if len(args) != 2:
        raise usage("diff.files_two")
    old, new = (_path_files(given, cwd) for given in args)
    if not old and not new:
        raise usage("diff.no_programs_either", old=args[0], new=args[1])
    return Side(args[0], args[0], old), Side(args[1], args[1], new)


def _driver_side(given: str, label: str, name: str, cwd: Path) -> Snapshot:
    """One side for git's diff driver: a temporary file whose real name, `name`, says what it holds."""
    if file_kind(name) is None:
        raise usage("diff.not_a_program_file", path=name)
    if given == os.devnull:  # git's side of an added or deleted file
        return Snapshot(label)
    return load_snapshot(label, label, {name: _read(cwd / given, given)})


def _path_files(given: str, cwd: Path) -> dict[str, bytes]:
    """A directory's program files, or a file named on its own (by its name: what it holds says what it is)."""
    path = cwd / given
    return read_files(path) if path.is_dir() else {path.name: _read(path, given)}


def _read(path: Path, given: str) -> bytes:
    return read_or_refuse(path, given)


def _from_git(request: DiffRequest, cwd: Path) -> tuple[Side, Side]:
    root = git.toplevel(cwd)
    given = list(request.paths) or [DEFAULT_PATH]
    specs = [_spec(p, cwd, root) for p in request.paths] or [DEFAULT_PATH]
    (old, old_label), (new, new_label) = _endpoints_with_hint(request, cwd, root)
    old_ids = git.list_blobs(old, old_label, specs, root)
    old_files = git.read_blobs(_select(old_ids, specs), old_label, root, MAX_BYTES)
    if new:
        new_ids = git.list_blobs(new, new_label, specs, root)
        new_files = _read_new(new_label, _select(new_ids, specs), old_ids, old_files, root)
    else:
        new_ids, new_files = {}, {name: raw for spec in specs for name, raw in read_files(root, spec).items()}
    _require_paths(given, specs, [*old_ids, *new_ids], [*old_files, *new_files], None if new else root,
                   old_label, new_label)
    return Side(old_label, _name(old_label), old_files), Side(new_label, _name(new_label), new_files)


def _select(blobs: dict[str, str], specs: list[str]) -> dict[str, str]:
    """The program files among a revision's files (path -> blob id): what `check` would read."""
    return {path: blobs[path] for spec in specs for path in program_files(blobs, spec)}


def _read_new(label: str, ids: dict[str, str], old_ids: dict[str, str], old_files: dict[str, bytes],
              root: Path) -> dict[str, bytes]:
    """The new revision's files; a blob the old side has already read (the same id) is not read again."""
    have = {old_ids[path]: raw for path, raw in old_files.items()}
    fresh = git.read_blobs({path: oid for path, oid in ids.items() if oid not in have}, label, root, MAX_BYTES)
    return {path: have[oid] if oid in have else fresh[path] for path, oid in ids.items()}


def _endpoints_with_hint(request: DiffRequest, cwd: Path, root: Path) -> tuple[tuple[str, str], tuple[str | None, str]]:
    """The two endpoints; an unknown revision that is a path gets a hint to put it after --."""
    try:
        return _endpoints(request, root)
    except UsageError as exc:
        stray = next((r for r in request.revisions if _is_path(cwd, r)), None)
        if stray is None:
            raise
        raise usage("diff.path_after_dashes", message=exc.msg or str(exc), path=stray) from None


def _is_path(cwd: Path, name: str) -> bool:
    try:
        return "\0" not in name and (cwd / name).exists()
    except OSError:  # a revision name longer than a file name may be
        return False


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
        raise usage("diff.two_revisions")
    if merge_base and not revs:
        raise usage("diff.merge_base_revision")
    return revs, merge_base


def _spec(given: str, cwd: Path, root: Path) -> str:
    """A path as git names it: relative to the repository root, '/'-separated, '.' for the root."""
    rel = os.path.relpath((cwd / given).resolve(), root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        raise usage("diff.outside", path=given, root=str(root))
    return Path(rel).as_posix()


def _require_paths(given: list[str], specs: list[str], names: list[str], read: list[str], worktree: Path | None,
                   old_label: str, new_label: str) -> None:
    """A path in neither version is a mistake (a typo, a path in another repository); so is one with no programs."""
    for shown, spec in zip(given, specs):
        if any(_under(name, spec) for name in read):
            continue
        on_disk = worktree / spec if worktree is not None else None
        if not (on_disk and on_disk.exists()) and not any(_under(name, spec) for name in names):
            raise usage("diff.in_neither", path=shown, old=_name(old_label), new=_name(new_label))
        if spec in names or (on_disk and on_disk.is_file()):
            raise usage("not_a_program_file", path=shown)
        raise usage("diff.no_programs_in", path=shown, old=_name(old_label), new=_name(new_label))


def _under(name: str, spec: str) -> bool:
    return spec == "." or name == spec or name.startswith(spec + "/")


def _name(label: str) -> str:
    return f"the {label}" if label == WORKTREE else f"revision '{label}'"
