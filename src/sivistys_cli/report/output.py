"""Guard the -o path: a report never overwrites a file of the programs it was made from."""

from __future__ import annotations

import os
from pathlib import Path

from sivistys_cli.display.messages import usage
from sivistys_cli.load.corpus import Corpus
from sivistys_cli.load.files import display_path


def check_output(corpus: Corpus, output: str) -> None:
    """Refuse an output path that is a file of the loaded programs, or a YAML file sivistys would read as one."""
    if not output or "\0" in output:
        return  # atomic.write_text says what is wrong with it
    try:
        _check(corpus, output)
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise usage("write.cannot", path=output, reason=exc.strerror or str(exc)) from None


def _check(corpus: Corpus, output: str) -> None:
    target = Path(os.path.realpath(output))
    for pd in corpus.all_programs():
        files = {doc.path for doc in pd.documents} | {p for p in corpus.selected if p.is_relative_to(pd.root)}
        for path in sorted(files):
            if target == path or (target.exists() and path.exists() and os.path.samefile(target, path)):
                shown = display_path(path, Path.cwd())
                which = "" if shown == output else f" {shown}"
                raise usage("report.overwrite", path=output, which=which)
        if target.is_relative_to(pd.root) and target.suffix in (".yaml", ".yml"):
            raise usage("report.yaml_in_program", path=output, directory=pd.root.name)
