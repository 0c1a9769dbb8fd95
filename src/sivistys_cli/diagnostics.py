"""The one value every problem becomes: a small, sortable Diagnostic."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        # Why _value_ and a table made once: the exit code and the cap ask it of every finding (100 000 in some
        # files), and Enum's `value` property with a dict built at each call took 0.5 µs each time.
        return _RANK[self._value_]


_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Msg:
    """A message by key with its named values; `display.messages.render` turns it into words in a language."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PerLang:
    """A value of a message that is only known in some languages (e.g. an English model description)."""

    texts: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str:
        return dict(self.texts).get(lang, "")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding: where (file, line, col, id-path), what (code, message) and how bad."""

    file: str
    line: int
    col: int
    code: str
    severity: Severity
    message: str
    path: str = ""
    # The message as data, so that it can be said in another language; `message` is its English.
    msg: Msg | None = field(default=None, compare=False, repr=False)

    def sort_key(self) -> tuple[str, int, int, str, str, str, str]:
        """The order that order=True gives, as one tuple: sorting 100 000 findings by it takes a tenth of
        the time the generated __lt__ does (it builds two tuples per comparison)."""
        return self.file, self.line, self.col, self.code, self.severity.value, self.message, self.path

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
        }


@dataclass(frozen=True)
class Counts:
    errors: int = 0
    warnings: int = 0
    infos: int = 0


def count(diagnostics: list[Diagnostic]) -> Counts:
    by = {s: 0 for s in Severity}
    for d in diagnostics:
        by[d.severity] += 1
    return Counts(by[Severity.error], by[Severity.warning], by[Severity.info])


# Text and annotation output show at most this many findings per file: a generated or damaged
# file with 100 000 errors would otherwise bury the terminal and the CI log. The machine formats
# (json, sarif, gitlab) always carry every finding, so nothing is lost to a tool.
MAX_PER_FILE = 1000


def cap_per_file(diagnostics: list[Diagnostic], limit: int = MAX_PER_FILE) -> tuple[list[Diagnostic], dict[str, int]]:
    """At most `limit` findings of each file, the most severe first chosen (an error is never hidden
    behind warnings), shown in their original order; and how many were left out per file."""
    by_file: dict[str, list[int]] = {}
    for i, d in enumerate(diagnostics):
        by_file.setdefault(d.file, []).append(i)
    keep: set[int] = set()
    hidden: dict[str, int] = {}
    for file, indexes in by_file.items():
        keep.update(sorted(indexes, key=lambda i: -diagnostics[i].severity.rank)[:limit])
        if len(indexes) > limit:
            hidden[file] = len(indexes) - limit
    return [d for i, d in enumerate(diagnostics) if i in keep], hidden
