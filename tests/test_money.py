"""Money is never added across value types or row kinds: a budget-book table with actual, budget and
plan columns reaches the reports and the summary as the document has it, and nothing sums its columns."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.model import Program
from sivistys_cli.model.costs import by_type_and_year, compare, comparisons

PROGRAM = """\
id: talous
title: Kuusilahden talousesimerkki
organization: Kuusilahden kunta (kuvitteellinen)
period: {start: 2024, end: 2026}
goals:
  - id: g
    title: Tavoite.
    actions:
      - id: a
        title: Toimenpide.
        responsible: Sivistystoimi
        schedule: 2025
        costs:
          - {year: 2024, amount: 1170, type: actual}
          - {year: 2025, amount: 2290, type: budget}
          - {year: 2026, amount: 3410, type: plan}
ledgers:
  - id: kt
    title: Käyttötalous
    columns:
      - {id: tp, type: actual, year: 2024, label: TP 2024}
      - {id: ta, type: budget, year: 2025, label: TA 2025}
      - {id: ts, type: plan, year: 2026, label: TS 2026}
    rows:
      - {id: tuotot, label: Toimintatuotot, kind: income, amounts: {tp: 400, ta: 500, ts: 600}}
      - {id: kulut, label: Toimintakulut, kind: expense, amounts: {tp: -4000, ta: "−5 000", ts: -6000}}
      - {id: kate, label: Toimintakate, kind: net, sum_of: [tuotot, kulut], amounts: {tp: -3600, ta: -4500, ts: -5400}}
"""

# Every sum a careless tool would print: across the cost types, across a row's columns, across a column's rows.
WRONG_SUMS = [1170 + 2290 + 3410, 1170 + 2290, 2290 + 3410, 400 + 500 + 600, 4000 + 5000 + 6000, 3600 + 4500 + 5400,
              400 + 4000 + 3600, 500 + 5000 + 4500, 600 + 6000 + 5400]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "programs" / "talous").mkdir(parents=True)
    (tmp_path / "programs" / "talous" / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _numbers(text: str) -> set[int]:
    """Every whole number in a text, with thousands written '6 666', '6\u00a0666' or '6,666'."""
    found = re.findall(r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+", text)
    return {int(re.sub(r"\D", "", n)) for n in found}


@pytest.mark.parametrize("args", [
    ["summary", "programs"],
    ["report", "programs/talous", "--kind", "program", "-f", "markdown"],
    ["report", "programs/talous", "--kind", "program", "-f", "html"],
    ["report", "programs/talous", "--kind", "program", "-f", "markdown", "--lang", "sv"],
])
def test_no_output_adds_amounts_of_different_types_or_rows(repo: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    numbers = _numbers(result.stdout)
    assert {1170, 2290, 3410, 400, 5000, 5400} <= numbers  # the amounts themselves are shown
    assert not numbers & set(WRONG_SUMS), sorted(numbers & set(WRONG_SUMS))


def test_costs_are_summed_within_one_type_and_year_only() -> None:
    program = Program.model_validate(__import__("yaml").safe_load(PROGRAM))
    sums = by_type_and_year(list(program.goals[0].actions[0].costs))
    assert sums == {("actual", 2024): 1170, ("budget", 2025): 2290, ("plan", 2026): 3410}


def test_only_meaningful_comparisons_are_computed() -> None:
    program = Program.model_validate(__import__("yaml").safe_load(PROGRAM))
    ledger = program.ledgers[0]
    # actual 2024, budget 2025 and plan 2026 are three different types: nothing to compare
    assert comparisons(ledger) == []
    two_plans = ledger.model_copy(update={"columns": (*ledger.columns, ledger.columns[2].model_copy(
        update={"id": "ts27", "year": 2027}))})
    [(kind, column, other)] = comparisons(two_plans)
    assert (kind, column.id, other.id) == ("change", "ts27", "ts")


def test_percentage_used_compares_part_year_actual_with_the_same_years_budget() -> None:
    program = Program.model_validate(__import__("yaml").safe_load(PROGRAM.replace(
        "      - {id: ts, type: plan, year: 2026, label: TS 2026}",
        "      - {id: ts, type: actual_to_date, year: 2025, through_month: 8, label: TOT 1–8}")))
    ledger = program.ledgers[0]
    [(kind, column, other)] = comparisons(ledger)
    assert (kind, column.id, other.id) == ("used", "ts", "ta")
    assert compare(ledger.rows[2], kind, column, other) == Decimal("120.0")


def test_the_stated_net_is_checked_column_by_column(repo: Path) -> None:
    path = repo / "programs" / "talous" / "program.yaml"
    path.write_text(PROGRAM.replace("ta: -4500", "ta: -4400"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "programs"])
    assert result.exit_code == 1
    assert "SV406" in result.stdout and "column 'ta'" in result.stdout
    assert "column 'tp'" not in result.stdout and "column 'ts'" not in result.stdout


def test_a_unicode_minus_is_understood_and_a_word_is_named(repo: Path) -> None:
    path = repo / "programs" / "talous" / "program.yaml"
    path.write_text(PROGRAM.replace('ta: "−5 000"', 'ta: "miinus 5000"'), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "programs"])
    assert result.exit_code == 1
    assert "SV103" in result.stdout and "minus sign −" in result.stdout
