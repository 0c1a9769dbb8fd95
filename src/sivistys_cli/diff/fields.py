"""Compare two model objects field by field: canonical values, lists matched by key, editorial or not."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from itertools import compress
from operator import is_not
from typing import Any

from pydantic import BaseModel

from sivistys_cli.display.messages import entry, say

# Fields that hold an item's children: they are matched as items, never compared as values.
CHILD_FIELDS = {
    "program": frozenset({"themes", "goals"}),
    "theme": frozenset({"themes", "goals", "actions", "measures"}),
    "goal": frozenset({"actions", "measures"}),
    "action": frozenset({"measures"}),
    "measure": frozenset(),
}
# Identity, not content: a change of id is a rename, and previous_ids only records one.
IDENTITY = frozenset({"id", "previous_ids"})

# Wording only. A change anywhere below these top-level fields is editorial …
_EDITORIAL_TOP = frozenset({
    "subtitle", "organization", "unit", "level", "labels", "source", "foreword", "slogan", "vision",
    "vision_description", "value_promise", "background", "background_documents", "participation",
    "sections", "materials",
})
# The second edition's fields: provenance, numbering and the document's own words are editorial (they change
# how the plan is read, not what it commits to); money (ledgers), binding goals, status rules, status words,
# targets' operators and benchmarks, decisions, external links and responsibility are substantive, as any
# field not listed here is.
# … and so is a change of one of these fields at any depth (a decision's note, a task's title).
_EDITORIAL_LEAF = frozenset({"title", "subtitle", "description", "purpose", "note", "comment", "summary",
                             "reported_by", "body", "code", "label", "interpreted", "by", "updated",
                             "period_text", "presenter", "question", "low", "high", "publisher", "url"})

# How elements of a list of objects are told apart, most specific first; used when unique on both sides.
_KEY_SPECS = (("id",), ("ref",), ("year",), ("version",), ("year", "label"), ("year", "label", "type"), ("name",), ("title",),
              ("source",), ("label",), ("program",), ("date",))

Diff = tuple[str, Any, Any]  # (field path, old value, new value)


def canon(value: Any) -> Any:
    """A comparable form in which quoting, key order, whitespace and 10 vs 10.0 make no difference."""
    if isinstance(value, BaseModel):
        return tuple((name, canon(getattr(value, name))) for name in type(value).model_fields)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float, Decimal)):
        return ("num", Decimal(str(value)))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):  # a {fi: …, sv: …} text: compared as a whole
        return frozenset((k, canon(v)) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return tuple(canon(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return ("date", value.isoformat())
    return value


_PLAIN = frozenset({str, int, float, bool, Decimal, dt.date, dt.datetime, type(None)})
_AS_IS = frozenset({str, int, float, bool, type(None)})


def same(old: Any, new: Any) -> bool:
    """Equal with the same types throughout, so certainly equal in canonical form.

    Why: most fields of a revised program did not change, and canon() of both sides (a Decimal made
    from each number's text, each text re-spaced) was most of the comparison's time. Strict types,
    since Python's own == calls True and 1 equal, which canon() does not. False only says "look closer"."""
    if old is new:
        return True
    kind = type(old)
    if kind is not type(new):
        return False
    if kind in _PLAIN or isinstance(old, Enum):
        return old == new  # type: ignore[no-any-return]
    if isinstance(old, BaseModel):
        old, new = old.__dict__, new.__dict__
    elif kind is tuple or kind is list:
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new))
    elif kind is not dict:
        return False
    return old.keys() == new.keys() and all(same(v, new[k]) for k, v in old.items())


def item_fields(old: BaseModel, new: BaseModel, kind: str, skip: frozenset[str] = frozenset()) -> Iterator[Diff]:
    """Changed fields of one matched item, children and identity (and `skip`) left out."""
    names = _compared(type(new), kind, skip)
    if type(old) is not type(new):
        olds, news = [getattr(old, name) for name in names], [getattr(new, name) for name in names]
    else:  # Why: a program of 40 000 items has a million fields to compare; those that are one object
        # (None, (), a default) are passed over in C, and the rest are read without getattr.
        olds, news = list(map(old.__dict__.__getitem__, names)), list(map(new.__dict__.__getitem__, names))
    for name, a, b in compress(zip(names, olds, news), map(is_not, olds, news)):
        if not same(a, b):  # most fields of most items did not change: no generator for them
            yield from fields(a, b, name)


@functools.cache
def _compared(model: type[BaseModel], kind: str, skip: frozenset[str]) -> tuple[str, ...]:
    """The fields item_fields compares, worked out once per model type (not once per item)."""
    left_out = skip | CHILD_FIELDS.get(kind, frozenset()) | IDENTITY
    return tuple(name for name in model.model_fields if name not in left_out)


