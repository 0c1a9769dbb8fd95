"""Configuration: found from the checked path upwards, per-path ignores, and bad configuration of any
shape giving exit 2 with the file and the key — never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]


def invoke(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def municipality(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of the bundled programs, with the current directory somewhere else."""
    repo = tmp_path / "kunta"
    shutil.copytree(ROOT / "programs", repo / "programs")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return repo


def test_configuration_is_found_from_the_checked_path(municipality: Path) -> None:
    (municipality / "sivistys.toml").write_text('[tool.sivistys]\nfail-on = "warning"\n', encoding="utf-8")
    assert invoke("check", str(municipality / "programs")).exit_code == 1
    one = municipality / "programs" / "somero-sivistysohjelma" / "program.yaml"
    assert invoke("check", str(one)).exit_code == 1  # from a file too, through its folders


def test_configuration_in_pyproject_is_found_from_the_checked_path(municipality: Path) -> None:
    (municipality / "pyproject.toml").write_text('[tool.sivistys]\nignore = ["SV5"]\n', encoding="utf-8")
    result = invoke("check", str(municipality / "programs"))
    assert result.exit_code == 0
    assert " SV50" not in result.stdout
    empty = municipality.parent / "empty.toml"
    empty.write_text("", encoding="utf-8")
    assert " SV50" in invoke("check", "--config", str(empty), str(municipality / "programs")).stdout


def test_per_path_ignores(municipality: Path) -> None:
    (municipality / "sivistys.toml").write_text(
        '[tool.sivistys]\nper-path-ignores = {"programs/lohja-*" = ["SV505"]}\n',
        encoding="utf-8",
    )
    out = invoke("check", str(municipality / "programs")).stdout
    lohja = [line for line in out.splitlines() if "/lohja-" in line]
    assert lohja and not [line for line in lohja if " SV505 " in line]
    assert [line for line in out.splitlines() if " SV505 " in line]  # still reported elsewhere
    assert [line for line in lohja if " SV506 " in line]  # and other codes still in lohja-*


def test_per_path_ignores_are_relative_to_the_configuration(municipality: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (municipality / "sivistys.toml").write_text('per-path-ignores = {"programs/lohja-*" = ["SV505"]}\n', encoding="utf-8")
    monkeypatch.chdir(municipality / "programs")
    out = invoke("check", ".").stdout
    assert "lohja-" in out and not [line for line in out.splitlines() if " SV505 " in line and "lohja-" in line]


DEEP = 1000


@pytest.mark.parametrize(("toml", "named"), [
    ('severity = "error"', "'severity'"),
    ('severity = ["SV502"]', "'severity'"),
    ("severity = {SV502 = {level = 'error'}}", "'severity.SV502'"),
    ("severity = {SV502 = 3}", "'severity.SV502'"),
    ("[severity]\nSV502 = true", "'severity.SV502'"),
    ("tool = 1", "'tool'"),
    ("[tool]\nsivistys = 3", "'tool.sivistys'"),
    ("tool = {sivistys = [1]}", "'tool.sivistys'"),
    ('select = "SV"', "'select'"),
    ("ignore = [1]", "'ignore'"),
    ("ignore = [[\"SV5\"]]", "'ignore'"),
    ('ignore = [""]', "'ignore'"),
    ('strict = "yes"', "'strict'"),
    ('fail-on = "never"', "'fail-on'"),
    ("fail-on = 2", "'fail-on'"),
    ('per-path-ignores = ["programs/*"]', "'per-path-ignores'"),
    ('per-path-ignores = {"programs/*" = "SV502"}', "'per-path-ignores.programs/*'"),
    ('per-path-ignores = {"programs/*" = ["SV999"]}', "'per-path-ignores.programs/*'"),
    ("colour = true", "'colour'"),
    ("severity = " + "[" * DEEP + "]" * DEEP, "'severity'"),
    ("severity = " + "{a = " * DEEP + "1" + "}" * DEEP, "'severity'"),
    ("[tool.sivistys]\nselect = " + "[" * DEEP + '"SV"' + "]" * DEEP, "'select'"),
    ("[" + ".".join(["severity"] * DEEP) + "]", "'severity'"),
    ("[tool.sivistys." + ".".join(["x"] * DEEP) + "]", "'x'"),
    ("x = 1\n" + "y = [\n" * 40 + "]\n" * 40, "'y'"),
    ("severity = {SV502 = 'error'", "invalid TOML"),
])
def test_bad_configuration_is_a_usage_error_naming_file_and_key(
    municipality: Path, toml: str, named: str
) -> None:
    config = municipality / "sivistys.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    result = invoke("check", str(municipality / "programs"))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    message = result.stderr
    assert message.startswith(f"sivistys: error: {config}")
    assert named in message
    assert len(message.splitlines()) == 1 and "Traceback" not in message


def test_bad_configuration_in_pyproject(municipality: Path) -> None:
    config = municipality / "pyproject.toml"
    config.write_text('[project]\nname = "kunta"\n[tool.sivistys]\nseverity = "error"\n', encoding="utf-8")
    result = invoke("check", str(municipality / "programs"))
    assert result.exit_code == 2
    assert f"{config}: 'severity' must be a table" in result.stderr


def test_unreadable_configuration(municipality: Path) -> None:
    (municipality / "sivistys.toml").write_bytes(b"select = [\"SV\xff\"]\n")
    result = invoke("check", str(municipality / "programs"))
    assert result.exit_code == 2 and "cannot read the configuration" in result.stderr


# Any value TOML can hold, under any key sivistys reads: exit 0, 1 or 2, never 3.
_VALUES = st.recursive(
    st.one_of(st.booleans(), st.integers(-10, 10), st.floats(allow_nan=False, allow_infinity=False),
              st.sampled_from(["SV", "SV502", "error", "warning", "", "programs/*", "x"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["SV502", "a", "programs/*", "sivistys"]), inner, max_size=3)),
    max_leaves=8,
)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {_toml(v)}' for k, v in value.items()) + "}"
    return repr(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["select", "ignore", "severity", "strict", "fail-on", "per-path-ignores", "tool"]),
       value=_VALUES)
def test_any_shape_of_configuration_is_handled(municipality: Path, key: str, value: object) -> None:
    (municipality / "sivistys.toml").write_text(f'"{key}" = {_toml(value)}\n', encoding="utf-8")
    result = invoke("check", "--statistics", str(municipality / "programs"))
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert str(municipality / "sivistys.toml") in result.stderr
