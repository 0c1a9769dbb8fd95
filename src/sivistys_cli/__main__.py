"""Allow `python -m sivistys_cli`, and the `sivistys` entry point: answer --version before the heavy imports."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line; `sivistys --version` alone is answered without importing typer or pydantic.

    Why: a pre-commit hook or a CI step that only asks the version should not pay the ~0.2 s that
    importing typer, click and pydantic costs; every other command goes through the typer app.
    """
    if sys.argv[1:] == ["--version"]:
        from sivistys_cli import __version__

        sys.stdout.write(f"sivistys {__version__}\n")
        return
    # Why: pydantic scans every installed distribution's entry points for plugins on the first model
    # it builds (tens of milliseconds at each start); sivistys uses no pydantic plugin. setdefault lets
    # a user who wants one say so in their environment.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from sivistys_cli.cli import main as run

    run()


if __name__ == "__main__":
    main()
