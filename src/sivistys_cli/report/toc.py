"""A linked table of contents for an HTML report, made from the page's own second-level headings.

It is read from the rendered page rather than kept beside the templates, so a section a template
adds (or a user's template overrides) is listed without a second list to keep in step.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A second-level heading with an id of its own or of the section it opens.
_HEADING = re.compile(r'(?:<section\b[^>]*\bid="([^"]+)"[^>]*>\s*)?<h2\b(?:[^>]*\bid="([^"]+)")?[^>]*>(.*?)</h2>', re.S)
_KICKER = re.compile(r'<span class="kicker">.*?</span></span>', re.S)
_TAG = re.compile(r"<[^>]+>")
_MIN_ENTRIES = 3  # a page of one or two sections needs no contents list


def entries(html: str) -> list[tuple[str, str]]:
    """(id, heading as HTML without its kicker label) of each linkable second-level heading, in page order."""
    out = []
    for section_id, heading_id, inner in _HEADING.findall(html):
        anchor = heading_id or section_id
        text = _KICKER.sub("", inner).strip()  # other markup stays: a heading in another language keeps its lang
        if anchor and _TAG.sub("", text).strip():
            out.append((anchor, text))
    return out


def with_contents(html: str, title: str) -> str:
    """The page with a contents list at the start of <main>, when it has enough sections to need one."""
    found = entries(html)
    if len(found) < _MIN_ENTRIES or "<main>" not in html:
        return html
    # The heading texts were escaped by the templates; they are put back as they were.
    items = "\n".join(f'<li><a href="#{escape(anchor)}">{Markup(text)}</a></li>' for anchor, text in found)
    nav = f'<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">{escape(title)}</h2>\n<ol>\n{items}\n</ol>\n</nav>\n'
    return html.replace("<main>\n", f"<main>\n{nav}", 1) if "<main>\n" in html else html.replace("<main>", f"<main>{nav}", 1)
