"""The common case of parsing, fast: plain data plus the character offsets of its nodes, resolved to positions on demand.

Why this exists: the event builder in source.py records a (line, column) under a full path tuple for
every value and key, and counts what every node adds for the alias bounds. On the national corpus
that was 2.27 M map entries and about 70 % of `check`, though only the few nodes a diagnostic points
at ever need a position. Here a file is read in one tight loop over libyaml's events, keeping only
each node's character offset in a tree shaped like the data; a path becomes a line and column when
`locate` is asked. Anything out of the ordinary (anchors, aliases, merge keys, tags, duplicate
keys, complex keys, deep nesting, numbers out of range, a second document, a syntax error) makes
`fast_parse` give up, and source.py builds the file the careful way, so that every problem, message
and position stays exactly what the careful builder says.
"""

from __future__ import annotations

from typing import Any

import yaml

from sivistys_cli.model.paths import SHALLOW, nearest_item

_Scalar, _MapStart, _SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MapEnd, _SeqEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DocStart, _DocEnd, _StreamEnd = yaml.DocumentStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent
_STR = "tag:yaml.org,2002:str"
_NO_KEY: Any = object()  # no mapping key pending: the next scalar is a key


class GiveUp(Exception):
    """Not the common case: let the careful builder read this file."""


class Node:
    """A mapping's or list's offset, its key's offset when it is the value of a mapping entry (else -1),
    and its children: {key: child} or [child].

    A child is a Node, or an int: in a list a scalar's offset, in a mapping the offsets of the key
    and of the scalar value both, as `key * span + value` (span: one more than the text's length).
    Why not a (key, value) tuple per entry: a 10 000-theme program has 250 000 entries, and the tuples
    with their two int objects were 20 MB more to allocate and free."""

    __slots__ = ("at", "kids", "key")

    def __init__(self, at: int, kids: Any, key: int) -> None:
        self.at, self.kids, self.key = at, kids, key


# SHALLOW: items this close to the root are walked to directly (100 000 findings on 50 000 outcomes:
# remembering them took 0.16 s, walking 0.08 s).


