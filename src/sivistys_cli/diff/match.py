"""Pair the items of two versions of a program by identity: same id, a declared rename, or a probable one."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from sivistys_cli.diff.fields import CHILD_FIELDS, IDENTITY, canon, jsonable
from sivistys_cli.model import Program
from sivistys_cli.model.index import Item, ProgramIndex

# A removed and an added item whose title and content are both this alike (0..1) are taken to be
# one item whose id changed without saying so. Two measures split from one sentence of the
# Somero program score 0.75 on their titles: they must stay two items.
SIMILAR = 0.85
# Guessing compares every removed item with every added one of its kind; beyond this many pairs (a
# restructured program) that would take minutes, so those items are shown as removed and added.
MAX_PAIRS = 10_000


@dataclass(frozen=True)
class Match:
    """One item in the old version, the new one, or both; `how` says how they were paired."""

    old: Item | None
    new: Item | None
    how: str = "id"  # "id", "declared" (previous_ids) or "similar"


def match(old: Program | ProgramIndex, new: Program | ProgramIndex) -> list[Match]:
    """Every item of both versions (programs, or their indexes when the caller has them), paired where
    they are the same item."""
    olds, news = _index(old).by_id, _index(new).by_id
    pairs: dict[str, tuple[str, str]] = {}  # new id -> (old id, how)
    claimed: set[str] = set()
    for nid, item in news.items():  # a declared rename comes first: the author said so
        if nid in olds or not item.node.previous_ids:  # most items: no generator made for them
            continue
        pid = next((p for p in item.node.previous_ids if _free(olds, p, item, claimed)), None)
        if pid:
            pairs[nid] = (pid, "declared")
            claimed.add(pid)
    for nid, item in news.items():
        was = olds.get(nid)  # _free(olds, nid, item, claimed), inline: it is asked for every item
        if was is not None and nid not in pairs and nid not in claimed and was.kind == item.kind:
            pairs[nid] = (nid, "id")
            claimed.add(nid)
    pairs.update(_similar([o for o in olds.values() if o.id not in claimed],
                          [n for n in news.values() if n.id not in pairs]))
    matched = {o for o, _ in pairs.values()}
    out = [Match(olds[pairs[n][0]], item, pairs[n][1]) if n in pairs else Match(None, item)
           for n, item in news.items()]
    return out + [Match(item, None) for o, item in olds.items() if o not in matched]


def _index(program: Program | ProgramIndex) -> ProgramIndex:
    return program if isinstance(program, ProgramIndex) else ProgramIndex(program)


def renames(matches: list[Match]) -> dict[str, str]:
    """Old id -> new id for every paired item (identity for the unchanged ones)."""
    return {m.old.id: m.new.id for m in matches if m.old and m.new}


def moved(m: Match, old_to_new: dict[str, str]) -> bool:
    """Under another parent, once renamed parents are followed: a renamed goal's actions did not move."""
    assert m.old and m.new
    old_parent = old_to_new.get(m.old.parent.id, "") if m.old.parent else None  # "": its parent was removed
    new_parent = m.new.parent.id if m.new.parent else None
    return old_parent != new_parent


def _free(olds: dict[str, Item], oid: str, new: Item, claimed: set[str]) -> bool:
    return oid in olds and oid not in claimed and olds[oid].kind == new.kind


def _similar(left_old: list[Item], left_new: list[Item]) -> dict[str, tuple[str, str]]:
    """Pair what is left: the same content under a new id first, then the most alike of each kind."""
    if not left_old or not left_new:  # nothing to pair: sketching 40 000 added items took 3 s
        return {}
    olds, news = [_Sketch.of(o) for o in left_old], [_Sketch.of(n) for n in left_new]
    twins: dict[tuple, list[_Sketch]] = {}
    for o in reversed(olds):  # popped from the end: the first in document order pairs first
        twins.setdefault(o.key, []).append(o)
    found: dict[str, tuple[str, str]] = {}
    for n in news:
        if twins.get(n.key):
            found[n.id] = (twins[n.key].pop().id, "similar")
    taken = {oid for oid, _ in found.values()}
    for kind in dict.fromkeys(n.kind for n in news):
        found.update(_alike([o for o in olds if o.kind == kind and o.id not in taken],
                            [n for n in news if n.kind == kind and n.id not in found]))
    return found


def _alike(olds: list[_Sketch], news: list[_Sketch]) -> dict[str, tuple[str, str]]:
    """Most alike first, when title and content are both nearly the same; nothing when there are too many pairs."""
    if not olds or not news or len(olds) * len(news) > MAX_PAIRS:
        return {}
    scored = []
    for n in news:
        title, text = _matcher(n.title), _matcher(n.text)
        for o in olds:
            score = _ratio(title, o.title)
            if score >= SIMILAR:  # the content only when the title is close: it is the longer text
                score = min(score, _ratio(text, o.text))
            if score >= SIMILAR:
                scored.append((score, o.id, n.id))
    found: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for _score, oid, nid in sorted(scored, reverse=True):
        if nid not in found and oid not in taken:
            found[nid] = (oid, "similar")
            taken.add(oid)
    return found


@dataclass(frozen=True)
class _Sketch:
    """What an item is compared by, worked out once: its own content without id and children."""

    id: str
    kind: str
    key: tuple  # the content in canonical form: equal keys are the same content
    title: str
    text: str  # the content as JSON, for how alike two items are

    @classmethod
    def of(cls, item: Item) -> _Sketch:
        own = [name for name in type(item.node).model_fields if name not in IDENTITY | CHILD_FIELDS[item.kind]]
        key = (item.kind, *((name, canon(getattr(item.node, name))) for name in own))
        text = json.dumps(jsonable(item.node.model_dump(include=set(own), exclude_defaults=True)),
                          ensure_ascii=False, sort_keys=True)
        return cls(item.id, item.kind, key, str(jsonable(item.node.title)), text)


def _matcher(text: str) -> difflib.SequenceMatcher:
    """A matcher against `text`; difflib keeps what it learnt about its second sequence between comparisons."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(text)
    return matcher


def _ratio(matcher: difflib.SequenceMatcher, text: str) -> float:
    """How alike `text` is to the matcher's; 0.0 as soon as a cheap upper bound rules out SIMILAR."""
    matcher.set_seq1(text)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()
