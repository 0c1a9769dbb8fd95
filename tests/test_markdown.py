"""Markdown escaping: user text shows as written in GitHub/GitLab-flavoured Markdown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sivistys_cli.display.markdown import _line, block, inline, link, safe_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toteutui.", "Toteutui."),
        ("a | b", "a \\| b"),
        ("# otsikko", "\\# otsikko"),
        ("rivi\n# toinen", "rivi<br>\\# toinen"),
        ("- lista", "\\- lista"),
        ("1. kohta", "1\\. kohta"),
        ("12,5 % ja 41.5", "12,5 % ja 41.5"),
        ("+400 ja -3", "+400 ja -3"),
        ("<script>", "\\<script\\>"),
        ("&lt;", "\\&lt;"),
        ("*a* _b_ `c` [d](e) ~f~ $g$", "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~f\\~ \\$g\\$"),
        ("  - sisennetty", "\u00a0\u00a0\\- sisennetty"),
    ],
)
def test_inline(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_block_keeps_paragraphs() -> None:
    assert block("eka\n\ntoka\nrivi") == "eka\n\ntoka<br>rivi"


def test_links_only_for_web_and_mail_addresses() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/a b") is None
    assert link("https://example.org") == "<https://example.org>"
    assert link("javascript:alert(1)") == "javascript:alert(1)"


@given(st.text(alphabet=st.sampled_from(list("ab ä\t\n\r-+=1٣.)#*_<>|~$&\\`[]\u00a0\u2028x")), max_size=12))
def test_plain_text_shortcut_gives_what_the_full_escaping_gives(text: str) -> None:
    """Text with nothing to escape is returned as it is; that must be exactly what escaping line by line gives."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    assert inline(text) == "<br>".join(_line(line) for line in lines)
