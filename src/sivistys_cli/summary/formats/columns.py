"""Plain columns for long tables without colour: the same layout rich gives, at a fraction of its cost."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

# rich lays out a table at about 0.2 ms a row (measuring, wrapping and cropping every cell); a summary
# of a 10 000-theme program spent 2 s of its CPU there, and the summary of a 309-program corpus 60 % of
# its CPU in tables of ~40 rows. So every table with a row is written here (rich only where plain()
# declines); tests/test_summary_columns.py shows the layouts equal on tables of any size.
MANY_ROWS = 0
_GAP = "  "  # padding (0, 1) without edge padding: one space on each side of the gap between columns


def plain(table: Table, width: int) -> str | None:
    """The table's header and rows as rich prints them with box=None, the first column folded to fit;
    None when folding the first column alone is not what rich would do: rich narrows the widest
    column first, so this holds only while the first stays at least as wide as every other."""
    columns = [[_text(c.header), *(_text(cell) for cell in c._cells)] for c in table.columns]
    if not all(_simple(cell) for cells in columns for cell in cells):  # line breaks, tabs: rich measures those
        return None
    lengths = [list(map(cell_len, cells)) for cells in columns]  # Why once: each cell is measured, then padded
    widths = [max(cells) for cells in lengths]
    spare = width - sum(widths[1:]) - len(_GAP) * (len(widths) - 1)
    if spare < widths[0] and spare <= max(widths[1:], default=0):
        return None
    widths[0] = min(widths[0], spare)
    justify = [c.justify for c in table.columns]
    console = Console(width=widths[0], no_color=True, color_system=None, highlight=False, emoji=False)
    lines = []
    for row, sizes in zip(zip(*columns), zip(*lengths)):
        rest = [_pad(cell, n, w, j) for cell, n, w, j in zip(row[1:], sizes[1:], widths[1:], justify[1:])]
        if sizes[0] <= widths[0]:  # fits: printed as it is (every cell is _simple, see above)
            lines.append(_GAP.join([_pad(row[0], sizes[0], widths[0], justify[0]), *rest]).rstrip())
            continue
        for i, part in enumerate(_fold(console, row[0], widths[0], justify[0])):
            cells = [_pad(part, cell_len(part), widths[0], justify[0]), *(rest if i == 0 else (" " * w for w in widths[1:]))]
            lines.append(_GAP.join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _text(cell: object) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell or "")


def _simple(text: str, width: int | None = None) -> bool:
    """One line that rich would print as it is: no line breaks, tabs or edge spaces, and it fits."""
    # No-break spaces are printable to rich (one cell each) though not to isprintable(); every number
    # Babel formats has them ("70 %", "1 234 €"), and they sent every measure table to rich.
    return (text.translate(_NO_BREAK).isprintable() and text == text.strip()
            and (width is None or cell_len(text) <= width))


_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _pad(text: str, length: int, width: int, justify: str) -> str:
    """`text` (`length` cells wide) padded to `width` cells."""
    room = " " * max(0, width - length)
    return room + text if justify == "right" else text + room


def _fold(console: Console, text: str, width: int, justify: str) -> list[str]:
    """A cell too wide for its column, wrapped by rich itself (only these few cells pay its cost)."""
    return [line.plain for line in Text(text).wrap(console, width, justify=justify, overflow="fold")]  # type: ignore[arg-type]
