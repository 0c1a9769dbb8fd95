"""`sivistys report`: one program in, the annual report or the program document out, to stdout or -o FILE."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sivistys_cli.cli.app import command, console, follow_links_option, format_option
from sivistys_cli.display.messages import usage
from sivistys_cli.errors import UsageError
from sivistys_cli.report.formats import FORMATS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sivistys_cli.report.batch import Batch
    from sivistys_cli.report.options import ReportOptions


@command(examples=(
    "sivistys report programs/toiminnalliset-tavoitteet-2024 --kind annual --year 2024 -o toteuma-2024.html",
    "sivistys report programs/somero-sivistysohjelma --kind program --format markdown --lang sv -o ohjelma.md",
    "sivistys report programs --all --kind program -o raportit/   # every program, one file each",
))
def report(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The program directory, or its program.yaml.", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="[annual|program]", show_default=False,
                    help="annual (the year's outcome report) or program (the plan); default: annual with --year, else program.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YEAR", help="Year of an annual report; default: the latest.")] = None,
    output_format: Annotated[str, format_option(FORMATS)] = FORMATS.default,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[fi|sv|en]", help="fi, sv or en; default: the program's main language.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically), not stdout.")] = None,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", metavar="DIR", help="Templates here override the built-in ones.")] = None,
    commit: Annotated[Optional[str], typer.Option("--commit", metavar="REV", help="Name this git revision (e.g. HEAD) in the footer.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Date the report in its footer (YYYY-MM-DD).")] = None,
    show_missing: Annotated[bool, typer.Option("--show-missing", help="Also list the parts the program leaves empty (“Not stated”), for its author.")] = False,
    every: Annotated[bool, typer.Option("--all", help="A report of every program under PATH, one file each in the folder -o DIR.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Check programs in N processes at once; default: the number of cores.", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, even on a terminal.")] = False,
    follow_links: Annotated[bool, follow_links_option()] = False,
) -> None:
    """Make the annual outcome report or the program document as HTML, Markdown or PDF, in fi, sv or en."""
    import datetime as dt

    from sivistys_cli import atomic
    from sivistys_cli.gcpause import leave_to_exit, paused
    from sivistys_cli.load.discover import load_planned
    from sivistys_cli.report.batch import Batch
    from sivistys_cli.report.options import ReportOptions, report_commit
    from sivistys_cli.report.output import check_output
    from sivistys_cli.report.render import render_parts

    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise usage("cli.not_a_date", value=date) from None
    kind = kind or ("annual" if year is not None else "program")
    options = ReportOptions(kind, output_format, lang or "", year, template_dir, report_commit(commit, path), day,
                            show_missing)
    if every:
        _report_all(path, options, output, jobs, quiet, follow_links)
        return
    batch = Batch([path], options, jobs=jobs, follow_links=follow_links, given=str(path))
    if batch.one_among_many:  # the siblings are read for their skeletons only, in --jobs processes
        out = _report_one(batch, output, options, quiet)
    else:
        # The files the batch found, not looked for again; a program document reads no outcome file, and their
        # errors do not stop it (report/gate.py refusal), so it does not read them (20 000 outcomes: 0.3 s).
        # The collector held while the program is read and checked too, as check/stream.py holds it: the tree
        # stays alive to the end, and 100 000 findings were 0.6 s of collections finding nothing to free.
        with paused():
            corpus = load_planned(batch.found, batch.cwd, outcomes=options.kind == "annual")
            leave_to_exit(corpus)  # freed by the end of the process, not one object at a time (see gcpause.py)
            if output is not None:
                check_output(corpus, output)
            out = render_parts(corpus, options, given=str(path))
    if output is not None:
        atomic.write_bytes(output, out if isinstance(out, bytes) else _encoded(out))
    elif isinstance(out, bytes) and sys.stdout.isatty():
        raise usage("cli.pdf_to_terminal")
    else:
        sys.stdout.flush()
        for part in [out] if isinstance(out, bytes) else _encoded_parts(out):
            sys.stdout.buffer.write(part)


def _encoded(out: str | list[str]) -> bytes:
    """The report as UTF-8, made from its parts: the page is never one text (see report.render.render_parts)."""
    return out.encode("utf-8") if isinstance(out, str) else b"".join(_encoded_parts(out))


# Why in slices: a page encoded whole is held twice (the annual report of 10 000 themes is 48 MB of HTML).
_SLICE = 1 << 22


def _encoded_parts(out: str | list[str]) -> Iterator[bytes]:
    for part in [out] if isinstance(out, str) else out:
        for start in range(0, len(part), _SLICE):
            yield part[start:start + _SLICE].encode("utf-8")


def _report_one(batch: Batch, output: str | None, options: ReportOptions, quiet: bool) -> str | bytes:
    """The one asked program's report, made as `report --all` makes each (report/batch.py); its refusal raised."""
    from sivistys_cli import atomic
    from sivistys_cli.cli.progress import ProgressBar
    from sivistys_cli.display.messages import choose_lang, say
    from sivistys_cli.report.output import check_output

    language = choose_lang(options.lang or None, None, os.environ)
    with atomic.sigterm_cleans_up(), ProgressBar(not quiet and sys.stderr.isatty(), say("cli.report.progress", language)) as bar:
        batch.ticks.progress = bar.update
        batch.check()
        if output is not None:
            check_output(batch.corpus, output)
        (made,) = list(batch.reports())
    if made.error is not None:
        raise made.error
    return made.content  # type: ignore[return-value]


