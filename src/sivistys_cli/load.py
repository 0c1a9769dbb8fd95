"""Find program directories and load them into models; every failure is returned as data."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.errors import UsageError
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.paths import id_path
from sivistys_cli.source import Parsed, SourceMap, Suppressions, parse
from sivistys_cli.validate import validate

PROGRAM_FILE = "program.yaml"
OUTCOMES_DIR = "outcomes"
_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


@dataclass
class Document:
    """One YAML file: where it is, its parsed data and positions, and its model if valid."""

    path: Path
    display: str
    source: SourceMap = field(default_factory=SourceMap)
    suppressions: Suppressions = field(default_factory=Suppressions)
    data: object = None
    model: Program | OutcomeYear | None = None
    problems: list[Diagnostic] = field(default_factory=list)

    def problem(self, code: str, pos: tuple[int, int], loc: tuple, message: str) -> None:
        self.problems.append(Diagnostic(self.display, *pos, code, Severity.error, message, id_path(self.data, loc)))


@dataclass
class ProgramDir:
    root: Path
    program_doc: Document
    outcome_docs: list[Document] = field(default_factory=list)

    @property
    def program(self) -> Program | None:
        return self.program_doc.model  # type: ignore[return-value]

    @property
    def outcomes(self) -> dict[int, OutcomeYear]:
        """Valid outcome files by year (the year stated inside the file)."""
        return {d.model.year: d.model for d in self.outcome_docs if isinstance(d.model, OutcomeYear)}

    @property
    def documents(self) -> list[Document]:
        return [self.program_doc, *self.outcome_docs]


@dataclass
class Corpus:
    """Programs selected for checking, plus their siblings as context for cross-program links."""

    programs: list[ProgramDir]
    context: list[ProgramDir]
    selected: set[Path]
    diagnostics: list[Diagnostic]

    def all_programs(self) -> list[ProgramDir]:
        return self.programs + self.context

    def unloadable_ids(self) -> dict[str, str]:
        """Programs present but not loadable: their id (as written, else the directory name) -> file."""
        out = {}
        for pd in self.all_programs():
            if pd.program is None:
                data = pd.program_doc.data
                raw = data.get("id") if isinstance(data, dict) else None
                out[raw if isinstance(raw, str) else pd.root.name] = pd.program_doc.display
        return out

    def by_id(self) -> dict[str, ProgramDir]:
        out: dict[str, ProgramDir] = {}
        for pd in self.all_programs():
            if pd.program is not None:
                out.setdefault(pd.program.id, pd)
        return out


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
            f"the directory '{orphan.parent.name}' has YAML files but no {PROGRAM_FILE}, so it is not checked; "
            f"name the program file {PROGRAM_FILE}",
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
            raise UsageError(f"{given}: no such file or directory")
        if path.is_file():
            root = _root_of_file(path, given)
            roots.add(root)
            selected.add(path)
            continue
        found = [path] if (path / PROGRAM_FILE).is_file() else sorted(p.parent for p in path.glob(f"*/{PROGRAM_FILE}"))
        if not found:
            raise UsageError(
                f"{given}: no programs found; expected {given}/{PROGRAM_FILE} or {given}/<program-id>/{PROGRAM_FILE}"
            )
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
        raise UsageError(f"{given}: not a YAML file; sivistys reads program.yaml and outcomes/<year>.yaml")
    if path.parent.name == OUTCOMES_DIR and (path.parent.parent / PROGRAM_FILE).exists():
        return path.parent.parent
    if path.name == PROGRAM_FILE:
        return path.parent
    raise UsageError(f"{given}: not a program file; expected <program-id>/{PROGRAM_FILE} or <program-id>/outcomes/<year>.yaml")


def program_files(names: Iterable[str], base: str = ".") -> dict[str, str]:
    """Which of these '/'-separated paths (a git tree, say) `load` reads for `base`: path -> kind.

    The same rules as for files on disk: `base` is a program file, a program directory (it holds
    program.yaml) or a directory of programs; a program's files are its program.yaml ("program")
    and outcomes/*.yaml ("outcomes"), and nothing deeper.
    """
    top = PurePosixPath(base)
    paths = {PurePosixPath(n) for n in names}
    if top in paths:  # a file named on its own
        paths, roots = {top}, {top.parent.parent if top.parent.name == OUTCOMES_DIR else top.parent}
    elif top / PROGRAM_FILE in paths:
        roots = {top}
    else:
        roots = {p.parent for p in paths if p.name == PROGRAM_FILE and p.parent.parent == top}
    out = {}
    for p in sorted(paths):
        if p.parent.name == OUTCOMES_DIR and p.parent.parent in roots and p.suffix in (".yaml", ".yml"):
            out[str(p)] = "outcomes"
        elif p.name == PROGRAM_FILE and p.parent in roots:
            out[str(p)] = "program"
    return out


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
    program_doc = _load_doc(root / PROGRAM_FILE, cwd, Program, "program.yaml")
    outcome_docs = []
    outcomes = root / OUTCOMES_DIR
    if outcomes.is_dir():
        for path in sorted(p for p in outcomes.iterdir() if p.suffix in (".yaml", ".yml")):
            outcome_docs.append(_load_doc(path, cwd, OutcomeYear, "An outcome file"))
    return ProgramDir(root, program_doc, outcome_docs)


def display_path(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path)
    except ValueError:  # pragma: no cover - different drives on Windows
        return str(path)


def _load_doc(path: Path, cwd: Path, model: type, what: str) -> Document:
    doc = Document(path.resolve(), display_path(path.resolve(), cwd))
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.problem("SV003", (line, col), (), "the file is not UTF-8 text (it looks like Windows-1252 or Latin-1); "
                    "save it as UTF-8 in your editor")
        return doc
    except OSError as exc:
        doc.problem("SV003", (1, 1), (), f"cannot read the file: {exc.strerror}")
        return doc
    return _fill(doc, text, model, what)


def load_text(text: str, display: str, model: type, what: str) -> Document:
    """Parse and validate text that is not a file on disk (e.g. a file at a git revision)."""
    return _fill(Document(Path(display), display), text, model, what)


def _fill(doc: Document, text: str, model: type, what: str) -> Document:
    parsed: Parsed = parse(text)
    doc.source, doc.suppressions, doc.data = parsed.source, parsed.suppressions, parsed.data
    for p in parsed.problems:
        doc.problem(p.code, (p.line, p.col), p.loc, p.message)
    if any(p.code == "SV001" for p in parsed.problems):
        return doc
    doc.model, findings = validate(model, parsed.data, what)
    for f in findings:
        doc.problem(f.code, parsed.source.locate(f.loc, f.on_key), f.loc, f.message)
    return doc


def _dir_diagnostics(pd: ProgramDir, cwd: Path) -> list[Diagnostic]:
    out = [d for doc in pd.documents for d in doc.problems]
    for path in sorted(pd.root.glob("*.y*ml")):
        if path.name != PROGRAM_FILE:
            out.append(
                Diagnostic(
                    display_path(path.resolve(), cwd), 1, 1, "SV005", Severity.warning,
                    f"'{path.name}' is not read; sivistys reads {PROGRAM_FILE} and {OUTCOMES_DIR}/<year>.yaml "
                    "(rename it or move it out of the program directory)",
                )
            )
    return out
