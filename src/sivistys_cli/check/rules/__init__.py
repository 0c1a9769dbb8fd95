"""The registry: every check code, its name, severity and documentation, in one place."""

from __future__ import annotations

from sivistys_cli.check.rules import consistency, measurability, references, timing
from sivistys_cli.check.rules.base import CheckContext, Rule
from sivistys_cli.diagnostics import Severity

E, W = Severity.error, Severity.warning

# Codes found while loading (parsing and validating); they have no generator of their own.
_LOAD_RULES = [
    Rule("SV001", "yaml-syntax", E, "The file is not valid YAML (bad indentation, a tab, an unclosed quote).", "input"),
    Rule("SV002", "duplicate-key", E, "The same key appears twice in one mapping; YAML keeps only one of them.", "input"),
    Rule("SV003", "unreadable-file", E, "The file cannot be read, or is not UTF-8 text.", "input"),
    Rule("SV005", "unexpected-file", W, "A YAML file in a program directory that sivistys does not read.", "input"),
    # Found by the engine after every other check, since only then is it known what a comment hides.
    Rule("SV006", "unused-disable", W, "A `# sivistys: disable=` comment names a code that does not exist "
         "(a typo such as SV5O5), or hides nothing on the line it covers (the problem was fixed): "
         "remove it, so that it cannot hide a new problem later.", "input"),
    Rule("SV101", "missing-key", E, "A required key is missing; the message names it and what it holds.", "structure"),
    Rule("SV102", "unknown-key", E, "A key the format does not know (often a typo); the message suggests the right one.", "structure"),
    Rule("SV103", "invalid-value", E, "A value of the wrong kind: text where a number belongs, an unknown status, a bad date.", "structure"),
    Rule("SV104", "invalid-id", E, "An id that is not lowercase letters, digits, hyphens and underscores; the message suggests one.", "structure"),
]

RULES: dict[str, Rule] = {r.code: r for r in _LOAD_RULES}
for module in (references, timing, consistency, measurability):
    RULES.update({r.code: r for r in module.RULES})

__all__ = ["RULES", "CheckContext", "Rule"]
