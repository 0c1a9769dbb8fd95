"""The program an authoring command works on: loaded and valid, or a usage error that says why not."""

from __future__ import annotations

from pathlib import Path

from sivistys_cli.authoring.files import program_root
from sivistys_cli.diagnostics import Msg
from sivistys_cli.display.messages import usage
from sivistys_cli.load.files import read_file
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.index import Item, walk
from sivistys_cli.model.paths import OUTCOMES_DIR, PROGRAM_FILE

ASSESSED = ("action", "measure")  # the kinds of item an outcome can be recorded for


def load_program(path: Path) -> tuple[Path, Program]:
    """The program directory and its valid model; a file with errors is a usage error naming the first."""
    root = program_root(path)
    doc = read_file(root / PROGRAM_FILE, Path.cwd(), Program, "program.yaml")
    if doc.model is None:
        first = sorted(doc.problems)[0] if doc.problems else None
        where = Msg("error.authoring.at", {"file": first.file, "line": first.line, "col": first.col,
                                           "message": first.msg or first.message}) if first else str(root / PROGRAM_FILE)
        raise usage("authoring.invalid_program", path=str(root / PROGRAM_FILE), where=where)
    return root, doc.model  # type: ignore[return-value]


def load_outcomes(root: Path, year: int) -> OutcomeYear | None:
    """The year's outcomes if its file exists and is valid; a broken file is a usage error."""
    path = outcome_path(root, year)
    if not path.is_file():
        return None
    doc = read_file(path, Path.cwd(), OutcomeYear, "An outcome file")
    if doc.model is None:
        raise usage("authoring.invalid_outcomes", path=str(path))
    return doc.model  # type: ignore[return-value]


def outcome_path(root: Path, year: int) -> Path:
    return root / OUTCOMES_DIR / f"{year}.yaml"


def assessed_items(program: Program) -> list[Item]:
    """Every action and measure, in the program's order."""
    return [item for item in walk(program) if item.kind in ASSESSED]


def check_year(program: Program, year: int) -> None:
    if not program.period.start <= year <= program.period.end:
        raise usage("authoring.year_outside", year=year, start=program.period.start, end=program.period.end, program=program.id)


def plain(text: str | dict[str, str] | None, program: Program) -> str:
    """A text in the program's main language, on one line (for comments and sheet cells)."""
    if text is None:
        return ""
    if isinstance(text, dict):
        text = text.get(program.languages[0]) or next(iter(text.values()), "")
    return " ".join(str(text).split())


def main_text(text: str | dict[str, str] | None, program: Program) -> str | None:
    """A text in the program's main language, exactly as written (line breaks kept)."""
    if isinstance(text, dict):
        return text.get(program.languages[0]) or next(iter(text.values()), None)
    return text


def label(program: Program, kind: str) -> str:
    """What the program calls a kind of item ('Toimenpide'), or the kind itself."""
    return plain(getattr(program.labels, kind), program) or kind
