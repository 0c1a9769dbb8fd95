"""`--format sarif`: SARIF 2.1.0, the format GitHub code scanning and other analysis viewers read."""

from __future__ import annotations

from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]
from pathlib import Path, PurePath
from urllib.parse import quote

from sivistys_cli import __version__
from sivistys_cli.check.docs import doc, rule_help
from sivistys_cli.check.rules import RULES, Rule
from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.display.jsontext import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def render(diagnostics: list[Diagnostic], files: int, color: bool = False, lang: str = "en") -> str:
    return _document(lang, _results(diagnostics))


def _document(lang: str, results: str) -> str:
    """The SARIF document with `results` (JSON text at its depth) as the run's results."""
    codes = sorted(RULES)
    run = {
        "tool": {"driver": {"name": "sivistys", "version": __version__, "rules": [_rule(RULES[c], lang) for c in codes]}},
        "originalUriBaseIds": {"SRCROOT": {"description": {"text": "The directory sivistys was run in."}}},
        "results": [],
    }
    head, tail = dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}).split('"results": []', 1)
    return "".join((head, '"results": ', results, tail, "\n"))  # one copy of a text that can be 70 MB


def _results(diagnostics: list[Diagnostic]) -> str:
    """The results as the text json.dumps(indent=2) gives at their depth, one format string per result.

    Why: SARIF nests each result five levels deep; 100 000 findings took 2.5 s of CPU through the
    generic writer. tests/test_check_ci.py compares this text with json.dumps on every kind of finding."""
    if not diagnostics:
        return "[]"
    index = {code: i for i, code in enumerate(sorted(RULES))}
    artifacts: dict[str, str] = {}
    out = []
    for d in diagnostics:
        if d.file not in artifacts:
            artifacts[d.file] = dumps(_artifact(d.file), " " * 16)
        logical = (f',\n              "logicalLocations": [\n                {{\n                  "fullyQualifiedName": '
                   f'{_string(d.path)}\n                }}\n              ]') if d.path else ""
        out.append(f'        {{\n          "ruleId": {_string(d.code)},\n          "ruleIndex": {index[d.code]},\n'
                   f'          "level": "{_LEVEL[d.severity]}",\n          "message": {{\n            "text": '
                   f'{_string(d.message)}\n          }},\n          "locations": [\n            {{\n'
                   f'              "physicalLocation": {{\n                "artifactLocation": {artifacts[d.file]},\n'
                   f'                "region": {{\n                  "startLine": {int.__repr__(d.line)},\n'
                   f'                  "startColumn": {int.__repr__(d.col)}\n                }}\n'
                   f'              }}{logical}\n            }}\n          ]\n        }}')
    return "[\n" + ",\n".join(out) + "\n      ]"


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
