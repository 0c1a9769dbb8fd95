"""The plan diff: what changed between two versions of the programs, as a list of Change values."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as _dataclass_fields
from dataclasses import field as _field
from typing import Any

from sivistys_cli.diff.fields import CHILD_FIELDS, IDENTITY, is_editorial, item_fields, jsonable, own
from sivistys_cli.diff.match import Match, match, moved, renames
from sivistys_cli.diff.snapshots import Snapshot
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.index import Item, ProgramIndex

ITEMS = ("program", "theme", "goal", "action", "measure", "outcomes", "outcome")
_YEAR_KEYS = frozenset({"program", "year", "outcomes"})  # identity and children of an outcome year


@dataclass(frozen=True)
class Change:
    """One difference, named by ids; `old` and `new` are plain JSON values (README: "The JSON format")."""

    kind: str  # "added", "removed", "changed", "moved" or "renamed"
    item: str  # one of ITEMS; "outcomes" is a whole year's file, "outcome" one entry in it
    program: str  # the program id
    path: str  # id-path: program/theme/goal/action, or program@year/ref for outcomes
    field: str = ""  # for "changed": the field, e.g. targets[2027].value
    old: Any = None
    new: Any = None
    substantive: bool = True  # False: wording only (titles, descriptions, notes, comments)
    probable: bool = False  # a rename guessed from similar content, not declared in previous_ids
    title: str = ""  # the item's title, in the program's main language
    parent: str = ""  # id-path of the parent (the old parent for a removed item)
    theme: str = ""  # id of the theme (or top-level goal) it falls under; "@2024" for outcomes; "" for the program
    theme_title: str = ""  # that theme's title; "" for the program and for outcomes (renderers name those)
    program_title: str = ""
    # The same three titles in each language the program writes them in ({"title": {"sv": …}}), so that the
    # text and Markdown formats can say them in the language asked for; JSON keeps the main language.
    titles: dict[str, dict[str, str]] = _field(default_factory=dict, compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The change's fields but `titles`, as JSON writes them.

        Why not dataclasses.asdict: it copies every value deeply, half of rendering 60 000 changes as JSON;
        the values are plain JSON data already (jsonable), which nothing changes after."""
        return {name: getattr(self, name) for name in _JSON_FIELDS}


_JSON_FIELDS = tuple(f.name for f in _dataclass_fields(Change) if f.name != "titles")


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change from `old` to `new`: programs by id, then each program's outcomes by (year, ref)."""
    out: list[Change] = []
    renamed: dict[str, dict[str, str]] = {}
    for pid in sorted(old.programs.keys() | new.programs.keys()):
        changes, renamed[pid] = _program(old.programs.get(pid), new.programs.get(pid))
        out += changes
    for key in sorted(old.outcomes.keys() | new.outcomes.keys()):
        out += _outcome_year(key, old.outcomes.get(key), new.outcomes.get(key), renamed.get(key[0], {}))
    programs = {p.id: p for p in (*old.programs.values(), *new.programs.values())}
    named: dict[str, tuple[str, dict[str, str]]] = {}  # program id -> its title, and in each language
    for c in out:
        if "program_title" in c.titles:  # an item's change, titled when it was made (_Where)
            continue
        if c.program not in named:
            p = programs.get(c.program)
            named[c.program] = (_text(p.title, p) if p else "", _langs(p.title if p else None))
        title, langs = named[c.program]
        # Why in place: these changes were made just above and nobody has seen them yet; replace() made
        # each one again, a fifth of the comparison's time for a 10 000-theme program.
        object.__setattr__(c, "program_title", title)
        object.__setattr__(c, "titles", {**c.titles, "program_title": langs})
    return sorted(out, key=lambda c: c.program)


def summary(changes: list[Change]) -> dict[str, dict[str, int]]:
    """Per kind of item: how many were added, changed (or moved, renamed) and removed."""
    counts = {item: {"added": 0, "changed": 0, "removed": 0} for item in ITEMS}
    seen: set[tuple[str, str]] = set()
    for c in changes:
        if c.kind in ("added", "removed"):
            counts[c.item][c.kind] += 1
        elif (c.item, c.path) not in seen:
            seen.add((c.item, c.path))
            counts[c.item]["changed"] += 1
    return counts


