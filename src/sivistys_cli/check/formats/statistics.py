"""`--statistics`: how many findings of each check, most frequent first, like ruff's."""

from __future__ import annotations

from collections import Counter

from sivistys_cli.check.formats.text import summary_line
from sivistys_cli.check.rules import RULES
from sivistys_cli.diagnostics import Diagnostic


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    counts = Counter((d.code, d.severity.value) for d in diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = len(str(rows[0][1])) if rows else 1
    lines = [f"{n:>{width}}  {code}  {severity:<7}  {RULES[code].name}" for (code, severity), n in rows]
    if color:
        from rich.markup import escape  # only coloured output (a terminal) needs rich

        lines = [escape(line) for line in lines]
    lines.append(summary_line(diagnostics, files, color, lang))
    return "\n".join(lines) + "\n"
