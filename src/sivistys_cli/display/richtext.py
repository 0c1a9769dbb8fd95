"""A program's longer texts in a safe subset of Markdown: paragraphs, lists, emphasis and links.

One parse (markdown-it, CommonMark) and two outputs, so both reports show the same structure:
HTML with every text escaped and only http(s)/mailto links, and Markdown re-written from the
parse with every other character escaped (see display/markdown.py). Anything outside the subset
(headings, raw HTML, code, images, tables) is shown as the characters the author typed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import escape

from sivistys_cli.display.markdown import _LEADING, _ORDERED, _SPECIAL, _plain, safe_url

_HTML_TAGS = {"strong": "strong", "em": "em", "paragraph": "p", "bullet_list": "ul", "ordered_list": "ol", "list_item": "li"}
_MD_MARKS = {"strong": "**", "em": "*"}


@cache
def _parser() -> MarkdownIt:
    # The "zero" preset knows only paragraphs and text; the subset is switched on by name.
    return MarkdownIt("zero").enable(["emphasis", "list", "link", "newline"])


def parse(value: object) -> list[Token]:
    """The block tokens of a text (Localized, str or None)."""
    text = _plain(value).replace("\r\n", "\n").replace("\r", "\n")
    return _parser().parse(text)


def to_html(value: object) -> str:
    """The text as HTML: paragraphs and lists as elements, every character of the author's text escaped."""
    out: list[str] = []
    for tok in parse(value):
        if tok.type == "inline":
            out.append(_inline_html(tok.children or []))
        elif tok.type.endswith("_open") and not tok.hidden:
            out.append(f"<{_HTML_TAGS[tok.type[:-5]]}>")
        elif tok.type.endswith("_close") and not tok.hidden:
            out.append(f"</{_HTML_TAGS[tok.type[:-6]]}>\n")
    return "".join(out).strip("\n")


def _inline_html(children: Sequence[Token]) -> str:
    out: list[str] = []
    links: list[bool] = []  # whether each open link became an <a>
    for tok in children:
        kind = tok.type
        if kind == "text":
            out.append(str(escape(tok.content)))
        elif kind in ("softbreak", "hardbreak"):
            out.append("<br>\n")  # the author's line breaks are kept, as they are in the Markdown report
        elif kind == "link_open":
            href = safe_url(str(tok.attrs.get("href", "")))
            links.append(href is not None)
            out.append(f'<a href="{escape(href)}">' if href else "")
        elif kind == "link_close":
            out.append("</a>" if links.pop() else "")
        elif kind.endswith("_open"):
            out.append(f"<{_HTML_TAGS[kind[:-5]]}>")
        elif kind.endswith("_close"):
            out.append(f"</{_HTML_TAGS[kind[:-6]]}>")
    return "".join(out)


def to_markdown(value: object) -> str:
    """The text as Markdown: the same paragraphs, lists, emphasis and links, everything else escaped."""
    blocks: list[str] = []
    for line, starts_block in _md_lines(parse(value)):
        if starts_block and blocks:
            blocks.append("")
        blocks.append(line)
    return "\n".join(blocks)


def _md_lines(tokens: Sequence[Token]) -> Iterator[tuple[str, bool]]:
    """(line, whether a blank line goes before it) for each paragraph and list item."""
    lists: list[list[int]] = []  # per open list: [next number] for an ordered one, [] for bullets
    first_item = False
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrs.get("start", 1) or 1)
            lists.append([start] if tok.type == "ordered_list_open" else [])
            first_item = len(lists) == 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "inline":
            text = _inline_md(tok.children or [])
            if not lists:
                yield _LEADING.sub(r"\\\1", _ORDERED.sub(r"\1\\\2", text)), True
                continue
            marker = f"{lists[-1][0]}." if lists[-1] else "-"
            if lists[-1]:
                lists[-1][0] += 1
            yield "   " * (len(lists) - 1) + f"{marker} {text}", first_item
            first_item = False


def _inline_md(children: Sequence[Token]) -> str:
    out: list[str] = []
    links: list[str | None] = []
    for tok in children:
        kind = tok.type
        if kind == "text":
            out.append(_SPECIAL.sub(r"\\\1", tok.content))
        elif kind in ("softbreak", "hardbreak"):
            out.append("<br>")
        elif kind == "link_open":
            links.append(safe_url(str(tok.attrs.get("href", ""))))
            if links[-1] and out and out[-1].endswith("!"):  # "![" would make the link an image
                out[-1] = out[-1][:-1] + "\\!"
            out.append("[" if links[-1] else "")
        elif kind == "link_close":
            href = links.pop()
            out.append(f"]({href})" if href else "")
        elif kind.endswith("_open") or kind.endswith("_close"):
            out.append(_MD_MARKS[kind.rsplit("_", 1)[0]])
    return "".join(out)
