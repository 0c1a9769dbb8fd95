"""The program document's view: costs and money tables as the program states them, cascade links up and down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.display.values import Formatter
from sivistys_cli.load.corpus import ProgramDir
from sivistys_cli.model import Action, Goal, Measure, Program, Theme
from sivistys_cli.model import Link as LinkRef
from sivistys_cli.model.costs import action_costs, by_type_and_year, type_key
from sivistys_cli.model.index import Item, ProgramIndex, Resolver, links
from sivistys_cli.model.outline import DEFAULT_ORDER, entry_key, parent_part, stated, valid_entries
from sivistys_cli.model.program import Amendment, Decision, OutlineEntry


@dataclass
class CostRow:
    title: Localized
    label: Localized | None
    year: int | None
    amount: str


@dataclass
class Costs:
    """The actions' costs (rows, by type and year, total) and the budget items' total; never added together,
    and amounts of different value types never added either (a total is given only when all share one type)."""

    actions: list[CostRow]
    by_year: list[tuple[str, str]]  # (year or 'whole period', with its value type when typed; amount)
    total: str | None
    items_total: str | None


@dataclass
class Link:
    """One cascade link: an item of one program implements an item (or the whole) of another."""

    from_program: Localized | None
    from_item: Localized | None
    to_program: Localized | None
    to_item: Localized | None
    ref: str
    interpreted: object = None  # the Interpretation, when the encoder inferred the link


def costs_view(index: ProgramIndex, tr: Translator) -> Costs:
    program, pairs = index.program, action_costs(index)
    rows = [CostRow(tr.text(i.node.title), _cost_label(c, tr), c.year, tr.money(c.amount)) for i, c in pairs]  # type: ignore[arg-type]
    sums = by_type_and_year([c for _, c in pairs])
    typed = len({kind for kind, _ in sums}) > 1 or any(kind is not None for kind, _ in sums)
    years = [(period_label(kind, year, tr, typed), tr.money(v)) for (kind, year), v in sums.items()]
    items = program.budget.items if program.budget else ()
    return Costs(
        rows,
        years if typed or any(y is not None for _, y in sums) else [],
        tr.money(sum(sums.values())) if sums and len({k for k, _ in sums}) == 1 else None,
        tr.money(sum(c.amount for c in items)) if items and len({type_key(c) for c in items}) == 1 else None,
    )


def _cost_label(cost, tr: Translator) -> Localized | str | None:
    label = tr.text(cost.label)
    if cost.type is None:
        return label
    kind = tr(f"value_type.{cost.type.value}")
    return f"{label.text} ({kind})" if label else kind


def period_label(kind: str | None, year: int | None, tr: Translator, typed: bool) -> str:
    """'2025', 'whole period', or with the value type when amounts are typed: '2025 · Budget (TA)'."""
    when = str(year) if year is not None else tr("value.whole_period")
    kind_word = tr(f"value_type.{kind or 'planned'}")
    return f"{when} · {kind_word}" if typed else when


def cascade_view(pd: ProgramDir, resolver: Resolver, tr: Translator,
                 into: LinksInto | None = None) -> tuple[list[Link], list[Link]]:
    """What this program implements (upwards), and what in other programs implements it (downwards).

    `into` is links_into() of the resolver's programs, when a batch of reports has found it once for all.
    """
    program: Program = pd.program  # type: ignore[assignment]
    up = [_link(program, item, link, resolver, tr) for item, _, link in links(resolver.index(program.id))]  # type: ignore[arg-type]
    into = links_into(resolver) if into is None else into
    down = [_link(source, item, link, resolver, tr) for source_id, source, item, link in into.get(program.id, ())
            if source_id != program.id]
    return up, down


LinksInto = dict[str, list[tuple[str, Program, "Item | None", "str | LinkRef"]]]
"""Program id -> the links into it: (the linking program's id, the program, its item or None, the link)."""


def links_into(resolver: Resolver) -> LinksInto:
    """Every cascade link of the resolver's programs, by the program it leads to, in the order of the
    linking programs' ids. Why: the program document of each program of a batch looked through every
    other program's links (programs x programs); this index is made once and read per program."""
    into: LinksInto = {}
    for source_id in sorted(resolver.programs):
        source = resolver.programs[source_id]
        for item, _, link in links(resolver.index(source_id)):  # type: ignore[arg-type]
            into.setdefault(_ref(link).split(":")[0], []).append((source_id, source, item, link))
    return into


def _ref(link: str | LinkRef) -> str:
    return link if isinstance(link, str) else link.ref


def _link(source: Program, item: Item | None, link: str | LinkRef, resolver: Resolver, tr: Translator) -> Link:
    ref = _ref(link)
    target = resolver.programs.get(ref.partition(":")[0])
    found = resolver.item(ref)  # None for a link to a whole program
    return Link(
        tr.text(source.title),
        tr.text(item.node.title) if item else None,
        tr.text(target.title) if target else None,
        tr.text(found.node.title) if found else None,
        ref,
        None if isinstance(link, str) else link.interpreted,
    )


def titles(pd: ProgramDir, resolver: Resolver, tr: Translator) -> Callable[[str], Localized | None]:
    """Titles for references: 'program-id:item-id', 'program-id', or an item of this program."""
    local: ProgramIndex = resolver.index(pd.program.id)  # type: ignore[union-attr, assignment]

    def title(ref: str | LinkRef) -> Localized | None:
        ref = _ref(ref)
        program_id, _, item_id = ref.partition(":")
        if not item_id and program_id in resolver.programs:
            return tr.text(resolver.programs[program_id].title)
        found = resolver.item(ref, local)
        return tr.text(found.node.title) if found else None

    return title


def _goal_ids(theme: Theme) -> set[str]:
    """The ids of every goal under a theme, nested themes included."""
    return {g.id for g in theme.goals}.union(*(_goal_ids(t) for t in theme.themes))


def measures_of(index: ProgramIndex) -> Callable[[Theme | Goal | Action], list[tuple[Measure, Action | None]]]:
    """A node's own measures, then those of its actions (with the action they belong to), then the measures
    elsewhere that name it in their `goals`."""
    naming: dict[str, list[Measure]] = {}  # goal id -> the measures naming it, found once, not once per goal
    for m in index.of_kind("measure"):
        for goal_id in dict.fromkeys(m.node.goals):  # type: ignore[union-attr]
            naming.setdefault(goal_id, []).append(m.node)  # type: ignore[arg-type]

    def of(node: Theme | Goal | Action) -> list[tuple[Measure, Action | None]]:
        out: list[tuple[Measure, Action | None]] = [(m, None) for m in node.measures]
        for action in getattr(node, "actions", ()):
            out += [(m, action) for m in action.measures]
        if isinstance(node, Goal):
            own = {id(m) for m, _ in out}
            out += [(m, None) for m in naming.get(node.id, ()) if id(m) not in own]
        elif isinstance(node, Theme):  # a theme's measure that names a goal under the theme is shown there
            goals = _goal_ids(node)
            out = [(m, a) for m, a in out if a is not None or not goals.intersection(m.goals)]
        return out

    return of


# --- the document's parts, in the program's own order -------------------------------------------------------

GAPS = frozenset({"foreword", "vision", "background", "participation", "themes", "costs", "risks", "stakeholders",
                  "dependencies", "interfaces", "organisation", "reporting", "cascade", "decisions"})
"""The parts `--show-missing` lists with 'not stated' when the program has nothing for them."""

PART_FIELDS: dict[str, tuple[str, ...]] = {
    "foreword": ("foreword",), "vision": ("slogan", "vision", "vision_description"),
    "value_promise": ("value_promise",), "background": ("background",),
    "background_documents": ("background_documents",), "participation": ("participation",),
    "section": ("sections",), "theme": ("themes",), "themes": ("themes",), "goals": ("goals",),
    "costs": ("budget", "ledgers"), "risks": ("risks",), "stakeholders": ("stakeholders",),
    "dependencies": ("dependencies",), "interfaces": ("interfaces",), "organisation": ("organisation",),
    "reporting": ("reporting",), "evaluation": ("reporting",), "cascade": ("implements",),
    "decisions": ("decision", "decisions", "amendments"), "source": ("source",), "materials": ("materials",),
    "colophon": ("colophon",),
    # The header: title and facts; the rest steer how everything else is shown.
    "header": ("title", "subtitle", "organization", "unit", "level", "period", "status", "version", "decision",
               "owner", "responsible", "implementers", "external"),
    "steering": ("id", "languages", "labels", "outline", "status_words"),
}
"""Which program fields each part shows (a test fails when a field is in none of them)."""

_HEADINGS = {"themes": "program.structure", "goals": "program.structure", "source": "program.source_heading"}


@dataclass
class Part:
    """One part of the program document: what it is, its heading and number, its anchor and its content."""

    kind: str  # 'section', 'theme', or a part name of OutlineEntry
    heading: Localized | str | None
    number: str | None
    anchor: str
    payload: object = None  # the Section, the Theme, or the themes of a 'themes' part
    level: int = 2  # the heading's level; the part's own subheadings are one deeper
    continues: bool = False  # no heading: the part goes on from the chapter before it
    missing: bool = False  # nothing stated; shown only with --show-missing


def parts_view(program: Program, present: Callable[[str], bool], tr: Translator, show_missing: bool = False) -> list[Part]:
    """The document's parts: those the outline names, in its order, then the rest in the usual order."""
    parts = [_named(program, e, tr) for e in valid_entries(program)]
    for leftover in _leftovers(program, parts, tr):
        parent = parent_part(program, leftover.kind)
        at = _after(parts, parent) if parent else _after_themes(parts) if leftover.kind == "themes" else None
        if at is None:
            parts.append(leftover)
        else:
            parts.insert(at, leftover)
    shown = []
    for part in parts:
        if _stated(part, present):
            shown.append(part)
        elif show_missing and part.kind in GAPS and not (part.kind == "themes" and program.themes):
            part.missing = True
            shown.append(part)
    return _under_structure(program, shown)


def _stated(part: Part, present: Callable[[str], bool]) -> bool:
    """A chapter is there by its heading; the themes part by the themes it still has to show."""
    if part.kind in ("section", "theme"):
        return True
    return bool(part.payload) if part.kind == "themes" else present(part.kind)


def _named(program: Program, entry: OutlineEntry, tr: Translator) -> Part:
    key = entry_key(entry) or ""
    title = tr.text(entry.title) if entry.title else None
    if key.startswith("section:"):
        section = next(s for s in program.sections if s.id == entry.section)
        return Part("section", title or tr.text(section.title), entry.code or section.code, f"section-{section.id}",
                    section, continues=entry.continues)
    if key.startswith("theme:"):
        theme = next(t for t in program.themes if t.id == entry.theme)
        return Part("theme", title or tr.text(theme.title), entry.code or theme.code, f"theme-{theme.id}", theme,
                    continues=entry.continues)
    return _part(program, key, tr, title, entry.code, entry.continues)


def _part(program: Program, name: str, tr: Translator, title=None, number=None, continues=False, level=2) -> Part:
    heading = title or tr(_HEADINGS.get(name, f"program.{name}"))
    payload = _loose_themes(program) if name == "themes" else None
    return Part(name, heading, number, name, payload, level, continues)


def _loose_themes(program: Program) -> tuple[Theme, ...]:
    """The themes the outline does not place one by one."""
    own = {e.theme for e in program.outline if e.theme}
    return tuple(t for t in program.themes if t.id not in own)


def _leftovers(program: Program, parts: list[Part], tr: Translator) -> list[Part]:
    placed = {p.anchor for p in parts}
    out = []
    for name in DEFAULT_ORDER:
        if name == "sections":
            out += [Part("section", tr.text(s.title), s.code, f"section-{s.id}", s) for s in program.sections
                    if f"section-{s.id}" not in placed]
        elif name not in placed:
            out.append(_part(program, name, tr, level=3 if parent_part(program, name) else 2))
    return out


def _after(parts: list[Part], parent: str) -> int | None:
    """Where a sub-part goes: after its parent and the sub-parts already placed after it."""
    for i, part in enumerate(parts):
        if part.kind == parent:
            j = i + 1
            while j < len(parts) and parts[j].level > part.level:
                j += 1
            return j
    return None


def _after_themes(parts: list[Part]) -> int | None:
    """The themes the outline does not place (and what goes under them) follow the last theme it places."""
    placed = [i for i, part in enumerate(parts) if part.kind == "theme"]
    return placed[-1] + 1 if placed else None


def _under_structure(program: Program, parts: list[Part]) -> list[Part]:
    """A sub-part whose part is not shown becomes a chapter of its own; the program's goals go on under the
    themes' heading when they follow it, and alone they get that heading."""
    parent = None
    for part in parts:
        if part.level == 2:
            parent = part.kind
        elif parent_part(program, part.kind) != parent:
            part.level = 2
        if part.kind == "goals" and part.level == 3:
            part.level, part.continues = 2, True
    return parts


def presence(program: Program, cascade: tuple[list[Link], list[Link]]) -> Callable[[str], bool]:
    """Whether the program states anything for a part; the cascade is there when links lead up or down."""
    return lambda name: bool(cascade[0] or cascade[1]) if name == "cascade" else stated(program, name)


def filled_columns(show_missing: bool, who: Callable[[Action], tuple]) -> Callable[..., set[str]]:
    """`filled(rows, *columns)`: the columns some row has a value for, so a column empty in every row is left
    out of its table ('–' on every line tells a reader nothing); with --show-missing, every column.

    Some columns are not plain attributes: 'who' is an action's responsible party, implementers or partners,
    inherited ones included; 'targets' counts a target stated to be pending; 'notes' is an annual row's
    commentary with what it covers, who reported it and when; 'remarks' is a decision's conditions, note and
    link to the minutes."""

    def value(row: object, column: str) -> bool:
        if column == "who":
            found = who(row)  # type: ignore[arg-type]
            return bool(found[0] or found[1] or row.partners)  # type: ignore[attr-defined]
        if column == "targets" and getattr(row, "target_pending", False):
            return True
        if column == "notes":
            return any(value(row, c) for c in ("comment", "also", "covered_by", "reported_by", "updated"))
        if column == "remarks":
            return any(value(row, c) for c in ("conditions", "note", "url"))
        found = getattr(row, column, None)
        return found is not None and found != "" and not (isinstance(found, (list, tuple)) and not found)

    def filled(rows: object, *columns: str) -> set[str]:
        rows = [r[0] if isinstance(r, tuple) else r for r in rows]  # type: ignore[attr-defined]
        return set(columns) if show_missing else {c for c in columns if any(value(r, c) for r in rows)}

    return filled


# --- the decision chain and the amendments: values in words, and the columns some row fills ------------------


@dataclass
class DecisionRow:
    """One step of the decision chain; a value not stated is '–' (its column shows only if another row has one)."""

    step: str
    body: Localized | None
    date: str
    section: str
    presenter: Localized | str
    conditions: Localized | None  # the remarks: conditions, note and the minutes' address
    note: Localized | None
    url: str | None


@dataclass
class AmendmentRow:
    version: str
    date: str
    description: Localized | None
    decision: Decision | None  # laid out by each format's `decision` macro, as the approving decision is


@dataclass
class Table:
    """Rows and the optional columns to show (those some row fills, or all with --show-missing)."""

    columns: set[str]
    rows: list


def decisions_view(program: Program, tr: Translator, fmt: Formatter, filled: Callable[..., set[str]]) -> tuple[Table, Table]:
    """The decision chain and the amendments, each value as the reports print it."""
    chain = Table(filled(program.decisions, "kind", "date", "section", "presenter", "remarks"),
                  [_decision_row(d, tr, fmt) for d in program.decisions])
    amendments = Table(filled(program.amendments, "version", "date", "decision"),
                       [_amendment_row(a, tr) for a in program.amendments])
    return chain, amendments


def _decision_row(d: Decision, tr: Translator, fmt: Formatter) -> DecisionRow:
    none = tr("value.none")
    return DecisionRow(tr(f"decision_kind.{d.kind.value}") if d.kind else none, tr.text(d.body),
                       fmt.point(d.date) if d.date else none, d.section or none,
                       tr.text(d.presenter) if d.presenter else none,
                       tr.text(d.conditions) if d.conditions else None, tr.text(d.note) if d.note else None, d.url)


def _amendment_row(a: Amendment, tr: Translator) -> AmendmentRow:
    none = tr("value.none")
    return AmendmentRow(a.version or none, tr.date(a.date) if a.date else none, tr.text(a.description), a.decision)
