"""Long texts in a safe subset of Markdown: the same structure in HTML and Markdown, nothing else let through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sivistys_cli.display.richtext import to_html, to_markdown

TEXT = """Riskit **tärkeät** ja *harkitut*, ks. [ohje](https://example.org/ohje).

Seuraavat riskit:
- aikataulu | kiire
- resurssit
  - henkilöstö

1. eka
2. toka"""


def test_lists_emphasis_and_links_in_html() -> None:
    html = to_html(TEXT)
    assert "<strong>tärkeät</strong>" in html and "<em>harkitut</em>" in html
    assert '<a href="https://example.org/ohje">ohje</a>' in html
    assert "<ul><li>aikataulu | kiire</li>" in html and "<ul><li>henkilöstö</li>" in html
    assert "<ol><li>eka</li>" in html


def test_the_same_in_markdown_and_everything_else_escaped() -> None:
    md = to_markdown(TEXT)
    assert "Riskit **tärkeät** ja *harkitut*, ks. [ohje](https://example.org/ohje)." in md
    assert "Seuraavat riskit:\n\n- aikataulu \\| kiire\n- resurssit\n   - henkilöstö\n\n1. eka\n2. toka" in md


def test_raw_html_scripts_and_unsafe_links_are_text() -> None:
    hostile = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> # otsikko'
    html = to_html(hostile)
    assert "<script" not in html and "<img" not in html and "href" not in html
    assert "&lt;script&gt;" in html
    md = to_markdown(hostile)
    assert "\\<script\\>" in md and "](javascript" not in md.replace("\\]", "")


@given(st.text(max_size=200))
def test_no_tag_but_the_subset_reaches_html(text: str) -> None:
    html = to_html(text)
    tags = {t.split(">")[0].split(" ")[0].strip("/") for t in html.split("<")[1:]}
    assert tags <= {"p", "ul", "ol", "li", "strong", "em", "a", "br"}


def test_a_link_after_an_exclamation_mark_does_not_become_an_image() -> None:
    md = to_markdown("Katso![kuva](https://example.org/k.png)")
    assert md == "Katso\\![kuva](https://example.org/k.png)"
