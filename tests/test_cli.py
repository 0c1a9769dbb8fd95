"""The command line as a user meets it: exit codes, formats, positions, configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.cli import app

SOMERO = Path("programs/somero-sivistysohjelma/program.yaml")


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def inject(path: Path, old: str, new: str) -> tuple[int, int]:
    """Replace the first `old` in `path`; return the 1-based line and column where `new` starts."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col


def test_bundled_programs_check_clean(repo_copy: Path) -> None:
    result = invoke("check")
    assert result.exit_code == 0, result.stdout
    assert "Found 0 errors" in result.stdout


def test_injected_typo_is_reported_at_its_key_in_text(repo_copy: Path) -> None:
    line, col = inject(SOMERO, "title: Helppo ja sujuva", "titel: Helppo ja sujuva")
    result = invoke("check", "programs/somero-sivistysohjelma")
    assert result.exit_code == 1
    assert (
        f"{SOMERO}:{line}:{col}: SV102 error: unknown key 'titel' in goal 'sujuva-asiointi'; did you mean 'title'?"
        in result.stdout
    )
    # the missing title is reported at the goal's mapping
    assert "SV101 error: goal 'sujuva-asiointi' has no 'title'" in result.stdout


def test_injected_error_in_json_format(repo_copy: Path) -> None:
    line, col = inject(SOMERO, "period: {start: 2025, end: 2030}", "period: {start: 2025, end: 20x0}")
    result = invoke("check", "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["version"] == 1
    errors = [d for d in doc["diagnostics"] if d["severity"] == "error"]
    assert errors == [
        {
            "file": str(SOMERO),
            "line": line,
            "col": col + len("period: {start: 2025, end: "),
            "code": "SV103",
            "severity": "error",
            "message": "'end' is '20x0'; expected a whole number such as 2025",
            "path": "somero-sivistysohjelma.period.end",
        }
    ]
    assert doc["summary"]["errors"] == 1


def test_injected_error_in_github_format(repo_copy: Path) -> None:
    line, col = inject(SOMERO, "status: draft", "status: valmis")
    result = invoke("check", "--format", "github", str(SOMERO))
    assert result.exit_code == 1
    expected = (
        f"::error file={SOMERO},line={line},col={col + len('status: ')},title=SV103"
        "::SV103 'status' is 'valmis'; use one of: draft, approved, archived"
    )
    assert expected in result.stdout.splitlines()


def test_yaml_syntax_error_does_not_hide_other_files(repo_copy: Path) -> None:
    inject(SOMERO, "unit: Sivistyspalvelut", "unit: 'Sivistyspalvelut")
    tammela = Path("programs/toiminnalliset-tavoitteet-2024/outcomes/2024.yaml")
    inject(tammela, "status: achieved", "status: vihrea")
    result = invoke("check")
    assert result.exit_code == 1
    assert "SV001 error: YAML syntax error" in result.stdout
    assert "'status' is 'vihrea'; use one of: achieved, partly, not_achieved, not_assessed" in result.stdout


def test_missing_path_is_a_usage_error(repo_copy: Path) -> None:
    result = invoke("check", "no/such/dir")
    assert result.exit_code == 2
    assert "sivistys: error: no/such/dir: no such file or directory" in result.stderr


def test_no_programs_directory_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == 2
    assert "programs: no such file or directory" in result.stderr


def test_directory_without_programs_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    result = invoke("check", "empty")
    assert result.exit_code == 2
    assert "no programs found" in result.stderr


def test_unknown_format_is_a_usage_error(repo_copy: Path) -> None:
    result = invoke("check", "--format", "xml")
    assert result.exit_code == 2


def test_strict_fails_on_warnings(repo_copy: Path) -> None:
    assert invoke("check", "--strict").exit_code == 1


def test_checking_one_file_reports_only_that_file(repo_copy: Path) -> None:
    inject(SOMERO, "status: draft", "status: valmis")
    outcome = "programs/toiminnalliset-tavoitteet-2024/outcomes/2024.yaml"
    result = invoke("check", outcome)
    assert result.exit_code == 0
    assert "somero" not in result.stdout
    assert "1 file checked" in result.stdout


def test_cross_program_links_resolve_when_checking_one_program(repo_copy: Path) -> None:
    result = invoke("check", "programs/lohja-lanupe-kehittamisohjelma")
    assert result.exit_code == 0, result.stdout
    assert "SV203" not in result.stdout and "SV204" not in result.stdout


def test_config_in_pyproject_ignores_and_reclassifies(repo_copy: Path) -> None:
    Path("pyproject.toml").write_text('[tool.sivistys]\nignore = ["SV5"]\nseverity = {SV105 = "error"}\n')
    result = invoke("check")
    assert result.exit_code == 0
    assert "SV5" not in result.stdout


def test_config_with_unknown_code_is_a_usage_error(repo_copy: Path) -> None:
    Path("sivistys.toml").write_text('ignore = ["SV999"]\n')
    result = invoke("check")
    assert result.exit_code == 2
    assert "'SV999' in 'ignore' matches no check code" in result.stderr


def test_config_with_bad_toml_is_a_usage_error(repo_copy: Path) -> None:
    Path("sivistys.toml").write_text("ignore = [\n")
    result = invoke("check")
    assert result.exit_code == 2
    assert "invalid TOML" in result.stderr


def test_severity_override_makes_warning_fail(repo_copy: Path) -> None:
    Path("sivistys.toml").write_text('[tool.sivistys]\nseverity = {SV502 = "error"}\n')
    result = invoke("check")
    assert result.exit_code == 1
    assert "SV502 error" in result.stdout


def test_rules_markdown_matches_the_docs() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "checks.md"
    result = invoke("rules", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == docs.read_text(encoding="utf-8"), "run: sivistys rules --format markdown > docs/checks.md"


def test_readme_lists_every_check_code() -> None:
    from sivistys_cli.check.rules import RULES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert [c for c in RULES if c not in readme] == []


def test_schema_is_json_with_descriptions() -> None:
    result = invoke("schema", "program")
    schema = json.loads(result.stdout)
    assert schema["properties"]["vision"]["description"].startswith("The vision")
    assert invoke("schema", "nothing").exit_code == 2


def test_version() -> None:
    assert invoke("--version").stdout.startswith("sivistys ")


def test_statistics_counts_findings_per_code(repo_copy: Path) -> None:
    result = invoke("check", "--statistics", "programs/toiminnalliset-tavoitteet-2024")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "9  SV504  warning  measure-without-source"
    assert lines[-1] == "Found 0 errors, 19 warnings in 2 files."


@pytest.mark.parametrize("kind", ["program", "outcomes"])
def test_committed_json_schemas_are_current(kind: str) -> None:
    committed = Path(__file__).resolve().parents[1] / "schema" / f"{kind}.schema.json"
    assert invoke("schema", kind).stdout == committed.read_text(encoding="utf-8"), (
        f"run: sivistys schema {kind} > schema/{kind}.schema.json"
    )
