"""Run every enabled check over a loaded corpus, return the diagnostics to show, and the exit code they give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sivistys_cli.check.config import Config
from sivistys_cli.check.rules import RULES, CheckContext
from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.load.corpus import Corpus, LoadedFile
from sivistys_cli.load.files import real
from sivistys_cli.load.source import Directive

UNUSED_DISABLE = "SV006"


def run(corpus: Corpus, config: Config, cwd: Path | None = None) -> list[Diagnostic]:
    cwd = cwd or Path.cwd()
    ctx = CheckContext(corpus, RULES)
    found = list(corpus.diagnostics)
    for rule in RULES.values():
        if rule.run is not None and config.enabled(rule.code):
            found.extend(d for d in rule.run(ctx) if real(cwd / d.file) in corpus.selected)
    docs = {doc.display: doc for pd in corpus.programs for doc in pd.documents}
    if config.enabled(UNUSED_DISABLE):
        # Only where the checks could run in full is a comment that hides nothing known to be unused.
        judged = {doc.display for pd in corpus.programs if pd.program is not None
                  for doc in pd.documents if doc.model is not None}
        found.extend(_disable_problems(docs, judged, found, config, corpus, cwd))
    kept = []
    for d in found:
        if not config.enabled(d.code, cwd / d.file):
            continue
        doc = docs.get(d.file)
        if doc is not None and doc.suppressions.covers(d.code, d.line):
            continue
        kept.append(d.with_severity(config.severity_of(d.code, d.severity)))
    return sorted(set(kept))


def exit_code(diagnostics: list[Diagnostic], fail_on: Severity, exit_zero: bool = False) -> int:
    """1 when a finding is at least as severe as `fail_on` (and --exit-zero was not given), else 0."""
    if exit_zero:
        return 0
    return 1 if any(d.severity.rank >= fail_on.rank for d in diagnostics) else 0


def _disable_problems(docs: dict[str, LoadedFile], judged: set[str], found: list[Diagnostic], config: Config,
                      corpus: Corpus, cwd: Path) -> Iterator[Diagnostic]:
    """Disable comments that name no check (in any checked file), or that hide nothing (where judged)."""
    for display, doc in docs.items():
        if real(doc.path) not in corpus.selected:
            continue
        here = [d for d in found if d.file == display and d.code != UNUSED_DISABLE]
        for directive in doc.suppressions.directives:
            message = _directive_problem(directive, here, config, cwd / display, display in judged)
            if message:
                yield Diagnostic(display, directive.line, directive.col, UNUSED_DISABLE,
                                 RULES[UNUSED_DISABLE].severity, message)


def _directive_problem(directive: Directive, here: list[Diagnostic], config: Config, file: Path,
                       judged: bool) -> str | None:
    code = directive.code
    if code != "all" and code not in RULES:
        close = [c for c in RULES if _similar(c, code)]
        hint = f"; did you mean {close[0]}?" if close else "; 'sivistys rules' lists every code"
        return f"'{code}' in a disable comment is not a check code{hint}"
    if not judged or (code != "all" and not config.enabled(code, file)):
        return None  # the check does not run here, so the comment cannot be judged
    hidden = [d for d in here if code in (d.code, "all") and directive.covers in (0, d.line)]
    if hidden:
        return None
    where = "in this file" if directive.covers == 0 else "on the line it covers"
    name = "any check" if code == "all" else code
    return f"the comment disables {name}, but {name} finds nothing {where}; remove '{code}' from it"


def _similar(known: str, written: str) -> bool:
    """One character off, as when an O is typed for a 0 (SV5O5)."""
    return len(known) == len(written) and sum(a != b for a, b in zip(known, written, strict=True)) == 1
