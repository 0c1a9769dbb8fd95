"""Id-paths: name a place in a program by ids ('somero/asiakaskokemus/palvelumuotoilu.title')."""

from __future__ import annotations

from typing import Any

from sivistys_cli.source import Loc


def id_path(data: Any, loc: Loc) -> str:
    """Build a readable path from raw data: list items by their id, fields by their key."""
    parts: list[str] = []
    node = data
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        parts.append(data["id"])
    elif isinstance(data, dict) and isinstance(data.get("program"), str):
        parts.append(f"{data['program']}@{data.get('year', '?')}")
    fields: list[str] = []
    container = ""
    for part in loc:
        child = _child(node, part)
        if isinstance(part, int) and container:
            ident = (child.get("id") or child.get("ref")) if isinstance(child, dict) else None
            parts.append(ident if isinstance(ident, str) else f"{container}[{part}]")
            fields, container = [], ""
        elif isinstance(part, int):
            fields.append(f"[{part}]")
        elif _is_container(part) and not fields:
            container = part
        else:
            fields.append(f".{part}" if fields else part)
        node = child
    tail = "".join(fields)
    head = "/".join(parts)
    return f"{head}.{tail}" if head and tail else head or tail


_CONTAINERS = {"themes", "goals", "actions", "measures", "outcomes"}


def _is_container(key: str) -> bool:
    return key in _CONTAINERS


def _child(node: Any, part: str | int) -> Any:
    try:
        return node[part]
    except (KeyError, IndexError, TypeError):
        return None
