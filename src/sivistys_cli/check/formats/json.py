"""`--format json`: a stable, documented shape for tools and CI."""

from __future__ import annotations

import json

from sivistys_cli.diagnostics import Diagnostic, count

SCHEMA_VERSION = 1


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    c = count(diagnostics)
    doc = {
        "version": SCHEMA_VERSION,
        "summary": {"files": files, "errors": c.errors, "warnings": c.warnings, "infos": c.infos},
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
