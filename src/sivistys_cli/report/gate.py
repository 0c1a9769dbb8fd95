"""Which program and year a report is of, and the checks that program must pass before it is reported."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from sivistys_cli.check import engine
from sivistys_cli.check.config import Config
from sivistys_cli.check.rules import RULES
from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.messages import usage
from sivistys_cli.errors import SivistysError
from sivistys_cli.load.corpus import Corpus, LoadedFile, ProgramDir


@dataclass
class Vetted(Corpus):
    """A corpus whose one program a batch has checked already (see report/batch.py): its errors, as
    `program_errors` finds them. What the batch finds once for all (Corpus.indexes, links_into, others)
    a report adds to only in a copy."""

    errors: list[Diagnostic] = field(default_factory=list)


def select_program(corpus: Corpus, given: str | None = None, kind: str = "annual") -> ProgramDir:
    """The one program a report is about; a clear error for several, none, or one with errors.

    `given` is the path as the user wrote it, for the `sivistys check` command the error suggests.
    """
    if len(corpus.programs) != 1:
        names = ", ".join(pd.root.name for pd in corpus.programs)
        raise usage("report.one_program", n=len(corpus.programs), names=names)
    pd = corpus.programs[0]
    refused = refusal(pd, corpus.errors if isinstance(corpus, Vetted) else program_errors(corpus, pd), given, kind)
    if refused is not None:
        raise refused
    return pd


def refusal(pd: ProgramDir, errors: list[Diagnostic], given: str | None, kind: str) -> SivistysError | None:
    """The error a report of the program stops with, given the errors `program_errors` found; None if it may go on.

    A program document (`kind` "program") does not use the outcome files, so their errors do not
    stop it: one bad line in next year's file must not block the plan in the reporting rush.
    """
    if kind == "program":
        errors = [d for d in errors if d.file == pd.program_doc.display]
    if not errors:
        return None
    first = errors[0]
    more = Msg("error.report.more", {"n": len(errors) - 1}) if len(errors) > 1 else ""
    return SivistysError("", Msg("error.report.has_errors", {
        "file": first.file, "line": first.line, "col": first.col, "code": first.code,
        "message": first.msg or first.message, "more": more, "command": shlex.quote(_check_path(pd, given))}))


def program_errors(corpus: Corpus, pd: ProgramDir) -> list[Diagnostic]:
    """The errors `sivistys check` with default settings finds in the program: in all its files, even if one was named.

    The program's index is made once, for these checks and (through `corpus.indexes`) for the report."""
    files = {doc.path for doc in pd.documents}
    shown = {doc.display for doc in pd.documents}
    problems = [d for doc in pd.documents for d in doc.problems]
    # Load problems and findings of files the user did not name are otherwise left out.
    scope = replace(corpus, selected=corpus.selected | files, diagnostics=[*corpus.diagnostics, *problems])
    found = engine.run(scope, gate_config(), cwd=_loaded_from(pd.program_doc), indexes=corpus.indexes)
    return [d for d in found if d.file in shown and d.severity is Severity.error]


@cache
def gate_config() -> Config:
    """`sivistys check`'s default settings with only the checks that can find an error: what a report is refused for.

    Why: a report keeps only the errors, and with default settings a finding has the default severity of
    its code (each check yields findings of its own code only: tests/test_report_gate.py keeps it so); the
    checks that find only warnings made 30 000 of them for a 10 000-theme program (positions, id paths,
    messages), all thrown away: 0.9 s of its 4.6 s report. Codes found while loading are kept as they are."""
    return Config(ignore=tuple(code for code, rule in RULES.items() if rule.severity is not Severity.error))


def _loaded_from(doc: LoadedFile) -> Path:
    """The directory the corpus was loaded from: `doc.display` is `doc.path` relative to it."""
    shown = Path(doc.display)
    return doc.path.parent if shown.is_absolute() else doc.path.parents[len(shown.parts) - 1]


def _check_path(pd: ProgramDir, given: str | None) -> str:
    """The path to check to see every problem of the program: the user's, or its program directory for a file."""
    if given is None:
        return str(Path(pd.program_doc.display).parent)
    path = Path(given)
    if path.suffix in (".yaml", ".yml"):  # checking only the named file would hide the others' problems
        path = path.parent.parent if path.parent.name == "outcomes" else path.parent
    return str(path)


def resolve_year(pd: ProgramDir, year: int | None) -> int:
    """The year of an annual report: the one asked for, if it has outcomes; else the latest."""
    years = sorted(pd.outcomes)
    if not years:
        raise usage("report.no_outcomes", program=pd.root.name)
    if year is None:
        return years[-1]
    if year not in years:
        raise usage("report.no_year", program=pd.root.name, year=year, years=", ".join(map(str, years)))
    return year
