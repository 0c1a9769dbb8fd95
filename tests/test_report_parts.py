"""The program document's parts: one ordered list computed in Python (report/view_program.py) that both the
Markdown and the HTML template lay out, in the order the program's `outline` gives, and nothing else."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from sivistys_cli.display.i18n import Translator
from sivistys_cli.load.discover import load
from sivistys_cli.model import Program
from sivistys_cli.model.outline import DEFAULT_ORDER, left_out
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render
from sivistys_cli.report.view_program import PART_FIELDS, parts_view

ROOT = Path(__file__).resolve().parents[1]
TR = Translator("fi", "fi")
BASE = {"id": "p", "title": "Ohjelma", "organization": "Kuusilahden kunta (kuvitteellinen)",
        "period": {"start": 2025, "end": 2027}}


def _program(**fields: object) -> Program:
    return Program.model_validate({**BASE, **fields})


def _parts(program: Program, show_missing: bool = False) -> list[tuple[str, str | None, str | None, int, bool]]:
    present = {"risks": bool(program.risks), "goals": bool(program.goals), "background": bool(program.background),
               "stakeholders": bool(program.stakeholders),
               "reporting": bool(program.reporting and program.reporting.monitoring),
               "evaluation": bool(program.reporting and program.reporting.evaluation)}
    parts = parts_view(program, lambda name: present.get(name, False), TR, show_missing)
    return [(p.kind, str(p.heading) if p.heading else None, p.number, p.level, p.continues) for p in parts]


def test_every_field_of_a_program_is_shown_by_some_part() -> None:
    """A new field of Program fails here until a part of the document shows it (or it steers how parts are shown)."""
    consumed = {field for fields in PART_FIELDS.values() for field in fields}
    assert set(Program.model_fields) - consumed == set()
    assert consumed - set(Program.model_fields) == set()


@pytest.mark.parametrize("template", ["program.md.j2", "program.html.j2"])
def test_both_templates_lay_out_every_kind_of_part(template: str) -> None:
    text = (files("sivistys_cli") / "templates" / template).read_text(encoding="utf-8")
    kinds = {"section" if k == "sections" else k for k in DEFAULT_ORDER}
    macros = set(re.findall(r"{% macro k_(\w+)\(p\)", text))
    assert kinds - macros == set()
    table = re.search(r"{% set kinds = {(.*?)} %}", text, re.S).group(1)  # type: ignore[union-attr]
    assert set(re.findall(r'"(\w+)": k_\1', table)) == kinds


def test_without_an_outline_the_usual_order_and_only_what_is_stated() -> None:
    program = _program(risks=[{"title": "R"}], goals=[{"id": "g", "title": "G"}], background="Tausta.",
                       sections=[{"id": "s", "title": "Luku"}])
    assert [p[0] for p in _parts(program)] == ["background", "section", "goals", "risks"]
    assert _parts(program)[2] == ("goals", "Tavoitteet, toimenpiteet ja mittarit", None, 2, False)


def test_show_missing_lists_the_empty_parts_for_the_author() -> None:
    program = _program(goals=[{"id": "g", "title": "G"}])
    kinds = [p[0] for p in _parts(program, show_missing=True)]
    assert "risks" in kinds and "stakeholders" in kinds and "costs" in kinds
    assert "source" not in kinds and "value_promise" not in kinds


def test_the_outline_orders_numbers_and_heads_the_parts() -> None:
    program = _program(
        background="Tausta.", risks=[{"title": "R"}], goals=[{"id": "g", "title": "G"}],
        reporting={"monitoring": "Seuranta.", "evaluation": "Arviointi."},
        sections=[{"id": "a", "title": "YHTEYS"}, {"id": "b", "title": "RISKIT"}, {"id": "c", "title": "LIITE"}],
        outline=[{"part": "background", "code": "1", "title": "TAUSTA"}, {"section": "a", "code": "2"},
                 {"part": "goals", "code": "3", "title": "TAVOITTEET"}, {"section": "b", "code": "4"},
                 {"part": "risks", "continues": True}, {"part": "reporting", "code": "5"},
                 {"part": "evaluation", "code": "6", "title": "ARVIOINTI"}],
    )
    assert _parts(program) == [
        ("background", "TAUSTA", "1", 2, False), ("section", "YHTEYS", "2", 2, False),
        ("goals", "TAVOITTEET", "3", 2, False), ("section", "RISKIT", "4", 2, False), ("risks", "Riskit", None, 2, True),
        ("reporting", "Seuranta ja raportointi", "5", 2, False), ("evaluation", "ARVIOINTI", "6", 2, False),
        ("section", "LIITE", None, 2, False),  # not in the outline: after it, and check warns (SV215)
    ]
    assert left_out(program) == ["section:c"]


def test_a_sub_part_left_out_of_the_outline_stays_under_its_part() -> None:
    program = _program(reporting={"monitoring": "Seuranta.", "evaluation": "Arviointi."}, risks=[{"title": "R"}],
                       outline=[{"part": "reporting", "code": "7"}, {"part": "risks", "code": "8"}])
    assert [(p[0], p[3]) for p in _parts(program)] == [("reporting", 2), ("evaluation", 3), ("risks", 2)]
    assert left_out(program) == []


def test_an_entry_naming_nothing_known_is_skipped_not_fatal() -> None:
    program = _program(risks=[{"title": "R"}], outline=[{"section": "puuttuu"}, {"part": "risks"}, {"part": "risks"}])
    assert [p[0] for p in _parts(program)] == ["risks"]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_tammela_reads_one_to_fourteen(fmt: str) -> None:
    corpus = load([ROOT / "programs" / "tammela-palveluprosessit"], cwd=ROOT)
    out = render(corpus, ReportOptions("program", fmt, "fi"))
    pattern = r"^## (\d+(?:\.\d+)?) " if fmt == "markdown" else r"<h2>(\d+(?:\.\d+)?) "
    numbers = re.findall(pattern, out, re.M)
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "11.1", "11.2", "11.3", "11.4",
                       "12", "13", "13.1", "14"]
    # The chapter that ends "…seuraavat riskit:" is followed by its list, not by another chapter.
    after = out.split("Työryhmä tunnisti seuraavat riskit:", 1)[1]
    assert after.index("Ohjelmasuunnitelman rahoitukseen") < after.index("13 EDELLYTYKSET")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_somero_reads_as_its_brochure(fmt: str) -> None:
    corpus = load([ROOT / "programs" / "somero-sivistysohjelma"], cwd=ROOT)
    out = render(corpus, ReportOptions("program", fmt, "fi"))
    order = ["ALUKSI", "OHJELMAN TAUSTALLA", "TYÖPAJOJEN TULOKSET", "LISÄKSI KYSYIMME", "ARVOLUPAUS", "VISIO",
             "KRIITTISET MENESTYSTEKIJÄT"]
    heads = re.findall(r"^## (.+)$" if fmt == "markdown" else r"<h2>(.+?)</h2>", out, re.M)
    assert [h for h in heads if h in order] == order
    assert "Ohjelman teossa on hyödynnetty tekoälyä." in out
    assert not any("tekoälyä" in h for h in heads)  # a colophon line, not a chapter


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize(("lang", "none"), [("fi", "Ei ilmoitettu."), ("sv", "Inte angivet."), ("en", "Not stated.")])
def test_show_missing_shows_the_gaps_only_when_asked(fmt: str, lang: str, none: str) -> None:
    from typer.testing import CliRunner

    from sivistys_cli.cli import app

    path = str(ROOT / "programs" / "tammela-palveluprosessit")
    plain = CliRunner().invoke(app, ["report", path, "--format", fmt, "--lang", lang])
    gaps = CliRunner().invoke(app, ["report", path, "--format", fmt, "--lang", lang, "--show-missing"])
    assert plain.exit_code == gaps.exit_code == 0
    assert none not in plain.stdout and none in gaps.stdout
    # Columns empty in every row come back too: the risks' likelihood, impact and mitigation.
    risk_columns = {"fi": "Todennäköisyys", "sv": "Sannolikhet", "en": "Likelihood"}[lang]
    assert risk_columns not in plain.stdout and risk_columns in gaps.stdout


def test_a_column_empty_in_every_row_is_left_out() -> None:
    corpus = load([ROOT / "programs" / "somero-sivistysohjelma"], cwd=ROOT)
    out = render(corpus, ReportOptions("program", "markdown", "fi"))
    assert "| Mittari |\n|---|\n" in out  # no baseline, target or data source anywhere: one column
    assert " – |" not in out


def test_themes_placed_one_by_one_leave_no_empty_themes_part() -> None:
    program = _program(themes=[{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                       outline=[{"theme": "b", "code": "1"}, {"theme": "a", "code": "2"}])
    assert [(p[0], p[2]) for p in _parts(program, show_missing=False)] == [("theme", "1"), ("theme", "2")]
    assert "themes" not in [p[0] for p in _parts(program, show_missing=True)]
    assert left_out(program) == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_an_annual_table_leaves_out_a_column_no_row_fills(fmt: str) -> None:
    corpus = load([ROOT / "programs" / "toiminnalliset-tavoitteet-2024"], cwd=ROOT)
    out = render(corpus, ReportOptions("annual", fmt, "fi", 2024))
    first = out.split("Kehitetään yksilöllisiä ja ryhmiin kohdistuvia kirjastopalveluja", 1)[1].split("Strategiakärki", 1)[0]
    assert "Mittarin tavoitetaso" in first and "Toteuma<" not in first and "| Toteuma |" not in first
    gaps = render(corpus, ReportOptions("annual", fmt, "fi", 2024, show_missing=True))
    first = gaps.split("Kehitetään yksilöllisiä ja ryhmiin kohdistuvia kirjastopalveluja", 1)[1].split("Strategiakärki", 1)[0]
    assert "Toteuma<" in first or "| Toteuma |" in first
