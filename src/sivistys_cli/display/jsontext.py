"""JSON text as json.dumps(value, ensure_ascii=False, indent=2) writes it, a few times faster (diff, SARIF, GitLab)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any


def dumps(value: Any, indent: str = "") -> str:
    """What json.dumps(value, ensure_ascii=False, indent=2) writes, for JSON's own types a few times faster.

    Why: with an indent, the standard library encodes in Python, a generator step per value; a diff of
    10 000 added themes (28 MB of JSON) took 2.4 s of CPU there, and SARIF of 100 000 findings 1.5 s. Texts still go through its C function,
    and any other type, or a key that is not text, is left to json.dumps itself."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return "null" if value is None else "true" if value else "false"
    if kind is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        inner = indent + "  "
        items = (f"{inner}{encode_basestring(k)}: {dumps(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + "\n" + indent + "]"
    # A nested document is the standalone one with every line moved in by the depth it is at.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
