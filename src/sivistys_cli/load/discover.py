"""Find the program directories a path names, and load them (with their siblings) into a Corpus."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.messages import render, usage
from sivistys_cli.load.corpus import Corpus, ProgramDir
from sivistys_cli.load.files import display_path, read_file
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.paths import OUTCOMES_DIR, PROGRAM_FILE


def load(paths: Iterable[str | Path], cwd: Path | None = None) -> Corpus:
    """Load what the user named (files, program directories, or a directory of programs)."""
    cwd = cwd or Path.cwd()
    given = [Path(p) for p in paths] or [Path("programs")]
    roots, selected = _discover(given, cwd)
    context_roots = _siblings(roots) - set(roots)
    programs = [_load_dir(r, cwd) for r in sorted(roots)]
    context = [_load_dir(r, cwd) for r in sorted(context_roots)]
    diags = [d for pd in programs for d in _dir_diagnostics(pd, cwd)]
    for orphan in _orphans(given, cwd):
        selected.add(orphan)
        diags.append(Diagnostic(
            display_path(orphan, cwd), 1, 1, "SV005", Severity.warning,
            render(msg := Msg("SV005.orphan", {"directory": orphan.parent.name})), msg=msg,
        ))
    corpus = Corpus(programs, context, selected, [])
    corpus.diagnostics = [d for d in diags if _is_selected(corpus, d, cwd)]
    return corpus


def _is_selected(corpus: Corpus, diag: Diagnostic, cwd: Path) -> bool:
    return (cwd / diag.file).resolve() in corpus.selected


def _discover(paths: list[Path], cwd: Path) -> tuple[set[Path], set[Path]]:
    roots: set[Path] = set()
    selected: set[Path] = set()
    for given in paths:
        path = (cwd / given).resolve()
        if not path.exists():
            raise usage("no_such_path", path=given)
        if path.is_file():
            root = _root_of_file(path, given)
            roots.add(root)
            selected.add(path)
            continue
        found = [path] if (path / PROGRAM_FILE).is_file() else sorted(p.parent for p in path.glob(f"*/{PROGRAM_FILE}"))
        if not found:
            raise usage("no_programs", path=given)
        for root in found:
            roots.add(root)
            selected.update(_program_files(root))
    return roots, selected


def _orphans(given: list[Path], cwd: Path) -> list[Path]:
    """In a directory of programs, subdirectories with YAML files but no program.yaml (a misnamed file)."""
    out = []
    for path in given:
        folder = (cwd / path).resolve()
        if not folder.is_dir() or (folder / PROGRAM_FILE).exists():
            continue
        for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not (p / PROGRAM_FILE).exists()):
            yamls = sorted(sub.glob("*.y*ml"))
            if yamls:
                out.append(yamls[0])
    return out


def _root_of_file(path: Path, given: Path) -> Path:
    if path.suffix not in (".yaml", ".yml"):
        raise usage("not_yaml", path=given)
    if path.parent.name == OUTCOMES_DIR and (path.parent.parent / PROGRAM_FILE).exists():
        return path.parent.parent
    if path.name == PROGRAM_FILE:
        return path.parent
    raise usage("not_a_program_file", path=given)


def _siblings(roots: set[Path]) -> set[Path]:
    return {p.parent for r in roots for p in r.parent.glob(f"*/{PROGRAM_FILE}")}


def _program_files(root: Path) -> set[Path]:
    files = {root / PROGRAM_FILE}
    files.update(p for p in root.glob("*.y*ml"))
    outcomes = root / OUTCOMES_DIR
    if outcomes.is_dir():
        files.update(p for p in outcomes.iterdir() if p.suffix in (".yaml", ".yml"))
    return {f.resolve() for f in files}


def _load_dir(root: Path, cwd: Path) -> ProgramDir:
    program_doc = read_file(root / PROGRAM_FILE, cwd, Program, "program.yaml")
    outcome_docs = []
    outcomes = root / OUTCOMES_DIR
    if outcomes.is_dir():
        for path in sorted(p for p in outcomes.iterdir() if p.suffix in (".yaml", ".yml")):
            outcome_docs.append(read_file(path, cwd, OutcomeYear, "An outcome file"))
    return ProgramDir(root, program_doc, outcome_docs)


def _dir_diagnostics(pd: ProgramDir, cwd: Path) -> list[Diagnostic]:
    out = [d for doc in pd.documents for d in doc.problems]
    for path in sorted(pd.root.glob("*.y*ml")):
        if path.name != PROGRAM_FILE:
            out.append(
                Diagnostic(
                    display_path(path.resolve(), cwd), 1, 1, "SV005", Severity.warning,
                    render(msg := Msg("SV005.stray", {"name": path.name})), msg=msg,
                )
            )
    return out
