"""What every check is: a stable code, a name, a default severity, docs, and a generator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.messages import render
from sivistys_cli.load.corpus import Corpus, LoadedFile, ProgramDir
from sivistys_cli.model import Outcome
from sivistys_cli.model.index import Item, ProgramIndex
from sivistys_cli.model.types import Loc


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    family: str
    run: Callable[[CheckContext], Iterator[Diagnostic]] | None = None


@dataclass
class CheckContext:
    """What a check may look at: the corpus, and indexes built once and shared."""

    corpus: Corpus
    rules: dict[str, Rule]
    _indexes: dict[int, ProgramIndex] = field(default_factory=dict)
    _assessed: list[tuple[ProgramDir, LoadedFile, int, Outcome, Item | None]] | None = None

    @property
    def programs(self) -> list[ProgramDir]:
        """Selected programs whose program.yaml is valid."""
        return [pd for pd in self.corpus.programs if pd.program is not None]

    @cached_property
    def programs_by_id(self) -> dict[str, ProgramDir]:
        return self.corpus.by_id()

    def index(self, pd: ProgramDir) -> ProgramIndex:
        """The program's index, by id() of its model as Corpus.indexes keeps them (a report shares them)."""
        assert pd.program is not None
        key = id(pd.program)
        if key not in self._indexes:
            self._indexes[key] = ProgramIndex(pd.program)
        return self._indexes[key]

    def at(self, code: str, doc: LoadedFile, loc: Loc, variant: str = "message", on_key: bool = False,
           **args: object) -> Diagnostic:
        """A diagnostic for `code` at the node `loc` of `doc`; its message is `<code>.<variant>` of the catalogs."""
        line, col = doc.source.locate(loc, on_key)
        msg = Msg(f"{code}.{variant}", args)
        return Diagnostic(doc.display, line, col, code, self.rules[code].severity, render(msg), doc.id_path(loc), msg)


def collector(family: str) -> tuple[list[Rule], Callable[..., Callable]]:
    """A module's rule list and the decorator that adds a check to it; the docstring is its doc."""
    rules: list[Rule] = []

    def rule(code: str, name: str, severity: Severity) -> Callable:
        def register(fn: Callable[[CheckContext], Iterator[Diagnostic]]) -> Callable:
            summary = " ".join((fn.__doc__ or "").split())
            rules.append(Rule(code, name, severity, summary, family, fn))
            return fn

        return register

    return rules, rule


def assessed(ctx: CheckContext) -> Iterator[tuple[ProgramDir, LoadedFile, int, Outcome, Item | None]]:
    """Each outcome of a valid outcome file of a valid program, with the item it refers to (or None).

    Found once for a context: seven checks go through the outcomes (20 000 of them in a big program)."""
    if ctx._assessed is None:
        ctx._assessed = list(_assessed(ctx))
    return iter(ctx._assessed)


def _assessed(ctx: CheckContext) -> Iterator[tuple[ProgramDir, LoadedFile, int, Outcome, Item | None]]:
    for pd, doc in outcome_docs(ctx):
        if pd.program is None:
            continue
        by_id = ctx.index(pd).by_id
        for i, outcome in enumerate(doc.model.outcomes):
            yield pd, doc, i, outcome, by_id.get(outcome.ref)


def outcome_docs(ctx: CheckContext) -> Iterator[tuple[ProgramDir, LoadedFile]]:
    """Valid outcome files of selected programs, with their program directory."""
    for pd in ctx.corpus.programs:
        for doc in pd.outcome_docs:
            if doc.model is not None:
                yield pd, doc
