"""git's diff driver, when a file cannot be compared by id: a note saying why, then the lines that changed.

git stops all of `git log -p` at a driver that fails, so a YAML file that is not a program file, or a
version that does not load, gets a plain unified diff instead of an error.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from sivistys_cli.diff.request import DiffRequest


def line_diff(request: DiffRequest, cwd: Path, reason: str) -> str:
    """`sivistys diff: REASON; the lines that changed:` and a unified diff of git's two files."""
    args = [*request.revisions, *request.paths]
    name, old_file, new_file = args[0], args[1], args[4]
    new_name = args[7] if len(args) == 9 else name
    old_lines, new_lines = _lines(old_file, cwd), _lines(new_file, cwd)
    note = f"sivistys diff: {' '.join(reason.split())}; the lines that changed:\n"
    old_side, new_side = _side("a", name, old_file), _side("b", new_name, new_file)
    if old_lines is None or new_lines is None:
        return note + f"Files {old_side} and {new_side} differ (not UTF-8 text)\n"
    lines = difflib.unified_diff(old_lines, new_lines, old_side, new_side)
    return note + "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _side(prefix: str, name: str, given: str) -> str:
    return given if given == os.devnull else f"{prefix}/{name}"


def _lines(given: str, cwd: Path) -> list[str] | None:
    """The file's lines, each with its newline (the last may have none); None when it is not UTF-8 text."""
    if given == os.devnull:  # git's side of an added or deleted file
        return []
    try:
        return re.findall(r"[^\n]*\n|[^\n]+\Z", (cwd / given).read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
