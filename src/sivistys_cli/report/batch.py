"""Reports of every program of a directory (`report --all`), one program at a time, in worker processes.

Why: loading the whole national corpus at once held 690 MiB, and each report checked its program again
over a corpus of all the others. Here, as `check` streams (check/stream.py):

1. Each program is loaded, checked alone (`check_loaded`) and cut down to its skeleton, which keeps what a
   report reads of *other* programs (ids, titles, links) besides what the cross-program checks read. Its
   models are put aside in a private temporary folder (parsing the YAML again would cost five times
   more than reading them back), and it is released. Sibling programs (context) give their skeleton.
2. The checks that looked at other programs run over the skeletons, all at once, except that a program
   whose id another program has too sees itself first, as `report` of it alone does; a program with
   errors is refused with the same one-line error.
3. Each program that passed is read back from the folder and rendered against the skeletons, in the
   workers, with the cascade links into every program found once per worker (`links_into`), and released.

The reports are byte for byte those `report` of each program alone makes (tests compare them).
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sivistys_cli.check.engine import finish
from sivistys_cli.check.stream import (
    SKELETON_FIELDS,
    SMALL,
    Checked,
    Progress,
    Ticks,
    check_loaded,
    collector_held,
    cross_findings,
    map_programs,
    shared,
    skeleton_of,
    workers,
)
from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.errors import SivistysError
from sivistys_cli.load.corpus import Corpus, LoadedFile, ProgramDir
from sivistys_cli.load.discover import load_program, plan
from sivistys_cli.model.index import Resolver
from sivistys_cli.report.gate import Vetted, gate_config, refusal
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render
from sivistys_cli.report.view_program import links_into

EXTENSIONS = {"html": "html", "markdown": "md", "pdf": "pdf"}

# What a report reads of other programs besides what the cross-program checks read: titles of programs and
# items (references, cascade links) and an interpreted link's note and author.
REPORT_FIELDS = SKELETON_FIELDS | {"title", "note", "by"}


@dataclass
class Made:
    """One program's report, or why it has none (the one-line error `report` of that program alone gives)."""

    program: ProgramDir
    name: str  # the file name: the program directory's name and the format's extension
    content: str | bytes | None
    error: SivistysError | None = None


class Batch:
    """Reports of every program under `paths`: `check()` (steps 1 and 2), then `reports()` (step 3)."""

    def __init__(self, paths: Iterable[str | Path], options: ReportOptions, cwd: Path | None = None,
                 jobs: int | None = None, progress: Progress | None = None, follow_links: bool = False,
                 given: str | None = None) -> None:
        options.check()  # a bad option is one usage error, not one per program
        self.options, self.cwd = options, cwd or Path.cwd()
        self.found = plan(paths, self.cwd, follow_links=follow_links)
        self.jobs = workers(len(self.found.all_roots), jobs)
        self.ticks = Ticks(len(self.found.all_roots) + len(self.found.roots), progress)
        self.checked: list[Checked] = []
        self.context: list[ProgramDir] = []
        self.refused: dict[int, SivistysError] = {}
        self.given = given  # the path as the user wrote it, for a report of one program (see select_program)
        self._stash: Any = None  # made by check(), removed by reports()

    @property
    def one_among_many(self) -> bool:
        """One program is asked for among more siblings than one process reads quickly.

        Why stream it: its report needs the siblings only for their ids, titles and links (context for
        cascade links and cross-program checks), yet loading them whole held 650 MiB and took twice as
        long as `check` of them all, on a national corpus."""
        return len(self.found.roots) == 1 and len(self.found.all_roots) > SMALL

    @property
    def corpus(self) -> Corpus:
        """The programs' skeletons as a corpus, for the -o guard (it reads their roots and file names)."""
        return Corpus([c.program for c in self.checked], self.context, self.found.selected, [])

    def check(self) -> None:
        """Steps 1 and 2: every program checked, its skeleton kept and its models put aside; refusals found."""
        self._stash = tempfile.TemporaryDirectory(prefix="sivistys-report-")
        found, stash = self.found, Path(self._stash.name)
        shared_ = (found.selected, self.cwd, found.limits, stash, self.options.kind)
        self.checked = list(self.ticks.count(map_programs(_check_one, list(enumerate(found.roots)), self.jobs, shared_)))
        self.context = list(self.ticks.count(map_programs(_context_one, found.context_roots, self.jobs, shared_)))
        by_file: dict[str, list[Diagnostic]] = {}  # Why: one pass, not a scan of every error for each program
        for d in self._errors():
            by_file.setdefault(d.file, []).append(d)
        for n, c in enumerate(self.checked):
            pd = c.program
            errors = sorted((d for doc in pd.documents for d in by_file.get(doc.display, ())), key=Diagnostic.sort_key)
            refused = refusal(pd, errors, self.given or _given(pd), self.options.kind)
            if refused is not None:
                self.refused[n] = refused

    @collector_held  # the checked programs stay alive; with 100 000 findings, collections took 2 s of sorting them
    def _errors(self) -> list[Diagnostic]:
        """The errors `program_errors` finds in each program (see report/gate.py)."""
        selected = self.found.selected | {doc.path for c in self.checked for doc in c.program.documents}
        findings = [d for c in self.checked for d in c.findings]
        findings += cross_findings(self.checked, self.context, gate_config(), selected, self.cwd, each_first=True)
        docs = {doc.display: doc for c in self.checked for doc in c.program.documents}
        judged = {name for c in self.checked for name in c.judged}
        return [d for d in finish(findings, docs, judged, gate_config(), selected, self.cwd) if d.severity is Severity.error]

    def reports(self) -> Iterator[Made]:
        """Step 3: each program's report (or why it has none), in the order of the programs."""
        try:
            everyone = [c.program for c in self.checked] + self.context
            todo = [n for n in range(len(self.checked)) if n not in self.refused]
            shared_ = (everyone, self.options, Path(self._stash.name), self.found.selected, {}, self.given)
            made = self.ticks.count(map_programs(_render_one, todo, self.jobs, shared_))
            for n, c in enumerate(self.checked):
                if n in self.refused:
                    self.ticks.done += 1
                    yield Made(c.program, self._name(c.program), None, self.refused[n])
                else:
                    content, error = next(made)
                    yield Made(c.program, self._name(c.program), content, error)
        finally:
            self._stash.cleanup()

    def _name(self, pd: ProgramDir) -> str:
        return f"{pd.root.name}.{EXTENSIONS.get(self.options.fmt, self.options.fmt)}"


