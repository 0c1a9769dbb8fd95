"""`--format sarif`: SARIF 2.1.0, the format GitHub code scanning and other analysis viewers read."""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from urllib.parse import quote

from sivistys_cli import __version__
from sivistys_cli.check.docs import doc, rule_help
from sivistys_cli.check.rules import RULES, Rule
from sivistys_cli.diagnostics import Diagnostic, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    codes = sorted(RULES)
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {"driver": {"name": "sivistys", "version": __version__, "rules": [_rule(RULES[c], lang) for c in codes]}},
        "originalUriBaseIds": {"SRCROOT": {"description": {"text": "The directory sivistys was run in."}}},
        "results": [_result(d, index[d.code]) for d in diagnostics],
    }
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: Rule, lang: str) -> dict[str, object]:
    """A rule with its stable English id and name, and its documentation in the chosen language."""
    text, markdown = rule_help(rule, lang)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": doc(rule, lang)},
        "fullDescription": {"text": doc(rule, lang)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _artifact(file: str) -> dict[str, str]:
    """A path under the run's folder as a relative URI (spaces, ä and ö percent-encoded); another as file://."""
    if PurePath(file).is_absolute():
        return {"uri": Path(file).as_uri()}
    return {"uri": quote(file.replace("\\", "/")), "uriBaseId": "SRCROOT"}


def _result(d: Diagnostic, rule_index: int) -> dict[str, object]:
    location = {
        "physicalLocation": {
            "artifactLocation": _artifact(d.file),
            "region": {"startLine": d.line, "startColumn": d.col},
        }
    }
    if d.path:
        location["logicalLocations"] = [{"fullyQualifiedName": d.path}]
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [location],
    }
