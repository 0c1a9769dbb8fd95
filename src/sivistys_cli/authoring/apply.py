"""Write the changes an import found into program.yaml and the year's outcome file, comments kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from sivistys_cli.atomic import write_if_changed
from sivistys_cli.authoring import layout
from sivistys_cli.authoring.outcomes import ensure_entry, open_year
from sivistys_cli.authoring.roundtrip import dumps, read
from sivistys_cli.authoring.sheets import Change
from sivistys_cli.model import Program
from sivistys_cli.model.index import ProgramIndex
from sivistys_cli.model.paths import PROGRAM_FILE


def apply(root: Path, program: Program, year: int | None, found: list[Change]) -> list[Path]:
    """Apply every change; the files whose text changed (an unchanged file is not written)."""
    index = ProgramIndex(program).by_id
    written = []
    plan = [c for c in found if not c.sheet.startswith("outcomes")]
    if plan:
        doc = read(root / PROGRAM_FILE)
        for change in plan:
            _set_plan(_at(doc.data, index[change.id].loc), change.key, change.new, program)
        if doc.save():
            written.append(doc.path)
    outcome = [c for c in found if c.sheet.startswith("outcomes")]
    if outcome and year is not None:
        data, old, path = open_year(root, program, year)
        for change in outcome:
            _set(ensure_entry(data, program, index[change.id]), change.key, change.new, keep_key=True,
                 lang=program.languages[0])
        if old is None:
            path.parent.mkdir(exist_ok=True)
        if write_if_changed(path, old, dumps(data)):
            written.append(path)
    return written


def _at(data: Any, loc: tuple[Any, ...]) -> CommentedMap:
    for part in loc:
        data = data[part]
    return data  # type: ignore[no-any-return]


def _set(node: CommentedMap, key: str, value: Any, keep_key: bool = False, lang: str = "") -> None:
    """Set a key, keeping the style of the text it replaces (| or >), dropping an emptied optional key."""
    old = node.get(key)
    if isinstance(value, str):
        if isinstance(old, LiteralScalarString) or "\n" in value:
            value = LiteralScalarString(value)
        elif isinstance(old, FoldedScalarString):
            value = FoldedScalarString(value)
    if isinstance(old, dict) and isinstance(value, str):
        old[lang if lang in old else next(iter(old))] = value  # {fi:, sv:}: the main language changes, the others stay
        return
    if value is None and not keep_key:
        node.pop(key, None)
        return
    if key not in node and len(node):
        _append(node, key, value)
        return
    node[key] = value


def _append(node: CommentedMap, key: str, value: Any) -> None:
    """A new last key: the comment lines that followed the old last key now follow it (they belong below)."""
    last = list(node)[-1]
    below = layout.split_after(node, last)
    node[key] = value
    layout.set_after(node, key, below)


def _set_plan(node: CommentedMap, key: str, value: Any, program: Program) -> None:
    head, _, tail = key.partition(".")
    if not tail:
        _set(node, head, value, lang=program.languages[0])
    elif head == "schedule":
        _set(_schedule(node), tail, _date_or_year(value))
    elif head == "baseline":
        _set(_child(node, "baseline"), tail, value, keep_key=tail == "value")
    else:
        _target(node, int(tail), value)


def _child(node: CommentedMap, key: str) -> CommentedMap:
    if not isinstance(node.get(key), dict):
        child = CommentedMap()
        child.fa.set_flow_style()
        node[key] = child
    return node[key]  # type: ignore[no-any-return]


def _schedule(node: CommentedMap) -> CommentedMap:
    current = node.get("schedule")
    if isinstance(current, int):  # the year shorthand `schedule: 2026` becomes {start, end}
        node["schedule"] = CommentedMap(start=current, end=current)
        node["schedule"].fa.set_flow_style()
    return _child(node, "schedule")


def _date_or_year(value: Any) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _target(node: CommentedMap, year: int, value: Any) -> None:
    targets = node.get("targets")
    if not isinstance(targets, list):
        targets = node["targets"] = CommentedSeq()
    for target in targets:
        if isinstance(target, dict) and target.get("year") == year:
            _set(target, "value", value)
            return
    if value is not None:
        entry = CommentedMap(year=year, value=value)
        entry.fa.set_flow_style()
        targets.append(entry)
