"""What the diff formats share: value display, the one-line summary, and the words for each change."""

from __future__ import annotations

import functools
from typing import Any

from sivistys_cli.diff.compare import Change, summary
from sivistys_cli.diff.fields import field_words
from sivistys_cli.display.literal import flat, shorten
from sivistys_cli.display.messages import say

MARK = {"added": "+", "removed": "-", "changed": "~", "moved": ">", "renamed": "="}


def value(v: Any, limit: int = 160, braces: bool = True) -> str:
    """One line, as written: — for nothing, true/false, lists in [ ], objects as {key: value, …}."""
    return shorten(flat(v, top=not braces), limit)


def summary_line(changes: list[Change], lang: str = "en") -> str:
    """'Goals +1 ~2 −0, Actions +0 ~1 −1' for every kind of item that changed; 'No changes.' if none."""
    parts = [
        f"{items(item, lang)} +{n['added']} ~{n['changed']} −{n['removed']}"
        for item, n in summary(changes).items() if any(n.values())
    ]
    return f"{', '.join(parts)} ({totals(changes, lang)})" if parts else say("diff.no_changes", lang)


def totals(changes: list[Change], lang: str = "en") -> str:
    """'12 changes, 3 substantive' in `lang`."""
    return say("diff.totals", lang, changes=say("diff.changes", lang, n=len(changes)),
               n=sum(c.substantive for c in changes))


def items(item: str, lang: str = "en") -> str:
    """The heading of a kind of item in the summary table: 'Goals', 'Outcome years'."""
    return say(f"diff.plural.{item}", lang)


def theme_name(theme: str, title: str, lang: str = "en") -> str:
    """What a group of changes is headed with: the theme's title, or 'Outcomes 2024' for a year's outcomes."""
    return say("diff.outcomes_of", lang, year=theme[1:]) if theme.startswith("@") else title


def ident(path: str) -> str:
    """The last id of an id-path: ids are unique within a program, so it names the item."""
    return path.rsplit("/", 1)[-1].rsplit("@", 1)[-1]


def describe(c: Change, lang: str = "en") -> str:
    """What happened, in words: 'targets[2027].value: 10 → 15', 'moved from a to b' …"""
    if c.kind == "changed":
        old, new = (status_word(c, v, lang) or value(v) for v in (c.old, c.new))
        return f"{field_words(c.field, lang)}: {old} → {new}"
    kind = word(f"diff.kind.{c.kind}", lang)
    if c.kind in ("added", "removed") and c.item in ("program", "outcomes", "outcome"):
        return f"{kind}: {facts(c, lang)}"
    if c.kind in ("added", "removed"):
        where = "" if c.parent == c.program else " " + said(
            "diff.under" if c.kind == "added" else "diff.from", lang, "parent", ident(c.parent))
        return kind + where
    if c.kind == "moved":
        return say("diff.text.moved", lang, old=ident(c.old), new=ident(c.new))
    return say("diff.text.probably_renamed" if c.probable else "diff.text.renamed", lang, old=c.old)


def facts(c: Change, lang: str = "en") -> str:
    """A program, a year's outcomes or an outcome that came or went, in brief: 'period 2025–2030, draft'."""
    f = c.new if c.kind == "added" else c.old
    if c.item == "outcomes":
        return say("diff.outcomes", lang, n=f["outcomes"])
    if c.item == "outcome":
        status = _word("diff.status", f["status"], lang)
        return status + (said("diff.with_value", lang, "value", value(f["value"])) if "value" in f else "")
    return say("diff.period", lang, start=f["period"]["start"], end=f["period"]["end"],
               status=_word("diff.program_status", f["status"], lang))


def status_word(c: Change, v: object, lang: str) -> str | None:
    """An outcome's or a program's changed status in `lang` ('partly' -> 'delvis uppnått'); None for other values."""
    if c.kind != "changed" or c.field != "status" or not isinstance(v, str):
        return None
    section = {"outcome": "diff.status", "program": "diff.program_status"}.get(c.item)
    return _word(section, v, lang) if section else None


def _word(section: str, word: str, lang: str) -> str:
    """A status word in `lang` (as written in English, where it is the format's own word)."""
    return word if lang == "en" else say(f"{section}.{word}", lang)


def decision_behind(changes: list[Change], lang: str = "en") -> str | None:
    """The decision a revision rests on: a newly added amendment's, else a new approving decision."""
    for c in changes:
        if c.item != "program" or not c.field.startswith("amendments"):
            continue
        added = [c.new] if c.old is None else [a for a in c.new if a not in c.old] if isinstance(c.new, list) else []
        if added and isinstance(added[-1], dict):
            a = added[-1]
            head = " ".join(str(a[k]) for k in ("version", "date") if a.get(k))
            text = say("diff.amendment", lang, head=" " + head if head else "", description=value(a.get("description"), 200))
            return text + (f" ({_decision(a['decision'])})" if a.get("decision") else "")
    for c in changes:
        if c.item == "program" and c.field == "decision" and isinstance(c.new, dict):
            return _decision(c.new)
    return None


def _decision(d: dict[str, Any]) -> str:
    """'Kaupunginvaltuusto, 2025-06-16, § 45'."""
    return ", ".join(value(d[k]) for k in ("body", "date", "section", "note", "url") if d.get(k))


def titled(c: Change, which: str, lang: str) -> str:
    """The item's, theme's or program's title (`which`) in `lang` when the program writes it in `lang`."""
    return c.titles.get(which, {}).get(lang) or getattr(c, which)


def label(item: str, lang: str = "en") -> str:
    """The kind of an item in a row: 'goal', 'outcome year'."""
    return word(f"diff.item.{item}", lang)


def said(key: str, lang: str, name: str, text: str) -> str:
    """say(key, lang, name=text) for a message with one text in it, from the message said once.

    Why: a diff of 10 000 added themes says 'under …' 40 000 times; filling the message each time was
    a third of the text output's time."""
    around = _around(key, lang, name)
    return around[0] + text + around[1] if around else say(key, lang, **{name: text})


@functools.cache
def _around(key: str, lang: str, name: str) -> tuple[str, str] | None:
    """What a message says before and after its one text; None when it does not say it once as it is."""
    parts = say(key, lang, **{name: "\0"}).split("\0")
    return (parts[0], parts[1]) if len(parts) == 2 else None


@functools.cache
def word(key: str, lang: str) -> str:
    """A message without parameters, looked up once: a diff of a 10 000-theme program says the same few
    words (added, goal, editorial) 60 000 times each."""
    return say(key, lang)
