"""The format's second edition as readers see it: fixes found while encoding new documents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.model import Program, ProgramStatus, current_status
from sivistys_cli.model.annual import assess, counts
from sivistys_cli.model.index import ProgramIndex, responsible

PROGRAM = """\
id: koulut
title: Kuusilahden koulujen ohjelma
organization: Kuusilahden kunta (kuvitteellinen)
period: {start: 2025, end: 2026}
responsible: Sivistystoimi
labels: {target: Tavoitetaso, outcome: Toteutuminen, comment: Perustelut}
themes:
  - id: oppiminen
    title: Oppiminen
    themes:
      - id: lukeminen
        label: Painopiste
        title: Lukeminen
        goals:
          - id: lukutaito
            title: Lukutaito paranee.
            actions:
              - {id: lukuhetket, title: Lukuhetket kouluihin., schedule: 2025}
    measures:
      - id: lukijat
        title: Lukevien oppilaiden osuus
        kind: percentage
        goals: [lukutaito]
        targets: [{year: 2026, value: 50}]
      - id: pitka-mittari
        title: Ylioppilaiden lukutaito
        kind: percentage
        targets: [{year: 2030, value: 60}]
"""

OUTCOMES = """\
program: koulut
year: 2025
outcomes:
  - {ref: lukuhetket, status: partly, comment: Alkanut kahdessa koulussa.}
  - {ref: lukijat, status: achieved, value: 52}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "programs" / "koulut" / "outcomes").mkdir(parents=True)
    (tmp_path / "programs" / "koulut" / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    (tmp_path / "programs" / "koulut" / "outcomes" / "2025.yaml").write_text(OUTCOMES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _program() -> Program:
    return Program.model_validate(yaml.safe_load(PROGRAM))


def test_a_measure_whose_only_target_is_after_the_period_is_not_missing() -> None:
    index = ProgramIndex(_program())
    assessed = assess(index.items, None, 2025, period_end=2026)
    assert "pitka-mittari" not in [a.item.id for a in assessed]
    assert "lukijat" in [a.item.id for a in assessed]
    assert counts(assessed)["missing"] == 2  # the action and 'lukijat', not the 2030 measure


def test_actions_inherit_the_responsible_party_stated_once() -> None:
    index = ProgramIndex(_program())
    who, implementers, where = responsible(index.by_id["lukuhetket"], index.program)
    assert (who, implementers, where) == ("Sivistystoimi", (), "program")


def test_nested_themes_are_walked_to_any_depth() -> None:
    index = ProgramIndex(_program())
    assert index.by_id["lukutaito"].id_path == "koulut/oppiminen/lukeminen/lukutaito"
    assert index.by_id["lukeminen"].depth == 1


def test_the_program_document_shows_a_measure_under_the_goal_it_names(repo: Path) -> None:
    result = CliRunner().invoke(app, ["report", "programs/koulut", "--kind", "program", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    goal = result.stdout.index("Tavoite: Lukutaito paranee.")
    assert result.stdout.count("**Lukevien oppilaiden osuus**") == 1
    assert result.stdout.index("**Lukevien oppilaiden osuus**") > goal
    assert "#### Painopiste: Lukeminen" in result.stdout
    assert "*(koko ohjelman vastuutaho)*" in result.stdout


def test_the_annual_report_uses_the_programs_column_words_and_places_the_measure_under_its_goal(repo: Path) -> None:
    result = CliRunner().invoke(app, ["report", "programs/koulut", "--kind", "annual", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "| Tavoitetaso | Toteuma | Toteutuminen | Perustelut |" in out
    goal = out.index("### Tavoite: Lukutaito paranee.")
    assert out.index("**Mittari:** Lukevien oppilaiden osuus") > goal
    assert "Ylioppilaiden lukutaito" not in out.split("## Yhteenveto")[1].split("|")[0]
    assert "| Lukeminen | 1 | 1 | 0 | 0 | 0 | 2 |" in out  # the measure counts where it is shown
    assert "| **Yhteensä** | **1** | **1** | **0** | **0** | **0** | **2** |" in out  # nothing missing


def test_the_decision_chain_gives_the_status_when_none_is_stated() -> None:
    data = yaml.safe_load(PROGRAM)
    data["decisions"] = [{"kind": "proposal", "body": "Lautakunta", "date": "2024-10"},
                         {"kind": "conditional_approval", "body": "Valtuusto", "date": 2024}]
    assert current_status(Program.model_validate(data)) is ProgramStatus.approved
    data["decisions"].append({"kind": "returned", "body": "Valtuusto", "date": "2025-01-20"})
    assert current_status(Program.model_validate(data)) is ProgramStatus.draft
    data["status"] = "approved"
    assert current_status(Program.model_validate(data)) is ProgramStatus.approved
