"""Read one file (from disk, or text from elsewhere) into a LoadedFile: parse, then validate; never raises."""

from __future__ import annotations

import os
from pathlib import Path

from sivistys_cli.load.corpus import LoadedFile
from sivistys_cli.load.reading import ReadLimits, Unreadable, decode, read_bytes
from sivistys_cli.load.source import Parsed, parse
from sivistys_cli.load.validate import validate


def real(path: Path) -> Path:
    """The path with symlinks followed; unlike Path.resolve, a symlink loop is no error here (reading says so)."""
    return Path(os.path.realpath(path))


def display_path(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path)
    except ValueError:  # pragma: no cover - different drives on Windows
        return str(path)


def read_file(path: Path, cwd: Path, model: type, what: str, limits: ReadLimits | None = None) -> LoadedFile:
    doc = LoadedFile(real(path), "")
    doc.display = display_path(doc.path, cwd)
    try:
        raw = read_bytes(path, limits or ReadLimits())
    except Unreadable as exc:
        doc.problem("SV003", (1, 1), (), exc.msg)
        return doc
    text, problem = decode(raw)
    if problem is not None:
        doc.problem("SV003", problem[0], (), problem[1])
        return doc
    return _fill(doc, text, model, what)


def load_text(text: str, display: str, model: type, what: str) -> LoadedFile:
    """Parse and validate text that is not a file on disk (e.g. a file at a git revision)."""
    return _fill(LoadedFile(Path(display), display), text, model, what)


def _fill(doc: LoadedFile, text: str, model: type, what: str) -> LoadedFile:
    parsed: Parsed = parse(text)
    doc.source, doc.suppressions, doc.data = parsed.source, parsed.suppressions, parsed.data
    for p in parsed.problems:
        doc.problem(p.code, (p.line, p.col), p.loc, p.msg)
    if any(p.code == "SV001" for p in parsed.problems):
        return doc
    doc.model, findings = validate(model, parsed.data, what)
    for f in findings:
        doc.problem(f.code, parsed.source.locate(f.loc, f.on_key), f.loc, f.message)
    return doc
