"""Escape user text for GitHub/GitLab-flavoured Markdown so that it shows as written and nothing more."""

from __future__ import annotations

import re

from sivistys_cli.display.i18n import Localized

# Backslash-escaped everywhere: emphasis, code, links, raw HTML, table cells, strike, math,
# entities and headings ('#' also ends a heading when it is last on the line).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&#])")
# At the start of a line these begin a block: a list item ("- x", "+ x", "1. x"), a thematic
# break ("---") or a setext underline ("==="); "-5" and "+420" stay as they are.
_LEADING = re.compile(r"^([-+](?=\s|$|-)|=)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_URL = re.compile(r"^(?:https?://|mailto:)[^\s<>\"'`\\]+$")
NBSP = "\u00a0"


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Localized):
        return value.text
    return str(value)


def _line(line: str) -> str:
    stripped = line.lstrip(" \t")
    indent = NBSP * len(line[: len(line) - len(stripped)].expandtabs(4))
    body = _SPECIAL.sub(r"\\\1", stripped.rstrip())
    body = _LEADING.sub(r"\\\1", body)
    return indent + _ORDERED.sub(r"\1\\\2", body)


# Text with nothing to escape, no line break and no space or block marker at either end comes out as it
# went in: one match instead of three substitutions per line (a report prints ~300 000 values, most plain).
_AS_IS = re.compile(r"[^\\`*_\[\]<>|~$&#\r\n]*")
_NOT_FIRST = frozenset(" \t-+=")


def inline(value: object) -> str:
    """One Markdown line: safe in a table cell, a list item or a heading; line breaks become <br>."""
    return inline_text(_plain(value))


def inline_text(text: str) -> str:
    """`inline` of a str (what report formats call for each printed text)."""
    if _AS_IS.fullmatch(text) and (not text or (text[0] not in _NOT_FIRST and not text[0].isdecimal()
                                                and not text[-1].isspace())):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return "<br>".join(_line(line) for line in text.split("\n"))


def block(value: object) -> str:
    """Paragraphs separated by blank lines, each one Markdown line (see `inline`)."""
    text = _plain(value).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return "\n\n".join(inline(p) for p in paragraphs)


def safe_url(url: str | None) -> str | None:
    """A link target only when it is an http(s) or mailto address without spaces or quotes."""
    return url if url and _URL.match(url) else None


def link(url: str | None) -> str:
    """An autolink for a safe URL, else the address as escaped text."""
    return f"<{url}>" if safe_url(url) else inline(url)
