"""Options converted without typer's adapters (cli/app.py coerce_lazily) get exactly what typer gives them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import pytest
import typer
import typer.main

from sivistys_cli.cli.app import coerce_lazily


def _run(args: list[str], lazy: bool) -> tuple[str, Any]:
    """What the command received, or the usage error it gave, with or without the lazy conversion."""
    seen: dict[str, Any] = {}
    app = typer.Typer()

    @app.command()
    def cmd(
        paths: Annotated[Optional[list[Path]], typer.Argument()] = None,
        name: Annotated[Optional[str], typer.Option("--name")] = None,
        flag: Annotated[bool, typer.Option("--flag")] = False,
        maybe: Annotated[Optional[bool], typer.Option("--maybe/--not")] = None,
        config: Annotated[Optional[Path], typer.Option("--config")] = None,
        jobs: Annotated[Optional[int], typer.Option("--jobs", min=1)] = None,
        must: Annotated[Optional[Path], typer.Option("--must", exists=True, dir_okay=False)] = None,
    ) -> None:
        seen.update(paths=paths, name=name, flag=flag, maybe=maybe, config=config, jobs=jobs, must=must)

    command = typer.main.get_command(app)
    if lazy:
        coerce_lazily(command)
    try:
        command.main(args, standalone_mode=False)
    except typer.BadParameter as exc:  # a usage error: its text
        return "error", exc.format_message()
    except Exception as exc:  # noqa: BLE001 - any other click error, by its kind and text
        return type(exc).__name__, str(exc)
    return "ok", {k: (v, type(v).__name__) for k, v in seen.items()}


@pytest.mark.parametrize("args", [
    [],
    ["a.yaml"],
    ["a.yaml", "programs", "ä ö/x.yaml"],
    ["--name", "json", "--flag", "--maybe"],
    ["--not", "--config", "sivistys.toml", "x"],
    ["--jobs", "3"],
    ["--jobs", "0"],
    ["--jobs", "x"],
    ["--must", "/nonexistent/file.yaml"],
    ["--must", "."],
    ["--must", "pyproject.toml"],
    ["", "--name", ""],
])
def test_same_values_and_errors_as_typer(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    assert _run(args, lazy=True) == _run(args, lazy=False)