def _given(pd: ProgramDir) -> str:
    """The path `report` of the program alone would be given: its directory, as the corpus shows it."""
    return str(Path(pd.program_doc.display).parent)


@collector_held
def _check_one(task: tuple[int, Path]) -> Checked:
    """Step 1 for one program: its checks alone and its skeleton; its models put aside for step 3."""
    n, root = task
    selected, cwd, limits, stash, kind = shared()
    pd = load_program(root, cwd, limits, outcomes=kind == "annual")  # a program document reads no outcome file
    # As `program_errors`: every file of the program is checked, even one the user did not name.
    checked = check_loaded(pd, selected | {doc.path for doc in pd.documents}, gate_config(), cwd, REPORT_FIELDS)
    # The program document reads no outcome file: only the annual report's are put aside.
    models = (pd.program_doc.model, [(doc.path, doc.display, doc.model if kind == "annual" else None)
                                     for doc in pd.outcome_docs])
    # The folder is private to this run (made by tempfile, mode 0700): nothing but this code writes there.
    (stash / f"{n}.pickle").write_bytes(pickle.dumps(models, protocol=pickle.HIGHEST_PROTOCOL))
    return checked


@collector_held
def _context_one(root: Path) -> ProgramDir:
    """Step 1 for a sibling program: its skeleton, context for links."""
    _selected, cwd, limits, _stash, _kind = shared()
    return skeleton_of(load_program(root, cwd, limits), cwd, REPORT_FIELDS)


@collector_held  # reading a program back builds as many small objects as parsing it did (4x quicker held)
def _render_one(n: int) -> tuple[str | bytes | None, SivistysError | None]:
    """Step 3 for one program: read back, rendered against the others' skeletons, released."""
    everyone, options, stash, selected, cache, given = shared()
    bones, file = everyone[n], stash / f"{n}.pickle"
    program, outcomes = pickle.loads(file.read_bytes())
    file.unlink()  # its disk space is given back as soon as it is read
    doc = bones.program_doc
    pd = ProgramDir(bones.root, LoadedFile(doc.path, doc.display, model=program),
                    [LoadedFile(path, display, model=model) for path, display, model in outcomes])
    indexes, into, others = _links(everyone, cache)
    corpus = Vetted([pd], everyone[:n] + everyone[n + 1:], selected, [], indexes, into, others, errors=[])
    try:
        return render(corpus, options, given=given or _given(bones)), None
    except SivistysError as exc:
        return None, exc


def _links(everyone: list[ProgramDir], cache: dict[str, Any]) -> tuple[dict, dict, dict]:
    """The skeletons' indexes, the cascade links into each program and the programs by id: made once per process.

    A report of one program adds its own index to a layer of its own (see report/context.py), released with it."""
    if "into" not in cache:
        indexes: dict = {}
        others = {i: p.program for i, p in Corpus(everyone, [], set(), []).by_id().items()}
        cache["into"] = (indexes, links_into(Resolver(others, indexes)), others)  # type: ignore[arg-type]
    return cache["into"]  # type: ignore[no-any-return]