def fields(old: Any, new: Any, path: str) -> Iterator[Diff]:
    """The smallest differing parts of two values: into objects field by field, into lists by key."""
    if same(old, new) or canon(old) == canon(new):
        return
    if isinstance(old, BaseModel) and type(old) is type(new):
        for name in type(old).model_fields:
            yield from fields(getattr(old, name), getattr(new, name), f"{path}.{name}")
        return
    keyed = _keyed(old, new) if isinstance(old, tuple) and isinstance(new, tuple) else None
    if keyed is None:
        yield path, old, new
        return
    old_by, new_by, labels = keyed
    for key in [*new_by, *(k for k in old_by if k not in new_by)]:
        yield from fields(old_by.get(key), new_by.get(key), f"{path}[{labels[key]}]" if labels[key] else path)


def _keyed(old: tuple, new: tuple) -> tuple[dict, dict, dict] | None:
    """Both lists by a key their elements share, with each key's label; None to compare them whole."""
    both = old + new
    if not both or not all(isinstance(x, BaseModel) for x in both):
        return None
    for spec in _KEY_SPECS:
        if all(getattr(x, a, None) is not None for x in both for a in spec):
            old_keys = [tuple(canon(getattr(x, a)) for a in spec) for x in old]
            new_keys = [tuple(canon(getattr(x, a)) for a in spec) for x in new]
            if len(set(old_keys)) == len(old) and len(set(new_keys)) == len(new):
                labels = {k: " ".join(label(getattr(x, a)) for a in spec) for k, x in zip(old_keys + new_keys, both)}
                return dict(zip(old_keys, old)), dict(zip(new_keys, new)), labels
    if len(old) == 1 and len(new) == 1:  # e.g. one target without a year on each side
        return {(): old[0]}, {(): new[0]}, {(): ""}
    return None


def label(value: Any) -> str:
    """A short name for a list key: a year, an id, the first language of a text."""
    if isinstance(value, dict):
        return str(next(iter(value.values()), ""))
    return str(value.value if isinstance(value, Enum) else value)


def is_editorial(path: str) -> bool:
    names = re.sub(r"\[[^\]]*\]", "", path).split(".")
    return names[0] in _EDITORIAL_TOP or names[-1] in _EDITORIAL_LEAF


def jsonable(value: Any) -> Any:
    """Plain JSON data, defaults left out; numbers stay numbers, dates become YYYY-MM-DD."""
    kind = type(value)
    if kind in _AS_IS:  # most values: no isinstance() chain for them
        return value
    if kind is dict:  # the plain values of a dict or list without a call each
        return {k if type(k) is str else str(k): v if type(v) in _AS_IS else jsonable(v) for k, v in value.items()}
    if kind is tuple or kind is list:
        return [v if type(v) in _AS_IS else jsonable(v) for v in value]
    if isinstance(value, BaseModel):
        return own(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def own(model: BaseModel, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """jsonable(model.model_dump(exclude=skip, exclude_defaults=True)), read from the model's own values.

    Why: pydantic's serializer calls back into Python for every text (the Text type's validator wraps
    it), and jsonable then copied what it gave; a diff of 10 000 added themes spent 0.6 s there. As
    pydantic does, a field is left out when its value == its default (a factory's value for a factory)."""
    names, defaults = _defaults(type(model), skip)
    values = list(map(model.__dict__.__getitem__, names))
    out = {}
    # Most fields of an item hold their default, the same object (None, ()): those are passed over in C.
    for name, value, default in compress(zip(names, values, defaults), map(is_not, values, defaults)):
        if default is _REQUIRED or not value == default:  # == as pydantic compares them
            out[name] = value if type(value) in _AS_IS else jsonable(value)
    return out


_REQUIRED: Any = object()


@functools.cache
def _defaults(model: type[BaseModel], skip: frozenset[str]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """The fields of a model type but `skip`, in the order pydantic dumps them, and their defaults (_REQUIRED
    when there is none)."""
    fields = [(name, _REQUIRED if info.is_required() else info.get_default(call_default_factory=True))
              for name, info in model.model_fields.items() if name not in skip]
    return tuple(name for name, _ in fields), tuple(default for _, default in fields)


# A field path's parts: a name with an optional [list key], separated by dots outside the brackets.
_PART = re.compile(r"([^.\[\]]+)((?:\[[^\]]*\])*)")


def field_words(path: str, lang: str) -> str:
    """A changed field in the reader's language: 'targets[2027].value' -> 'målnivå 2027 › värde' in Swedish.
    English keeps the format's own keys, as the YAML and the JSON output write them."""
    if lang == "en":
        return path
    parts = []
    for name, keys in _PART.findall(path):
        word = say(f"diff.field.{name}", lang) if _known(name) else name
        parts.append(" ".join([word, *re.findall(r"\[([^\]]*)\]", keys)]))
    return " › ".join(parts)


def _known(name: str) -> bool:
    try:
        entry(f"diff.field.{name}", "en")
    except KeyError:
        return False
    return True
