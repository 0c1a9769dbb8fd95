"""Authoring commands (init, fmt, outcomes new, export, import) through the command line, on real files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = ROOT / "programs"
BUNDLED = sorted(p for p in PROGRAMS.glob("*/program.yaml"))


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (args, result.output)
    return result.output


def comments(text: str) -> Counter[str]:
    """Every comment's text: whole-line comments and end-of-line ones (' # …' after a value)."""
    found: Counter[str] = Counter()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            found[stripped] += 1
        elif match := re.search(r"\s(#\s.*)$", line):
            found[match.group(1).strip()] += 1
    return found


def git(*args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Testi", "-c", "user.email=testi@example.fi", *args],
                          check=True, capture_output=True, text=True)
    return done.stdout


# --- fmt and outcomes new over every bundled program --------------------------------------------


@pytest.mark.parametrize("program", BUNDLED, ids=lambda p: p.parent.name)
def test_fmt_keeps_every_comment_and_is_idempotent(program: Path, tmp_path: Path) -> None:
    shutil.copytree(PROGRAMS, tmp_path / "programs")  # all of them: programs link to each other
    copy = tmp_path / "programs" / program.parent.name
    before = {p: p.read_text(encoding="utf-8") for p in copy.rglob("*.yaml")}
    run("fmt", str(copy))
    for path, text in before.items():
        assert comments(path.read_text(encoding="utf-8")) == comments(text), path
        assert yaml.safe_load(path.read_text(encoding="utf-8")) == yaml.safe_load(text), path  # same data
    formatted = {p: p.read_bytes() for p in before}
    assert "would reformat" not in run("fmt", "--check", str(copy))  # nothing would change the second time
    run("fmt", str(copy))
    assert {p: p.read_bytes() for p in before} == formatted
    assert CliRunner().invoke(app, ["check", str(copy.parent)]).exit_code == 0


@pytest.mark.parametrize("program", BUNDLED, ids=lambda p: p.parent.name)
def test_outcomes_new_keeps_every_comment_and_is_idempotent(program: Path, tmp_path: Path) -> None:
    shutil.copytree(PROGRAMS, tmp_path / "programs")  # all of them: programs link to each other
    copy = tmp_path / "programs" / program.parent.name
    start = int(re.search(r"period: \{start: (\d{4})", program.read_text(encoding="utf-8")).group(1))
    target = copy / "outcomes" / f"{start}.yaml"
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    run("outcomes", "new", "--year", str(start), str(copy))
    new = target.read_text(encoding="utf-8")
    assert comments(old) <= comments(new)  # every old comment is still there
    entries = re.findall(r"^  - ref: (\S+)", new, re.M)
    assert len(entries) == len(set(entries))
    assert "already complete" in run("outcomes", "new", "--year", str(start), str(copy))
    assert target.read_text(encoding="utf-8") == new
    assert "would reformat" not in run("fmt", "--check", str(target))
    assert CliRunner().invoke(app, ["check", str(copy.parent)]).exit_code == 0


# --- the whole flow, as a new user would take it -------------------------------------------------

THEME = """themes:
  - id: oppimisen-tuki
    title: Oppimisen tuki
    actions:
      - id: tukiopetus
        title: Tukiopetuksen malli kaikkiin kouluihin.
        responsible: Opetuspäällikkö
        schedule: {start: 2025, end: 2026}
    measures:
      - id: tukiopetustunnit
        title: Tukiopetustuntien määrä  # viikossa
        kind: count
        baseline: {year: 2024, value: 40}
        targets: [{year: 2027, value: 60}]
        data_source: {name: Kouluhallintojärjestelmä}
"""


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    root.mkdir()
    monkeypatch.chdir(root)
    git("init", "-q", "-b", "main")
    return root


