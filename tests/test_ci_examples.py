"""The example CI files in docs/ci/: valid for their forge (its published schema, as check-jsonschema
ships it), doing what the README says, and every sivistys command in them accepted by our parser."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.main import get_command

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"
# Authoring commands built on another branch; their lines are checked once the command exists.
PENDING = {"fmt"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("path", "schema"), [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_valid_against_the_forge_schema(path: Path, schema: str) -> None:
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def github_scripts() -> list[str]:
    return [step["run"] for job in load(GITHUB)["jobs"].values() for step in job["steps"] if "run" in step]


def gitlab_scripts() -> list[str]:
    return [line for job in load(GITLAB).values() if isinstance(job, dict) and "script" in job for line in job["script"]]


def test_github_workflow_checks_formats_and_comments_the_diff() -> None:
    workflow = load(GITHUB)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and "push" in triggers
    jobs = workflow["jobs"]
    assert all("runs-on" in job and job["steps"] for job in jobs.values())
    check_steps = " ".join(github_scripts())
    assert "sivistys check" in check_steps and "sivistys fmt --check" in check_steps
    assert jobs["diff"]["if"] == "github.event_name == 'pull_request'"
    assert jobs["diff"]["steps"][0]["with"]["fetch-depth"] == 0
    assert jobs["diff"]["permissions"]["pull-requests"] == "write"
    diff_runs = [s["run"] for s in jobs["diff"]["steps"] if "run" in s]
    assert any("sivistys diff --merge-base" in r and "--format markdown > diff.md" in r for r in diff_runs)
    assert any(r.startswith("gh pr comment") and "--body-file diff.md" in r for r in diff_runs)
    upload = [s for s in jobs["code-scanning"]["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload[0]["with"]["sarif_file"] == "sivistys.sarif"
    assert any("--format sarif --exit-zero > sivistys.sarif" in r for r in github_scripts())


def test_github_workflow_keeps_event_values_out_of_scripts() -> None:
    """`${{ … }}` inside a run: line is pasted into the script before it runs (script injection)."""
    assert [run for run in github_scripts() if "${{" in run] == []


def test_gitlab_pipeline_reports_code_quality_and_comments_the_diff() -> None:
    pipeline = load(GITLAB)
    check = pipeline["sivistys-check"]
    written = re.search(r"--format gitlab --exit-zero > (\S+)", " ".join(check["script"]))
    assert written and check["artifacts"]["reports"]["codequality"] == written.group(1)
    assert check["artifacts"]["when"] == "always"
    assert check["script"][-1] == "sivistys check"  # the job fails on errors after writing the report
    assert pipeline["sivistys-fmt"]["script"] == ["sivistys fmt --check"]
    diff = pipeline["sivistys-diff"]
    assert diff["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert diff["variables"]["GIT_DEPTH"] == "0"
    script = " ".join(diff["script"])
    assert '--merge-base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" HEAD --format markdown > diff.md' in script
    assert "/merge_requests/$CI_MERGE_REQUEST_IID/notes" in script and '"body@diff.md"' in script
    stages = set(pipeline["stages"])
    assert all(job["stage"] in stages for job in pipeline.values() if isinstance(job, dict) and "script" in job)


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_every_sivistys_command_line_parses(path: Path) -> None:
    lines = github_scripts() if path == GITHUB else gitlab_scripts()
    commands = [c for line in lines for c in re.split(r"&&|;|\n", line) if c.strip().startswith("sivistys ")]
    assert commands
    group = get_command(app)
    for command in commands:
        words = shlex.split(command.split(" >")[0])
        name = words[1]
        if name in PENDING and name not in group.commands:  # type: ignore[attr-defined]
            continue
        group.commands[name].make_context(name, words[2:])  # type: ignore[attr-defined]


def test_readme_points_at_both_files() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### In CI"):readme.index("## `sivistys diff`")]
    assert "(docs/ci/github-actions.yml)" in section and "(docs/ci/gitlab-ci.yml)" in section
