"""The only place that runs git: argument lists, never a shell, and no revision read as an option."""

from __future__ import annotations

import os
import re
import subprocess
from decimal import Decimal
from pathlib import Path

from sivistys_cli.diagnostics import Msg
from sivistys_cli.errors import said

# Neither a pager nor a credential prompt may take over a sivistys run.
_ENV = {"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"}
_OID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256


def _run(args: list[str], cwd: Path, what: Msg, stdin: bytes | None = None) -> bytes:
    """Run `git args` in `cwd`; a failure becomes a UsageError that says what was being done."""
    try:
        done = subprocess.run(["git", "--no-pager", *args], cwd=cwd, input=stdin, capture_output=True,
                              check=False, env={**os.environ, **_ENV})
    except FileNotFoundError:
        raise said("git.missing") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise said("git.failed", what=what, detail=f" (git: {detail[-1]})" if detail else "")
    return done.stdout


def toplevel(cwd: Path) -> Path:
    """The root of the working tree that contains `cwd`."""
    out = _run(["rev-parse", "--show-toplevel"], cwd, Msg("error.git.not_a_repository", {"path": str(cwd)}))
    return Path(out.decode("utf-8").strip())


def resolve(rev: str, root: Path) -> str:
    """The commit id `rev` names; `--end-of-options` keeps '--output=x' a (bad) revision, not an option."""
    out = _run(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
        root, Msg("error.git.unknown_revision", {"rev": rev}),
    )
    return out.decode("ascii").strip()


def merge_base(a: str, b: str, root: Path) -> str:
    """The best common ancestor of two commits (what `git diff A...B` compares against)."""
    out = _run(["merge-base", "--end-of-options", a, b], root, Msg("error.git.no_merge_base", {"a": a, "b": b}))
    return out.decode("ascii").strip()


def list_blobs(commit: str, label: str, specs: list[str], root: Path) -> dict[str, str]:
    """Files under the pathspecs at `commit`: path from the root -> blob id; specs are literal, never magic."""
    args = ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit]
    out = _run([*args, "--", *specs], root, Msg("error.git.cannot_list", {"label": label}))
    blobs = {}
    for entry in filter(None, out.decode("utf-8", "surrogateescape").split("\0")):
        meta, _, name = entry.partition("\t")  # "<mode> <type> <id>\t<path>"
        mode, kind, oid = meta.split(" ")
        if kind == "blob" and mode != "120000":  # neither a symbolic link nor a submodule
            blobs[name] = oid
    return blobs


def read_blobs(oids: dict[str, str], label: str, root: Path, max_bytes: int | None = None) -> dict[str, bytes]:
    """The contents of blobs (path -> id) from one `git cat-file --batch`.

    Only ids go to its standard input, never a path, so no file name can ask for another object.
    With `max_bytes`, sizes are asked first (`--batch-check`), so a huge committed file is refused
    without being read into memory.
    """
    wanted = list(dict.fromkeys(oids.values()))
    if not wanted:
        return {}
    if not all(_OID.fullmatch(oid) for oid in wanted):
        raise said("git.bad_object", label=label)
    if max_bytes is not None:
        _refuse_large(oids, wanted, label, root, max_bytes)
    out = _run(["cat-file", "--batch"], root, Msg("error.git.cannot_read", {"label": label}),
               stdin="".join(f"{oid}\n" for oid in wanted).encode("ascii"))
    contents: dict[str, bytes] = {}
    at = 0
    for oid in wanted:  # each answer: "<id> blob <size>\n<contents>\n", or "<id> missing\n"
        end = out.index(b"\n", at)
        head = out[at:end].decode("ascii", "replace").split(" ")
        if len(head) != 3 or head[1] != "blob":
            path = next(p for p, o in oids.items() if o == oid)
            raise said("git.cannot_read_file", path=path, label=label, detail=" ".join(head[1:]))
        at = end + 1 + int(head[2])
        contents[oid] = out[end + 1:at]
        at += 1
    return {path: contents[oid] for path, oid in oids.items()}


def _refuse_large(oids: dict[str, str], wanted: list[str], label: str, root: Path, max_bytes: int) -> None:
    """A UsageError naming the first blob over `max_bytes`; sizes come from `cat-file --batch-check`."""
    out = _run(["cat-file", "--batch-check"], root, Msg("error.git.cannot_read", {"label": label}),
               stdin="".join(f"{oid}\n" for oid in wanted).encode("ascii"))
    for line in out.decode("ascii", "replace").splitlines():  # "<id> blob <size>", or "<id> missing"
        oid, _, rest = line.partition(" ")
        kind, _, size = rest.partition(" ")
        if kind == "blob" and size.isdigit() and int(size) > max_bytes:
            path = next(p for p, o in oids.items() if o == oid)
            raise said("git.too_large", path=path, label=label, size=_mib(int(size)), limit=_mib(max_bytes))


def _mib(size: int) -> Msg:
    return Msg("SV003.mib", {"size": (Decimal(size) / (1 << 20)).quantize(Decimal("0.1"))})
