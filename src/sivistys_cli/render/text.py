"""The default format: one line per problem, `file:line:col: CODE severity: message`, then a summary."""

from __future__ import annotations

from rich.markup import escape

from sivistys_cli.diagnostics import Diagnostic, Severity, count

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def render(diagnostics: list[Diagnostic], files: int, color: bool = False) -> str:
    """Plain text; with `color`, rich markup (every user-supplied part escaped)."""
    lines = [_line(d, color) for d in diagnostics]
    lines.append(summary_line(diagnostics, files, color))
    return "\n".join(lines) + "\n"


def _line(d: Diagnostic, color: bool) -> str:
    if not color:
        return f"{d.file}:{d.line}:{d.col}: {d.code} {d.severity.value}: {d.message}"
    style = _STYLE[d.severity]
    return (
        f"[bold]{escape(d.file)}[/]:{d.line}:{d.col}: [{style}]{d.code} {d.severity.value}[/]: {escape(d.message)}"
    )


def summary_line(diagnostics: list[Diagnostic], files: int, color: bool = False) -> str:
    c = count(diagnostics)
    if not diagnostics:
        text = f"All clear: {_n(files, 'file')} checked, no problems found."
        return f"[green]{text}[/]" if color else text
    parts = [_n(c.errors, "error"), _n(c.warnings, "warning")] + ([_n(c.infos, "note")] if c.infos else [])
    text = f"Found {', '.join(parts)} in {_n(files, 'file')}."
    return f"[bold]{text}[/]" if color else text


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
