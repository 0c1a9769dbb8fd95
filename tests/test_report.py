"""`sivistys report`: golden outputs for the bundled programs, determinism, options, templates, errors.

Golden files are in tests/golden/report/<program>.<kind>.<lang>.<md|html>; regenerate them with
`SIVISTYS_UPDATE_GOLDENS=1 pytest tests/test_report.py` and review their diff like code.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.load.discover import load
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "report"
FIXTURE = ROOT / "tests" / "fixtures" / "report" / "programs"
UPDATE = os.environ.get("SIVISTYS_UPDATE_GOLDENS") == "1"
OUTCOME_PROGRAM = "toiminnalliset-tavoitteet-2024"
EXAMPLE = "kuusilahti-hyvinvointiohjelma"
BUNDLED = sorted(p.name for p in (ROOT / "programs").iterdir() if (p / "program.yaml").is_file())


def _cases() -> list[tuple[Path, str, str, str, int | None]]:
    """(programs dir, program, kind, lang, year) for every golden, in md and html alike."""
    cases = [(ROOT / "programs", p, "program", "fi", None) for p in BUNDLED]
    cases += [(ROOT / "programs", OUTCOME_PROGRAM, "annual", lang, 2024) for lang in ("fi", "sv", "en")]
    cases += [(ROOT / "programs", OUTCOME_PROGRAM, "program", lang, None) for lang in ("sv", "en")]
    cases += [(FIXTURE, "sibbo-hyvinvointi", kind, lang, 2024) for kind in ("annual", "program") for lang in ("fi", "sv", "en")]
    # The fictional example of the format's second edition, in both of its languages (en falls back).
    cases += [(ROOT / "programs", EXAMPLE, kind, lang, 2025 if kind == "annual" else None)
              for kind in ("annual", "program") for lang in ("sv", "en")
              if not (kind == "program" and lang == "fi")]
    cases += [(ROOT / "programs", EXAMPLE, "annual", "fi", 2025)]
    return cases


CASES = [(*case, fmt) for case in _cases() for fmt in ("md", "html")]


def case_id(case: tuple) -> str:
    return f"{case[1]}.{case[2]}.{case[3]}.{case[5]}"


def make(root: Path, program: str, kind: str, lang: str, year: int | None, fmt: str) -> str:
    corpus = load([root / program], cwd=root.parent)
    return render(corpus, ReportOptions(kind, fmt, lang, year if kind == "annual" else None))


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_report_matches_golden(case: tuple) -> None:
    out = make(*case)
    golden = GOLDEN / case_id(case)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden {golden.name}; run SIVISTYS_UPDATE_GOLDENS=1 pytest tests/test_report.py"
    assert out == golden.read_text(encoding="utf-8"), f"{golden.name} differs; review and regenerate"


def test_every_golden_belongs_to_a_case() -> None:
    expected = {case_id(c) for c in CASES}
    assert sorted(p.name for p in GOLDEN.iterdir() if p.name not in expected) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_output_is_deterministic(fmt: str) -> None:
    args = (FIXTURE, "sibbo-hyvinvointi", "annual", "sv", 2024, fmt)
    assert make(*args).encode() == make(*args).encode()


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


# --- what a council member sees ------------------------------------------------------


def test_annual_html_is_the_2024_outcome_report() -> None:
    html = make(ROOT / "programs", OUTCOME_PROGRAM, "annual", "fi", 2024, "html")
    assert '<html lang="fi">' in html
    assert "<h1>Strategian toteutumista tukevat toiminnalliset tavoitteet</h1>" in html
    for heading in ("Laadukkaat sivistys- ja hyvinvointipalvelut", "Osallistava päätöksenteko ja kehittyvä organisaatio"):
        assert heading in html
    assert "tavoitti niissä 1331 asiakasta" in html
    # status as word and symbol, the colour only a class beside them
    assert '<span class="status status-partly"><span aria-hidden="true">◐</span> Osittain toteutunut</span>' in html
    # self-contained: no scripts, stylesheets, fonts or images to fetch
    assert not re.search(r"<script|<link|<img|@import|@font-face|url\(|\ssrc=", html)


def test_annual_in_swedish_marks_finnish_texts() -> None:
    html = make(ROOT / "programs", OUTCOME_PROGRAM, "annual", "sv", 2024, "html")
    assert '<html lang="sv">' in html
    assert "Vissa texter finns endast på finska." in html
    assert '<span lang="fi">Laadukkaat sivistys- ja hyvinvointipalvelut</span>' in html
    assert "Uppnått" in html and "Toteutunut" not in html


def test_texts_with_a_translation_are_not_marked() -> None:
    html = make(FIXTURE, "sibbo-hyvinvointi", "annual", "sv", 2024, "html")
    assert "<h1>Välfärdsplanens utfall 2024</h1>" in html
    assert '<span lang="fi">Tavoite 1800 jäi saavuttamatta.</span>' in html


def test_numbers_dates_and_money_follow_the_language() -> None:
    fi = make(FIXTURE, "sibbo-hyvinvointi", "program", "fi", None, "md")
    en = make(FIXTURE, "sibbo-hyvinvointi", "program", "en", None, "md")
    assert "16.6.2022" in fi and "1\u00a0331" in fi and "38,5\u00a0%" in fi and "12\u00a0500\u00a0€" in fi
    assert "16 Jun 2022" in en and "1,331" in en and "38.5%" in en and "€12,500" in en


def test_trend_chart_for_measures_with_two_or_more_years() -> None:
    html = make(FIXTURE, "sibbo-hyvinvointi", "annual", "fi", 2024, "html")
    assert html.count('class="chart"') == 3  # kerhokäynnit, liikkuvien osuus, lukudiplomit
    assert html.count('class="spark"') == 3  # and the same three small in the overview
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html
    assert '<title id="chart-kerhokaynnit-title">Kerhokäynnit vuodessa: kehitys 2022–2024</title>' in html
    assert '<table class="trend-data">' in html
    # a year's report does not show later years' values
    assert "2\u00a0100" not in html


def test_program_document_has_every_section() -> None:
    html = make(FIXTURE, "sibbo-hyvinvointi", "program", "fi", None, "html")
    for heading in ("Visio", "Ohjelman tausta", "Valmistelu ja osallistaminen", "Tavoitteet, toimenpiteet ja mittarit",
                    "Kustannukset ja rahoitus", "Riskit", "Sidosryhmät", "Riippuvuudet", "Yhdyspinnat",
                    "Organisointi ja vastuut", "Seuranta ja raportointi", "Kytkennät muihin ohjelmiin",
                    "Päätökset ja muutokset"):
        assert f"<h2>{heading}</h2>" in html, heading
    assert "Kunnanvaltuusto 16.6.2022 § 45" in html
    assert "Lukudiplomin tavoitetta nostettiin." in html
    assert "helmikuu, elokuu" in html


def test_cascade_shows_both_directions() -> None:
    up = make(FIXTURE, "sibbo-hyvinvointi", "program", "fi", None, "md")
    down = make(FIXTURE, "sibbo-kuntastrategia", "program", "fi", None, "md")
    assert "| Lapset liikkuvat päivittäin | Kuntastrategia 2022–2025 | Kuntalaiset liikkuvat enemmän |" in up
    assert "| Hyvinvointisuunnitelma 2022–2025 | Lapset liikkuvat päivittäin | Kuntalaiset liikkuvat enemmän |" in down


def test_action_costs_and_budget_items_are_not_added_together() -> None:
    md = make(ROOT / "programs", "tammela-palveluprosessit", "program", "fi", None, "md")
    assert md.count("**98\u00a0000\u00a0€**") == 2  # the actions' total and the budget items' total
    assert "196" not in md


# --- the command line -----------------------------------------------------------------


def test_report_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    path = str(ROOT / "programs" / OUTCOME_PROGRAM)
    shown = invoke("report", path, "--kind", "annual", "--year", "2024", "--format", "md", "--lang", "en")
    assert shown.exit_code == 0, shown.stderr
    target = tmp_path / "raportti.md"
    target.write_text("old")
    written = invoke("report", path, "--kind", "annual", "--year", "2024", "--format", "md", "--lang", "en", "-o", str(target))
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["raportti.md"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2023"], "no outcomes for 2023; outcomes exist for 2024"),
        (["--lang", "de"], "unknown --lang 'de'; use one of: fi, sv, en"),
        (["--format", "docx"], "unknown --format 'docx'; use one of: html, markdown (or md), pdf"),
        (["--date", "16.6.2025"], "--date '16.6.2025' is not a date; write it as YYYY-MM-DD"),
        (["--template-dir", "/no/such/dir"], "/no/such/dir: no such template directory"),
    ],
)
def test_bad_options_exit_2_with_a_clear_message(args: list[str], message: str) -> None:
    result = invoke("report", str(ROOT / "programs" / OUTCOME_PROGRAM), "--kind", "annual", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_bad_kind_and_paths_exit_2(tmp_path: Path) -> None:
    program = str(ROOT / "programs" / "somero-sivistysohjelma")
    result = invoke("report", program, "--kind", "yearly")
    assert result.exit_code == 2 and "unknown --kind 'yearly'; use one of: annual, program" in result.stderr
    result = invoke("report", program, "--kind", "annual")
    assert result.exit_code == 2 and "there are no outcome files" in result.stderr
    result = invoke("report", str(tmp_path), "--kind", "program")
    assert result.exit_code == 2 and "no programs found" in result.stderr
    result = invoke("report", str(ROOT / "programs"), "--kind", "program")
    assert result.exit_code == 2 and "a report is about one program, and the path holds 9" in result.stderr


def test_a_program_with_errors_is_not_reported(repo_copy: Path) -> None:
    path = Path("programs/somero-sivistysohjelma/program.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: valmis"), encoding="utf-8")
    result = invoke("report", "programs/somero-sivistysohjelma", "--kind", "program")
    assert result.exit_code == 2
    assert "cannot make a report: programs/somero-sivistysohjelma/program.yaml:14:9: SV103 'status' is 'valmis'" in result.stderr
    assert "run `sivistys check programs/somero-sivistysohjelma`" in result.stderr


def test_a_program_failing_its_checks_is_not_reported(repo_copy: Path) -> None:
    """An outcome whose ref has a typo loads fine, but the check finds it: the outcome would vanish."""
    path = Path(f"programs/{OUTCOME_PROGRAM}/outcomes/2024.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ref: hakeutuvat-kirjastopalvelut", "ref: hakeutuvat-kirjastopalvelu"), encoding="utf-8")
    result = invoke("report", f"programs/{OUTCOME_PROGRAM}", "--kind", "annual")
    assert result.exit_code == 2
    assert f"programs/{OUTCOME_PROGRAM}/outcomes/2024.yaml:13:10: SV202 outcome for 'hakeutuvat-kirjastopalvelu'" in result.stderr


@pytest.fixture
def sibbo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch copy of the Sibbo fixture (outcomes 2023–2025) as programs/ in the current directory."""
    shutil.copytree(FIXTURE, tmp_path / "programs")
    monkeypatch.chdir(tmp_path)
    return Path("programs/sibbo-hyvinvointi")


