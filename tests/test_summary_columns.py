"""The plain column writer for long summary tables lays them out exactly as rich does."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from sivistys_cli.summary.formats import text
from sivistys_cli.summary.formats.columns import plain

WORDS = st.sampled_from(["Teema", "hyvinvointi", "ja", "äöå", "x" * 90, "Lasten-ja-nuorten-palvelut", "😀😀",
                         "", "1 234 €", "rivi\nrivi", "\t", " reuna ",
                         "70\u00a0%", "1\u202f234\u00a0€", "\u00a0"])
CELLS = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


def _rich(table: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, no_color=True, color_system=None, highlight=False,
                      emoji=False, legacy_windows=False)
    console.print(table)
    return "\n".join(line.rstrip() for line in console.file.getvalue().split("\n"))  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(heads=st.lists(st.tuples(st.sampled_from(["", "Mittari", "Toteutunut"]), st.sampled_from(["left", "right"])),
                      min_size=2, max_size=5),
       rows=st.lists(st.lists(CELLS, min_size=5, max_size=5), max_size=6), width=st.sampled_from([40, 80, 120]))
def test_plain_columns_match_rich(heads: list[tuple[str, str]], rows: list[list[str]], width: int) -> None:
    table = text._table(False, *heads)
    for row in rows:
        table.add_row(Text(row[0]), *row[1:len(heads)])
    fast = plain(table, width)
    if fast is not None:  # None: the writer leaves this table to rich
        assert fast == _rich(table, width)


def test_a_long_theme_table_is_written_without_rich() -> None:
    table = text._table(False, ("Teema", "left"), ("Tavoitteita", "right"))
    for i in range(text.MANY_ROWS + 1):
        table.add_row(Text(" ".join([f"Teema {i}", *["pitkä"] * (i % 20)])), str(i))
    fast = plain(table, 80)
    assert fast is not None and fast == _rich(table, 80)
