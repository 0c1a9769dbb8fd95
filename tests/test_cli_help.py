"""The command line itself: --version, every command's --help with examples, shell completion in bash and zsh."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from sivistys_cli import __version__
from sivistys_cli.cli import app

BIN = Path(sys.executable).parent
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"sivistys {__version__}\n")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_has_examples(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"], terminal_width=100)
    assert result.exit_code == 0
    commands = _examples(result.stdout)
    assert commands, f"add examples=(…) to @command of '{name}'"
    assert all(c.startswith(f"sivistys {name}") for c in commands), commands


@pytest.mark.parametrize("name", COMMANDS)
def test_every_example_in_help_parses(name: str) -> None:
    """Each example is a command line the parser accepts (the shell's comment and redirection cut off)."""
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    help_text = CliRunner().invoke(app, [name, "--help"]).stdout
    for line in _examples(help_text):
        words = shlex.split(line.split(" #")[0].split(" >")[0])
        assert words[:2] == ["sivistys", name]
        command.make_context(name, words[2:], resilient_parsing=False)  # raises on a bad option


def _examples(help_text: str) -> list[str]:
    """The command lines under 'Examples:' at the end of a --help."""
    lines = [line.strip() for line in help_text.splitlines()]
    if "Examples:" not in lines:
        return []
    return [line for line in lines[lines.index("Examples:") + 1:] if line]


def _shell(shell: str, script: str) -> subprocess.CompletedProcess[str]:
    """`script` in a real shell, with this environment's sivistys first on PATH."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", None)
    return subprocess.run([shell, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False)


def test_show_completion_in_bash_completes_commands_and_options() -> None:
    # `; true` keeps bash from exec'ing sivistys, so that sivistys sees bash as its parent shell.
    script = _shell("bash", "sivistys --show-completion; true")
    assert script.returncode == 0, script.stderr
    assert "complete -o default -F _sivistys_completion sivistys" in script.stdout
    # As bash calls it on Tab: the command's name, the word being completed, the word before it.
    words = _shell("bash", 'source <(sivistys --show-completion); COMP_WORDS=(sivistys ch); COMP_CWORD=1; '
                           '_sivistys_completion sivistys ch sivistys; printf "%s\\n" "${COMPREPLY[@]}"; '
                           'COMP_WORDS=(sivistys check --fa); COMP_CWORD=2; _sivistys_completion sivistys --fa check; '
                           'printf "%s\\n" "${COMPREPLY[@]}"')
    assert words.returncode == 0, words.stderr
    assert words.stdout.split() == ["check", "--fail-on"]


@pytest.mark.skipif(shutil.which("zsh") is None and not os.environ.get("CI"), reason="zsh is not installed")
def test_show_completion_in_zsh_is_a_zsh_completion_function() -> None:
    script = _shell("zsh", "sivistys --show-completion; true")
    assert script.returncode == 0, script.stderr
    assert script.stdout.startswith("#compdef sivistys")
    assert "_SIVISTYS_COMPLETE=complete_zsh" in script.stdout
    syntax = _shell("zsh", f"zsh -n <<'EOF'\n{script.stdout}\nEOF")
    assert syntax.returncode == 0, syntax.stderr
    # What the function asks sivistys for, asked the same way.
    env = {**os.environ, "_SIVISTYS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "sivistys ex"}
    answer = subprocess.run([str(BIN / "sivistys")], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert '"explain":' in answer.stdout and '"check":' not in answer.stdout


def test_install_completion_writes_the_shell_startup_file(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(["bash", "-c", "sivistys --install-completion; true"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "bash completion installed" in result.stdout
    assert "sivistys" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