@pytest.mark.parametrize("args", [["program.yaml"], [".", "--year", "2025"], [".", "--year", "2024"]])
def test_a_broken_outcome_file_stops_the_report_whichever_file_is_named(sibbo: Path, args: list[str]) -> None:
    latest = sibbo / "outcomes" / "2025.yaml"
    latest.write_text(latest.read_text(encoding="utf-8").replace("status: achieved", "status: done"), encoding="utf-8")
    path, *options = args
    result = invoke("report", str(sibbo / path), "--kind", "annual", *options)
    assert result.exit_code == 2
    assert "programs/sibbo-hyvinvointi/outcomes/2025.yaml:4:33: SV103 'status' is 'done'" in result.stderr
    assert "no outcomes for" not in result.stderr
    # the command it suggests is a path that shows the error, also when a single file was named
    suggested = re.search(r"run `sivistys (check .*)`", result.stderr)
    assert suggested and suggested.group(1) == "check programs/sibbo-hyvinvointi"
    check = invoke(*suggested.group(1).split())
    assert check.exit_code == 1 and "outcomes/2025.yaml:4:33: SV103" in check.stdout


def test_footer_names_commit_and_date_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sivistys_cli.report.options.report_commit", lambda rev, path: rev and "0123456789ab")
    path = str(ROOT / "programs" / OUTCOME_PROGRAM)
    plain = invoke("report", path, "--kind", "program", "--format", "md").stdout
    assert "Git" not in plain and "Päivätty" not in plain
    dated = invoke("report", path, "--kind", "program", "--format", "md", "--commit", "HEAD", "--date", "2025-06-16").stdout
    assert "Git-versio: 0123456789ab. Päivätty 16.6.2025." in dated


