"""`--format gitlab`: a GitLab Code Quality report (a JSON list of issues) for merge-request widgets.

GitLab matches issues between the base and the head of a merge request by `fingerprint`, so the
fingerprint is made of what a finding *is* (code, file, id-path, message) and never of its line:
a finding that only moves when lines are added above it stays the same finding.
"""

from __future__ import annotations

import hashlib
import re
from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]

from sivistys_cli.diagnostics import Diagnostic, Severity

# Code Quality knows info, minor, major, critical and blocker; an error blocks a program's approval.
_SEVERITY = {Severity.error: "major", Severity.warning: "minor", Severity.info: "info"}

# Some messages cite another line ("already used at line 12"); that number moves with the file too.
_LINE_REFERENCE = re.compile(r"\blines? \d+")


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    if not diagnostics:
        return "[]\n"
    seen: dict[str, int] = {}
    return "[\n" + ",\n".join(_issue(d, seen) for d in diagnostics) + "\n]\n"


def _issue(d: Diagnostic, seen: dict[str, int]) -> str:
    """One issue as the text json.dumps(indent=2) gives for it, laid out by one format string.

    Why: through a generic writer 100 000 findings took about 0.5 s more CPU; tests/test_check_ci.py
    compares this text with json.dumps."""
    return (f'  {{\n    "description": {_string(f"{d.code} {d.message}")},\n    "check_name": {_string(d.code)},\n'
            f'    "fingerprint": "{_fingerprint(d, seen)}",\n    "severity": "{_SEVERITY[d.severity]}",\n'
            f'    "location": {{\n      "path": {_string(d.file)},\n      "lines": {{\n'
            f'        "begin": {int.__repr__(d.line)}\n      }}\n    }}\n  }}')


def _fingerprint(d: Diagnostic, seen: dict[str, int]) -> str:
    """Stable across line moves; identical findings in one file are told apart by their order."""
    message = _LINE_REFERENCE.sub("line", d.message)
    key = "\0".join((d.code, d.file, d.path, message))
    nth = seen.get(key, 0)
    seen[key] = nth + 1
    return hashlib.sha256(f"{key}\0{nth}".encode()).hexdigest()
