"""A linked table of contents for an HTML report, made from the page's own second-level headings.

It is read from the rendered page rather than kept beside the templates, so a section a template
adds (or a user's template overrides) is listed without a second list to keep in step.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A second-level heading with an id of its own or of the section it opens (just before it). Two
# patterns, not one with an optional <section> first: that one could not skip ahead to a '<h2' and was
# tried at every character of the page (5 s for the report of a 10 000-theme program).
_HEADING = re.compile(r'<h2\b(?:[^>]*\bid="([^"]+)")?[^>]*>(.*?)</h2>', re.S)
_SECTION = re.compile(r'<section\b[^>]*\bid="([^"]+)"[^>]*>\s*\Z')
_SECTION_REACH = 2000  # how far back a section's opening tag is looked for
_KICKER = re.compile(r'<span class="kicker">.*?</span></span>', re.S)
_TAG = re.compile(r"<[^>]+>")
_MIN_ENTRIES = 3  # a page of one or two sections needs no contents list


def entries(html: str, start: int = 0) -> list[tuple[str, str]]:
    """(id, heading as HTML without its kicker label) of each linkable second-level heading, in page order
    (from offset `start`; the text before it is where a section's opening tag may be)."""
    out: list[tuple[str, str]] = []
    for match in _HEADING.finditer(html, start):
        _add(out, html, match)
    return out


def _add(out: list[tuple[str, str]], html: str, match: re.Match[str]) -> None:
    """The entry of a heading `match` of `html`, if it can be linked to."""
    heading_id, inner = match.groups()
    section = None if heading_id else _SECTION.search(html, max(0, match.start() - _SECTION_REACH), match.start())
    anchor = heading_id or (section.group(1) if section else "")
    text = _KICKER.sub("", inner).strip()  # other markup stays: a heading in another language keeps its lang
    if anchor and _TAG.sub("", text).strip():
        out.append((anchor, text))


def with_contents(page: str | list[str], title: str) -> str:
    """The page with a contents list at the start of <main>, when it has enough sections to need one.

    The page may come in parts (as templating.fill_parts makes it); see `contents_in_parts`."""
    parts = contents_in_parts([page] if isinstance(page, str) else page, title)
    return parts[0] if len(parts) == 1 else "".join(parts)


def contents_in_parts(parts: list[str], title: str) -> list[str]:
    """`with_contents` of the parts' joined text, as parts that join to it; the page is never joined here.

    Why: the annual report of 10 000 themes is 48 MB of HTML; joined into one text (two bytes a character
    once one character is beyond Latin-1), then copied with the list in it, it made most of 470 MB. The
    parts are read one at a time (see `_entries_of_parts`) and the list goes into the part it belongs in."""
    found = _entries_of_parts(parts)
    newline = _find(parts, "<main>\n")
    plain = _find(parts, "<main>") if newline < 0 else -1
    if len(found) < _MIN_ENTRIES or (newline < 0 and plain < 0):
        return parts
    at = newline + len("<main>\n") if newline >= 0 else plain + len("<main>")
    # The heading texts were escaped by the templates; they are put back as they were.
    items = "\n".join(f'<li><a href="#{escape(anchor)}">{Markup(text)}</a></li>' for anchor, text in found)
    nav = f'<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">{escape(title)}</h2>\n<ol>\n{items}\n</ol>\n</nav>\n'
    return _inserted(parts, at, nav)


# Beyond this much text kept from part to part (an <h2 that never closes), the parts are joined instead.
_MAX_CARRY = 1 << 20


def _entries_of_parts(parts: list[str]) -> list[tuple[str, str]]:
    """`entries` of the parts' joined text, found a part at a time.

    Kept from one part to the next: from the first "<h2" no heading match could be completed from (or the
    last two characters, a "<h2" cut in two), and the _SECTION_REACH characters before it, where the
    section a heading opens is looked for. A match is found whole in the text kept, so it is the one found
    in the joined page."""
    out: list[tuple[str, str]] = []
    carry, start = "", 0
    for n, part in enumerate(parts):
        text = carry + part
        pos = start
        for match in _HEADING.finditer(text, start):
            _add(out, text, match)
            pos = match.end()
        nxt = text.find("<h2", pos)
        keep = nxt if nxt >= 0 else max(pos, len(text) - 2)
        cut = max(0, keep - _SECTION_REACH)
        if len(text) - keep > _MAX_CARRY:  # a heading that does not close: the rest is read joined
            return out + entries(text[cut:] + "".join(parts[n + 1:]), keep - cut)
        carry, start = text[cut:], keep - cut
    return out


def _find(parts: list[str], needle: str) -> int:
    """Where `needle` first is in the parts' joined text, or -1."""
    tail, offset = "", 0
    for part in parts:
        text = tail + part
        at = text.find(needle)
        if at >= 0:
            return offset - len(tail) + at
        tail = text[len(text) - len(needle) + 1:] if len(text) >= len(needle) else text
        offset += len(part)
    return -1


def _inserted(parts: list[str], at: int, text: str) -> list[str]:
    """The parts with `text` put in at offset `at` of their joined text."""
    start = 0
    for i, part in enumerate(parts):
        if at <= start + len(part):
            cut = at - start
            return [*parts[:i], part[:cut] + text + part[cut:], *parts[i + 1:]]
        start += len(part)
    return [*parts, text]
