"""Run every enabled check over a loaded corpus, return the diagnostics to show, and the exit code they give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sivistys_cli.check.config import Config
from sivistys_cli.check.rules import RULES, CheckContext
from sivistys_cli.diagnostics import Diagnostic, Msg, Severity
from sivistys_cli.display.messages import render
from sivistys_cli.load.corpus import Corpus, LoadedFile
from sivistys_cli.load.files import real
from sivistys_cli.load.source import Directive
from sivistys_cli.model.index import ProgramIndex

UNUSED_DISABLE = "SV006"


def run(corpus: Corpus, config: Config, cwd: Path | None = None,
        indexes: dict[int, ProgramIndex] | None = None) -> list[Diagnostic]:
    """`indexes`: where the programs' indexes are kept, by id() of their models (Corpus.indexes); a report
    shares its program's with its checks rather than walking the tree twice."""
    cwd = cwd or Path.cwd()
    ctx = CheckContext(corpus, RULES, {} if indexes is None else indexes)
    selected = SelectedFiles(corpus.selected, cwd)
    found = list(corpus.diagnostics)
    for rule in RULES.values():
        if rule.run is not None and config.enabled(rule.code):
            found.extend(d for d in rule.run(ctx) if selected(d.file))
    docs = {doc.display: doc for pd in corpus.programs for doc in pd.documents}
    # Only where the checks could run in full is a comment that hides nothing known to be unused.
    judged = {doc.display for pd in corpus.programs if pd.program is not None
              for doc in pd.documents if doc.model is not None}
    return finish(found, docs, judged, config, corpus.selected, cwd)


def finish(found: list[Diagnostic], docs: dict[str, LoadedFile], judged: set[str], config: Config,
           selected: set[Path], cwd: Path) -> list[Diagnostic]:
    """The findings to show: unused disable comments added, then configuration, disable comments and severities applied.

    `docs` are the selected programs' files by display name (their paths and disable comments are read),
    `judged` the names of those whose checks ran in full.
    """
    found = list(found)
    if config.enabled(UNUSED_DISABLE):
        found.extend(_disable_problems(docs, judged, found, config, selected, cwd))
    kept = []
    enabled: dict[tuple[str, str], bool] = {}  # Why: per-path patterns are matched once per code and file
    for d in found:
        if (d.code, d.file) not in enabled:
            enabled[d.code, d.file] = config.enabled(d.code, cwd / d.file)
        if not enabled[d.code, d.file]:
            continue
        doc = docs.get(d.file)
        if doc is not None and doc.suppressions.covers(d.code, d.line):
            continue
        severity = config.severity_of(d.code, d.severity)
        kept.append(d if severity == d.severity else d.with_severity(severity))  # replace() is slow
    # Why not sorted(set(kept)): hashing a dataclass builds a tuple of its fields each time, and the sort
    # built its key again; here one key per finding serves both (equal keys are equal findings).
    unique: dict[tuple, Diagnostic] = {}
    for d in kept:
        unique.setdefault(d.sort_key(), d)
    return [unique[key] for key in sorted(unique)]


class SelectedFiles:
    """Whether a diagnostic's file was selected; each file is resolved once per run, not once per diagnostic."""

    def __init__(self, selected: set[Path], cwd: Path) -> None:
        self.selected, self.cwd = selected, cwd
        self.known: dict[str, bool] = {}

    def __call__(self, file: str) -> bool:
        if file not in self.known:
            self.known[file] = real(self.cwd / file) in self.selected
        return self.known[file]


def exit_code(diagnostics: list[Diagnostic], fail_on: Severity, exit_zero: bool = False) -> int:
    """1 when a finding is at least as severe as `fail_on` (and --exit-zero was not given), else 0."""
    if exit_zero:
        return 0
    return 1 if any(d.severity.rank >= fail_on.rank for d in diagnostics) else 0


def _disable_problems(docs: dict[str, LoadedFile], judged: set[str], found: list[Diagnostic], config: Config,
                      selected: set[Path], cwd: Path) -> Iterator[Diagnostic]:
    """Disable comments that name no check (in any checked file), or that hide nothing (where judged)."""
    by_file: dict[str, list[Diagnostic]] = {}  # Why: one pass, not a scan of every finding for each file
    for d in found:
        if d.code != UNUSED_DISABLE:
            by_file.setdefault(d.file, []).append(d)
    for display, doc in docs.items():
        if real(doc.path) not in selected:
            continue
        here = by_file.get(display, [])
        for directive in doc.suppressions.directives:
            msg = _directive_problem(directive, here, config, cwd / display, display in judged)
            if msg:
                yield Diagnostic(display, directive.line, directive.col, UNUSED_DISABLE,
                                 RULES[UNUSED_DISABLE].severity, render(msg), msg=msg)


def _directive_problem(directive: Directive, here: list[Diagnostic], config: Config, file: Path,
                       judged: bool) -> Msg | None:
    code = directive.code
    if code != "all" and code not in RULES:
        close = [c for c in RULES if _similar(c, code)]
        hint = Msg("SV006.did_you_mean", {"code": close[0]}) if close else Msg("SV006.see_rules")
        return Msg("SV006.unknown", {"code": code, "hint": hint})
    if not judged or (code != "all" and not config.enabled(code, file)):
        return None  # the check does not run here, so the comment cannot be judged
    hidden = [d for d in here if code in (d.code, "all") and directive.covers in (0, d.line)]
    if hidden:
        return None
    variant = ("all_" if code == "all" else "") + ("file" if directive.covers == 0 else "line")
    return Msg(f"SV006.unused_{variant}", {"code": code})


def _similar(known: str, written: str) -> bool:
    """One character off, as when an O is typed for a 0 (SV5O5)."""
    return len(known) == len(written) and sum(a != b for a, b in zip(known, written, strict=True)) == 1
