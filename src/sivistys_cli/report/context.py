"""What the report templates get: the program, its year, and the views computed from them."""

from __future__ import annotations

from collections import ChainMap
from typing import Any

from sivistys_cli.display.i18n import Translator
from sivistys_cli.display.ledger import ledger_view
from sivistys_cli.display.values import Formatter
from sivistys_cli.load.corpus import Corpus, ProgramDir
from sivistys_cli.model import current_status
from sivistys_cli.model.annual import STATUSES, SYMBOLS
from sivistys_cli.model.index import Resolver, responsible
from sivistys_cli.report.levels import LevelNames
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.view_annual import annual_view
from sivistys_cli.report.view_program import (
    cascade_view,
    costs_view,
    decisions_view,
    filled_columns,
    measures_of,
    parts_view,
    presence,
    titles,
)


def build_context(pd: ProgramDir, corpus: Corpus, options: ReportOptions, tr: Translator, year: int | None) -> dict[str, Any]:
    program = pd.program
    fmt = Formatter(tr)
    # This program wins over another with the same id (which is an error of the other program).
    # Why a ChainMap over the batch's programs: copying every other program's id for each report of a
    # batch made the batch programs x programs; the same lookups go through the shared map.
    others = corpus.others if corpus.others is not None else {i: p.program for i, p in corpus.by_id().items()}
    # The indexes other reports share are added to in a layer of this report's own (the batch's stay as they were).
    indexes = ChainMap({}, corpus.indexes) if corpus.others is not None else corpus.indexes
    resolver = Resolver(ChainMap({program.id: program}, others), indexes)  # type: ignore[union-attr, arg-type]
    index = resolver.index(program.id)  # type: ignore[union-attr]
    files = [f"{pd.root.name}/program.yaml"]
    context: dict[str, Any] = {
        "lang": options.lang,
        "kind": options.kind,
        "program": program,
        "year": year,
        "t": tr,
        "L": tr.text,
        "f": fmt,
        "labels": LevelNames(program, tr),  # type: ignore[arg-type]
        "statuses": STATUSES,
        "symbols": SYMBOLS,
        "commit": options.commit,
        "date": tr.date(options.date) if options.date else None,
        "fallbacks": [],
        "measures_of": measures_of(index),  # type: ignore[arg-type]
        "resolve": titles(pd, resolver, tr),
        "status": current_status(program),  # type: ignore[arg-type]
        "responsible": _responsible(index),
    }
    context["filled"] = filled_columns(options.show_missing, context["responsible"])
    if options.kind == "annual":
        context["annual"] = annual_view(pd, index, year, tr)  # type: ignore[arg-type]
        context["statuses"] = context["annual"].statuses
        files += [
            f"{pd.root.name}/outcomes/{d.path.name}"
            for d in pd.outcome_docs
            if d.model is not None and d.model.year <= year  # type: ignore[union-attr, operator]
        ]
    else:
        context["costs"] = costs_view(index, tr)  # type: ignore[arg-type]
        context["ledgers"] = [ledger_view(ledger, tr) for ledger in program.ledgers]  # type: ignore[union-attr]
        context["cascade_up"], context["cascade_down"] = cascade_view(pd, resolver, tr, corpus.links_into)
        context["decision_chain"], context["amendments"] = decisions_view(program, tr, fmt, context["filled"])  # type: ignore[arg-type]
        present = presence(program, (context["cascade_up"], context["cascade_down"]))  # type: ignore[arg-type]
        context["parts"] = parts_view(program, present, tr, options.show_missing)  # type: ignore[arg-type]
    context["files"] = files
    return context


def _responsible(index):
    """For the templates: an action's responsible party and implementers, and where they are inherited from."""
    by_node = {id(item.node): item for item in index.items}

    def of(action):
        return responsible(by_node[id(action)], index.program)

    return of
