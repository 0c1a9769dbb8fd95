"""Write the changes an import found into program.yaml and the year's outcome file, comments kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from sivistys_cli.atomic import write_if_changed
from sivistys_cli.authoring import layout
from sivistys_cli.authoring.outcomes import ensure_entry, open_year
from sivistys_cli.authoring.roundtrip import dumps, read
from sivistys_cli.authoring.sheets import Change
from sivistys_cli.diagnostics import Msg, Severity
from sivistys_cli.load.files import load_text
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.index import ProgramIndex
from sivistys_cli.model.outcomes import Outcome
from sivistys_cli.model.paths import PROGRAM_FILE
from sivistys_cli.model.program import Action, Baseline, Measure, Schedule, Target

MODELS: dict[str, type[BaseModel]] = {"action": Action, "measure": Measure}


def apply(root: Path, program: Program, year: int | None, found: list[Change]) -> list[Path]:
    """Apply every change; the files whose text changed (an unchanged file is not written).

    Both files are edited in memory and read back through the loader first: a change the format
    would refuse (a baseline year without a value, say) stops the import before anything is written.
    """
    edits = [e for e in (_plan_edit(root, program, found), _outcome_edit(root, program, year, found)) if e]
    for path, _old, new, model in edits:
        _must_load(path, new, model)
    written = []
    for path, old, new, _model in edits:
        if old is None:
            path.parent.mkdir(exist_ok=True)
        if write_if_changed(path, old, new):
            written.append(path)
    return written


Edit = tuple[Path, "str | None", str, type]


def _plan_edit(root: Path, program: Program, found: list[Change]) -> Edit | None:
    plan = [c for c in found if not c.sheet.startswith("outcomes")]
    if not plan:
        return None
    index = ProgramIndex(program).by_id
    doc = read(root / PROGRAM_FILE)
    for change in plan:
        item = index[change.id]
        _set_plan(_at(doc.data, item.loc), change.key, change.new, program, MODELS[item.kind])
    return doc.path, doc.text, doc.dump(), Program


def _outcome_edit(root: Path, program: Program, year: int | None, found: list[Change]) -> Edit | None:
    outcome = [c for c in found if c.sheet.startswith("outcomes")]
    if not outcome or year is None:
        return None
    index = ProgramIndex(program).by_id
    data, old, path = open_year(root, program, year)
    for change in outcome:
        _set(ensure_entry(data, program, index[change.id]), change.key, change.new, Outcome, keep_key=True,
             lang=program.languages[0])
    return path, old, dumps(data), OutcomeYear


def _must_load(path: Path, text: str, model: type) -> None:
    from sivistys_cli.authoring.sheets import refused

    doc = load_text(text, str(path), model, "program.yaml" if model is Program else "An outcome file")
    errors = sorted(d for d in doc.problems if d.severity is Severity.error)
    if errors:
        lines = [Msg("error.authoring.at", {"file": str(path), "line": d.line, "col": d.col,
                                            "message": d.msg or d.message}) for d in errors[:5]]
        raise refused("import.would_break", lines)


def _at(data: Any, loc: tuple[Any, ...]) -> CommentedMap:
    for part in loc:
        data = data[part]
    return data  # type: ignore[no-any-return]


def _set(node: CommentedMap, key: str, value: Any, model: type[BaseModel], keep_key: bool = False,
         lang: str = "") -> None:
    """Set a key, keeping the style of the text it replaces (| or >), dropping an emptied optional key."""
    old = node.get(key)
    if isinstance(value, str):
        if isinstance(old, LiteralScalarString) or "\n" in value:
            value = LiteralScalarString(value)
        elif isinstance(old, FoldedScalarString):
            value = FoldedScalarString(value)
    if isinstance(old, dict) and isinstance(value, str):
        old[lang if lang in old else next(iter(old))] = value  # {fi:, sv:}: the main language changes, the others stay
    elif value is None and not keep_key:
        node.pop(key, None)
    elif key in node:
        node[key] = value
    else:
        put(node, key, value, model)


def put(node: CommentedMap, key: str, value: Any, model: type[BaseModel]) -> None:
    """Add a key where the model's order puts it; the comment lines above the next key stay above it."""
    rank = list(model.model_fields)
    mine = rank.index(key) if key in rank else len(rank)
    keys = list(node)
    before = [i for i, k in enumerate(keys) if (rank.index(k) if k in rank else len(rank)) <= mine]
    at = before[-1] + 1 if before else 0
    if at == 0:
        node.insert(0, key, value)
        return
    below = layout.split_after(node, keys[at - 1])  # the lines above the key that will follow ours
    node.insert(at, key, value)
    layout.set_after(node, key, below)


def _set_plan(node: CommentedMap, key: str, value: Any, program: Program, model: type[BaseModel]) -> None:
    head, _, tail = key.partition(".")
    if not tail:
        _set(node, head, value, model, lang=program.languages[0])
    elif head == "schedule":
        _set(_child(node, "schedule", model), tail, _date_or_year(value), Schedule)
    elif head == "baseline" and tail == "value" and value is None:
        node.pop("baseline", None)  # a baseline without a value is none at all
    elif head == "baseline":
        _set(_child(node, "baseline", model), tail, value, Baseline)
    else:
        _target(node, int(tail), value, model)


def _child(node: CommentedMap, key: str, model: type[BaseModel]) -> CommentedMap:
    current = node.get(key)
    if isinstance(current, dict):
        return current
    child = CommentedMap(start=current, end=current) if isinstance(current, int) else CommentedMap()
    child.fa.set_flow_style()  # `schedule: 2026` (the year shorthand) becomes {start: 2026, end: 2026}
    if key in node:
        node[key] = child
    else:
        put(node, key, child, model)
    return child


def _date_or_year(value: Any) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _target(node: CommentedMap, year: int, value: Any, model: type[BaseModel]) -> None:
    targets = node.get("targets")
    for target in targets if isinstance(targets, list) else ():
        if isinstance(target, dict) and target.get("year") == year:
            _set(target, "value", value, Target)
            return
    if value is None:
        return
    entry = CommentedMap(year=year, value=value)
    entry.fa.set_flow_style()
    if isinstance(targets, list):
        targets.append(entry)
    else:
        new = CommentedSeq([entry])
        new.fa.set_flow_style()
        put(node, "targets", new, model)
