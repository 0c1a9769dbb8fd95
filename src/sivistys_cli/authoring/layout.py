"""The canonical key order: each mapping's keys in the order the model declares its fields.

Comments travel with the key they stand above (ruamel stores such a comment on the key before it,
so it is moved over by hand); keys the model does not know keep their place after the known ones.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken


def order(node: Any, model: type[BaseModel], in_list: bool = False) -> None:
    """Put the keys of `node` and of every mapping under it into the model's order, in place."""
    if not isinstance(node, CommentedMap):
        return
    fields = model.model_fields
    for key in list(node):
        inner = _model_of(fields[key].annotation) if key in fields else None
        if inner is not None:
            value = node[key]
            for child in value if isinstance(value, CommentedSeq) else [value]:
                order(child, inner, isinstance(value, CommentedSeq))
    rank = {name: i for i, name in enumerate(fields)}
    wanted = sorted(node, key=lambda k: rank.get(k, len(rank)))
    if wanted != list(node):
        _reorder(node, wanted, in_list)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class inside Optional[...], tuple[..., ...] or Annotated[...], if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_of(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, tuple):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def _reorder(node: CommentedMap, wanted: list[Any], in_list: bool) -> None:
    keys = list(node)
    lead: dict[Any, str] = {}  # the comment lines above each key (and below the last one, under _TAIL)
    for i, key in enumerate(keys):
        lead[keys[i + 1] if i + 1 < len(keys) else _TAIL] = split_after(node, key)
    for key in wanted:
        node.move_to_end(key)
    for i, key in enumerate(wanted):
        below = lead.get(wanted[i + 1], "") if i + 1 < len(wanted) else lead[_TAIL]
        set_after(node, key, below)
    if lead.get(wanted[0]):
        _set_before(node, lead[wanted[0]], 2 if in_list else 0)


_TAIL = object()  # stands for "after the last key": the lines that close the mapping


def _is_block(value: Any) -> bool:
    return isinstance(value, (LiteralScalarString, FoldedScalarString))


def _slot(node: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment lines after `node[key]`: on the deepest last scalar of a block value."""
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        return _slot(value, last)
    return node, key, 2 if isinstance(node, CommentedMap) else 0


def split_after(node: CommentedMap, key: Any) -> str:
    """Take away the comment lines below a key's value (its end-of-line comment stays) and return them."""
    return _split_slot(node, key) + _pop_ends(node[key])


def _pop_ends(value: Any) -> str:
    """Comment lines ruamel keeps at the end of a block collection (and of its last children), removed."""
    if not isinstance(value, (CommentedMap, CommentedSeq)) or not len(value) or value.fa.flow_style():
        return ""
    last = value[list(value)[-1]] if isinstance(value, CommentedMap) else value[-1]
    inner = _pop_ends(last)
    tokens = getattr(value.ca, "end", None) or []
    value.ca.end = []
    own = "".join(" " * (t.start_mark.column if t.start_mark else 0) + t.value.lstrip(" ") for t in tokens
                  if isinstance(t, CommentToken))
    return inner + own


def _split_slot(node: CommentedMap, key: Any) -> str:
    holder, at, index = _slot(node, key)
    entry = holder.ca.items.get(at)
    token = entry[index] if entry and len(entry) > index else None
    if not isinstance(token, CommentToken):
        return ""
    value: str = token.value
    column = token.start_mark.column if token.start_mark is not None else 0
    if _is_block(holder[at]):  # a block scalar ends with its newline: its first comment line lost its indent
        entry[index] = None
        return " " * column + value
    if value.startswith("\n"):
        entry[index] = None
        return value[1:]
    head, _, rest = value.partition("\n")
    entry[index] = CommentToken(head + "\n", CommentMark(column), None)
    return rest  # the end-of-line comment stays where it is


def set_after(node: CommentedMap, key: Any, below: str) -> None:
    """Put comment lines below a key's value (after its end-of-line comment, if it has one)."""
    if not below:
        return
    holder, at, index = _slot(node, key)
    entry = holder.ca.items.setdefault(at, [None, None, None, None])
    old = entry[index]
    if _is_block(holder[at]):
        stripped = below.lstrip(" ")
        entry[index] = CommentToken(stripped, CommentMark(len(below) - len(stripped)), None)
    elif isinstance(old, CommentToken):
        old.value = old.value + below
    else:
        entry[index] = CommentToken("\n" + below, CommentMark(0), None)


def _set_before(node: CommentedMap, below: str, dedent: int) -> None:
    """Comment lines above a mapping's first key; in a list item they go above its dash, so `dedent` 2."""
    lines = [line for line in below.splitlines() if line.strip()]
    tokens = [CommentToken(line.strip() + "\n", CommentMark(max(0, len(line) - len(line.lstrip()) - dedent)), None)
              for line in lines]
    if node.ca.comment is None:
        node.ca.comment = [None, []]
    node.ca.comment[1] = (node.ca.comment[1] or []) + tokens