def test_template_dir_overrides_one_block(tmp_path: Path) -> None:
    (tmp_path / "annual.html.j2").write_text(
        '{% extends "builtin/annual.html.j2" %}{% block legend %}<p>Oma selite</p>{% endblock %}', encoding="utf-8"
    )
    result = invoke("report", str(ROOT / "programs" / OUTCOME_PROGRAM), "--kind", "annual", "--template-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "<p>Oma selite</p>" in result.stdout and "Tilojen selitteet" not in result.stdout
    assert "Strategiakärki" in result.stdout


def test_a_failing_template_is_a_usage_error_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "annual.html.j2").write_text(
        '{% extends "builtin/annual.html.j2" %}\n{% block legend %}\n<p>{{ 1/0 }}</p>{% endblock %}', encoding="utf-8"
    )
    result = invoke("report", str(ROOT / "programs" / OUTCOME_PROGRAM), "--kind", "annual", "--template-dir", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert f"template error ({tmp_path / 'annual.html.j2'}:3): division by zero" in result.stderr


def test_a_broken_template_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "program.md.j2").write_text("{% if %}", encoding="utf-8")
    result = invoke("report", str(ROOT / "programs" / OUTCOME_PROGRAM), "--kind", "program", "--format", "md",
                    "--template-dir", str(tmp_path))
    assert result.exit_code == 2
    assert re.search(r"template error \(.*program\.md\.j2:1\)", result.stderr)


