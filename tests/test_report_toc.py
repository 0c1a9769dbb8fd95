"""The table of contents of an HTML report is the same whether the page comes whole or in parts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sivistys_cli.report.toc import with_contents

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
