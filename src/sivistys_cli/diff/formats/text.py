"""The diff for a terminal: one line per change, grouped by program and theme, then a one-line summary."""

from __future__ import annotations

from itertools import groupby

from rich.markup import escape

from sivistys_cli.diff.compare import Change
from sivistys_cli.diff.formats.common import (
    MARK,
    decision_behind,
    describe,
    ident,
    label,
    summary_line,
    theme_name,
    titled,
    word,
)
from sivistys_cli.diff.snapshots import WORKTREE
from sivistys_cli.display.literal import shorten
from sivistys_cli.display.messages import say
from sivistys_cli.display.sanitize import sanitize

_STYLE = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan", "renamed": "blue"}


def render(changes: list[Change], old: str, new: str, color: bool = False, lang: str = "en") -> str:
    """Plain text; with `color`, rich markup in which everything from the files is escaped."""
    esc = escape if color else str
    lines = [_bold(say("diff.text.title", lang, old=esc(_version(old, lang)), new=esc(_version(new, lang))), color)]
    for program, in_program in groupby(changes, key=lambda c: c.program):
        lines += _program(program, list(in_program), color, lang)
    lines += ["", _bold(summary_line(changes, lang), color)] if changes else [summary_line(changes, lang)]
    return "\n".join(sanitize(line).replace("\\t", "\t") for line in lines) + "\n"


def _program(program: str, changes: list[Change], color: bool, lang: str) -> list[str]:
    esc = escape if color else str
    title = titled(changes[0], "program_title", lang)
    lines = ["", _bold(f"{esc(program)} — {esc(title)}" if title else esc(program), color)]
    behind = decision_behind(changes, lang)
    if behind:
        lines.append("  " + say("diff.text.decision", lang, decision=esc(behind)))
    for (theme, _title), grouped in groupby(changes, key=lambda c: (c.theme, c.theme_title)):
        group = list(grouped)
        indent = "  "
        if theme:
            named = "" if theme.startswith("@") else f" ({esc(theme)})"  # outcomes have a year, not an id
            lines.append(f"  {esc(theme_name(theme, titled(group[0], 'theme_title', lang), lang))}{named}")
            indent = "    "
        lines += [indent + _line(c, color, lang) for c in group]
    return lines


def _line(c: Change, color: bool, lang: str) -> str:
    who = label(c.item, lang) if c.item == "program" else f"{label(c.item, lang)} {ident(c.path)}"
    text = f"{MARK[c.kind]} {who}  {describe(c, lang)}"
    if c.kind in ("added", "removed") and c.title and c.item not in ("program", "outcome"):
        text += f": {shorten(titled(c, 'title', lang), 100)}"
    text += "" if c.substantive else " " + word("diff.editorial", lang)
    if not color:
        return text
    return f"[{_STYLE[c.kind]}]{escape(text)}[/]" if c.substantive else f"[dim]{escape(text)}[/]"


def _version(label: str, lang: str) -> str:
    return say("diff.worktree", lang) if label == WORKTREE and lang != "en" else label


def _bold(text: str, color: bool) -> str:
    return f"[bold]{text}[/]" if color else text
