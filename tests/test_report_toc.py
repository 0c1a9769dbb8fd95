"""The table of contents of an HTML report is the same whether the page comes whole or in parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sivistys_cli.report import toc
from sivistys_cli.report.toc import contents_in_parts, entries, with_contents

PAGE = (
    '<!DOCTYPE html>\n<html lang="fi">\n<body>\n<header><h1>Ohjelma</h1></header>\n<main>\n'
    '<section id="summary"><h2>Yhteenveto</h2><p>a</p></section>\n'
    '<section id="theme-t1">\n<h2><span class="kicker">Teema<span class="visually-hidden">:</span></span>Oppiminen</h2>\n'
    '</section>\n<h2 id="binding">Sitovat <span lang="sv">mål</span></h2>\n<h2>Ilman ankkuria</h2>\n'
    '<section id="theme-t2"><h2>Hyvinvointi &amp; terveys</h2></section>\n</main>\n</body>\n</html>\n'
)


@given(st.lists(st.integers(min_value=0, max_value=len(PAGE)), max_size=8), st.sampled_from([PAGE, PAGE.replace("<main>\n", "<main>")]))
def test_contents_of_a_page_in_parts_are_those_of_the_whole_page(cuts: list[int], page: str) -> None:
    bounds = [0, *sorted(cuts), len(page)]
    parts = [page[a:b] for a, b in zip(bounds, bounds[1:])]
    assert with_contents(parts, "Sisällys") == with_contents(page, "Sisällys")


def test_the_list_comes_first_in_main_and_names_each_linkable_heading() -> None:
    html = with_contents(PAGE, "Sisällys")
    nav = html.split("<main>\n", 1)[1].split("</nav>\n", 1)[0]
    assert nav.startswith('<nav class="toc" aria-labelledby="toc-title">')
    assert '<a href="#theme-t1">Oppiminen</a>' in nav
    assert '<a href="#binding">Sitovat <span lang="sv">mål</span></a>' in nav
    assert "Ilman ankkuria" not in nav  # no id of its own or of a section around it: nothing to link to
    assert html.replace(html[html.index("<nav"):html.index("</nav>\n") + len("</nav>\n")], "") == PAGE


# Headings that close late, a "<h2" that is no heading, a section far before its heading, one that never closes.
ODD = (PAGE.replace("</main>", '<section id="far">' + " " * 1500 + '<h2>Kaukana</h2>\n<h2x>ei</h2x>\n'
                    '<h2 id="long">' + "pitkä " * 50 + "</h2>\n<h2 id=\"open\">ei lopu\n</main>"))


@given(st.lists(st.integers(min_value=0, max_value=len(ODD)), max_size=12),
       st.sampled_from([PAGE, ODD, ODD.replace("<main>\n", "<main>"), ODD.replace("<main>", "<mian>")]))
def test_contents_put_into_the_parts_are_those_of_the_whole_page(cuts: list[int], page: str) -> None:
    bounds = [0, *sorted(c for c in cuts if c <= len(page)), len(page)]
    parts = [page[a:b] for a, b in zip(bounds, bounds[1:])]
    assert "".join(contents_in_parts(parts, "Sisällys")) == with_contents(page, "Sisällys")
    assert toc._entries_of_parts(parts) == entries(page)


def test_a_heading_that_never_closes_is_read_joined_once_the_text_kept_grows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toc, "_MAX_CARRY", 10)
    parts = [ODD[a:a + 7] for a in range(0, len(ODD), 7)]
    assert toc._entries_of_parts(parts) == entries(ODD)
    assert "".join(contents_in_parts(parts, "Sisällys")) == with_contents(ODD, "Sisällys")
