"""The HTML reports in a real browser: headless Chromium renders each, axe-core finds no violations.

Screenshots go to tmp/report-screenshots/ (ignored by git; SIVISTYS_SCREENSHOTS=DIR to choose)
so that a person can look at the pages. Without chromium or axe-core the test is skipped, except
in CI (CI set), where a missing tool fails: `.ci/run` installs both.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import axe, missing_tools, screenshot

from sivistys_cli.load.discover import load
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "report" / "programs"
SHOTS = Path(os.environ.get("SIVISTYS_SCREENSHOTS") or ROOT / "tmp" / "report-screenshots")
BUNDLED = sorted(p.name for p in (ROOT / "programs").iterdir() if (p / "program.yaml").is_file())
PAGES = (
    [(ROOT / "programs", p, "program", "fi") for p in BUNDLED]
    + [(ROOT / "programs", "toiminnalliset-tavoitteet-2024", "annual", lang) for lang in ("fi", "sv", "en")]
    + [(FIXTURE, "sibbo-hyvinvointi", kind, lang) for kind in ("annual", "program") for lang in ("fi", "sv", "en")]
)


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    missing = missing_tools()
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI needs {' and '.join(missing)}; .ci/run installs them")
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (set CI=1 to make this a failure)")


@pytest.mark.parametrize(("root", "program", "kind", "lang"), PAGES, ids=[f"{p[1]}.{p[2]}.{p[3]}" for p in PAGES])
def test_report_has_no_axe_violations(tmp_path: Path, root: Path, program: str, kind: str, lang: str) -> None:
    corpus = load([root / program], cwd=root.parent)
    html = render(corpus, ReportOptions(kind, "html", lang, 2024 if kind == "annual" else None))
    page = tmp_path / f"{program}.{kind}.{lang}.html"
    page.write_text(html, encoding="utf-8")
    result = axe(page)
    assert "error" not in result, result
    screenshot(page, SHOTS / f"{page.stem}.png", result["height"])
    violations = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in result["violations"]]
    assert violations == []


def test_axe_does_report_a_violation(tmp_path: Path) -> None:
    """The harness itself: a page with a known problem must not pass."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"></body></html>')
    ids = {v["id"] for v in axe(page)["violations"]}
    assert {"image-alt", "html-has-lang"} <= ids


def test_the_gaps_shown_for_the_author_have_no_axe_violations(tmp_path: Path) -> None:
    """--show-missing adds empty parts and empty columns back; they are as accessible as the rest."""
    corpus = load([ROOT / "programs" / "tammela-palveluprosessit"], cwd=ROOT)
    page = tmp_path / "tammela.show-missing.html"
    page.write_text(render(corpus, ReportOptions("program", "html", "fi", show_missing=True)), encoding="utf-8")
    result = axe(page)
    assert "error" not in result, result
    assert [v["id"] for v in result["violations"]] == []
