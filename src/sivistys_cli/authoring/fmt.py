"""`sivistys fmt`: one canonical layout for program and outcome files, every comment kept."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from sivistys_cli.authoring import layout
from sivistys_cli.authoring.files import yaml_files
from sivistys_cli.authoring.roundtrip import Document, dumps, read
from sivistys_cli.errors import UsageError
from sivistys_cli.model import OutcomeYear, Program
from sivistys_cli.model.paths import OUTCOMES_DIR


@dataclass(frozen=True)
class Formatted:
    """One file: its text now and in the canonical layout."""

    path: Path
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self, name: str) -> str:
        lines = difflib.unified_diff(self.old.splitlines(keepends=True), self.new.splitlines(keepends=True),
                                     name, name)
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def canonical(text: str, model: type[Program] | type[OutcomeYear], name: str = "<text>") -> str:
    """The text in the canonical layout: model key order, two-space indents, quotes only where needed."""
    from sivistys_cli.authoring.roundtrip import loads

    data = loads(text, name)
    if not isinstance(data, CommentedMap):
        return text
    layout.order(data, model)
    return dumps(data)


def model_for(path: Path) -> type[Program] | type[OutcomeYear]:
    return OutcomeYear if path.parent.name == OUTCOMES_DIR else Program


def format_file(path: Path) -> Formatted:
    doc: Document = read(path)
    if not isinstance(doc.data, CommentedMap):  # empty, or not a mapping: not a program; check says so
        return Formatted(path, doc.text, doc.text)
    layout.order(doc.data, model_for(path))
    return Formatted(path, doc.text, doc.dump())


def format_paths(paths: Iterable[Path]) -> tuple[list[Formatted], list[UsageError]]:
    """Every program and outcome file the paths name, formatted in memory, and the files that could not be.

    Nothing is written here; one broken file does not stop the others from being formatted.
    """
    done: list[Formatted] = []
    failed: list[UsageError] = []  # kept as errors, so that the command line says them in the user's language
    for path in yaml_files(paths):
        try:
            done.append(format_file(path))
        except UsageError as exc:
            failed.append(exc)
    return done, failed