def _program(old: Program | None, new: Program | None) -> tuple[list[Change], dict[str, str]]:
    """A program added or removed is one change; otherwise its own fields, then its items theme by theme."""
    if old is new:  # the same file in both versions (see versions.Cache): nothing to compare
        return [], {}
    if old is None or new is None:
        p = new or old
        assert p is not None
        facts = {"title": _text(p.title, p), "period": jsonable(p.period), "status": p.status.value}
        added = old is None
        return [Change("added" if added else "removed", "program", p.id, p.id, old=None if added else facts,
                       new=facts if added else None, title=_text(p.title, p), titles={"title": _langs(p.title)})], {}
    head = [Change("changed", "program", new.id, new.id, f, jsonable(a), jsonable(b), not is_editorial(f),
                   title=_text(new.title, new), titles={"title": _langs(new.title)})
            for f, a, b in item_fields(old, new, "program")]
    indexes = ProgramIndex(old), ProgramIndex(new)  # each tree walked once, for matching and for order
    matches = match(*indexes)
    old_to_new = renames(matches)
    tops = _Tops(indexes)
    ordered = sorted(matches, key=_order(*indexes, old_to_new, tops))
    where = _Where(old, new, old_to_new, tops)
    return head + [c for m in ordered for c in _item(m, old_to_new, old, where)], old_to_new


class _Tops:
    """The theme (or top-level goal) each item of both versions is under, found once for all of them.

    Why: Item.top climbs the parents every time it is asked, and ordering and placing 40 000 items asked it
    twice each."""

    def __init__(self, indexes: tuple[ProgramIndex, ProgramIndex]) -> None:
        self.of: dict[int, Item] = {}
        for index in indexes:
            for item in index.items:  # parents come before their children
                self.of[id(item)] = item if item.parent is None else self.of[id(item.parent)]

    def __call__(self, item: Item) -> Item:
        return self.of[id(item)]


def _order(old_index: ProgramIndex, new_index: ProgramIndex, old_to_new: dict[str, str], tops: _Tops):
    """Sort key: by theme in the new order (removed themes last), new items before removed ones."""
    old, new = old_index.program, new_index.program
    new_pos = {item.node.id: i for i, item in enumerate(new_index.items)}
    old_pos = {item.node.id: i for i, item in enumerate(old_index.items)}
    top_new = {t.id: i for i, t in enumerate((*new.themes, *new.goals))}
    top_old = {t.id: i for i, t in enumerate((*old.themes, *old.goals))}
    # Each new item's key made in one pass (Item.id is a property: a call per use, three per item).
    new_keys = {id(item): (top_new[tops.of[id(item)].node.id], new_pos[item.node.id]) for item in new_index.items}

    def key(m: Match) -> tuple[int, int]:
        if m.new:
            return new_keys[id(m.new)]
        assert m.old
        top = tops(m.old).node.id
        return top_new.get(old_to_new.get(top, ""), 100_000 + top_old[top]), 100_000 + old_pos[m.old.node.id]

    return key


def _item(m: Match, old_to_new: dict[str, str], old: Program, where: _Where) -> list[Change]:
    it = m.new or m.old
    assert it is not None
    if m.old is None or m.new is None:
        base = where(it, m.new is None)
        facts = own(it.node, IDENTITY | CHILD_FIELDS[it.kind])
        return [Change("added", new=facts, **base) if m.old is None else Change("removed", old=facts, **base)]
    renamed, went = m.how != "id", moved(m, old_to_new)
    changed = list(item_fields(m.old.node, m.new.node, it.kind))
    if not (renamed or went or changed):  # most items of a revision: where they are is not needed
        return []
    base = where(it, False)
    out = []
    if renamed:  # a guessed rename is substantive: it may really be a removal and an addition
        out.append(Change("renamed", old=m.old.id, new=m.new.id, substantive=m.how == "similar",
                          probable=m.how == "similar", **base))
    if went:
        out.append(Change("moved", old=m.old.parent.id_path if m.old.parent else old.id, new=base["parent"], **base))
    for f, a, b in changed:
        out.append(Change("changed", field=f, old=jsonable(a), new=jsonable(b),
                          substantive=not is_editorial(f), **base))
    return out


