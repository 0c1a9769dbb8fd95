"""Pair the items of two versions of a program by identity: same id, a declared rename, or a probable one."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from sivistys_cli.diff_fields import CHILD_FIELDS, IDENTITY, jsonable
from sivistys_cli.index import Item, walk
from sivistys_cli.model import Program

# A removed and an added item whose title and content are both this alike (0..1) are taken to be
# one item whose id changed without saying so. Two measures split from one sentence of the
# Somero program score 0.75 on their titles: they must stay two items.
SIMILAR = 0.85


@dataclass(frozen=True)
class Match:
    """One item in the old version, the new one, or both; `how` says how they were paired."""

    old: Item | None
    new: Item | None
    how: str = "id"  # "id", "declared" (previous_ids) or "similar"


def match(old: Program, new: Program) -> list[Match]:
    """Every item of both versions, paired where they are the same item."""
    olds, news = _by_id(old), _by_id(new)
    pairs: dict[str, tuple[str, str]] = {}  # new id -> (old id, how)
    claimed: set[str] = set()
    for nid, item in news.items():  # a declared rename comes first: the author said so
        pid = None if nid in olds else next((p for p in item.node.previous_ids if _free(olds, p, item, claimed)), None)
        if pid:
            pairs[nid] = (pid, "declared")
            claimed.add(pid)
    for nid, item in news.items():
        if nid not in pairs and _free(olds, nid, item, claimed):
            pairs[nid] = (nid, "id")
            claimed.add(nid)
    pairs.update(_similar([o for o in olds.values() if o.id not in claimed],
                          [n for n in news.values() if n.id not in pairs]))
    matched = {o for o, _ in pairs.values()}
    out = [Match(olds[pairs[n][0]], item, pairs[n][1]) if n in pairs else Match(None, item)
           for n, item in news.items()]
    return out + [Match(item, None) for o, item in olds.items() if o not in matched]


def renames(matches: list[Match]) -> dict[str, str]:
    """Old id -> new id for every paired item (identity for the unchanged ones)."""
    return {m.old.id: m.new.id for m in matches if m.old and m.new}


def moved(m: Match, old_to_new: dict[str, str]) -> bool:
    """Under another parent, once renamed parents are followed: a renamed goal's actions did not move."""
    assert m.old and m.new
    old_parent = old_to_new.get(m.old.parent.id, "") if m.old.parent else None  # "": its parent was removed
    new_parent = m.new.parent.id if m.new.parent else None
    return old_parent != new_parent


def _by_id(program: Program) -> dict[str, Item]:
    out: dict[str, Item] = {}
    for item in walk(program):
        out.setdefault(item.id, item)  # a duplicate id is a finding of `check`, not a second item
    return out


def _free(olds: dict[str, Item], oid: str, new: Item, claimed: set[str]) -> bool:
    return oid in olds and oid not in claimed and olds[oid].kind == new.kind


def _similar(left_old: list[Item], left_new: list[Item]) -> dict[str, tuple[str, str]]:
    """Pair what is left, most alike first, when content and title are nearly the same."""
    scored = sorted(
        ((_score(o, n), o.id, n.id) for o in left_old for n in left_new if o.kind == n.kind),
        reverse=True,
    )
    found: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for score, oid, nid in scored:
        if score >= SIMILAR and nid not in found and oid not in taken:
            found[nid] = (oid, "similar")
            taken.add(oid)
    return found


def _score(old: Item, new: Item) -> float:
    """The lower of title and content similarity: both must be nearly the same."""
    title = _ratio(str(jsonable(old.node.title)), str(jsonable(new.node.title)))
    return title if title < SIMILAR else min(title, _ratio(_fingerprint(old), _fingerprint(new)))


def _fingerprint(item: Item) -> str:
    skip = IDENTITY | CHILD_FIELDS[item.kind]
    return json.dumps(jsonable(item.node.model_dump(exclude=set(skip), exclude_defaults=True)),
                      ensure_ascii=False, sort_keys=True)


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= SIMILAR else 0.0
