"""Reports of every program of a directory from one load of it (`report --all`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sivistys_cli.errors import SivistysError
from sivistys_cli.load.corpus import Corpus, ProgramDir
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render

EXTENSIONS = {"html": "html", "markdown": "md", "pdf": "pdf"}


@dataclass
class Made:
    """One program's report, or why it has none (the one-line error `report` of that program alone gives)."""

    program: ProgramDir
    name: str  # the file name: the program directory's name and the format's extension
    content: str | bytes | None
    error: SivistysError | None = None


def render_all(corpus: Corpus, options: ReportOptions) -> Iterator[Made]:
    """Each selected program's report, as `report` of that program alone makes it.

    Why: one `report` per program loaded and parsed the whole directory each time (the siblings are
    context for cascade links), so reports of 309 programs read every file 309 times. Here the
    directory is loaded once; each report still passes its program's own checks first.
    """
    everyone = corpus.programs + corpus.context
    for pd in corpus.programs:
        shown = {doc.display for doc in pd.documents}
        alone = replace(corpus, programs=[pd], context=[o for o in everyone if o is not pd],
                        diagnostics=[d for d in corpus.diagnostics if d.file in shown])
        name = f"{pd.root.name}.{EXTENSIONS.get(options.fmt, options.fmt)}"
        try:
            yield Made(pd, name, render(alone, options, given=str(Path(pd.program_doc.display).parent)))
        except SivistysError as exc:
            yield Made(pd, name, None, exc)
