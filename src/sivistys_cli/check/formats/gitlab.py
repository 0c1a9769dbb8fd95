"""`--format gitlab`: a GitLab Code Quality report (a JSON list of issues) for merge-request widgets.

GitLab matches issues between the base and the head of a merge request by `fingerprint`, so the
fingerprint is made of what a finding *is* (code, file, id-path, message) and never of its line:
a finding that only moves when lines are added above it stays the same finding.
"""

from __future__ import annotations

import hashlib
import re

from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.display.jsontext import dumps

# Code Quality knows info, minor, major, critical and blocker; an error blocks a program's approval.
_SEVERITY = {Severity.error: "major", Severity.warning: "minor", Severity.info: "info"}

# Some messages cite another line ("already used at line 12"); that number moves with the file too.
_LINE_REFERENCE = re.compile(r"\blines? \d+")


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    seen: dict[str, int] = {}
    issues = [_issue(d, seen) for d in diagnostics]
    return dumps(issues) + "\n"


def _issue(d: Diagnostic, seen: dict[str, int]) -> dict[str, object]:
    return {
        "description": f"{d.code} {d.message}",
        "check_name": d.code,
        "fingerprint": _fingerprint(d, seen),
        "severity": _SEVERITY[d.severity],
        "location": {"path": d.file, "lines": {"begin": d.line}},
    }


def _fingerprint(d: Diagnostic, seen: dict[str, int]) -> str:
    """Stable across line moves; identical findings in one file are told apart by their order."""
    message = _LINE_REFERENCE.sub("line", d.message)
    key = "\0".join((d.code, d.file, d.path, message))
    nth = seen.get(key, 0)
    seen[key] = nth + 1
    return hashlib.sha256(f"{key}\0{nth}".encode()).hexdigest()
