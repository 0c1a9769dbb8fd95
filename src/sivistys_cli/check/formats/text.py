"""The default format: one line per problem, `file:line:col: CODE severity: message`, then a summary."""

from __future__ import annotations

from sivistys_cli.diagnostics import MAX_PER_FILE, Diagnostic, Severity, cap_per_file, count
from sivistys_cli.display.messages import say
from sivistys_cli.display.sanitize import sanitize

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    """Plain text; with `color`, rich markup (every user-supplied part escaped). Messages come localized."""
    shown, hidden = cap_per_file(diagnostics)
    lines = [_line(d, color, lang) for d in shown]
    lines += [_more_line(file, n, color, lang) for file, n in hidden.items()]
    lines.append(summary_line(diagnostics, files, color, lang))
    return "\n".join(lines) + "\n"


def _line(d: Diagnostic, color: bool, lang: str) -> str:
    file, message = sanitize(d.file), sanitize(d.message)  # a key or folder name must not start a line
    severity = say(f"severity.{d.severity.value}", lang)
    if not color:
        return f"{file}:{d.line}:{d.col}: {d.code} {severity}: {message}"
    from rich.markup import escape  # only coloured output (a terminal) needs rich

    style = _STYLE[d.severity]
    return f"[bold]{escape(file)}[/]:{d.line}:{d.col}: [{style}]{d.code} {severity}[/]: {escape(message)}"


def _more_line(file: str, n: int, color: bool, lang: str) -> str:
    name = sanitize(file)
    if color:
        from rich.markup import escape

        name = escape(name)
    return say("check.more", lang, file=name, n=n, limit=MAX_PER_FILE)


def summary_line(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    c = count(diagnostics)
    if not diagnostics:
        text = say("summary.all_clear", lang, n=files)
        return f"[green]{text}[/]" if color else text
    parts = [say("summary.errors", lang, n=c.errors), say("summary.warnings", lang, n=c.warnings)]
    parts += [say("summary.notes", lang, n=c.infos)] if c.infos else []
    text = say("summary.found", lang, parts=", ".join(parts), files=say("summary.in_files", lang, n=files))
    return f"[bold]{text}[/]" if color else text