def _start(root: Path) -> Path:
    out = run("init", "--id", "perusopetus", "--title", "Perusopetuksen kehittämisohjelma 2025–2030",
              "--period", "2025-2030", "--organization", "Esimerkkilän kunta")
    assert "created programs/perusopetus/program.yaml" in out
    program = root / "programs/perusopetus/program.yaml"
    assert program.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/program.schema.json\n")
    assert (root / "schema/program.schema.json").is_file() and (root / "schema/outcomes.schema.json").is_file()
    run("check", code=0)
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("themes: []\n", THEME), encoding="utf-8")
    run("check", code=0)
    assert "(2 entries)" in run("outcomes", "new", "--year", "2025", "programs/perusopetus")
    outcomes = root / "programs/perusopetus/outcomes/2025.yaml"
    text = outcomes.read_text(encoding="utf-8")
    assert "# Toimenpide tukiopetus: Tukiopetuksen malli kaikkiin kouluihin." in text
    outcomes.write_text(text.replace("status: not_assessed", "status: partly", 1), encoding="utf-8")
    run("check", code=0)
    assert "Tukiopetuksen malli" in run("report", "programs/perusopetus", "--kind", "annual", "--format", "markdown")
    git("add", "-A")
    git("commit", "-q", "-m", "Start")
    return outcomes


def _edit_as_excel(book: Path, out: Path) -> None:
    workbook = load_workbook(book)
    sheet = workbook["outcomes 2025"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "tukiopetustunnit":
            row[3].value, row[4].value, row[5].value = "achieved", 52, "Tunteja 52 viikossa.\nSyksyllä lisää."
    workbook["measures"]["K2"] = 65  # target 2027 of the only measure, a plan change
    workbook.save(out)


def test_init_to_import_in_a_fresh_repository(fresh: Path) -> None:
    outcomes = _start(fresh)
    program = fresh / "programs/perusopetus/program.yaml"
    before = {p: p.read_bytes() for p in (program, outcomes)}
    for fmt in ("xlsx", "csv", "json"):  # export, then import unchanged: no file is touched
        run("export", "programs/perusopetus", "--format", fmt, "-o", f"sheet.{fmt}")
        assert run("import", f"sheet.{fmt}").endswith("no changes\n")
        assert {p: p.read_bytes() for p in before} == before
    _edit_as_excel(fresh / "sheet.xlsx", fresh / "edited.xlsx")
    refused = run("import", "edited.xlsx", code=1)
    assert "sheet 'measures', row 2, column K (target 2027): a change to the plan; import it with --plan" in refused
    assert {p: p.read_bytes() for p in before} == before  # nothing written
    out = run("import", "edited.xlsx", "--plan")
    assert "outcomes 2025: tukiopetustunnit: status: not_assessed → achieved" in out.replace("Toteutuma", "status")
    assert "measures: tukiopetustunnit: target 2027: 60 → 65" in out
    diff = run("diff", "--format", "json")
    import json

    changes = {(c["path"].rsplit("/", 1)[-1], c["field"], str(c["old"]), str(c["new"]))
               for c in json.loads(diff)["changes"]}
    assert changes == {
        ("tukiopetustunnit", "targets[2027].value", "60", "65"),
        ("tukiopetustunnit", "status", "not_assessed", "achieved"),
        ("tukiopetustunnit", "value", "None", "52"),
        ("tukiopetustunnit", "comment", "None", "Tunteja 52 viikossa.\nSyksyllä lisää."),
    }
    assert "title: Tukiopetuksen määrä  # viikossa" not in program.read_text(encoding="utf-8")
    assert "# viikossa" in program.read_text(encoding="utf-8")
    assert "would reformat" not in run("fmt", "--check")
    run("check", code=0)


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed")
def test_a_sheet_saved_by_libreoffice_imports(fresh: Path, tmp_path: Path) -> None:
    _start(fresh)
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    _edit_as_excel(fresh / "sheet.xlsx", tmp_path / "edited.xlsx")
    converted = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx",
                    "--outdir", str(converted), str(tmp_path / "edited.xlsx")], check=True, capture_output=True,
                   timeout=180)
    out = run("import", str(converted / "edited.xlsx"), "--plan")
    assert "tukiopetustunnit: target 2027: 60 → 65" in out
    assert "status: achieved" in (fresh / "programs/perusopetus/outcomes/2025.yaml").read_text(encoding="utf-8")
    assert "would reformat" not in run("fmt", "--check")