class _Where:
    """Where an item is: its path, parent and theme (a removed item's theme as it is now, if it still exists)."""

    def __init__(self, old: Program, new: Program, old_to_new: dict[str, str], tops: _Tops) -> None:
        self.old, self.new, self.old_to_new, self.tops = old, new, old_to_new, tops
        # The themes by id once: looking each item's theme up in the list was themes x items, 45 s of CPU
        # for a 20 000-theme program.
        self.themes = {t.id: t for t in reversed((*new.themes, *new.goals))}  # the first of a reused id, as before
        self.titles: dict[int, tuple[str, dict[str, str]]] = {}  # a theme's title, by the theme: said once
        # The program's title, as compare() would add it afterwards (the new version's, which exists here).
        self.program_title = _text(new.title, new), _langs(new.title)

    def __call__(self, it: Item, removed: bool) -> dict[str, Any]:
        new = self.new
        program = self.old if removed else new
        top = self.tops(it)
        theme = self.old_to_new.get(top.id, top.id) if removed else top.id
        theme_node = self.themes.get(theme, top.node)
        titled = self.titles.get(id(theme_node))
        if titled is None:
            titled = self.titles[id(theme_node)] = (_text(theme_node.title, new), _langs(theme_node.title))
        return dict(item=it.kind, program=new.id, path=it.id_path, title=_text(it.node.title, program),
                    parent=it.parent.id_path if it.parent else program.id, theme=theme, theme_title=titled[0],
                    program_title=self.program_title[0],
                    titles={"title": _langs(it.node.title), "theme_title": titled[1],
                            "program_title": self.program_title[1]})


def _outcome_year(key: tuple[str, int], old: OutcomeYear | None, new: OutcomeYear | None,
                  old_to_new: dict[str, str]) -> list[Change]:
    """A year's file added or removed is one change; otherwise its own fields, then outcomes by ref."""
    pid, year = key
    base = dict(program=pid, path=f"{pid}@{year}", theme=f"@{year}")
    if old is new:
        return []
    if old is None or new is None:
        facts = {"year": year, "outcomes": len((new or old).outcomes)}  # type: ignore[union-attr]
        return [Change("added", "outcomes", new=facts, **base) if old is None
                else Change("removed", "outcomes", old=facts, **base)]
    out = [Change("changed", "outcomes", field=f, old=jsonable(a), new=jsonable(b), substantive=not is_editorial(f),
                  **base) for f, a, b in item_fields(old, new, "outcomes", _YEAR_KEYS)]
    olds = {old_to_new.get(o.ref, o.ref): o for o in old.outcomes}  # an outcome follows its renamed item
    news = {o.ref: o for o in new.outcomes}
    for ref in [*news, *(r for r in olds if r not in news)]:
        out += _outcome(olds.get(ref), news.get(ref), {**base, "path": f"{pid}@{year}/{ref}", "parent": base["path"]})
    return out


def _outcome(old: Any, new: Any, where: dict[str, Any]) -> list[Change]:
    if old is None or new is None:
        return [Change("added", "outcome", new=jsonable(new), **where) if old is None
                else Change("removed", "outcome", old=jsonable(old), **where)]
    return [Change("changed", "outcome", field=f, old=jsonable(a), new=jsonable(b), substantive=not is_editorial(f),
                   **where) for f, a, b in item_fields(old, new, "outcome", frozenset({"ref"}))]


def _langs(value: Any) -> dict[str, str]:
    """A text's languages, when it is written in several."""
    return {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}


def _text(value: Any, program: Program) -> str:
    """A text in the program's main language (or the first one it has)."""
    if isinstance(value, dict):
        return value.get(program.languages[0]) or next(iter(value.values()), "")
    return value or ""
