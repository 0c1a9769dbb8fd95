"""Guard the -o path: a report never overwrites a file of the programs it was made from."""

from __future__ import annotations

import os
from pathlib import Path

from sivistys_cli.errors import UsageError
from sivistys_cli.load.corpus import Corpus
from sivistys_cli.load.files import display_path


def check_output(corpus: Corpus, output: str) -> None:
    """Refuse an output path that is a file of the loaded programs, or a YAML file sivistys would read as one."""
    if not output or "\0" in output:
        return  # atomic.write_text says what is wrong with it
    try:
        _check(corpus, output)
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def _check(corpus: Corpus, output: str) -> None:
    target = Path(os.path.realpath(output))
    for pd in corpus.all_programs():
        files = {doc.path for doc in pd.documents} | {p for p in corpus.selected if p.is_relative_to(pd.root)}
        for path in sorted(files):
            if target == path or (target.exists() and path.exists() and os.path.samefile(target, path)):
                shown = display_path(path, Path.cwd())
                which = "" if shown == output else f" {shown}"
                raise UsageError(f"{output} would overwrite your program file{which}; choose another -o")
        if target.is_relative_to(pd.root) and target.suffix in (".yaml", ".yml"):
            raise UsageError(f"{output} is a YAML file in the program directory {pd.root.name}, which sivistys "
                             "would read as part of the program; choose another -o")