# --- bad input ------------------------------------------------------------------------------------


def test_bad_input_is_a_clear_message_and_exit_2(fresh: Path) -> None:
    _start(fresh)
    assert "no such file or directory" in run("fmt", "nowhere", code=2)
    assert "outside the program period" in run("outcomes", "new", "--year", "2040", "programs/perusopetus", code=2)
    assert "outside the program period" in run("export", "programs/perusopetus", "--year", "2040", code=2)
    assert "not a program" in run("export", "schema", code=2)
    Workbook().save("other.xlsx")
    assert "not a sheet written by `sivistys export`" in run("import", "other.xlsx", code=2)
    Path("notes.xlsx").write_text("not a workbook", encoding="utf-8")
    assert "not an Excel workbook" in run("import", "notes.xlsx", code=2)
    assert "already exists" in run("init", "--id", "perusopetus", "--title", "x", "--period", "2025-2030",
                                   "--organization", "y", code=2)


def test_unknown_columns_ids_and_wrong_values_are_refused_with_their_place(fresh: Path) -> None:
    outcomes = _start(fresh)
    before = outcomes.read_bytes()
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    workbook = load_workbook("sheet.xlsx")
    sheet = workbook["outcomes 2025"]
    sheet["G1"] = "notes"
    workbook.save("column.xlsx")
    assert "sheet 'outcomes 2025', row 1, column G: unknown column 'notes'" in run("import", "column.xlsx", code=1)
    workbook = load_workbook("sheet.xlsx")
    workbook["outcomes 2025"]["A3"] = "no-such-item"
    workbook["outcomes 2025"]["D2"] = "valmis"
    workbook["outcomes 2025"]["E2"] = 5  # a value on an action is free text, allowed
    workbook.save("bad.xlsx")
    out = run("import", "bad.xlsx", code=1)
    assert "row 3, column A: unknown id 'no-such-item'" in out
    assert "row 2, column D (status): 'valmis' is not a status" in out
    workbook = load_workbook("sheet.xlsx")
    workbook["outcomes 2025"]["E3"] = "paljon"
    workbook.save("kind.xlsx")
    assert "row 3, column E (value): 'paljon' is not a number (a count measure)" in run("import", "kind.xlsx", code=1)
    assert outcomes.read_bytes() == before


def test_fmt_formats_the_other_files_when_one_is_broken(tmp_path: Path) -> None:
    shutil.copytree(PROGRAMS / "somero-sivistysohjelma", tmp_path / "somero-sivistysohjelma")
    # The bundled program is already in fmt's layout: move its id last so fmt has work to do.
    program = tmp_path / "somero-sivistysohjelma/program.yaml"
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("id: somero-sivistysohjelma\n", "", 1) + "id: somero-sivistysohjelma\n", encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken/program.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    out = run("fmt", str(tmp_path), code=2)
    assert f"{tmp_path / 'broken/program.yaml'}:3:1: not valid YAML" in out
    assert "reformatted" in out and "somero-sivistysohjelma/program.yaml" in out
    assert "would reformat" not in run("fmt", "--check", str(tmp_path / "somero-sivistysohjelma"))


