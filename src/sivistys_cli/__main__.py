"""Allow `python -m sivistys_cli`, and the `sivistys` entry point: answer --version before the heavy imports."""

from __future__ import annotations

import gc
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
    # Why: a big program is hundreds of thousands of small acyclic objects (nodes, positions, findings);
    # with the default thresholds (700, 10, 10) the cycle collector walked them again and again, a third
    # of the CPU of checking a file with 100 000 findings (3.0 s -> 2.2 s). Cycles are still collected.
    gc.set_threshold(50_000, 20, 20)
    from sivistys_cli.cli import main as run
    from sivistys_cli.gcpause import exit_without_freeing, left

    gc.freeze()  # the imported modules live as long as the process: the collector need not walk them
    exit_without_freeing()
    try:
        run()
    except SystemExit as done:
        # Why: a command that left its trees to the end of the process (gcpause.leave_to_exit) ends here
        # without freeing them; what it wrote is flushed first. Any other exit is Python's usual one.
        if not left() or not (done.code is None or isinstance(done.code, int)):
            raise
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(done.code or 0)


if __name__ == "__main__":
    main()
