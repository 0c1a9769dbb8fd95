"""Shared fixtures: the bundled example programs, loaded once per session through the real loader."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sivistys_cli.load.discover import load
from sivistys_cli.model import OutcomeYear, Program

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = ROOT / "programs"


@dataclass
class Bundle:
    program: Program
    outcomes: dict[int, OutcomeYear] = field(default_factory=dict)


@pytest.fixture(scope="session")
def bundled() -> dict[str, Bundle]:
    """Every program under programs/, by program id; loading must succeed without errors."""
    corpus = load([PROGRAMS], cwd=ROOT)
    assert not corpus.diagnostics, corpus.diagnostics
    return {pd.program.id: Bundle(pd.program, pd.outcomes) for pd in corpus.programs if pd.program}


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch copy of programs/ as the current directory, for tests that inject errors."""
    shutil.copytree(PROGRAMS, tmp_path / "programs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` prints GitHub annotations by default under GitHub Actions; the tests expect text."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages follow the locale; the tests run in English whatever the machine's locale is."""
    for name in ("SIVISTYS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