class MarkTree:
    """Positions of the nodes by data path, computed when asked (the SourceMap of the fast path)."""

    def __init__(self, root: Node | int, lines: Any) -> None:
        self.root, self.lines = root, lines
        self.span = len(lines.text) + 1  # see Node: a mapping entry's two offsets packed in one int
        # The node at each place walked through that ends in a list index (an item of a list).
        # Why: a program with 30 000 findings (three for each of 10 000 actions and measures) walked from
        # the root through the same themes, goals and actions for each; now from the nearest item known.
        self.items: dict[Any, Node] = {}

    def locate(self, loc: Any, on_key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest existing ancestor (on its key, if asked and it has one)."""
        start, node = self._nearest(loc) if len(loc) > SHALLOW + 1 else (0, self.root)
        key_at = None
        items = self.items
        for i, step in enumerate(loc[start:] if start else loc, start):
            if not isinstance(node, Node):
                break
            kids = node.kids
            if isinstance(kids, dict):
                try:
                    hit = kids.get(step)
                except TypeError:  # an unhashable step names nothing here
                    break
                if hit is None:
                    break
                key_at, node = divmod(hit, self.span) if type(hit) is int else (hit.key, hit)
            elif isinstance(step, int) and 0 <= step < len(kids):
                key_at, node = None, kids[step]
                if i >= SHALLOW and type(step) is int and type(node) is Node:
                    items[loc[:i + 1]] = node
            else:
                break
        if on_key and key_at is not None:
            return self.lines.pos(key_at)
        return self.lines.pos(node if isinstance(node, int) else node.at)

    def _nearest(self, loc: Any) -> tuple[int, Node | int]:
        """Where to start walking `loc`: after the deepest list item on it already walked through, else the root."""
        k, hit = nearest_item(self.items, loc)
        return (k, hit) if hit is not None else (0, self.root)


class Scalars:
    """Plain scalars resolved and constructed once per distinct text (keys and ids repeat a lot)."""

    def __init__(self, loader: Any, plain_tags: set[str], max_number: int) -> None:
        self.loader, self.plain_tags, self.max_number = loader, plain_tags, max_number
        self.seen: dict[str, Any] = {}
        self.keys: dict[str, str] = {}
        # The loader class's table, as Resolver.resolve reads it; it has no path or wildcard resolvers (it would give
        # up on them), and an empty text looks in the '' entry, as there.
        self.resolvers: dict[str, list[tuple[str, Any]]] = loader.yaml_implicit_resolvers
        if loader.yaml_path_resolvers or None in self.resolvers:  # pragma: no cover - SafeLoader has neither
            raise GiveUp

    def value(self, text: str) -> Any:
        tag = self._resolve(text)
        if tag == _STR:  # most plain scalars are text: no constructor to call
            self.seen[text] = text
            return text
        if tag not in self.plain_tags:
            raise GiveUp
        try:
            value = self.loader.yaml_constructors[tag](self.loader, yaml.ScalarNode(tag, text))
        except Exception:  # e.g. 2025-06-31, which looks like a date: the careful builder explains
            raise GiveUp from None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value != value or "inf" in text.lower() or abs(value) > self.max_number:
                raise GiveUp  # .nan, .inf and numbers out of range are the careful builder's to judge
        self.seen[text] = value
        return value

    def _resolve(self, text: str) -> str:
        """The loader's implicit resolution (YAML 1.1: yes, no, ~, 0x1F, 2025-01-31 ...), without its generic steps."""
        for tag, pattern in self.resolvers.get(text[:1], ()):
            if pattern.match(text):
                return tag
        return _STR

    def key(self, text: str) -> str:
        """Keys are kept as written text, as the careful builder keeps them (str() of the value)."""
        value = self.seen[text] if text in self.seen else self.value(text)
        key = self.keys[text] = str(value)
        return key


def fast_parse(loader: Any, lines: Any, max_depth: int, plain_tags: set[str], max_number: int) -> tuple[Any, MarkTree]:
    """(data, positions) of an ordinary one-document file; raises GiveUp for anything else."""
    get = loader.get_event
    get()  # StreamStart
    if type(get()) is not _DocStart:
        raise GiveUp  # an empty file
    data, root = _document(get, Scalars(loader, plain_tags, max_number), max_depth, len(lines.text) + 1)
    if type(get()) is not _DocEnd or type(get()) is not _StreamEnd:
        raise GiveUp  # a second document: the careful builder says where
    return data, MarkTree(root, lines)


def _document(get: Any, scalars: Scalars, max_depth: int, span: int) -> tuple[Any, Node | int]:  # noqa: C901 - one hot loop
    """The one loop every event of an ordinary file goes through; locals only, for speed."""
    seen, keys, plain_value, plain_key = scalars.seen, scalars.keys, scalars.value, scalars.key
    stack: list[tuple[Any, Any, bool, Any, int]] = []
    cur: Any = None  # the mapping or list being filled, its children's offsets, whether a mapping
    kids: Any = None
    is_map = False
    key: Any = _NO_KEY
    key_at = 0
    while True:
        event = get()
        kind = type(event)
        if kind is _Scalar:
            if event.tag is not None or event.anchor is not None:
                raise GiveUp
            text = event.value
            at = event.start_mark.index
            if is_map and key is _NO_KEY:
                if not event.implicit[0]:
                    key = text
                elif text in keys:
                    key = keys[text]
                elif text == "<<":
                    raise GiveUp  # a merge key
                else:
                    key = plain_key(text)
                key_at = at
                continue
            if event.implicit[0]:
                value = seen[text] if text in seen else plain_value(text)
            else:
                value = text
            if cur is None:
                return value, at
            if is_map:
                if key in cur:
                    raise GiveUp  # a duplicate key: the careful builder reports it
                cur[key] = value
                kids[key] = key_at * span + at
                key = _NO_KEY
            else:
                cur.append(value)
                kids.append(at)
        elif kind is _MapStart or kind is _SeqStart:
            if event.anchor is not None or event.tag not in (None, "!") or len(stack) >= max_depth:
                raise GiveUp
            at = event.start_mark.index
            new: Any = {} if kind is _MapStart else []
            node = Node(at, {} if kind is _MapStart else [], key_at if is_map else -1)
            if cur is None:
                root_value, root_node = new, node
            elif is_map:
                if key is _NO_KEY or key in cur:
                    raise GiveUp  # a mapping or list as a key, or a duplicate key
                cur[key] = new
                kids[key] = node
            else:
                cur.append(new)
                kids.append(node)
            stack.append((cur, kids, is_map, key, key_at))
            cur, kids, is_map, key = new, node.kids, kind is _MapStart, _NO_KEY
        elif kind is _MapEnd or kind is _SeqEnd:
            cur, kids, is_map, key, key_at = stack.pop()
            key = _NO_KEY
            if not stack:
                return root_value, root_node
        else:  # an alias
            raise GiveUp
