"""What a report is asked to be: kind, format, language, year, templates, footer; checked before any work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sivistys_cli.display.i18n import LANGS
from sivistys_cli.display.messages import usage
from sivistys_cli.errors import UsageError
from sivistys_cli.report.formats import FORMATS

KINDS = ("annual", "program")


@dataclass(frozen=True)
class ReportOptions:
    """What to make; `check()` turns a bad choice into a usage error naming the good ones."""

    kind: str
    fmt: str
    lang: str
    year: int | None = None
    template_dir: Path | None = None
    commit: str | None = None
    date: dt.date | None = None
    show_missing: bool = False  # list the parts the program leaves empty, for its author

    def check(self) -> None:
        for name, value, allowed in (("--kind", self.kind, KINDS), ("--lang", self.lang, LANGS)):
            if value not in allowed and not (name == "--lang" and value == ""):
                raise usage("report.unknown", option=name, value=value, choices=", ".join(allowed))
        FORMATS.get(self.fmt)
        if self.template_dir is not None and not self.template_dir.is_dir():
            raise usage("report.no_template_dir", path=str(self.template_dir))


def report_commit(rev: str | None, path: Path) -> str | None:
    """The commit a revision names (12 hex digits) for the footer; git runs only when one is asked for."""
    if rev is None:
        return None
    from sivistys_cli import git

    where = path if path.is_dir() else path.parent
    try:
        root = git.toplevel(where)
    except UsageError:
        raise usage("report.no_repository", rev=rev, path=str(path)) from None
    return git.resolve(rev, root)[:12]
