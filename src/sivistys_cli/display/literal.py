"""Values as the author wrote them in YAML, for messages: true/false, 12.5, 'text', [a, b], {key: value}.

Check messages, format errors and the diff all show a user's value back to them; they share these
so that `true` never reads as 'True' in one place and true in another.
"""

from __future__ import annotations

from typing import Any


def scalar(value: Any) -> str:
    """One value on one line: true/false as YAML writes them, numbers and text as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def quoted(value: Any) -> str:
    """Like `scalar`, with text in quotes so that it stands apart from the message around it."""
    return f"'{value}'" if isinstance(value, str) else scalar(value)


def flat(value: Any, top: bool = False) -> str:
    """Any value on one line: — for nothing, lists in [ ], mappings as {key: value, …} (without braces at `top`)."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {flat(x)}" for k, x in value.items())
        return inner if top else f"{{{inner}}}"
    if isinstance(value, list):
        return "[" + ", ".join(flat(x) for x in value) + "]"
    return scalar(value)


def kind_of(value: Any) -> str | None:
    """What a value that is not a scalar is, in words: 'a mapping', 'a list', 'empty'; None for a scalar."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "empty" if value is None else None


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(n: int, word: str) -> str:
    """'1 change', '2 changes' (English; the catalogs give the other languages their own forms)."""
    return f"{n} {word}{'' if n == 1 else 's'}"
