"""`sivistys summary`: a terminal overview that stays readable at 80 columns and plain when piped."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.load.discover import load
from sivistys_cli.summary.build import build, default_year
from sivistys_cli.summary.formats.text import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "report" / "programs"
BOX = re.compile(r"[\u2500-\u257f]")
ANSI = re.compile(r"\x1b\[")


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def test_plain_when_piped_and_readable_at_80_columns() -> None:
    result = invoke("summary", str(ROOT / "programs"), env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert not ANSI.search(out) and not BOX.search(out)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Strategian toteutumista tukevat toiminnalliset tavoitteet" in out


def test_the_year_in_numbers() -> None:
    out = invoke("summary", str(ROOT / "programs" / "toiminnalliset-tavoitteet-2024"), "--year", "2024").stdout
    assert re.search(r"Osallistava päätöksenteko ja kehittyvä +2 +4 +5", out)
    assert re.search(r"✓ Toteutunut +10", out) and re.search(r"◐ Osittain toteutunut +1", out)
    # A measure with no value of its own under an assessed act is not missing (the source's count).
    assert re.search(r"\? Toteuma puuttuu +0", out) and re.search(r"Yhteensä +11", out)
    assert re.search(r"Periaatteet valmiit +kyllä \(2024\) +kyllä +✓ kyllä", out)


def test_measures_costs_and_overdue_actions() -> None:
    out = invoke("summary", str(FIXTURE / "sibbo-hyvinvointi"), "--year", "2024", "--lang", "en").stdout
    assert re.search(r"Kerhokäynnit vuodessa +1,650 käyntiä \(2024\) +1,800 käyntiä +✗ no", out)
    assert re.search(r"Suoritetut lukudiplomit +98 \(2024\) +120 \(2025\) +–", out)  # the target is not due yet
    assert re.search(r"2023 +€15,500", out) and re.search(r"Total +€28,000", out)
    assert "- Koko perheen liikuntapäivä (ended 2023)" not in out  # it has an outcome in 2023
    tammela = invoke("summary", str(ROOT / "programs" / "tammela-palveluprosessit"), "--year", "2018").stdout
    assert "- Äänestysvilkkauden aktivointi (päättyi 31.1.2018)" in tammela
    assert "Vuodelta 2018 ei ole toteumatiedostoa." in tammela


def test_colour_keeps_words_and_symbols() -> None:
    corpus = load([ROOT / "programs" / "toiminnalliset-tavoitteet-2024"], cwd=ROOT)
    summaries, tr, skipped = build(corpus.programs, 2024, "sv")
    assert skipped == []
    out = render(summaries, tr, color=True, width=100)
    assert ANSI.search(out)
    assert "✓ Uppnått" in re.sub(r"\x1b\[[0-9;]*m", "", out)


def test_default_year_is_the_latest_with_outcomes() -> None:
    corpus = load([ROOT / "programs"], cwd=ROOT)
    by_id = {pd.program.id: pd for pd in corpus.programs}
    assert default_year(by_id["toiminnalliset-tavoitteet-2024"]) == 2024
    assert default_year(by_id["tammela-palveluprosessit"], today=dt.date(2030, 1, 1)) == 2018
    assert default_year(by_id["somero-sivistysohjelma"], today=dt.date(2020, 1, 1)) == 2025


def test_a_broken_file_is_named_on_stderr_and_exits_1(repo_copy: Path) -> None:
    path = Path("programs/somero-sivistysohjelma/program.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: valmis"), encoding="utf-8")
    result = invoke("summary")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "programs/somero-sivistysohjelma/program.yaml: ohitettu, koska tiedostossa on virheitä (aja sivistys check)."
    ]
    assert "Someron sivistysohjelma" not in result.stdout and "ohitettu" not in result.stdout
    assert "Strategian toteutumista tukevat toiminnalliset tavoitteet" in result.stdout


def test_a_broken_latest_outcome_file_is_not_replaced_by_the_year_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIXTURE, tmp_path / "programs")
    monkeypatch.chdir(tmp_path)
    latest = Path("programs/sibbo-hyvinvointi/outcomes/2025.yaml")
    latest.write_text(latest.read_text(encoding="utf-8").replace("status: achieved", "status: done"), encoding="utf-8")
    result = invoke("summary", "programs/sibbo-hyvinvointi")
    assert result.exit_code == 1
    assert result.stderr.startswith("programs/sibbo-hyvinvointi/outcomes/2025.yaml: ohitettu")
    assert "Toteuma 2025" in result.stdout and "Toteuma 2024" not in result.stdout
    assert "Vuoden 2025 toteumatiedostossa on virheitä, joten toteumia ei lasketa" in result.stdout
    assert re.search(r"\? Toteuma puuttuu +[1-9]", result.stdout)  # its outcomes are not counted


def test_a_program_in_another_language_gets_the_same_default_as_its_report(tmp_path: Path) -> None:
    root = tmp_path / "programs" / "sami"
    root.mkdir(parents=True)
    (root / "program.yaml").write_text(
        "id: sami\ntitle: Sámi program\norganization: X\nperiod: {start: 2025, end: 2026}\nstatus: draft\n"
        "languages: [se]\ngoals:\n  - {id: g, title: Goal}\n", encoding="utf-8")
    summary = invoke("summary", str(root), "--year", "2025")
    report = invoke("report", str(root), "--kind", "program", "--format", "md")
    assert summary.exit_code == 0 and report.exit_code == 0, summary.output + report.output
    assert "Toteuma 2025" in summary.stdout  # Finnish, as in the report
    assert "**Ohjelmakausi:** 2025–2026" in report.stdout


@pytest.mark.parametrize("args", [["--lang", "de"], ["no/such/dir"]])
def test_usage_errors(args: list[str]) -> None:
    assert invoke("summary", *args).exit_code == 2
