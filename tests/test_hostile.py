"""Hostile input: whatever the bytes, check reports diagnostics with positions and never crashes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sivistys_cli.check.config import Config
from sivistys_cli.check.engine import run
from sivistys_cli.check.rules import RULES
from sivistys_cli.load.discover import load
from sivistys_cli.load.source import parse
from sivistys_cli.load.validate import validate
from sivistys_cli.model import Program

ROOT = Path(__file__).resolve().parents[1]
SOMERO = yaml.safe_load((ROOT / "programs/somero-sivistysohjelma/program.yaml").read_text(encoding="utf-8"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.text(max_size=20),
    st.dates(),
)
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=20)


@SETTINGS
@given(st.text(max_size=300))
def test_parse_never_raises(text: str) -> None:
    parsed = parse(text)
    lines = len(re.split(r"\r\n|\r|\n", text)) + 1  # a lone CR ends a line too (old Mac line ends)
    for problem in parsed.problems:
        assert 1 <= problem.line <= lines and problem.col >= 1


@SETTINGS
@given(trees)
def test_validate_locates_every_finding(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    parsed = parse(text)
    _model, findings = validate(Program, parsed.data, "program.yaml")
    for f in findings:
        line, col = parsed.source.locate(f.loc, f.on_key)
        assert 1 <= line <= text.count("\n") + 1 and col >= 1
        assert f.code.startswith("SV1") and f.message


def _mutations() -> st.SearchStrategy:
    """Replace or delete one value somewhere in a real program."""
    paths: list[tuple] = []

    def collect(node: object, path: tuple) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for k, v in node.items():
                collect(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                collect(v, path + (i,))

    collect(SOMERO, ())
    return st.tuples(st.sampled_from(paths[1:]), st.one_of(st.just("<delete>"), trees))


@SETTINGS
@given(_mutations())
def test_mutated_real_program_gets_diagnostics_not_a_crash(tmp_path_factory, mutation) -> None:
    path, value = mutation
    data = copy.deepcopy(SOMERO)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if value == "<delete>":
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    root = tmp_path_factory.mktemp("p") / "programs" / "somero-sivistysohjelma"
    root.mkdir(parents=True)
    (root / "program.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    diagnostics = run(load([root.parent], cwd=root.parent.parent), Config(), cwd=root.parent.parent)
    for d in diagnostics:
        assert d.code in RULES and d.line >= 1 and d.col >= 1


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes_in_an_outcome_file(tmp_path_factory, blob: bytes) -> None:
    root = tmp_path_factory.mktemp("o") / "programs" / "somero-sivistysohjelma"
    (root / "outcomes").mkdir(parents=True)
    (root / "program.yaml").write_text(yaml.safe_dump(SOMERO, allow_unicode=True), encoding="utf-8")
    (root / "outcomes" / "2025.yaml").write_bytes(blob)
    diagnostics = run(load([root.parent], cwd=root.parent.parent), Config(), cwd=root.parent.parent)
    assert all(d.code in RULES for d in diagnostics)


def test_recursive_alias_is_a_positioned_syntax_error() -> None:
    parsed = parse("id: x\nthemes: &t [1, *t]\n")
    assert [(p.code, p.line, p.col) for p in parsed.problems] == [("SV001", 2, 16)]  # at the alias, not its anchor
    assert "refers to the value it is inside of" in parsed.problems[0].message


def test_exploding_aliases_are_refused_quickly() -> None:
    text = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    parsed = parse(text)
    assert parsed.problems and parsed.problems[0].code == "SV001"
    assert "aliases (*name) in this file repeat" in parsed.problems[0].message


def test_merge_keys_fill_in_without_overriding() -> None:
    parsed = parse("base: &b {x: 1, y: 0}\nitem: {<<: *b, y: 2}\n")
    assert parsed.data["item"] == {"x": 1, "y": 2} and not parsed.problems
