"""The sheets of one export: the program, and the outcomes of the year asked for (or the latest)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sivistys_cli.authoring.program import check_year, load_outcomes, load_program
from sivistys_cli.authoring.table import Book, build
from sivistys_cli.model.paths import OUTCOMES_DIR


def export_book(path: Path, year: int | None) -> Book:
    root, program = load_program(path)
    if year is None:
        years = sorted(int(p.stem) for p in (root / OUTCOMES_DIR).glob("*.yaml") if p.stem.isdigit())
        today = dt.date.today().year
        year = years[-1] if years else min(max(today, program.period.start), program.period.end)
    check_year(program, year)
    return build(program, load_outcomes(root, year), year)