def _report_all(path: Path, options: ReportOptions, output: str | None, jobs: int | None, quiet: bool,
                follow_links: bool) -> None:
    """Write each program's report into the folder `output`; say which programs have none, and why."""
    from sivistys_cli import atomic
    from sivistys_cli.cli.progress import ProgressBar
    from sivistys_cli.display.messages import choose_lang, say
    from sivistys_cli.report.batch import Batch
    from sivistys_cli.report.output import output_guard

    language = choose_lang(options.lang or None, None, os.environ)
    if not output or not Path(output).is_dir():
        raise usage("cli.all_needs_folder", output=repr(output))
    with atomic.sigterm_cleans_up(), ProgressBar(not quiet and sys.stderr.isatty(), say("cli.report.progress", language)) as bar:
        batch = Batch([path], options, jobs=jobs, progress=bar.update, follow_links=follow_links)
        batch.check()
        guard = output_guard(batch.corpus)  # once per batch: the programs' files are gathered once
        worst = _write_all(batch, guard, output, language)
    if worst:
        raise typer.Exit(worst)


def _write_all(batch: Batch, guard: Callable[[str], None], output: str, language: str) -> int:
    """Write the reports as they are made; the exit code the refused ones give (0 if none)."""
    from sivistys_cli import atomic
    from sivistys_cli.display.messages import error_text, say
    from sivistys_cli.display.sanitize import sanitize

    worst = 0
    for made in batch.reports():
        target = str(Path(output) / made.name)
        if isinstance(made.error, UsageError):  # nothing of this kind or year to report: skipped, not a failure
            console(stderr=True).print(sanitize(say("cli.report.skipped", language, reason=error_text(made.error, language))),
                                       markup=False)
            continue
        if made.error is not None:  # the program does not pass its checks: it fails the run, as `report` of it would
            # Why sanitize: a directory name is the user's, and a line of its own here (an ESC in it reached the terminal)
            console(stderr=True).print(sanitize(say("cli.report.failed", language, program=made.program.root.name,
                                                    reason=error_text(made.error, language))), markup=False)
            worst = max(worst, made.error.exit_code)
            continue
        guard(target)
        data = made.content if isinstance(made.content, bytes) else str(made.content).encode("utf-8")
        atomic.write_bytes(target, data)
        sys.stdout.write(sanitize(say("cli.wrote", language, path=target)) + "\n")
    return worst
