"""The diff as Markdown for a merge-request comment or the board memo: a summary table, then each theme's changes."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from sivistys_cli.diff.compare import Change, summary
from sivistys_cli.diff.fields import field_words
from sivistys_cli.diff.formats.common import (
    decision_behind,
    facts,
    ident,
    items,
    label,
    status_word,
    theme_name,
    titled,
    totals,
    value,
)
from sivistys_cli.diff.snapshots import WORKTREE
from sivistys_cli.display.literal import shorten
from sivistys_cli.display.markdown import inline
from sivistys_cli.display.messages import say

LIMIT = 64 * 1024  # GitHub and GitLab refuse longer comments


def render(changes: list[Change], old: str, new: str, color: bool = False, lang: str = "en") -> str:
    """Every change if it fits in LIMIT; else only the substantive ones; else counts per theme."""
    # What every attempt shares is worked out once: the summary, and each program's changes and decision.
    head = (_summary_table(changes, lang), "", f"_{totals(changes, lang)}._") if changes else ()
    programs = [(group, decision_behind(group, lang))
                for group in (list(g) for _, g in groupby(changes, key=lambda c: c.program))]
    for detail in ("all", "substantive", "counts"):
        out, whole = _fitting(_document(programs, head, old, new, detail, lang))
        if whole and len(out.encode("utf-8")) <= LIMIT:
            return out
    cut = out.encode("utf-8")[: LIMIT - 200].decode("utf-8", "ignore").rsplit("\n", 1)[0].rstrip("\n")
    return cut + "\n\n" + say("diff.cut_short", lang) + "\n"


def _fitting(lines: Iterator[str]) -> tuple[str, bool]:
    """The document of these lines, and whether it is whole: it stops as soon as it is longer than LIMIT.

    Why: a diff of 10 000 added themes made 60 000 rows twice (all, then the substantive ones) and 10 000
    counts only to find each far too long, 1.6 s of CPU. A text longer than LIMIT characters is longer
    in bytes too, and the first LIMIT characters hold all that a document cut short keeps."""
    parts: list[str] = []
    size = 0
    for line in lines:
        parts.append(line)
        size += len(line) + 1  # and the line break that joins it
        if size > LIMIT:
            return "\n".join(parts) + "\n", False
    return "\n".join(parts) + "\n", True


def _document(programs: list[tuple[list[Change], str | None]], head: tuple[str, ...], old: str, new: str, detail: str,
              lang: str) -> Iterator[str]:
    """The document's lines, made as they are asked for."""
    yield say("diff.title", lang, old=_version(old, lang), new=_version(new, lang))
    yield ""
    if not programs:
        yield from (say("diff.no_changes", lang), "")
        return
    yield from head
    if detail != "all":
        yield say(f"diff.too_many_{detail}", lang)
    for in_program, behind in programs:
        yield from _program(in_program, behind, detail, lang)


def _summary_table(changes: list[Change], lang: str) -> str:
    rows = [f"| {items(item, lang)} | {n['added']} | {n['changed']} | {n['removed']} |"
            for item, n in summary(changes).items() if any(n.values())]
    return "\n".join([say("diff.summary_head", lang), "|---|---:|---:|---:|", *rows])


def _program(changes: list[Change], behind: str | None, detail: str, lang: str) -> Iterator[str]:
    first = changes[0]
    named = titled(first, "program_title", lang)
    title = f"{md(named)} ({_code(first.program)})" if named else _code(first.program)
    yield from ("", f"### {title}")
    if behind:
        yield from ("", say("diff.decision", lang, decision=md(behind)))
    for (theme, _title), grouped in groupby(changes, key=lambda c: (c.theme, c.theme_title)):
        group = list(grouped)
        named = theme_name(theme, titled(group[0], "theme_title", lang), lang)
        heading = say("diff.program_itself", lang) if not theme else md(named) + (
            "" if theme.startswith("@") else f" ({_code(theme)})")
        yield from ("", f"#### {heading}", "")
        yield from _group(group, detail, lang)


def _group(changes: list[Change], detail: str, lang: str) -> Iterator[str]:
    if detail == "counts":
        n = {k: sum(c.kind == k for c in changes) for k in ("added", "changed", "moved", "renamed", "removed")}
        yield ", ".join(say(f"diff.count.{k}", lang, n=v) for k, v in n.items() if v) + "."
        return
    shown = changes if detail == "all" else [c for c in changes if c.substantive]
    hidden = len(changes) - len(shown)
    if shown:
        yield from (say("diff.row_head", lang), "|---|---|---|---|---|")
        yield from (_row(c, lang) for c in shown)
    if hidden:
        yield from ([""] if shown else [])
        yield say("diff.hidden", lang, n=hidden)


def _row(c: Change, lang: str) -> str:
    kind = say(f"diff.kind.{c.kind}", lang) + (say("diff.editorial", lang) if not c.substantive else "") + (
        say("diff.probable", lang) if c.probable else "")
    item = label(c.item, lang) if c.item == "program" else f"{label(c.item, lang)} {_code(ident(c.path))}"
    if c.title and c.item != "program":
        item += " " + md(shorten(titled(c, "title", lang), 80))
    return f"| {kind} | {item} | {_what(c, lang)} | {_cell(c, c.old, lang)} | {_cell(c, c.new, lang)} |"


def _what(c: Change, lang: str) -> str:
    if c.kind == "changed":
        return _code(c.field) if lang == "en" else md(field_words(c.field, lang))
    if c.kind in ("added", "removed") and c.item not in ("program", "outcomes", "outcome") and c.parent != c.program:
        return say("diff.under" if c.kind == "added" else "diff.from", lang, parent=_code(ident(c.parent)))
    if c.kind == "renamed":
        return say("diff.renamed_probable", lang, fix=_code(f"previous_ids: [{c.old}]")) if c.probable else "id"
    return ""


def _cell(c: Change, v: object, lang: str) -> str:
    if c.kind in ("added", "removed") and c.item in ("program", "outcomes", "outcome"):
        return md(facts(c, lang)) if v is not None else ""
    if c.kind in ("added", "removed") and isinstance(v, dict):
        v = {k: x for k, x in v.items() if k != "title"} or None  # the title is already in the item column
        if v is None:
            return ""
    if c.kind == "moved" and isinstance(v, str):
        return _code(ident(v))
    if status_word(c, v, lang) is not None:
        return md(status_word(c, v, lang))
    return md(value(v, 200)) if v is not None or c.kind == "changed" else ""


def _version(label: str, lang: str) -> str:
    return say("diff.worktree", lang) if label == WORKTREE else _code(label)


def md(text: str) -> str:
    """Text that Markdown shows as written, on one line: in a table cell, a heading or a paragraph."""
    return inline(" ".join(text.split()))


def _code(text: str) -> str:
    """An id or a field as code; what a code span cannot hold as written (a backtick, a table's |) is escaped text."""
    if not text or any(c in text for c in "`|\r\n") or text != text.strip():
        return md(text)
    return f"`{text}`"
