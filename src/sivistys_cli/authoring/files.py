"""Which files an authoring command works on, and where a program's outcome files are."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sivistys_cli.display.messages import usage
from sivistys_cli.model.paths import OUTCOMES_DIR, PROGRAM_FILE


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """program.yaml and outcomes/*.yaml under each path (a file, a program, a directory of programs)."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise usage("no_such_path", path=str(path))
        if path.is_file():
            if path.suffix not in (".yaml", ".yml"):
                raise usage("not_yaml", path=str(path))
            found.append(path)
            continue
        roots = [path] if (path / PROGRAM_FILE).is_file() else sorted(p.parent for p in path.glob(f"*/{PROGRAM_FILE}"))
        if not roots:
            raise usage("no_programs", path=str(path))
        for root in roots:
            found.append(root / PROGRAM_FILE)
            found += sorted(p for p in (root / OUTCOMES_DIR).glob("*.y*ml"))
    return list(dict.fromkeys(found))


def program_root(path: Path) -> Path:
    """The program directory a path names: the directory itself, or the one program.yaml is in."""
    if not path.exists():
        raise usage("no_such_path", path=str(path))
    root = path.parent if path.is_file() else path
    if root.name == OUTCOMES_DIR and not (root / PROGRAM_FILE).is_file():
        root = root.parent
    if not (root / PROGRAM_FILE).is_file():
        raise usage("authoring.not_a_program", path=str(path), expected=str(root / PROGRAM_FILE))
    return root
