"""Find the program directories a path names, and load them (with their siblings) into a Corpus."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.messages import render, usage
from sivistys_cli.load.corpus import Corpus, LoadedFile, ProgramDir
from sivistys_cli.load.files import display_path, read_file, real
from sivistys_cli.load.reading import MAX_BYTES, ReadLimits
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.paths import OUTCOMES_DIR, PROGRAM_FILE


@dataclass
class Plan:
    """Which program directories a command reads, before any of them is parsed."""

    roots: list[Path]  # the selected programs, sorted
    context_roots: list[Path]  # their siblings, read only as context for cross-program links, sorted
    selected: set[Path]  # the files whose findings are shown
    orphans: list[Diagnostic]  # directories with YAML files but no program.yaml
    limits: ReadLimits = field(default_factory=ReadLimits)  # how much to read, and from where

    @property
    def all_roots(self) -> list[Path]:
        """Every program directory in the order a corpus lists them: selected first, then context."""
        return self.roots + self.context_roots


def plan(paths: Iterable[str | Path], cwd: Path | None = None, max_bytes: int = MAX_BYTES,
         follow_links: bool = False) -> Plan:
    """Find what the user named (files, program directories, or a directory of programs).

    A file over `max_bytes` will not be read; a symlink leading out of the folders named (and the
    folders that hold their programs) will not be followed unless `follow_links`.
    """
    cwd = cwd or Path.cwd()
    given = [Path(p) for p in paths] or [Path("programs")]
    roots, selected = _discover(given, cwd)
    inside = () if follow_links else tuple({r.parent for r in roots} | {real(cwd / g) for g in given})
    orphans = []
    for orphan in _orphans(given, cwd):
        selected.add(orphan)
        msg = Msg("SV005.orphan", {"directory": orphan.parent.name})
        orphans.append(Diagnostic(display_path(orphan, cwd), 1, 1, "SV005", Severity.warning, render(msg), msg=msg))
    return Plan(sorted(roots), sorted(_siblings(roots) - roots), selected, orphans, ReadLimits(max_bytes, inside))


def load(paths: Iterable[str | Path], cwd: Path | None = None, max_bytes: int = MAX_BYTES,
         follow_links: bool = False) -> Corpus:
    """Load what the user named (files, program directories, or a directory of programs); see plan()."""
    cwd = cwd or Path.cwd()
    return load_planned(plan(paths, cwd, max_bytes, follow_links), cwd)


def load_planned(found: Plan, cwd: Path, context_outcomes: bool = True, outcomes: bool = True) -> Corpus:
    """Load what plan() found: the selected programs (with their outcome files unless `outcomes` is False),
    then their siblings as context (with their outcome files unless `context_outcomes` is False: the
    checks read only the selected programs' outcomes)."""
    programs = [load_program(r, cwd, found.limits, outcomes=outcomes) for r in found.roots]
    context = [load_program(r, cwd, found.limits, outcomes=context_outcomes) for r in found.context_roots]
    corpus = Corpus(programs, context, found.selected, [])
    diags = [d for pd in programs for d in dir_diagnostics(pd, cwd)] + found.orphans
    corpus.diagnostics = selected_only(diags, found.selected, cwd)
    return corpus


def selected_only(diags: list[Diagnostic], selected: set[Path], cwd: Path) -> list[Diagnostic]:
    """The diagnostics of selected files; each file is resolved once (resolve() stats every component)."""
    files = {name for name in {d.file for d in diags} if real(cwd / name) in selected}  # not once per finding
    return [d for d in diags if d.file in files]


def _discover(paths: list[Path], cwd: Path) -> tuple[set[Path], set[Path]]:
    roots: set[Path] = set()
    selected: set[Path] = set()
    for given in paths:
        if "\0" in str(given):
            raise usage("nul_path", path=str(given))
        path = real(cwd / given)
        if not _exists(path, given):
            raise usage("no_such_path", path=str(given))
        if not path.is_dir():
            root = _root_of_file(path, given)
            roots.add(root)
            selected.add(path)
            continue
        found = [path] if os.path.lexists(path / PROGRAM_FILE) else sorted(p.parent for p in path.glob(f"*/{PROGRAM_FILE}"))
        if not found:
            raise usage("no_programs", path=str(given))
        for root in found:
            roots.add(root)
            selected.update(_program_files(root))
    return roots, selected


def _exists(path: Path, given: Path) -> bool:
    try:
        return path.exists()
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise usage("os_path", path=str(given), reason=exc.strerror or str(exc)) from None


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
        raise usage("not_yaml", path=str(given))
    if path.parent.name == OUTCOMES_DIR and (path.parent.parent / PROGRAM_FILE).exists():
        return path.parent.parent
    if path.name == PROGRAM_FILE:
        return path.parent
    raise usage("not_a_program_file", path=str(given))


def _siblings(roots: set[Path]) -> set[Path]:
    # Why: globbing the parent once per program was 309 x 309 glob steps on a national corpus;
    # programs usually share one parent, so each distinct parent is listed once.
    return {p.parent for parent in {r.parent for r in roots} for p in parent.glob(f"*/{PROGRAM_FILE}")}


def _program_files(root: Path) -> set[Path]:
    files = {root / PROGRAM_FILE}
    files.update(p for p in root.glob("*.y*ml"))
    outcomes = root / OUTCOMES_DIR
    if outcomes.is_dir():
        files.update(p for p in outcomes.iterdir() if p.suffix in (".yaml", ".yml"))
    return {real(f) for f in files}


def load_program(root: Path, cwd: Path, limits: ReadLimits | None = None, outcomes: bool = True) -> ProgramDir:
    """One program directory: its program.yaml and (unless not asked for) outcome files, parsed and validated."""
    limits = limits or ReadLimits()
    program_doc = read_file(root / PROGRAM_FILE, cwd, Program, "program.yaml", limits)
    outcome_docs: list[LoadedFile] = []
    if outcomes and (root / OUTCOMES_DIR).is_dir():
        for path in sorted(p for p in (root / OUTCOMES_DIR).iterdir() if p.suffix in (".yaml", ".yml")):
            outcome_docs.append(read_file(path, cwd, OutcomeYear, "An outcome file", limits))
    return ProgramDir(root, program_doc, outcome_docs)


def dir_diagnostics(pd: ProgramDir, cwd: Path) -> list[Diagnostic]:
    """The problems of a program's files, and YAML files in its directory that are not read."""
    out = [d for doc in pd.documents for d in doc.problems]
    for path in sorted(pd.root.glob("*.y*ml")):
        if path.name != PROGRAM_FILE:
            msg = Msg("SV005.stray", {"name": path.name})
            out.append(Diagnostic(display_path(real(path), cwd), 1, 1, "SV005", Severity.warning, render(msg), msg=msg))
    return out
