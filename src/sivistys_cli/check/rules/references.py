"""Reference checks: ids are unique, and every link (outcome, measure, cascade) resolves."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from sivistys_cli.check.rules.base import CheckContext, assessed, collector, outcome_docs
from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.load.corpus import LoadedFile
from sivistys_cli.model.annual import word_key
from sivistys_cli.model.index import Resolver, implements
from sivistys_cli.model.outline import entry_key, left_out, part_keys

RULES, rule = collector("references")
E, W = Severity.error, Severity.warning


@rule("SV105", "directory-name", W)
def directory_name(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The program directory is named after the program id, so people and tools find it by id."""
    for pd in ctx.programs:
        if pd.root.name != pd.program.id:
            yield ctx.at("SV105", pd.program_doc, ("id",), id=pd.program.id, directory=pd.root.name)


@rule("SV201", "duplicate-id", E)
def duplicate_id(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Theme, goal, action and measure ids are unique within a program, and program ids across programs."""
    seen_programs: dict[str, str] = {}
    for pd in ctx.corpus.all_programs():
        if pd.program is None:
            continue
        first = seen_programs.setdefault(pd.program.id, pd.program_doc.display)
        if first != pd.program_doc.display and pd in ctx.corpus.programs:
            yield ctx.at("SV201", pd.program_doc, ("id",), "program", id=pd.program.id, first=first)
    for pd in ctx.programs:
        seen: dict[str, str] = {}
        for item in ctx.index(pd).items:
            if item.id in seen:
                yield ctx.at("SV201", pd.program_doc, item.loc + ("id",), "item", id=item.id,
                             kind=Msg(f"noun_the.{seen[item.id]}"),
                             line=pd.program_doc.source.locate(ctx.index(pd).by_id[item.id].loc)[0])
            else:
                seen[item.id] = item.kind


@rule("SV202", "unknown-reference", E)
def unknown_reference(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Outcome `ref`s and measure `goals` name an item that exists in the program."""
    for pd in ctx.programs:
        index = ctx.index(pd)
        for m in index.of_kind("measure"):
            for i, ref in enumerate(m.node.goals):
                if ":" not in ref and ref not in index.by_id:
                    yield ctx.at("SV202", pd.program_doc, m.loc + ("goals", i), "goal", measure=m.id, ref=ref,
                                 suggest=_suggest(ref, index.by_id))
    for pd, doc, i, outcome, item in assessed(ctx):
        by_id = ctx.index(pd).by_id
        if item is None:
            yield ctx.at("SV202", doc, ("outcomes", i, "ref"), "outcome", ref=outcome.ref, program=pd.program.id,
                         suggest=_suggest(outcome.ref, by_id))
        for j, ref in enumerate(outcome.also):
            if ref not in by_id:
                yield ctx.at("SV202", doc, ("outcomes", i, "also", j), "also", ref=ref, program=pd.program.id,
                             suggest=_suggest(ref, by_id))


@rule("SV203", "unknown-program", E)
def unknown_program(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A cascade link or dependency names a program that is not in the repository."""
    unloadable = ctx.corpus.unloadable_ids()
    for pd, loc, ref in _links(ctx):
        program_id = ref.split(":", 1)[0]
        if program_id in ctx.programs_by_id:
            continue
        if program_id in unloadable:
            yield ctx.at("SV203", pd.program_doc, loc, "unloadable", ref=ref, program=program_id,
                         file=unloadable[program_id])
        elif ":" not in ref and ref in ctx.index(pd).by_id:
            yield ctx.at("SV203", pd.program_doc, loc, "own_item", ref=ref)
        else:
            yield ctx.at("SV203", pd.program_doc, loc, "program" if ":" not in ref else "linked", ref=ref,
                         program=program_id, folder=pd.root.parent.name or ".",
                         suggest=_suggest(program_id, ctx.programs_by_id))


@rule("SV204", "unknown-linked-item", E)
def unknown_linked_item(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A cascade link 'program-id:item-id' names an item that the other program does not have."""
    resolver = _resolver(ctx)
    for pd, loc, ref in _links(ctx):
        if ":" not in ref:
            continue
        program_id, item_id = ref.split(":", 1)
        other = resolver.index(program_id)
        if other is not None and resolver.item(ref, ctx.index(pd)) is None:
            yield ctx.at("SV204", pd.program_doc, loc, program=program_id, item=item_id,
                         suggest=_suggest(item_id, other.by_id))


@rule("SV205", "outcome-program", E)
def outcome_program(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome file names the program of the directory it is in."""
    for pd, doc in outcome_docs(ctx):
        if pd.program is not None and doc.model.program != pd.program.id:
            yield ctx.at("SV205", doc, ("program",), written=doc.model.program, program=pd.program.id)


@rule("SV206", "outcome-file-name", E)
def outcome_file_name(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome file is named after its year, e.g. outcomes/2024.yaml holds `year: 2024`."""
    for _pd, doc in outcome_docs(ctx):
        stem = doc.path.stem
        if not re.fullmatch(r"\d{4}", stem):
            yield ctx.at("SV206", doc, ("year",), "name", name=doc.path.name, year=doc.model.year)
        elif int(stem) != doc.model.year:
            yield ctx.at("SV206", doc, ("year",), "year", name=doc.path.name, year=doc.model.year)


@rule("SV207", "duplicate-outcome", E)
def duplicate_outcome(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An item is assessed at most once per year, and each year has one outcome file."""
    first_file: dict[tuple[int, int], LoadedFile] = {}
    for pd, doc in outcome_docs(ctx):
        earlier = first_file.setdefault((id(pd), doc.model.year), doc)
        if earlier is not doc:
            yield ctx.at("SV207", doc, ("year",), "year", year=doc.model.year, file=earlier.path.name)
    for _pd, doc in outcome_docs(ctx):
        seen: dict[str, int] = {}
        for i, outcome in enumerate(doc.model.outcomes):
            if outcome.ref in seen:
                line = doc.source.locate(("outcomes", seen[outcome.ref]))[0]
                yield ctx.at("SV207", doc, ("outcomes", i, "ref"), "ref", ref=outcome.ref, line=line)
            seen.setdefault(outcome.ref, i)


@rule("SV208", "outcome-kind", E)
def outcome_kind(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Outcomes are recorded for goals, actions and measures, not for themes."""
    for _pd, doc, i, outcome, item in assessed(ctx):
        if item is not None and item.kind not in ("goal", "action", "measure"):
            yield ctx.at("SV208", doc, ("outcomes", i, "ref"), ref=outcome.ref, kind=Msg(f"noun_a.{item.kind}"))


@rule("SV209", "measure-goal-kind", E)
def measure_goal_kind(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A measure's `goals` list names goals (here or in another program), not themes, actions or measures."""
    resolver = _resolver(ctx)
    for pd in ctx.programs:
        index = ctx.index(pd)
        for m in index.of_kind("measure"):
            for i, ref in enumerate(m.node.goals):
                target = resolver.item(ref, index)
                if target is not None and target.kind != "goal":
                    yield ctx.at("SV209", pd.program_doc, m.loc + ("goals", i), ref=ref,
                                 kind=Msg(f"noun_a.{target.kind}"))


# Which kinds a cascade link may join: the linking item (None: the program) -> what it may implement.
LINK_KINDS: dict[str | None, frozenset[str]] = {
    None: frozenset({"program", "theme", "goal"}),
    "theme": frozenset({"program", "theme", "goal"}),
    "goal": frozenset({"program", "theme", "goal"}),
    "action": frozenset({"program", "theme", "goal", "action"}),
}


@rule("SV210", "link-kind", E)
def link_kind(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A cascade link joins kinds that can implement one another: a program, theme or goal implements a program,
    theme or goal; an action may also implement an action. Nothing implements a measure."""
    resolver = _resolver(ctx)
    for pd in ctx.programs:
        for item, loc, ref in implements(ctx.index(pd)):
            target = resolver.item(ref) if ":" in ref else None
            target_kind = target.kind if target else ("program" if ":" not in ref and ref in resolver.programs else None)
            source = item.kind if item else None
            if target_kind is not None and target_kind not in LINK_KINDS.get(source, frozenset()):
                target = Msg(f"noun_a.{target_kind}")
                if item is None:
                    yield ctx.at("SV210", pd.program_doc, loc, "program", ref=ref, target=target)
                    continue
                may = Msg(f"SV210.may_{source}" if source in LINK_KINDS else "SV210.may_other")
                yield ctx.at("SV210", pd.program_doc, loc, "item", kind=Msg(f"noun_the.{source}"), id=item.id, ref=ref,
                             target=target, may=may)


@rule("SV211", "link-cycle", E)
def link_cycle(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Cascade links do not go round in a circle (A implements B, B implements A, directly or through others)."""
    # Why every program's links: a circle through a program that is not checked (a sibling, or another
    # worker's program when many are checked) is still a circle; it is reported on a checked program's link.
    edges: dict[str, list[tuple[str, object, tuple]]] = {}
    for pd in ctx.programs_by_id.values():
        for item, loc, ref in implements(ctx.index(pd)):
            source = f"{pd.program.id}:{item.id}" if item else pd.program.id
            edges.setdefault(source, []).append((ref, pd, loc))
    checked = {id(pd) for pd in ctx.programs}
    reported: set[frozenset[str]] = set()
    for start in sorted(edges):
        for ref, pd, loc in edges[start]:
            if id(pd) not in checked:
                continue
            path = _path(edges, ref, start)
            if path is not None and frozenset(path) not in reported:
                reported.add(frozenset(path))
                yield ctx.at("SV211", pd.program_doc, loc, circle=" → ".join([start, *path]))


def _path(edges: dict, node: str, goal: str) -> list[str] | None:
    """A chain of links from `node` back to `goal` (depth first), or None."""
    stack, seen = [(node, [node])], set()
    while stack:
        here, path = stack.pop()
        if here == goal:
            return path
        if here in seen:
            continue
        seen.add(here)
        stack.extend((ref, path + [ref]) for ref, _pd, _loc in edges.get(here, ()))
    return None


@rule("SV212", "unknown-status-word", E)
def unknown_status_word(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An outcome's `status_word` is one of the program's `status_words`, which say what status it means."""
    for pd, doc, i, outcome, _item in assessed(ctx):
        word = word_key(outcome.status_word)
        words = pd.program.status_words
        if word is not None and word not in words:
            yield ctx.at("SV212", doc, ("outcomes", i, "status_word"), "message" if words else "none", word=word,
                         known=", ".join(f"'{w}'" for w in words), suggest=_suggest(word, words))


@rule("SV213", "ledger-reference", E)
def ledger_reference(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A ledger row's amounts name the table's columns, and its `sum_of` names rows of the same table."""
    for pd in ctx.programs:
        for t, ledger in enumerate(pd.program.ledgers):
            columns = [c.id for c in ledger.columns]
            rows = [r.id for r in ledger.rows]
            for r, row in enumerate(ledger.rows):
                loc = ("ledgers", t, "rows", r)
                for key in row.amounts:
                    if key not in columns:
                        yield ctx.at("SV213", pd.program_doc, loc + ("amounts", key), "amount", on_key=True,
                                     row=row.id, column=key, table=ledger.id, suggest=_suggest(key, columns))
                for j, part in enumerate(row.sum_of):
                    if part.lstrip("-") not in rows or part.lstrip("-") == row.id:
                        yield ctx.at("SV213", pd.program_doc, loc + ("sum_of", j), "sum_of", row=row.id,
                                     part=part.lstrip("-"), table=ledger.id, suggest=_suggest(part.lstrip("-"), rows))


def _resolver(ctx: CheckContext) -> Resolver:
    """Resolves 'program-id:item-id' in every loaded program (selected or context)."""
    return Resolver({program_id: pd.program for program_id, pd in ctx.programs_by_id.items()})


def _links(ctx: CheckContext) -> Iterator[tuple]:
    """Every cross-program link: program implements, item implements, dependencies."""
    for pd in ctx.programs:
        index = ctx.index(pd)
        for _item, loc, ref in implements(index):
            yield pd, loc, ref
        for i, dep in enumerate(pd.program.dependencies):
            if dep.program:
                yield pd, ("dependencies", i, "program"), dep.program
        for item in index.of_kind("measure"):
            for i, ref in enumerate(item.node.goals):
                if ":" in ref:
                    yield pd, item.loc + ("goals", i), ref


def _suggest(word: str, choices: Iterable[str]) -> Msg | str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Msg("common.did_you_mean", {"word": close[0]}) if close else ""




@rule("SV214", "outline-entry", E)
def outline_entry(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each `outline` entry names exactly one part that the program has (a section or theme by id, or a
    structured part), and no part is listed twice."""
    for pd in ctx.programs:
        keys, seen = part_keys(pd.program), {}
        for i, entry in enumerate(pd.program.outline):
            key, loc = entry_key(entry), ("outline", i)
            if key is None:
                yield ctx.at("SV214", pd.program_doc, loc, "not_one")
            elif key not in keys:
                kind, _, name = key.partition(":")
                ids = [k.partition(":")[2] for k in keys if k.startswith(f"{kind}:")]
                yield ctx.at("SV214", pd.program_doc, loc + (kind,), kind, name=name, suggest=_suggest(name, ids))
            elif key in seen:
                line = pd.program_doc.source.locate(("outline", seen[key]))[0]
                yield ctx.at("SV214", pd.program_doc, loc, "twice", name=key, line=line)
            else:
                seen[key] = i


@rule("SV215", "outline-leaves-out", W)
def outline_leaves_out(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A program with an `outline` places every part it states there; a part left out is not dropped but
    printed after the outlined ones, which is rarely where the document has it."""
    for pd in ctx.programs:
        for key in left_out(pd.program):
            yield ctx.at("SV215", pd.program_doc, ("outline",), "message", on_key=True, name=key)
