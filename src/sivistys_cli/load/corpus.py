"""What loading produces: each file with its data, positions, model and problems; programs; the corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.messages import render
from sivistys_cli.load.marks import MarkTree
from sivistys_cli.load.source import SourceMap, Suppressions
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.index import ProgramIndex
from sivistys_cli.model.paths import id_path


@dataclass
class LoadedFile:
    """One YAML file: where it is, its parsed data and positions, and its model if valid."""

    path: Path
    display: str
    source: SourceMap | MarkTree = field(default_factory=SourceMap)
    suppressions: Suppressions = field(default_factory=Suppressions)
    data: object = None
    model: Program | OutcomeYear | None = None
    problems: list[Diagnostic] = field(default_factory=list)

    def problem(self, code: str, pos: tuple[int, int], loc: tuple, msg: Msg) -> None:
        self.problems.append(Diagnostic(self.display, *pos, code, Severity.error, render(msg), id_path(self.data, loc),
                                        msg))


@dataclass
class ProgramDir:
    root: Path
    program_doc: LoadedFile
    outcome_docs: list[LoadedFile] = field(default_factory=list)

    @property
    def program(self) -> Program | None:
        return self.program_doc.model  # type: ignore[return-value]

    @property
    def outcomes(self) -> dict[int, OutcomeYear]:
        """Valid outcome files by year (the year stated inside the file)."""
        return {d.model.year: d.model for d in self.outcome_docs if isinstance(d.model, OutcomeYear)}

    @property
    def documents(self) -> list[LoadedFile]:
        return [self.program_doc, *self.outcome_docs]


@dataclass
class Corpus:
    """Programs selected for checking, plus their siblings as context for cross-program links."""

    programs: list[ProgramDir]
    context: list[ProgramDir]
    selected: set[Path]
    diagnostics: list[Diagnostic]
    # Indexes of the programs by id(program), shared by the corpora a batch of reports makes from this one.
    indexes: dict[int, ProgramIndex] = field(default_factory=dict)
    # What a batch of reports finds once for all its programs (report/batch.py), None where it is found for
    # this corpus alone: the cascade links into each program (report/view_program.py links_into), and
    # every program of the batch by id (as by_id() gives them, the models only).
    links_into: dict | None = None
    others: dict[str, Program] | None = None

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