def test_templates_directory_is_the_package_one() -> None:
    top = ROOT / "templates"
    assert top.is_symlink() and top.resolve() == (ROOT / "src" / "sivistys_cli" / "templates").resolve()


def test_a_program_document_ignores_the_outcome_files_errors(sibbo: Path) -> None:
    """One bad line in next year's outcome file does not block the plan; the annual report still refuses."""
    latest = sibbo / "outcomes" / "2025.yaml"
    latest.write_text(latest.read_text(encoding="utf-8").replace("status: achieved", "status: done"), encoding="utf-8")
    plan = invoke("report", str(sibbo), "--format", "md")  # --kind defaults to program without --year
    assert plan.exit_code == 0, plan.stderr
    assert plan.stdout.startswith("# ")
    annual = invoke("report", str(sibbo), "--year", "2024")  # --year makes it annual
    assert annual.exit_code == 2
    assert "programs/sibbo-hyvinvointi/outcomes/2025.yaml:4:33: SV103 'status' is 'done'" in annual.stderr


def test_kind_defaults_to_annual_with_a_year_and_to_program_without() -> None:
    path = str(ROOT / "programs" / OUTCOME_PROGRAM)
    assert invoke("report", path, "--format", "md").stdout == make(ROOT / "programs", OUTCOME_PROGRAM, "program", "fi", None, "md")
    assert invoke("report", path, "--year", "2024", "--format", "md").stdout == make(
        ROOT / "programs", OUTCOME_PROGRAM, "annual", "fi", 2024, "md")


def test_a_measure_covered_by_its_assessed_act_is_not_missing() -> None:
    """The 2024 source gives one assessment per act: its measures without values are not gaps."""
    md = make(ROOT / "programs", OUTCOME_PROGRAM, "annual", "fi", 2024, "md")
    assert "| **Yhteensä** | **10** | **1** | **0** | **0** | **0** | **11** |" in md
    assert "Toteuma puuttuu |" not in md.split("## Strategiakärki")[1]


def test_html_has_a_linked_table_of_contents_and_a_bar_per_theme() -> None:
    html = make(ROOT / "programs", OUTCOME_PROGRAM, "annual", "sv", 2024, "html")
    nav = html.split('<nav class="toc" aria-labelledby="toc-title">')[1].split("</nav>")[0]
    assert '<h2 id="toc-title">Innehåll</h2>' in nav
    assert '<li><a href="#summary">Sammanfattning</a></li>' in nav
    # a heading that fell back to Finnish keeps its language in the contents too
    assert '<li><a href="#theme-laadukkaat-palvelut"><span lang="fi">Laadukkaat sivistys- ja hyvinvointipalvelut</span></a></li>' in nav
    for anchor in re.findall(r'href="#([^"]+)"', nav):
        assert f'id="{anchor}"' in html
    assert '<span class="status-partly" style="width: 20.0%"></span>' in html  # 1 of 5 in the last theme
