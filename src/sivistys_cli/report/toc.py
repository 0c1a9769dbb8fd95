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


def entries(html: str) -> list[tuple[str, str]]:
    """(id, heading as HTML without its kicker label) of each linkable second-level heading, in page order."""
    out = []
    for match in _HEADING.finditer(html):
        heading_id, inner = match.groups()
        section = None if heading_id else _SECTION.search(html, max(0, match.start() - _SECTION_REACH), match.start())
        anchor = heading_id or (section.group(1) if section else "")
        text = _KICKER.sub("", inner).strip()  # other markup stays: a heading in another language keeps its lang
        if anchor and _TAG.sub("", text).strip():
            out.append((anchor, text))
    return out


def with_contents(page: str | list[str], title: str) -> str:
    """The page with a contents list at the start of <main>, when it has enough sections to need one.

    The page may come in parts (as templating.fill_parts makes it): the list is then put into the parts as
    they are joined, so a large page is not held twice over (once read, once with the list in it)."""
    parts = [page] if isinstance(page, str) else page
    html = parts[0] if len(parts) == 1 else "".join(parts)
    found = entries(html)
    if len(found) < _MIN_ENTRIES or "<main>" not in html:
        return html
    # The heading texts were escaped by the templates; they are put back as they were.
    items = "\n".join(f'<li><a href="#{escape(anchor)}">{Markup(text)}</a></li>' for anchor, text in found)
    nav = f'<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">{escape(title)}</h2>\n<ol>\n{items}\n</ol>\n</nav>\n'
    at = html.find("<main>\n")
    at = at + len("<main>\n") if at >= 0 else html.find("<main>") + len("<main>")
    del html
    return _inserted(parts, at, nav)


def _inserted(parts: list[str], at: int, text: str) -> str:
    """The parts joined, with `text` put in at offset `at` of the joined text."""
    start = 0
    for i, part in enumerate(parts):
        if at <= start + len(part):
            cut = at - start
            return "".join([*parts[:i], part[:cut], text, part[cut:], *parts[i + 1:]])
        start += len(part)
    return "".join([*parts, text])
