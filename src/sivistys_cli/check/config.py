"""Configuration from `sivistys.toml` or `[tool.sivistys]` in pyproject.toml.

Any shape of bad configuration — a wrong type, an unknown key or code, nesting too deep for the
TOML reader — is a usage error (exit 2) that names the file and the key, never a traceback.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sivistys_cli.diagnostics import Msg, Severity
from sivistys_cli.display.messages import usage

_KEYS = ("select", "ignore", "severity", "strict", "fail-on", "per-path-ignores", "lang")
_LANGS = ("fi", "sv", "en")
_LEVELS = ", ".join(s.value for s in Severity)


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("SV",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    strict: bool = False
    source: str | None = None
    fail_on: Severity | None = None
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: Path | None = None  # where per-path-ignores patterns start: the configuration file's folder
    lang: str | None = None  # the language of messages, unless --lang says otherwise

    def enabled(self, code: str, file: Path | None = None) -> bool:
        """Most specific prefix wins, as in ruff: ignore SV5 but select SV501 keeps SV501."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self._ignored(file) if code.startswith(p)), default=-1)
        return sel > ign

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def _ignored(self, file: Path | None) -> tuple[str, ...]:
        if file is None or not self.per_path_ignores:
            return self.ignore
        rel = _relative(file, self.root or Path.cwd())
        if rel is None:
            return self.ignore
        extra = tuple(c for pattern, codes in self.per_path_ignores if _matches(rel, pattern) for c in codes)
        return self.ignore + extra


def _relative(file: Path, root: Path) -> PurePosixPath | None:
    try:
        return PurePosixPath(file.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:  # a file outside the configuration's folder: no pattern of it applies
        return None


def _matches(rel: PurePosixPath, pattern: str) -> bool:
    """A pattern names a file or any folder above it: "programs/lohja-*" covers every file in them."""
    pattern = pattern.strip("/")
    return any(fnmatch.fnmatchcase(str(p), pattern) for p in (rel, *rel.parents) if str(p) != ".")


def find(start: Path) -> Path | None:
    """The nearest sivistys.toml, or pyproject.toml with a [tool.sivistys] table, upwards from `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "sivistys.toml").is_file():
            return folder / "sivistys.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.sivistys" in _read(pyproject):
            return pyproject
    return None


def start_of(paths: Iterable[Path], cwd: Path) -> Path:
    """Where to look for the configuration: the folder the checked paths share (else the current one)."""
    folders = [(cwd / p).resolve() for p in paths]
    folders = [p if _is_dir(p) else p.parent for p in folders]
    if not folders:
        return cwd
    common = folders[0]
    for folder in folders[1:]:
        while common not in (folder, *folder.parents):
            common = common.parent
    return common


def _is_dir(path: Path) -> bool:
    """is_dir that answers False for a name too long for the file system (reading the paths says so)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def load(path: Path | None, known_codes: Iterable[str]) -> Config:
    if path is None:
        return Config()
    text = _read(path)
    _check_depth(text, path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise usage("config.invalid_toml", path=path, detail=str(exc)) from exc
    except RecursionError:
        raise usage("config.too_deep", path=path) from None
    table = _table(raw, path)
    return _parse(table, str(path), set(known_codes), path.parent)


# Settings are at most two levels deep ({SV502 = "error"}); the TOML reader recurses per level, so a
# value nested a thousand deep is refused before it is read, with its line and key.
MAX_DEPTH = 16
_KEY = re.compile(r"\s*([^=\[\]{}#]+?)\s*=")


def _check_depth(text: str, path: Path) -> None:
    depth, key, quote = 0, "", ""
    for number, line in enumerate(text.splitlines(), start=1):
        if depth == 0 and not quote and (match := _KEY.match(line)):
            key = match.group(1).strip()
        for char in line:
            if quote:
                quote = "" if char == quote else quote  # a closing quote; escapes never hide brackets
            elif char in "\"'":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise usage("config.nested", path=path, line=number, key=repr(key), depth=MAX_DEPTH)
            elif char in "]}":
                depth = max(0, depth - 1)
        quote = ""  # a string that seems to go on is a multi-line one; its brackets hardly matter


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise usage("config.unreadable", path=path, detail=str(exc)) from exc


def _table(raw: dict, path: Path) -> dict:
    """The sivistys settings: [tool.sivistys], or (in sivistys.toml) the top level."""
    tool = raw.get("tool")
    if tool is None:
        return {} if path.name == "pyproject.toml" else raw
    if not isinstance(tool, dict):
        raise usage("config.tool", path=path, kind=_kind(tool))
    table = tool.get("sivistys", {})
    if not isinstance(table, dict):
        raise usage("config.tool_sivistys", path=path, kind=_kind(table))
    return table


def _parse(table: dict, where: str, known: set[str], root: Path) -> Config:
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise usage("config.unknown_setting", where=where, key=repr(unknown[0]), allowed=", ".join(_KEYS))
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise usage("config.strict", where=where, kind=_kind(strict))
    fail_on = table.get("fail-on")
    lang = table.get("lang")
    if lang is not None and lang not in _LANGS:
        shown = repr(lang) if isinstance(lang, str) else _kind(lang)
        raise usage("config.lang", where=where, value=shown, langs=", ".join(_LANGS))
    return Config(
        select=_codes(table.get("select", ["SV"]), "select", where, known),
        ignore=_codes(table.get("ignore", []), "ignore", where, known),
        severity=_severity(table.get("severity", {}), where, known),
        strict=strict,
        source=where,
        fail_on=None if fail_on is None else _level(fail_on, "fail-on", where),
        per_path_ignores=_per_path(table.get("per-path-ignores", {}), where, known),
        root=root,
        lang=lang,
    )


def _severity(value: object, where: str, known: set[str]) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise usage("config.severity", where=where, kind=_kind(value))
    out = {}
    for code, level in value.items():
        _codes([code], "severity", where, known)
        out[code] = _level(level, f"severity.{code}", where)
    return out


def _level(value: object, key: str, where: str) -> Severity:
    if not isinstance(value, str) or value not in {s.value for s in Severity}:
        shown = repr(value) if isinstance(value, str) else _kind(value)
        raise usage("config.level", where=where, key=repr(key), value=shown, levels=_LEVELS)
    return Severity(value)


def _per_path(value: object, where: str, known: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise usage("config.per_path", where=where, kind=_kind(value))
    return tuple((pattern, _codes(codes, f"per-path-ignores.{pattern}", where, known))
                 for pattern, codes in value.items())


def _codes(values: object, key: str, where: str, known: set[str]) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise usage("config.codes_list", where=where, key=repr(key), kind=_kind(values))
    wrong = next((v for v in values if not isinstance(v, str)), None)
    if wrong is not None:
        raise usage("config.codes_quoted", where=where, key=repr(key), kind=_kind(wrong))
    for v in values:
        if not v or not any(code.startswith(v) for code in known):
            raise usage("config.no_match", where=where, value=repr(v), key=repr(key))
    return tuple(values)


def _kind(value: object) -> Msg:
    """What TOML value the user wrote, in TOML's words (`toml_kind.<kind>` of the catalogs)."""
    if isinstance(value, bool):
        return Msg("toml_kind.boolean")
    if isinstance(value, int | float):
        return Msg("toml_kind.number", {"value": value})
    if isinstance(value, str):
        return Msg("toml_kind.text", {"value": repr(value)})
    if isinstance(value, list):
        return Msg("toml_kind.list")
    if isinstance(value, dict):
        return Msg("toml_kind.table")
    return Msg("toml_kind.other", {"name": type(value).__name__})  # dates and times
