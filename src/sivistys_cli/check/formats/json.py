"""`--format json`: a stable, documented shape for tools and CI."""

from __future__ import annotations

import json
import re

from sivistys_cli.diagnostics import Diagnostic, count

SCHEMA_VERSION = 1
_C1 = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    c = count(diagnostics)
    doc = {
        "version": SCHEMA_VERSION,
        "summary": {"files": files, "errors": c.errors, "warnings": c.warnings, "infos": c.infos},
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
    # JSON escapes C0 controls itself; C1 controls (U+009B is a terminal's CSI) and the line and
    # paragraph separators are escaped too, so the document is safe to print as well as to parse.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"
