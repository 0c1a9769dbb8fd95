"""Guard the -o path: a report never overwrites a file of the programs it was made from."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sivistys_cli.display.messages import usage
from sivistys_cli.load.corpus import Corpus
from sivistys_cli.load.files import display_path


def check_output(corpus: Corpus, output: str) -> None:
    """Refuse an output path that is a file of the loaded programs, or a YAML file sivistys would read as one."""
    output_guard(corpus)(output)


def output_guard(corpus: Corpus) -> Callable[[str], None]:
    """check_output for many targets: the programs' files are gathered once.

    `report --all` checks one target per program; gathering every program's files for each target
    made it programs x programs x files (over ten minutes at 309 programs)."""
    files = _program_files(corpus)
    roots = [pd.root for pd in corpus.all_programs()]
    inodes: dict[tuple[int, int], Path] | None = None

    def guard(output: str) -> None:
        nonlocal inodes
        if not output or "\0" in output:
            return  # atomic.write_text says what is wrong with it
        try:
            target = Path(os.path.realpath(output))
            found = files.get(target)
            if found is None and target.exists():
                inodes = _inodes(files) if inodes is None else inodes
                stat = target.stat()
                found = inodes.get((stat.st_dev, stat.st_ino))
            if found is not None:
                shown = display_path(found, Path.cwd())
                which = "" if shown == output else f" {shown}"
                raise usage("report.overwrite", path=output, which=which)
            root = next((r for r in roots if target.is_relative_to(r)), None)
            if root is not None and target.suffix in (".yaml", ".yml"):
                raise usage("report.yaml_in_program", path=output, directory=root.name)
        except OSError as exc:  # e.g. a name longer than the file system allows
            raise usage("write.cannot", path=output, reason=exc.strerror or str(exc)) from None

    return guard


def _program_files(corpus: Corpus) -> dict[Path, Path]:
    """Every file of every program, in the order the guard names the first one it meets."""
    files: dict[Path, Path] = {}
    # Why: asking each program's root of every selected file was programs x files (4.3 s of a batch of 309);
    # each file's folders are looked up among the roots instead.
    roots = {pd.root for pd in corpus.all_programs()}
    under: dict[Path, set[Path]] = {}
    for path in corpus.selected:
        for folder in (path, *path.parents):
            if folder in roots:
                under.setdefault(folder, set()).add(path)
    for pd in corpus.all_programs():
        own = {doc.path for doc in pd.documents} | under.get(pd.root, set())
        for path in sorted(own):
            files.setdefault(path, path)
    return files


def _inodes(files: dict[Path, Path]) -> dict[tuple[int, int], Path]:
    """The same file under another name (a hard link, a symlinked folder) is the same file."""
    found: dict[tuple[int, int], Path] = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        found.setdefault((stat.st_dev, stat.st_ino), path)
    return found
