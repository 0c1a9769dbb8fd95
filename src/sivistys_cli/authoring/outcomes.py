"""`sivistys outcomes new`: a year's outcome file with an entry for every action and measure.

An existing file only gains the entries it lacks; its entries, values and comments are not touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sivistys_cli.atomic import write_if_changed
from sivistys_cli.authoring.program import (
    assessed_items,
    check_year,
    label,
    load_outcomes,
    load_program,
    outcome_path,
    plain,
)
from sivistys_cli.authoring.roundtrip import dumps, loads, read
from sivistys_cli.authoring.schema import modeline
from sivistys_cli.display.messages import usage
from sivistys_cli.model import Program
from sivistys_cli.model.index import Item

# A comment longer than this is cut: it names the item, the program file has the whole title.
COMMENT_WIDTH = 100


@dataclass(frozen=True)
class NewOutcomes:
    """What `outcomes new` did: the file, whether it was created, and the refs it added."""

    path: Path
    created: bool
    added: tuple[str, ...]


def new_outcomes(path: Path, year: int, carry: bool = False) -> NewOutcomes:
    root, program = load_program(path)
    check_year(program, year)
    target = outcome_path(root, year)
    carried = _carried(root, program, year) if carry else {}
    if target.exists():
        doc = read(target)
        old, data = doc.text, doc.data
        if not isinstance(data, CommentedMap) or data.get("program") != program.id:
            raise usage("authoring.not_its_outcomes", path=str(target), program=program.id)
    else:
        old, data = None, _skeleton(target, program, year)
    added = _add_missing(data, program, carried)
    text = dumps(data)
    if old is None:
        target.parent.mkdir(exist_ok=True)
    write_if_changed(target, old, text)
    return NewOutcomes(target, old is None, tuple(added))


def _skeleton(target: Path, program: Program, year: int) -> CommentedMap:
    head = modeline(target, "outcomes")
    data = loads(f"{head}program: {program.id}\nyear: {year}\noutcomes:\n", str(target))
    data["outcomes"] = CommentedSeq()
    return data


def _carried(root: Path, program: Program, year: int) -> dict[str, Any]:
    """Last year's values by ref, as a starting point (the latest earlier year that has a file)."""
    for earlier in range(year - 1, program.period.start - 2, -1):
        found = load_outcomes(root, earlier)
        if found is not None:
            return {o.ref: o.value for o in found.outcomes if o.value is not None}
    raise usage("authoring.nothing_to_carry", year=year, path=str(root))


def _add_missing(data: CommentedMap, program: Program, carried: dict[str, Any],
                 only: set[str] | None = None) -> list[str]:
    entries = data.get("outcomes")
    if entries is None:
        entries = data["outcomes"] = CommentedSeq()
    if not isinstance(entries, CommentedSeq):
        raise usage("authoring.outcomes_not_a_list")
    entries.fa.set_block_style()  # `outcomes: []` opens up: entries under comments need the block form
    items = assessed_items(program)
    rank = {item.id: i for i, item in enumerate(items)}
    present = {e.get("ref") for e in entries if isinstance(e, dict)}
    added = []
    for item in items:
        if item.id in present or (only is not None and item.id not in only):
            continue
        at = _position(entries, rank, rank[item.id])
        entries.insert(at, _entry(item, carried))
        entries.yaml_set_comment_before_after_key(at, before=_comment(item, program), indent=2)
        added.append(item.id)
    return added


def ensure_entry(data: CommentedMap, program: Program, item: Item) -> CommentedMap:
    """The outcome entry for an item, added in program order (with its comment) if the file lacks it."""
    entries = data.get("outcomes")
    for entry in entries or ():
        if isinstance(entry, dict) and entry.get("ref") == item.id:
            return entry
    _add_missing(data, program, {}, only={item.id})
    return next(e for e in data["outcomes"] if isinstance(e, dict) and e.get("ref") == item.id)


def open_year(root: Path, program: Program, year: int) -> tuple[CommentedMap, str | None, Path]:
    """The year's outcome file for editing (a new skeleton if it does not exist), its text, its path."""
    target = outcome_path(root, year)
    if not target.exists():
        return _skeleton(target, program, year), None, target
    doc = read(target)
    return doc.data, doc.text, target


def _position(entries: CommentedSeq, rank: dict[str, int], mine: int) -> int:
    """After the last entry that comes before this item in the program (unknown refs stay put)."""
    at = 0
    for i, entry in enumerate(entries):
        ref = entry.get("ref") if isinstance(entry, dict) else None
        if ref in rank and rank[ref] < mine:
            at = i + 1
    return at


def _entry(item: Item, carried: dict[str, Any]) -> CommentedMap:
    entry = CommentedMap(ref=item.id, status="not_assessed")
    if item.kind == "measure":
        entry["value"] = carried.get(item.id)
    entry["comment"] = None
    return entry


def _comment(item: Item, program: Program) -> str:
    text = f"{label(program, item.kind)} {item.id}: {plain(item.node.title, program)}"
    return text if len(text) <= COMMENT_WIDTH else text[: COMMENT_WIDTH - 1] + "…"
