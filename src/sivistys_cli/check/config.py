"""Configuration from `sivistys.toml` or `[tool.sivistys]` in pyproject.toml."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sivistys_cli.diagnostics import Severity
from sivistys_cli.errors import UsageError

_KEYS = {"select", "ignore", "severity", "strict"}


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("SV",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    strict: bool = False
    source: str | None = None

    def enabled(self, code: str) -> bool:
        """Most specific prefix wins, as in ruff: ignore SV5 but select SV501 keeps SV501."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return sel > ign

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def find(start: Path) -> Path | None:
    """The nearest sivistys.toml, or pyproject.toml with a [tool.sivistys] table, upwards from `start`."""
    for folder in (start, *start.parents):
        if (folder / "sivistys.toml").is_file():
            return folder / "sivistys.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.sivistys" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load(path: Path | None, known_codes: Iterable[str]) -> Config:
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from exc
    table = raw.get("tool", {}).get("sivistys", {}) if path.name == "pyproject.toml" else raw.get("tool", {}).get("sivistys", raw)
    return _parse(table, str(path), set(known_codes))


def _parse(table: dict, where: str, known: set[str]) -> Config:
    unknown = set(table) - _KEYS
    if unknown:
        raise UsageError(f"{where}: unknown setting '{sorted(unknown)[0]}'; allowed: {', '.join(sorted(_KEYS))}")
    select = _codes(table.get("select", ["SV"]), "select", where, known)
    ignore = _codes(table.get("ignore", []), "ignore", where, known)
    severity: dict[str, Severity] = {}
    for code, level in dict(table.get("severity", {})).items():
        _codes([code], "severity", where, known)
        if level not in {s.value for s in Severity}:
            raise UsageError(f"{where}: severity of {code} is '{level}'; use error, warning or info")
        severity[code] = Severity(level)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise UsageError(f"{where}: 'strict' must be true or false")
    return Config(select, ignore, severity, strict, where)


def _codes(values: object, key: str, where: str, known: set[str]) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise UsageError(f"{where}: '{key}' must be a list of check codes, e.g. [\"SV503\"]")
    for v in values:
        if not any(code.startswith(v) for code in known):
            raise UsageError(f"{where}: '{v}' in '{key}' matches no check code; see 'sivistys rules'")
    return tuple(values)
