"""Run every enabled check over a loaded corpus and return the diagnostics to show."""

from __future__ import annotations

from pathlib import Path

from sivistys_cli.check.config import Config
from sivistys_cli.check.rules import RULES, CheckContext
from sivistys_cli.diagnostics import Diagnostic
from sivistys_cli.load.corpus import Corpus


def run(corpus: Corpus, config: Config, cwd: Path | None = None) -> list[Diagnostic]:
    cwd = cwd or Path.cwd()
    ctx = CheckContext(corpus, RULES)
    found = list(corpus.diagnostics)
    for rule in RULES.values():
        if rule.run is not None and config.enabled(rule.code):
            found.extend(d for d in rule.run(ctx) if (cwd / d.file).resolve() in corpus.selected)
    suppressions = {doc.display: doc.suppressions for pd in corpus.programs for doc in pd.documents}
    kept = []
    for d in found:
        if not config.enabled(d.code):
            continue
        sup = suppressions.get(d.file)
        if sup is not None and sup.covers(d.code, d.line):
            continue
        kept.append(d.with_severity(config.severity_of(d.code, d.severity)))
    return sorted(set(kept))
