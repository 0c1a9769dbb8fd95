"""`--format json`: a stable, documented shape for tools and CI."""

from __future__ import annotations

import json
import re

from sivistys_cli.diagnostics import Diagnostic, count

SCHEMA_VERSION = 1
_C1 = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_string = json.encoder.encode_basestring  # type: ignore[attr-defined]  # what json.dumps(ensure_ascii=False) uses


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    c = count(diagnostics)
    head = {"version": SCHEMA_VERSION, "summary": {"files": files, "errors": c.errors, "warnings": c.warnings,
                                                     "infos": c.infos}}
    # The text json.dumps(doc, ensure_ascii=False, indent=2) gives, built here: with an indent json falls
    # back to its pure-Python encoder, 0.4 s of CPU for 50 000 findings; each finding's seven fields are
    # laid out by one format string instead (tests compare the two on every kind of value).
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "diagnostics": ' + _findings(diagnostics) + "\n}"
    # JSON escapes C0 controls itself; C1 controls (U+009B is a terminal's CSI) and the line and
    # paragraph separators are escaped too, so the document is safe to print as well as to parse.
    # Why isascii first: it answers in a fraction of the search's time (0.03 s for 30 000 findings), and
    # none of those characters is ASCII.
    return (text if text.isascii() else _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)) + "\n"


def _findings(diagnostics: list[Diagnostic]) -> str:
    if not diagnostics:
        return "[]"
    return "[\n" + ",\n".join(_finding(d) for d in diagnostics) + "\n  ]"


def _finding(d: Diagnostic) -> str:
    return (f'    {{\n      "file": {_string(d.file)},\n      "line": {int.__repr__(d.line)},\n'
            f'      "col": {int.__repr__(d.col)},\n      "code": {_string(d.code)},\n'
            f'      "severity": {_string(d.severity.value)},\n      "message": {_string(d.message)},\n'
            f'      "path": {_string(d.path)}\n    }}')
