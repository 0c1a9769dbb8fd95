"""Read one file (from disk, or text from elsewhere) into a LoadedFile: parse, then validate; never raises."""

from __future__ import annotations

import os
from pathlib import Path

from sivistys_cli.diagnostics import Msg
from sivistys_cli.load.corpus import LoadedFile
from sivistys_cli.load.source import Parsed, parse
from sivistys_cli.load.validate import validate


def display_path(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path)
    except ValueError:  # pragma: no cover - different drives on Windows
        return str(path)


def read_file(path: Path, cwd: Path, model: type, what: str) -> LoadedFile:
    doc = LoadedFile(path.resolve(), display_path(path.resolve(), cwd))
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.problem("SV003", (line, col), (), Msg("SV003.encoding"))
        return doc
    except OSError as exc:
        doc.problem("SV003", (1, 1), (), Msg("SV003.unreadable", {"reason": exc.strerror}))
        return doc
    return _fill(doc, text, model, what)


def load_text(text: str, display: str, model: type, what: str) -> LoadedFile:
    """Parse and validate text that is not a file on disk (e.g. a file at a git revision)."""
    return _fill(LoadedFile(Path(display), display), text, model, what)


def _fill(doc: LoadedFile, text: str, model: type, what: str) -> LoadedFile:
    parsed: Parsed = parse(text)
    doc.source, doc.suppressions, doc.data = parsed.source, parsed.suppressions, parsed.data
    for p in parsed.problems:
        doc.problem(p.code, (p.line, p.col), p.loc, p.msg or Msg("common.as_written", {"text": p.message}))
    if any(p.code == "SV001" for p in parsed.problems):
        return doc
    doc.model, findings = validate(model, parsed.data, what)
    for f in findings:
        doc.problem(f.code, parsed.source.locate(f.loc, f.on_key), f.loc, f.message)
    return doc
