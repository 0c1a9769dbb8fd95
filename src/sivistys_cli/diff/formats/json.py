"""The diff as JSON: a versioned, documented list of changes for scripts and CI (README: "The JSON format")."""

from __future__ import annotations

from sivistys_cli.diff.compare import Change, summary
from sivistys_cli.display.jsontext import dumps

VERSION = 1


def render(changes: list[Change], old: str, new: str, color: bool = False, lang: str = "en") -> str:
    doc = {
        "version": VERSION,
        "old": old,
        "new": new,
        "summary": {
            "changes": len(changes),
            "substantive": sum(c.substantive for c in changes),
            "items": summary(changes),
        },
        "changes": [c.as_dict() for c in changes],
    }
    return dumps(doc) + "\n"
