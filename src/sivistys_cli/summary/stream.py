"""Summarise many programs one at a time, in worker processes, with bounded memory.

Why: `summary` of a national corpus (309 programs) loaded every program first and kept all their
trees alive until the end: 653 MiB, and it read the sibling programs too, which a summary never
uses. Here each selected program is loaded, summarised and released on its own, in --jobs
processes (the machinery `check` streams with), and only its summary (a few kilobytes) is kept.

The one cross-program part of `build` is the language: without --lang it is the main language of
the first program that loads without errors. So the programs are summarised in the caller's process
until that one is found (usually the first), and the rest in the workers, in the language it gives.
The output is the same as `build` over all the programs at once (tests compare them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sivistys_cli.check.stream import Progress, Ticks, collector_held, map_programs, shared, workers
from sivistys_cli.display.i18n import Translator, default_lang
from sivistys_cli.display.sanitize import sanitize
from sivistys_cli.gcpause import leave_to_exit
from sivistys_cli.load.discover import load_program, plan
from sivistys_cli.summary.build import ProgramSummary, default_year, has_errors, summarize

Render = Callable[[list[ProgramSummary], Translator], str]


@dataclass
class _Summarised:
    """What is kept of one program once its trees are released."""

    broken: list[str]  # its files skipped because they have errors (display names)
    main: str | None  # its main language; None when its program file has errors
    summary: ProgramSummary | None  # None when its program file has errors, or once rendered
    text: str | None = None  # its summary rendered, when the worker could render it


def summarize_paths(paths: Iterable[str | Path], year: int | None, lang: str | None, render: Render,
                    cwd: Path | None = None, jobs: int | None = None, progress: Progress | None = None,
                    follow_links: bool = False) -> tuple[list[str], list[str]]:
    """The summaries of the programs `paths` names, each rendered on its own by `render` (one after another
    they make `render` of all of them: see summary/formats), and a message for each file skipped.

    `render` must be a module-level function (or a partial of one): the workers receive it. `jobs`
    worker processes (default: see check/stream.py `workers`).
    """
    cwd = cwd or Path.cwd()
    found = plan(paths, cwd, follow_links=follow_links)
    roots = found.roots
    ticks = Ticks(len(roots), progress)
    done: list[_Summarised] = []
    # Why in this process first: the translator of every summary needs the main language of the first
    # program that loads (and, without --lang, the language it gives); usually that is the first one.
    while len(done) < len(roots) and not any(s.main for s in done):
        alone = len(roots) == 1  # the one program: its trees are left to the end of the process (see _summarised)
        done += ticks.count(map_programs(_summarised, [roots[len(done)]], 1, (cwd, found.limits, year, lang, None, alone)))
    main = next((s.main for s in done if s.main is not None), "fi")
    tr = Translator(lang or default_lang(main), main)
    jobs = workers(len(roots), jobs)
    given = (cwd, found.limits, year, tr.lang, (render, main), False)
    done += ticks.count(map_programs(_summarised, roots[len(done):], jobs, given))
    texts = [s.text if s.text is not None else render([s.summary], tr) for s in done
             if s.summary is not None or s.text is not None]
    return texts, [tr("summary.skipped", path=sanitize(path)) for s in done for path in s.broken]


@collector_held
def _summarised(root: Path) -> _Summarised:
    """One program: its broken files and its summary, in `lang` or (when None) in its own main language's;
    rendered when the translator of the output is known."""
    cwd, limits, year, lang, rendering, alone = shared()
    pd = load_program(root, cwd, limits)
    if alone:  # Why: freeing a 10 000-theme program's trees one object at a time took 0.08 s; see gcpause.leave_to_exit
        leave_to_exit(pd)
    broken = [doc.display for doc in pd.documents if has_errors(doc)]
    if has_errors(pd.program_doc):
        return _Summarised(broken, None, None)
    main = pd.program.languages[0]  # type: ignore[union-attr]
    summary = summarize(pd, year if year is not None else default_year(pd), Translator(lang or default_lang(main), main))
    if rendering is None:
        return _Summarised(broken, main, summary)
    render, first = rendering
    return _Summarised(broken, main, None, render([summary], Translator(lang, first)))
