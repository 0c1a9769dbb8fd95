"""Find the program directories a path names, and load them (with their siblings) into a Corpus."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.errors import UsageError
from sivistys_cli.load.corpus import Corpus, ProgramDir
from sivistys_cli.load.files import display_path, read_file, real
from sivistys_cli.load.reading import MAX_BYTES, ReadLimits
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.paths import OUTCOMES_DIR, PROGRAM_FILE


def load(paths: Iterable[str | Path], cwd: Path | None = None, max_bytes: int = MAX_BYTES,
         follow_links: bool = False) -> Corpus:
    """Load what the user named (files, program directories, or a directory of programs).

    A file over `max_bytes` is not read; a symlink leading out of the folders named (and the folders
    that hold their programs) is not followed unless `follow_links`.
    """
    cwd = cwd or Path.cwd()
    given = [Path(p) for p in paths] or [Path("programs")]
    roots, selected = _discover(given, cwd)
    context_roots = _siblings(roots) - set(roots)
    inside = () if follow_links else tuple({r.parent for r in roots} | {real(cwd / g) for g in given})
    limits = ReadLimits(max_bytes, inside)
    programs = [_load_dir(r, cwd, limits) for r in sorted(roots)]
    context = [_load_dir(r, cwd, limits) for r in sorted(context_roots)]
    diags = [d for pd in programs for d in _dir_diagnostics(pd, cwd)]
    for orphan in _orphans(given, cwd):
        selected.add(orphan)
        diags.append(Diagnostic(
            display_path(orphan, cwd), 1, 1, "SV005", Severity.warning,
            f"the directory '{orphan.parent.name}' has YAML files but no {PROGRAM_FILE}, so it is not checked; "
            f"name the program file {PROGRAM_FILE}",
        ))
    corpus = Corpus(programs, context, selected, [])
    corpus.diagnostics = [d for d in diags if _is_selected(corpus, d, cwd)]
    return corpus


def _is_selected(corpus: Corpus, diag: Diagnostic, cwd: Path) -> bool:
    return real(cwd / diag.file) in corpus.selected


def _discover(paths: list[Path], cwd: Path) -> tuple[set[Path], set[Path]]:
    roots: set[Path] = set()
    selected: set[Path] = set()
    for given in paths:
        if "\0" in str(given):
            raise UsageError(f"{given}: a path cannot contain a NUL character")
        path = real(cwd / given)
        if not _exists(path, given):
            raise UsageError(f"{given}: no such file or directory")
        if not path.is_dir():
            root = _root_of_file(path, given)
            roots.add(root)
            selected.add(path)
            continue
        found = [path] if os.path.lexists(path / PROGRAM_FILE) else sorted(p.parent for p in path.glob(f"*/{PROGRAM_FILE}"))
        if not found:
            raise UsageError(
                f"{given}: no programs found; expected {given}/{PROGRAM_FILE} or {given}/<program-id>/{PROGRAM_FILE}"
            )
        for root in found:
            roots.add(root)
            selected.update(_program_files(root))
    return roots, selected


def _exists(path: Path, given: Path) -> bool:
    try:
        return path.exists()
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise UsageError(f"{given}: {exc.strerror or exc}") from None


def _orphans(given: list[Path], cwd: Path) -> list[Path]:
    """In a directory of programs, subdirectories with YAML files but no program.yaml (a misnamed file)."""
    out = []
    for path in given:
        folder = real(cwd / path)
        if not folder.is_dir() or (folder / PROGRAM_FILE).exists():
            continue
        for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not (p / PROGRAM_FILE).exists()):
            yamls = sorted(sub.glob("*.y*ml"))
            if yamls:
                out.append(yamls[0])
    return out


def _root_of_file(path: Path, given: Path) -> Path:
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{given}: not a YAML file; sivistys reads program.yaml and outcomes/<year>.yaml")
    if path.parent.name == OUTCOMES_DIR and (path.parent.parent / PROGRAM_FILE).exists():
        return path.parent.parent
    if path.name == PROGRAM_FILE:
        return path.parent
    raise UsageError(f"{given}: not a program file; expected <program-id>/{PROGRAM_FILE} or <program-id>/outcomes/<year>.yaml")


def _siblings(roots: set[Path]) -> set[Path]:
    return {p.parent for r in roots for p in r.parent.glob(f"*/{PROGRAM_FILE}")}


def _program_files(root: Path) -> set[Path]:
    files = {root / PROGRAM_FILE}
    files.update(p for p in root.glob("*.y*ml"))
    outcomes = root / OUTCOMES_DIR
    if outcomes.is_dir():
        files.update(p for p in outcomes.iterdir() if p.suffix in (".yaml", ".yml"))
    return {real(f) for f in files}


def _load_dir(root: Path, cwd: Path, limits: ReadLimits) -> ProgramDir:
    program_doc = read_file(root / PROGRAM_FILE, cwd, Program, "program.yaml", limits)
    outcome_docs = []
    outcomes = root / OUTCOMES_DIR
    if outcomes.is_dir():
        for path in sorted(p for p in outcomes.iterdir() if p.suffix in (".yaml", ".yml")):
            outcome_docs.append(read_file(path, cwd, OutcomeYear, "An outcome file", limits))
    return ProgramDir(root, program_doc, outcome_docs)


def _dir_diagnostics(pd: ProgramDir, cwd: Path) -> list[Diagnostic]:
    out = [d for doc in pd.documents for d in doc.problems]
    for path in sorted(pd.root.glob("*.y*ml")):
        if path.name != PROGRAM_FILE:
            out.append(
                Diagnostic(
                    display_path(real(path), cwd), 1, 1, "SV005", Severity.warning,
                    f"'{path.name}' is not read; sivistys reads {PROGRAM_FILE} and {OUTCOMES_DIR}/<year>.yaml "
                    "(rename it or move it out of the program directory)",
                )
            )
    return out
