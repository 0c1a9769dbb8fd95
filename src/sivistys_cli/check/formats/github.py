"""`--format github`: GitHub Actions workflow commands, one annotation per diagnostic."""

from __future__ import annotations

from sivistys_cli.diagnostics import MAX_PER_FILE, Diagnostic, Severity, cap_per_file
from sivistys_cli.display.messages import say
from sivistys_cli.display.sanitize import sanitize

_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _data(text: str) -> str:
    # The runner reads %0A as a newline inside one annotation; sanitize first, so that no key or folder
    # name can add an annotation of its own or a terminal sequence to the log.
    return sanitize(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    shown, hidden = cap_per_file(diagnostics)
    lines = [
        f"::{_LEVEL[d.severity]} file={_prop(d.file)},line={d.line},col={d.col},title={_prop(d.code)}"
        f"::{_data(f'{d.code} {d.message}')}"
        for d in shown
    ]
    lines += [f"::warning file={_prop(file)}::{_data(say('check.more_github', lang, n=n, limit=MAX_PER_FILE))}"
              for file, n in hidden.items()]
    return "".join(line + "\n" for line in lines)
