"""`sivistys rules`: documentation generated from the check registry (and the table in docs/checks.md)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from sivistys_cli.display.messages import entry, say, usage
from sivistys_cli.formats import Format, Registry

if TYPE_CHECKING:
    from sivistys_cli.check.rules import Rule

# The formats of `sivistys rules`: each renders the rule registry as a string.
FORMATS = Registry(
    Format("text", "sivistys_cli.check.docs:rules_text", "one line per check: code, name, severity, what it checks"),
    Format("markdown", "sivistys_cli.check.docs:rules_markdown", "the table of docs/checks.md", aliases=("md",)),
)

# The families in the order the documentation lists them; their titles are `rules.family.<name>`.
_FAMILIES = ("input", "structure", "references", "time", "consistency", "measurability")


def doc(rule: Rule, lang: str = "en") -> str:
    """What a check checks, in `lang` (in English: its docstring, which the catalog repeats)."""
    return entry(".".join((rule.code, "doc")), lang)


def rules_text(rules: dict[str, Rule], lang: str = "en") -> str:
    width = max(len(r.name) for r in rules.values())
    severity = {r.code: say(f"severity.{r.severity.value}", lang) for r in rules.values()}
    lines = [f"{r.code}  {r.name:<{width}}  {severity[r.code]:<7}  {doc(r, lang)}" for r in _sorted(rules)]
    return "\n".join(lines) + "\n"


def rules_markdown(rules: dict[str, Rule], lang: str = "en") -> str:
    out = [f"# {say('rules.title', lang)}", "", *say("rules.intro", lang).splitlines()]
    for family in _FAMILIES:
        members = [r for r in _sorted(rules) if r.family == family]
        if not members:
            continue
        out += ["", f"## {say(f'rules.family.{family}', lang)}", "", say("rules.header", lang), "|---|---|---|---|"]
        out += [f"| {r.code} | {r.name} | {say(f'severity.{r.severity.value}', lang)} | {doc(r, lang)} |"
                for r in members]
    return "\n".join(out) + "\n"


def _sorted(rules: dict[str, Rule]) -> list[Rule]:
    return [rules[c] for c in sorted(rules)]


@cache
def examples() -> dict[str, dict[str, dict[str, object]]]:
    """Each code's bad and good example, taken from its golden cases (see tests/check_examples.py)."""
    return json.loads(files("sivistys_cli.check").joinpath("examples.json").read_text(encoding="utf-8"))


def find_rule(rules: dict[str, Rule], code: str) -> Rule:
    """A rule by code (any case) or by name; a usage error naming the choices otherwise."""
    wanted = code.strip()
    for rule in rules.values():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    raise usage("unknown_check", code=repr(code))


def explain(rule: Rule, lang: str = "en") -> str:
    """The full documentation of one check, with a bad and a good example, as plain text."""
    return rule_help(rule, lang)[0]


def rule_help(rule: Rule, lang: str = "en") -> tuple[str, str]:
    """The help of one check as (plain text, Markdown): what, how to turn it off, bad and good examples."""
    example = examples().get(rule.code, {})
    severity, family = say(f"severity.{rule.severity.value}", lang), say(f"rules.family.{rule.family}", lang)
    head = [say("rules.head", lang, code=rule.code, name=rule.name, severity=severity, family=family), "",
            doc(rule, lang), ""]
    ignore, comment = f'ignore = ["{rule.code}"]', f"# sivistys: disable={rule.code}"
    text = [*head, say("rules.turn_off", lang, ignore=ignore, comment=comment)]
    markdown = [*head, say("rules.turn_off", lang, ignore=f"`{ignore}`", comment=f"`{comment}`")]
    for key in ("bad", "good"):
        if key in example:
            shown = {**example[key], "title": say(f"rules.{key}", lang), "finding": _finding(example[key], lang)}
            text += ["", *_example_text(shown, lang)]
            markdown += ["", *_example_markdown(shown, lang)]
    return "\n".join(text) + "\n", "\n".join(markdown) + "\n"


def _finding(ex: dict[str, object], lang: str) -> object:
    """The example's finding as `sivistys check --lang` prints it."""
    translated = ex.get("findings") or {}
    return translated.get(lang, ex.get("finding")) if isinstance(translated, dict) else ex.get("finding")


def _example_text(ex: dict[str, object], lang: str) -> list[str]:
    lines = [say("rules.example", lang, title=ex["title"], file=ex["file"], line=ex["line"]), ""]
    lines += ["    " + line if line else "" for line in str(ex["text"]).splitlines()]
    if ex["finding"]:
        lines += ["", f"  {ex['finding']}"]
    return lines


def _example_markdown(ex: dict[str, object], lang: str) -> list[str]:
    title = say("rules.example", lang, title=f"**{ex['title']}**", file=f"`{ex['file']}`", line=ex["line"])
    lines = [title, "", "```yaml", *str(ex["text"]).splitlines(), "```"]
    if ex["finding"]:
        lines += ["", "```text", str(ex["finding"]), "```"]
    return lines
