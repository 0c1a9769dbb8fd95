"""The default format: one line per problem, `file:line:col: CODE severity: message`, then a summary."""

from __future__ import annotations

from rich.markup import escape

from sivistys_cli.diagnostics import Diagnostic, Severity, MAX_PER_FILE, cap_per_file, count
from sivistys_cli.display.literal import plural
from sivistys_cli.display.sanitize import sanitize

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def render(diagnostics: list[Diagnostic], files: int, color: bool = False) -> str:
    """Plain text; with `color`, rich markup (every user-supplied part escaped)."""
    shown, hidden = cap_per_file(diagnostics)
    lines = [_line(d, color) for d in shown]
    lines += [_more_line(file, n, color) for file, n in hidden.items()]
    lines.append(summary_line(diagnostics, files, color))
    return "\n".join(lines) + "\n"


def _line(d: Diagnostic, color: bool) -> str:
    file, message = sanitize(d.file), sanitize(d.message)  # a key or folder name must not start a line
    if not color:
        return f"{file}:{d.line}:{d.col}: {d.code} {d.severity.value}: {message}"
    style = _STYLE[d.severity]
    return f"[bold]{escape(file)}[/]:{d.line}:{d.col}: [{style}]{d.code} {d.severity.value}[/]: {escape(message)}"


def _more_line(file: str, n: int, color: bool) -> str:
    name = escape(sanitize(file)) if color else sanitize(file)
    return (f"{name}: {plural(n, 'more problem')} not shown (at most {MAX_PER_FILE} per file); "
            "--format json lists them all.")


def summary_line(diagnostics: list[Diagnostic], files: int, color: bool = False) -> str:
    c = count(diagnostics)
    if not diagnostics:
        text = f"All clear: {plural(files, 'file')} checked, no problems found."
        return f"[green]{text}[/]" if color else text
    parts = [plural(c.errors, "error"), plural(c.warnings, "warning")] + ([plural(c.infos, "note")] if c.infos else [])
    text = f"Found {', '.join(parts)} in {plural(files, 'file')}."
    return f"[bold]{text}[/]" if color else text
