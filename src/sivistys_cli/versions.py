"""Two versions of the programs to compare — git revisions, the working tree or plain paths — loaded into models."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sivistys_cli.errors import UsageError
from sivistys_cli.load import load_text
from sivistys_cli.model import OutcomeYear, Program

WORKTREE = "working tree"
_OUTCOME_FILE = re.compile(r"(?:^|/)outcomes/\d{4}\.ya?ml$")


@dataclass
class Snapshot:
    """One version: its programs by id and its yearly outcomes by (program id, year)."""

    label: str
    programs: dict[str, Program] = field(default_factory=dict)
    outcomes: dict[tuple[str, int], OutcomeYear] = field(default_factory=dict)


@dataclass(frozen=True)
class DiffRequest:
    """What the user asked to compare, before anything is read."""

    revisions: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    files: bool = False
    merge_base: bool = False

    @property
    def driver(self) -> bool:
        """git runs a diff driver with 7 arguments (9 for a rename): path, then old and new file, hex, mode."""
        return self.files and len(self.revisions) in (7, 9)


def file_kind(path: str, text: str = "") -> str | None:
    """'program', 'outcomes' or None, by the file's place; by its content when the name says nothing."""
    if path.rsplit("/", 1)[-1] == "program.yaml":
        return "program"
    if _OUTCOME_FILE.search(path):
        return "outcomes"
    if text:
        return "outcomes" if re.search(r"(?m)^year\s*:", text) else "program"
    return None


def load_snapshot(label: str, where: str, files: dict[str, bytes]) -> Snapshot:
    """Load every file through the checker's parser; the first file that does not load stops the diff."""
    snap = Snapshot(label)
    for path in sorted(files):
        model = _load_one(where, path, files[path])
        if isinstance(model, Program):
            snap.programs.setdefault(model.id, model)
        elif isinstance(model, OutcomeYear):
            snap.outcomes.setdefault((model.program, model.year), model)
    return snap


def _load_one(where: str, path: str, raw: bytes) -> Program | OutcomeYear:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{where}: {path} is not UTF-8 text (byte {exc.start})") from None
    kind = file_kind(path, text)
    model, what = (OutcomeYear, "An outcome file") if kind == "outcomes" else (Program, "program.yaml")
    doc = load_text(text, path, model, what)
    if doc.model is None:
        first = min(doc.problems)
        raise UsageError(
            f"{where}: {first.file}:{first.line}:{first.col}: {first.code} {first.message} "
            "(this version of the file does not load, so it cannot be compared)"
        )
    return doc.model  # type: ignore[return-value]


def walk_dir(base: Path) -> dict[str, bytes]:
    """Program and outcome files under a directory (or the file itself), by path relative to `base`."""
    if base.is_file():
        return {base.name: base.read_bytes()}
    out: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))  # .git, .venv …
        for name in filenames:
            rel = (Path(dirpath) / name).relative_to(base).as_posix()
            if file_kind(rel):
                out[rel] = (Path(dirpath) / name).read_bytes()
    return out
