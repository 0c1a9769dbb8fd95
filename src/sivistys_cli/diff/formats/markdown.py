"""The diff as Markdown for a merge-request comment or the board memo: a summary table, then each theme's changes."""

from __future__ import annotations

from itertools import groupby

from sivistys_cli.diff.compare import Change, summary
from sivistys_cli.diff.formats.common import PLURAL, decision_behind, facts, ident, label, theme_name, totals, value
from sivistys_cli.diff.snapshots import WORKTREE
from sivistys_cli.display.literal import plural, shorten
from sivistys_cli.display.markdown import inline

LIMIT = 64 * 1024  # GitHub and GitLab refuse longer comments
_HEAD = "| change | item | what | old | new |\n|---|---|---|---|---|"


def render(changes: list[Change], old: str, new: str, color: bool = False) -> str:
    """Every change if it fits in LIMIT; else only the substantive ones; else counts per theme."""
    for detail in ("all", "substantive", "counts"):
        out = _document(changes, old, new, detail)
        if len(out.encode("utf-8")) <= LIMIT:
            return out
    cut = out.encode("utf-8")[: LIMIT - 200].decode("utf-8", "ignore").rsplit("\n", 1)[0].rstrip("\n")
    return cut + "\n\n_… cut short to fit one comment; run `sivistys diff --format json` for everything._\n"


def _document(changes: list[Change], old: str, new: str, detail: str) -> str:
    parts = [f"## Plan diff: {_version(old)} → {_version(new)}", ""]
    if not changes:
        return "\n".join(parts + ["No changes.", ""])
    parts += [_summary_table(changes), "", f"_{totals(changes)}._"]
    if detail != "all":
        parts.append("_Too many changes for one comment: "
                     + ("editorial changes are counted, not listed" if detail == "substantive" else "counts only")
                     + "; run `sivistys diff --format json` for everything._")
    for _, in_program in groupby(changes, key=lambda c: c.program):
        parts += _program(list(in_program), detail)
    return "\n".join(parts) + "\n"


def _summary_table(changes: list[Change]) -> str:
    rows = [f"| {PLURAL[item]} | {n['added']} | {n['changed']} | {n['removed']} |"
            for item, n in summary(changes).items() if any(n.values())]
    return "\n".join(["| | added | changed | removed |", "|---|---:|---:|---:|", *rows])


def _program(changes: list[Change], detail: str) -> list[str]:
    first = changes[0]
    title = f"{md(first.program_title)} ({_code(first.program)})" if first.program_title else _code(first.program)
    out = ["", f"### {title}"]
    behind = decision_behind(changes)
    if behind:
        out += ["", f"**Decision behind this revision:** {md(behind)}"]
    for (theme, theme_title), group in groupby(changes, key=lambda c: (c.theme, c.theme_title)):
        heading = "The program itself" if not theme else md(theme_name(theme, theme_title)) + (
            "" if theme.startswith("@") else f" ({_code(theme)})")
        out += ["", f"#### {heading}", ""] + _group(list(group), detail)
    return out


def _group(changes: list[Change], detail: str) -> list[str]:
    if detail == "counts":
        n = {k: sum(c.kind == k for c in changes) for k in ("added", "changed", "moved", "renamed", "removed")}
        return [", ".join(f"{v} {k}" for k, v in n.items() if v) + "."]
    shown = changes if detail == "all" else [c for c in changes if c.substantive]
    hidden = len(changes) - len(shown)
    rows = [_HEAD, *(_row(c) for c in shown)] if shown else []
    if not hidden:
        return rows
    return rows + ([""] if rows else []) + [f"_{plural(hidden, 'editorial change')} not listed._"]


def _row(c: Change) -> str:
    kind = c.kind + (" (editorial)" if not c.substantive else "") + (" (probable)" if c.probable else "")
    item = label(c.item) if c.item == "program" else f"{label(c.item)} {_code(ident(c.path))}"
    if c.title and c.item != "program":
        item += " " + md(shorten(c.title, 80))
    return f"| {kind} | {item} | {_what(c)} | {_cell(c, c.old)} | {_cell(c, c.new)} |"


def _what(c: Change) -> str:
    if c.kind == "changed":
        return _code(c.field)
    if c.kind in ("added", "removed") and c.item not in ("program", "outcomes", "outcome") and c.parent != c.program:
        return ("under " if c.kind == "added" else "from ") + _code(ident(c.parent))
    if c.kind == "renamed":
        return f"id; add {_code(f'previous_ids: [{c.old}]')} to confirm" if c.probable else "id"
    return ""


def _cell(c: Change, v: object) -> str:
    if c.kind in ("added", "removed") and c.item in ("program", "outcomes", "outcome"):
        return md(facts(c)) if v is not None else ""
    if c.kind in ("added", "removed") and isinstance(v, dict):
        v = {k: x for k, x in v.items() if k != "title"} or None  # the title is already in the item column
        if v is None:
            return ""
    if c.kind == "moved" and isinstance(v, str):
        return _code(ident(v))
    return md(value(v, 200)) if v is not None or c.kind == "changed" else ""


def _version(label: str) -> str:
    return f"the {label}" if label == WORKTREE else _code(label)


def md(text: str) -> str:
    """Text that Markdown shows as written, on one line: in a table cell, a heading or a paragraph."""
    return inline(" ".join(text.split()))


def _code(text: str) -> str:
    """An id or a field as code; what a code span cannot hold as written (a backtick, a table's |) is escaped text."""
    if not text or any(c in text for c in "`|\r\n") or text != text.strip():
        return md(text)
    return f"`{text}`"
