"""The only place that runs git: argument lists, never a shell, and no revision read as an option."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from sivistys_cli.errors import UsageError

# Neither a pager nor a credential prompt may take over a sivistys run.
_ENV = {"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"}


def _run(args: list[str], cwd: Path, what: str) -> bytes:
    """Run `git args` in `cwd`; a failure becomes a UsageError that says what was being done."""
    try:
        done = subprocess.run(
            ["git", "--no-pager", *args], cwd=cwd, capture_output=True, check=False, env={**os.environ, **_ENV}
        )
    except FileNotFoundError:
        raise UsageError("git is not installed or not on PATH; use --files OLD NEW to compare without git") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"{what}" + (f" (git: {detail[-1]})" if detail else ""))
    return done.stdout


def toplevel(cwd: Path) -> Path:
    """The root of the working tree that contains `cwd`."""
    out = _run(["rev-parse", "--show-toplevel"], cwd, f"{cwd}: not inside a git repository; "
               "use --files OLD NEW to compare two directories outside git")
    return Path(out.decode("utf-8").strip())


def resolve(rev: str, root: Path) -> str:
    """The commit id `rev` names; `--end-of-options` keeps '--output=x' a (bad) revision, not an option."""
    out = _run(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
        root, f"unknown revision '{rev}': not a commit, branch or tag in this repository",
    )
    return out.decode("ascii").strip()


def merge_base(a: str, b: str, root: Path) -> str:
    """The best common ancestor of two commits (what `git diff A...B` compares against)."""
    out = _run(["merge-base", "--end-of-options", a, b], root, f"revisions '{a}' and '{b}' have no common ancestor")
    return out.decode("ascii").strip()


def list_files(commit: str, label: str, specs: list[str], root: Path) -> list[str]:
    """Files (paths from the root) under the pathspecs at `commit`; specs are literal, never magic."""
    args = ["--literal-pathspecs", "ls-tree", "-r", "-z", "--name-only", "--full-tree", "--end-of-options", commit]
    out = _run([*args, "--", *specs], root, f"cannot list the files of revision '{label}'")
    return [name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]


def show(commit: str, label: str, path: str, root: Path) -> bytes:
    """The contents of `path` at `commit`."""
    return _run(["show", "--no-textconv", "--end-of-options", f"{commit}:{path}"], root,
                f"cannot read {path} at revision '{label}'")