def test_init_asks_on_a_terminal(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sivistys_cli.cli import init

    monkeypatch.setattr(init, "interactive", lambda: True)
    result = CliRunner().invoke(app, ["init", "--lang", "sv"],
                                input="grundskolan\nUtvecklingsprogram\n2025-2027\nExempelby kommun\n")
    assert result.exit_code == 0, result.output
    assert "Program id" in result.output
    text = (fresh / "programs/grundskolan/program.yaml").read_text(encoding="utf-8")
    assert "organization: Exempelby kommun\n" in text and "action: Åtgärd" in text
    run("check", code=0)


@pytest.mark.parametrize(("lang", "questions"), [
    ("fi", ["Ohjelman tunniste (esim. perusopetus): ", "Otsikko: ", "Ohjelmakausi (esim. 2025-2030): ",
            "Organisaatio (esim. Esimerkkilän kunta): "]),
    ("sv", ["Programmets id (t.ex. grundskolan): ", "Rubrik: ", "Programperiod (t.ex. 2025-2030): ",
            "Organisation (t.ex. Esimerkkilän kunta): "]),
])
def test_init_asks_in_the_language_of_the_messages(fresh: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                  questions: list[str]) -> None:
    from sivistys_cli.cli import init

    monkeypatch.setattr(init, "interactive", lambda: True)
    result = CliRunner().invoke(app, ["init"], input="perusopetus\nOhjelma\n2025-2027\nEsimerkkilän kunta\n",
                                env={"SIVISTYS_LANG": lang})
    assert result.exit_code == 0, result.output
    assert [q for q in questions if q in result.output] == questions
    assert (fresh / "programs/perusopetus/program.yaml").is_file()


def test_a_control_character_typed_into_a_cell_is_refused(fresh: Path) -> None:
    outcomes = _start(fresh)
    run("export", "programs/perusopetus", "--format", "csv", "-o", "sheet.csv")
    text = Path("sheet.csv").read_text(encoding="utf-8-sig").replace("Tukiopetuksen malli kaikkiin kouluihin.,partly,,",
                                                                     "Tukiopetuksen malli kaikkiin kouluihin.,partly,,x\x1b[2J")
    Path("sheet.csv").write_text(text, encoding="utf-8")
    assert "control character (U+001B)" in run("import", "sheet.csv", code=1)
    assert "status: partly" in outcomes.read_text(encoding="utf-8")


def test_carry_starts_from_last_years_values(fresh: Path) -> None:
    outcomes = _start(fresh)
    outcomes.write_text(outcomes.read_text(encoding="utf-8").replace("value:\n", "value: 44\n"), encoding="utf-8")
    run("outcomes", "new", "--year", "2026", "--carry", "programs/perusopetus")
    text = (fresh / "programs/perusopetus/outcomes/2026.yaml").read_text(encoding="utf-8")
    assert "  - ref: tukiopetustunnit\n    status: not_assessed\n    value: 44\n" in text
    assert "no outcome file before 2025" in run("outcomes", "new", "--year", "2025", "--carry", "programs/perusopetus",
                                                code=2)


def test_plan_import_changes_only_the_main_language_of_a_bilingual_title(fresh: Path) -> None:
    _start(fresh)
    program = fresh / "programs/perusopetus/program.yaml"
    text = program.read_text(encoding="utf-8").replace(
        "title: Oppimisen tuki\n    actions:\n      - id: tukiopetus\n        title: Tukiopetuksen malli kaikkiin kouluihin.",
        "title: Oppimisen tuki\n    actions:\n      - id: tukiopetus\n        title: {fi: Tukiopetuksen malli., sv: Stödundervisning.}")
    program.write_text(text.replace("languages: [fi]", "languages: [fi, sv]"), encoding="utf-8")
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    workbook = load_workbook("sheet.xlsx")
    assert workbook["actions"]["D1"].value == "Toimenpide" and workbook["actions"]["D2"].value == "Tukiopetuksen malli."
    workbook["actions"]["D2"] = "Tukiopetuksen uusi malli."
    workbook.save("edited.xlsx")
    run("import", "edited.xlsx", "--plan")
    assert "title: {fi: Tukiopetuksen uusi malli., sv: Stödundervisning.}\n" in program.read_text(encoding="utf-8")


def test_the_workbook_is_what_a_spreadsheet_user_needs(fresh: Path) -> None:
    _start(fresh)
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    workbook = load_workbook("sheet.xlsx")
    assert workbook.sheetnames == ["actions", "measures", "outcomes 2025", "sivistys"]
    assert workbook["sivistys"].sheet_state == "hidden"
    sheet = workbook["outcomes 2025"]
    assert sheet.freeze_panes == "B2" and sheet.protection.sheet
    assert sheet["A2"].protection.locked and not sheet["D2"].protection.locked
    assert [v.formula1 for v in sheet.data_validations.dataValidation] == ['"achieved,partly,not_achieved,not_assessed"']
    assert sheet.column_dimensions["F"].width == 80
    assert [c.value for c in workbook["measures"][1]][:4] == ["id", "Painopiste", "Tavoite", "Mittari"]


def test_an_id_twice_in_a_sheet_is_refused(fresh: Path) -> None:
    _start(fresh)
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    workbook = load_workbook("sheet.xlsx")
    sheet = workbook["outcomes 2025"]
    sheet.append([c.value for c in sheet[2]])
    workbook.save("twice.xlsx")
    assert "row 4, column A: the second row of id 'tukiopetus'" in run("import", "twice.xlsx", code=1)


def test_init_leaves_an_existing_schema_alone_and_schema_write_updates_it(fresh: Path) -> None:
    (fresh / "schema").mkdir()
    (fresh / "schema/program.schema.json").write_text("{}\n", encoding="utf-8")
    out = run("init", "--id", "lukio", "--title", "Lukion ohjelma", "--period", "2025-2026", "--organization", "Kunta")
    assert "wrote" in out and "program.schema.json" not in out
    assert (fresh / "schema/program.schema.json").read_text(encoding="utf-8") == "{}\n"
    assert "schema/program.schema.json" in run("schema", "--write", ".")
    assert (fresh / "schema/program.schema.json").read_bytes() == (ROOT / "schema/program.schema.json").read_bytes()
    assert run("schema", "--write", ".") == ""  # nothing changed, nothing written
    assert "no such directory" in run("schema", "--write", "nowhere", code=2)


@pytest.mark.parametrize("program", BUNDLED, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_every_bundled_program_exports_and_imports_unchanged(program: Path, fmt: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(PROGRAMS, tmp_path / "programs")
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in (tmp_path / "programs").rglob("*.yaml")}
    path = f"programs/{program.parent.name}"
    run("export", path, "--format", fmt, "-o", f"sheet.{fmt}")
    assert run("import", f"sheet.{fmt}", path, "--plan").endswith("no changes\n")
    assert {p: p.read_bytes() for p in (tmp_path / "programs").rglob("*.yaml")} == before


def test_plan_import_puts_new_keys_in_the_models_place_and_comments_stay_with_their_item(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(PROGRAMS, tmp_path / "programs")
    monkeypatch.chdir(tmp_path)
    path = "programs/tammela-palveluprosessit"
    run("export", path, "--format", "csv", "-o", "sheet.csv")
    lines = Path("sheet.csv").read_text(encoding="utf-8-sig").split("\n")  # read_text makes \r\n into \n
    edits = {"lahidemokratiahanke,,": {4: "Kunnanjohtaja", 5: "2017"}, "aanestysvilkkaus,,": {5: "2017-04-01"},
             "osallistujien-maara,,": {6: "2016", 7: "120", 9: "150"}}
    for i, line in enumerate(lines):
        for start, cells in edits.items():
            if line.startswith(start):
                parts = line.split(",")
                for at, value in cells.items():
                    parts[at] = value
                lines[i] = ",".join(parts)
    Path("sheet.csv").write_text("\r\n".join(lines), encoding="utf-8")
    assert run("import", "sheet.csv", "--plan").endswith("6 change(s)\n")
    text = Path(path, "program.yaml").read_text(encoding="utf-8")
    assert ("        kind: count\n        baseline: {year: 2016, value: 120}\n        targets: [{year: 2018, value: 150}]\n"
            "      # Read as a measure of its own;") in text
    assert ("        description: Pilotoidaan lähidemokratiaa uudistavaa hanketta\n        responsible: Kunnanjohtaja\n"
            "        implementers: [Kunta, HAMK, Sidosryhmät]\n        schedule: {start: 2017, end: 2018}\n") in text
    assert "          start: 2017-04-01\n" in text
    assert comments(text) == comments((PROGRAMS / "tammela-palveluprosessit/program.yaml").read_text(encoding="utf-8"))
    run("check", code=0)


def test_a_change_that_would_leave_an_invalid_file_is_refused(fresh: Path) -> None:
    _start(fresh)
    program = fresh / "programs/perusopetus/program.yaml"
    text = program.read_text(encoding="utf-8").replace("        baseline: {year: 2024, value: 40}\n", "")
    program.write_text(text, encoding="utf-8")
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    workbook = load_workbook("sheet.xlsx")
    workbook["measures"]["G2"] = 2024  # a baseline year, but no baseline value
    workbook.save("edited.xlsx")
    out = run("import", "edited.xlsx", "--plan", code=1)
    assert "the changes would leave a file the format does not accept" in out and "program.yaml:" in out
    assert program.read_text(encoding="utf-8") == text


UNFORMATTED = """\
# The program.
title: "Kokeilu"   # the title
id: p
period: {end: 2026, start: 2025}
organization: 'Esimerkkilän kunta'
themes:
  - title: Teema
    # the theme's id
    id: teema
    actions:
      - title: {sv: Åtgärd, fi: Toimi}
        id: toimi
        description: |
          Rivi yksi.
            Sisennetty rivi.
        # responsible below
        responsible: Rehtori
    # measures follow
    measures:
      - kind: count
        id: m
        title: Mittari
  - title: Toinen
    # the second theme's id
    id: toinen
# the end
"""

FORMATTED = """\
# The program.
id: p
title: Kokeilu     # the title
organization: Esimerkkilän kunta
period: {start: 2025, end: 2026}
themes:
  # the theme's id
  - id: teema
    title: Teema
    actions:
      - id: toimi
        title: {sv: Åtgärd, fi: Toimi}
        description: |
          Rivi yksi.
            Sisennetty rivi.
        # responsible below
        responsible: Rehtori
    # measures follow
    measures:
      - id: m
        title: Mittari
        kind: count
  # the second theme's id
  - id: toinen
    title: Toinen
# the end
"""


def test_fmt_layout_key_order_quotes_and_where_comments_go(tmp_path: Path) -> None:
    program = tmp_path / "p/program.yaml"
    program.parent.mkdir()
    program.write_text(UNFORMATTED, encoding="utf-8")
    diff = run("fmt", "--diff", str(program.parent), code=1)
    assert "-title: \"Kokeilu\"   # the title\n" in diff and "+period: {start: 2025, end: 2026}\n" in diff
    assert program.read_text(encoding="utf-8") == UNFORMATTED  # --diff writes nothing
    assert f"would reformat {program}" in run("fmt", "--check", str(program), code=1)
    run("fmt", str(program))
    assert program.read_text(encoding="utf-8") == FORMATTED
    mtime = program.stat().st_mtime_ns
    assert "0 file(s) reformatted, 1 already formatted" in run("fmt", str(program))
    assert program.stat().st_mtime_ns == mtime  # an unchanged file is not written


def test_a_csv_saved_by_a_finnish_excel_imports(fresh: Path) -> None:
    outcomes = _start(fresh)
    run("export", "programs/perusopetus", "--format", "csv", "-o", "sheet.csv")
    text = Path("sheet.csv").read_text(encoding="utf-8-sig").replace(",", ";")
    text = text.replace("Tukiopetustuntien määrä;not_assessed;;", "Tukiopetustuntien määrä;achieved;52;Hyvä vuosi")
    Path("sheet.csv").write_bytes(text.encode("cp1252"))  # Excel's plain "CSV" is Windows-1252
    out = run("import", "sheet.csv")
    assert "tukiopetustunnit: value: (empty) → 52" in out
    assert "    status: achieved\n    value: 52\n    comment: Hyvä vuosi\n" in outcomes.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["", "just text\n", "- a\n- b\n"])
def test_fmt_leaves_a_file_that_is_not_a_mapping_alone(text: str, tmp_path: Path) -> None:
    program = tmp_path / "p/program.yaml"
    program.parent.mkdir()
    program.write_text(text, encoding="utf-8")
    assert "0 file(s) reformatted" in run("fmt", str(program))
    assert program.read_text(encoding="utf-8") == text


def test_outcomes_new_fills_an_empty_flow_list(fresh: Path) -> None:
    outcomes = _start(fresh)
    outcomes.write_text("# Vuosi 2025.\nprogram: perusopetus\nyear: 2025\noutcomes: []\n", encoding="utf-8")
    run("outcomes", "new", "--year", "2025", "programs/perusopetus")
    text = outcomes.read_text(encoding="utf-8")
    assert text.startswith("# Vuosi 2025.\nprogram: perusopetus\nyear: 2025\noutcomes:\n  # Toimenpide tukiopetus:")
    run("check", code=0)


@pytest.mark.parametrize(("lang", "refused", "status", "kind", "empty"), [
    ("fi", "sivistys: virhe: tuontia ei tehty, mitään ei kirjoitettu:",
     "bad.xlsx: taulukko 'outcomes 2025', rivi 2, sarake D (status): 'valmis' ei ole tila; käytä jotakin näistä: "
     "achieved, partly, not_achieved, not_assessed (toteutunut, osittain toteutunut, ei toteutunut, ei arvioitu)",
     "bad.xlsx: taulukko 'outcomes 2025', rivi 3, sarake E (value): 'paljon' ei ole luku (mittarin laji: lukumäärä)",
     "(tyhjä) → hyvin meni"),
    ("sv", "sivistys: fel: importen avbröts, ingenting skrevs:",
     "bad.xlsx: bladet 'outcomes 2025', rad 2, kolumn D (status): 'valmis' är ingen status; använd en av: "
     "achieved, partly, not_achieved, not_assessed (uppnådd, delvis uppnådd, inte uppnådd, inte bedömd)",
     "bad.xlsx: bladet 'outcomes 2025', rad 3, kolumn E (value): 'paljon' är inget tal (en mätare av typen antal)",
     "(tom) → hyvin meni"),
])
def test_import_refuses_and_lists_changes_in_finnish_and_swedish(fresh: Path, lang: str, refused: str, status: str,
                                                                kind: str, empty: str) -> None:
    outcomes = _start(fresh)
    before = outcomes.read_bytes()
    run("export", "programs/perusopetus", "-o", "sheet.xlsx")
    workbook = load_workbook("sheet.xlsx")
    workbook["outcomes 2025"]["D2"] = "valmis"
    workbook["outcomes 2025"]["E3"] = "paljon"
    workbook.save("bad.xlsx")
    said = CliRunner().invoke(app, ["import", "bad.xlsx", "--lang", lang])
    assert said.exit_code == 1 and said.output.splitlines() == [refused, "  " + status, "  " + kind]
    by_environment = CliRunner().invoke(app, ["import", "bad.xlsx"], env={"SIVISTYS_LANG": lang})
    assert by_environment.exit_code == 1 and by_environment.output == said.output
    assert outcomes.read_bytes() == before
    workbook = load_workbook("sheet.xlsx")
    workbook["outcomes 2025"]["F2"] = "hyvin meni"
    workbook.save("good.xlsx")
    changed = run("import", "good.xlsx", "--lang", lang).splitlines()
    assert changed[0].endswith(f": {empty}") and changed[0].startswith("outcomes 2025: ")
