"""The fast reader (load/marks.py) gives the same data and the same positions as the careful builder, or gives up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sivistys_cli.load import source
from sivistys_cli.load.marks import MarkTree

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for folder in ("programs", "tests/cases", "tests/fixtures") for p in (ROOT / folder).rglob("*.y*ml"))


def careful(text: str) -> tuple[Any, source.SourceMap, list[source.Problem]]:
    smap, problems, loader = source.SourceMap(), [], source._Loader(text)
    try:
        return source._Builder(smap, problems, loader, source.Lines(text)).document(), smap, problems
    finally:
        loader.dispose()


def same_everywhere(text: str) -> bool:
    """True when the fast reader took the file; then data and every position must be the careful builder's."""
    fast = source._fast_parse(text, source.Lines(text))
    if fast is None:
        return False
    data, tree = fast
    expected, smap, problems = careful(text)
    assert problems == []
    assert repr(data) == repr(expected)
    asked = [*smap.values, *smap.keys]
    for loc in asked + [(*loc, "missing") for loc in asked] + [(*loc, 0) for loc in asked] + [(*loc, -1) for loc in asked]:
        for on_key in (False, True):
            assert tree.locate(loc, on_key) == smap.locate(loc, on_key), (loc, on_key)
    return True


def test_every_bundled_and_test_file_reads_the_same_both_ways() -> None:
    taken = [path for path in FILES if not source._UNACCEPTABLE.search(text := path.read_text(encoding="utf-8",
                                                                                               errors="replace"))
             and same_everywhere(text)]
    assert len(taken) > len(FILES) // 2  # the fast reader is the common case


def test_a_real_program_is_read_by_the_fast_reader() -> None:
    parsed = source.parse((ROOT / "programs/somero-sivistysohjelma/program.yaml").read_text(encoding="utf-8"))
    assert isinstance(parsed.source, MarkTree)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "a: !!str 1\n", "? [a]\n: 1\n", "--- 1\n--- 2\n", "",
    "a: 2025-06-31\n", "a: .nan\n", "a: 10000000000000000\n", "a: [1, 2\n",
    "a:\n" + "".join("  " * n + "- \n" for n in range(1, 70)),
])
def test_the_unusual_is_left_to_the_careful_builder(text: str) -> None:
    assert source._fast_parse(text, source.Lines(text)) is None


scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**17, 10**17), st.floats(), st.text(max_size=12),
                    st.dates(), st.sampled_from(["yes", "no", "~", "on", "0x1F", "1_000", "12:30", "<<", "=", "- a"]))
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=6), st.integers(), st.booleans()),
                                                 inner, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(trees, st.booleans(), st.sampled_from(["", "\r\n", "\u2028", "\u0085"]))
def test_any_tree_reads_the_same_both_ways(tree: Any, flow: bool, noise: str) -> None:
    text = yaml.safe_dump({"x": tree, "y": [tree, "é" * 3 + noise]}, default_flow_style=flow, allow_unicode=True)
    if not source._UNACCEPTABLE.search(text):
        same_everywhere(text)
