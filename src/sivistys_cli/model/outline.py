"""The program document's parts and their order: what an outline entry names, and which parts a program states.

An outline lists the parts in the source document's order; a part it leaves out is not dropped but follows in
the usual order (DEFAULT_ORDER), and `check` warns (SV215) so that the author places it. The parts made from
other data (UNPLACED_OK) are no chapters of the source, so an outline need not place them: left out, they go
where a reader looks for them (DERIVED_UNDER), without a warning.
"""

from __future__ import annotations

from sivistys_cli.model.index import walk
from sivistys_cli.model.program import OutlineEntry, Program

DEFAULT_ORDER = (
    "foreword", "vision", "value_promise", "background", "background_documents", "participation", "sections",
    "themes", "goals", "costs", "risks", "stakeholders", "dependencies", "interfaces", "organisation",
    "reporting", "evaluation", "cascade", "decisions", "source", "materials",
)
"""The order without an outline (and of the parts an outline leaves out)."""

SUBPARTS = {"value_promise": "vision", "background_documents": "background", "evaluation": "reporting",
            "goals": "themes"}
"""A part that belongs under another unless the outline places it on its own."""

UNPLACED_OK = frozenset({"cascade", "source"})
"""Parts made from other data (links, the encoding note): an outline need not place them."""

DERIVED_UNDER = {"cascade": "themes"}
"""Where a part made from other data goes when an outline leaves it out: the cascade links show how the
program's goals serve the strategy above it, so they follow the goals, under the chapter that holds them
(not after the decisions, where the usual order has them). The source note needs no entry: it describes the
encoding, and so comes after the document's own chapters."""


def parent_part(program: Program, name: str) -> str | None:
    """The part `name` sits under when the outline does not place it on its own."""
    return SUBPARTS.get(name) or (DERIVED_UNDER.get(name) if program.outline else None)


def entry_key(entry: OutlineEntry) -> str | None:
    """'section:ID', 'theme:ID' or the part's name; None unless the entry names exactly one thing."""
    named = [f"section:{entry.section}" if entry.section else None, f"theme:{entry.theme}" if entry.theme else None,
             entry.part]
    found = [n for n in named if n]
    return found[0] if len(found) == 1 else None


def part_keys(program: Program) -> set[str]:
    """Everything an outline entry may name in this program."""
    keys = {p for p in DEFAULT_ORDER if p != "sections"}
    return keys | {f"section:{s.id}" for s in program.sections} | {f"theme:{t.id}" for t in program.themes}


def valid_entries(program: Program) -> list[OutlineEntry]:
    """Outline entries that name one existing part, each the first time (`check` reports the others)."""
    seen: set[str] = set()
    out = []
    for entry in program.outline:
        key = entry_key(entry)
        if key is not None and key not in seen and key in part_keys(program):
            seen.add(key)
            out.append(entry)
    return out


def stated(program: Program, name: str) -> bool:
    """Whether the program states anything for the structured part `name` (cascade links are not looked at)."""
    r, o = program.reporting, program.organisation
    split = any(e.part == "evaluation" for e in program.outline)
    found = {
        "foreword": program.foreword, "vision": program.vision or program.slogan or program.vision_description,
        "value_promise": program.value_promise, "background": program.background,
        "background_documents": program.background_documents, "participation": program.participation,
        "themes": program.themes, "goals": program.goals,
        "costs": program.budget or program.ledgers or (name == "costs" and _costed(program)),
        "risks": program.risks, "stakeholders": program.stakeholders, "dependencies": program.dependencies,
        "interfaces": program.interfaces, "organisation": o and (o.description or o.groups or o.owner_duties),
        "reporting": r and (r.monitoring_months or r.monitoring or r.annual_report or (r.evaluation and not split)),
        "evaluation": r and r.evaluation, "decisions": program.decision or program.decisions or program.amendments,
        "source": program.source, "materials": program.materials,
    }
    return bool(found.get(name))


def _costed(program: Program) -> bool:
    """Whether an action states costs: walked only when `costs` is asked (the report asks `stated` for
    every part, and a walk of a 20 000-theme program each time was 1 s)."""
    return any(i.node.costs for i in walk(program) if i.kind == "action")


def left_out(program: Program) -> list[str]:
    """What a program with an outline states but does not place: sections, themes and parts, as outline keys."""
    if not program.outline:
        return []
    named = {entry_key(e) for e in program.outline}
    out = [f"section:{s.id}" for s in program.sections if f"section:{s.id}" not in named]
    if "themes" not in named:
        out += [f"theme:{t.id}" for t in program.themes if f"theme:{t.id}" not in named]
    for name in DEFAULT_ORDER:
        parent = SUBPARTS.get(name)
        placed = name in named or (parent is not None and (parent in named or parent in out))
        if name not in ("sections", "themes") and name not in UNPLACED_OK and not placed and stated(program, name):
            out.append(name)
    return out
