"""The progress bar of the long commands (check, report --all) on a terminal."""

from __future__ import annotations

from typing import Any

from sivistys_cli.cli.app import console


class ProgressBar:
    """A progress bar on the terminal's stderr, shown only once a run has taken longer than DELAY seconds."""

    DELAY = 1.5  # a quick check (a pre-commit hook) should not flash a bar

    def __init__(self, enabled: bool, label: str) -> None:
        import time

        self.enabled, self.label, self.clock, self.started = enabled, label, time.monotonic, time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> ProgressBar:
        return self

    def update(self, done: int, total: int) -> None:
        if not self.enabled or (self.bar is None and self.clock() - self.started < self.DELAY):
            return
        if self.bar is None:
            from rich.progress import Progress  # only a long run on a terminal pays for importing rich

            self.bar = Progress(console=console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
