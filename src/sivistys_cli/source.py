"""Parse YAML fast (libyaml) into plain data plus a source map of 1-based positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is ~10x faster; the pure-Python loader gives the same nodes and marks.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Loc = tuple[str | int, ...]

_DISABLE = re.compile(r"#\s*sivistys:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9_, ]+)")


@dataclass(frozen=True)
class Problem:
    """A problem found while parsing: syntax errors and duplicate keys."""

    code: str
    line: int
    col: int
    message: str
    loc: Loc = ()


@dataclass
class SourceMap:
    """Positions of every node (value) and every mapping key, by data path."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, on_key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest existing ancestor."""
        loc = tuple(loc)
        while True:
            if on_key and loc in self.keys:
                return self.keys[loc]
            if loc in self.values:
                return self.values[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


@dataclass
class Suppressions:
    """`# sivistys: disable=SV203` for a line, `# sivistys: disable-file=SV503` for a file."""

    lines: dict[int, set[str]] = field(default_factory=dict)
    file: set[str] = field(default_factory=set)

    def covers(self, code: str, line: int) -> bool:
        return code in self.file or "all" in self.file or bool({code, "all"} & self.lines.get(line, set()))


@dataclass
class Parsed:
    data: Any
    source: SourceMap
    problems: list[Problem]
    suppressions: Suppressions


def parse(text: str) -> Parsed:
    """Parse one YAML document; syntax errors come back as problems, never raised."""
    smap = SourceMap()
    problems: list[Problem] = []
    suppressions = _suppressions(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = _build(node, (), smap, problems, loader) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Parsed(None, smap, [Problem("SV001", line, col, _syntax_message(exc))], suppressions)
    except yaml.YAMLError as exc:  # e.g. a character libyaml refuses outright
        return Parsed(None, smap, [Problem("SV001", 1, 1, f"YAML syntax error: {exc}")], suppressions)
    finally:
        loader.dispose()
    return Parsed(data, smap, problems, suppressions)


def _build(node: yaml.Node, loc: Loc, smap: SourceMap, problems: list[Problem], loader: Any) -> Any:
    smap.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, loader)
            key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = smap.keys[loc + (key,)]
                problems.append(
                    Problem(
                        "SV002",
                        *key_pos,
                        f"duplicate key '{key}' (first on line {first[0]}); remove one of them or merge them",
                        loc + (key,),
                    )
                )
                continue
            smap.keys[loc + (key,)] = key_pos
            out[key] = _build(value_node, loc + (key,), smap, problems, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (i,), smap, problems, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _key(node: yaml.Node, loader: Any) -> str:
    """Keys are kept as written: `no:` stays the text 'no', `2024:` the text '2024'."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return str(loader.construct_object(node, deep=True))


_HINTS = (
    ("found character '\\t'", "YAML does not allow tabs for indentation; indent with spaces"),
    ("mapping values are not allowed here", "a value containing ': ' must be quoted, or a key is mis-indented"),
    ("could not find expected ':'", "a line is missing 'key: value', or a quote is not closed"),
    ("found undefined alias", "an '*' starts an alias; quote text that begins with '*'"),
    ("expected <block end>", "indentation is inconsistent; align keys of the same level"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
)


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "invalid YAML"
    hint = next((h for needle, h in _HINTS if needle in str(exc)), "fix the YAML syntax at this position")
    return f"YAML syntax error: {problem}; {hint}"


def _suppressions(text: str) -> Suppressions:
    sup = Suppressions()
    if "sivistys:" not in text:
        return sup
    pending: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        match = _DISABLE.search(raw)
        codes = {c.strip() for c in match.group(2).split(",") if c.strip()} if match else set()
        if match and match.group(1) == "disable-file":
            sup.file |= codes
            continue
        own_line = raw.lstrip().startswith("#")
        if own_line and codes:
            pending |= codes  # a comment on its own line covers the next content line
            continue
        if raw.strip() and not own_line:
            if codes or pending:
                sup.lines.setdefault(number, set()).update(codes | pending)
            pending = set()
    return sup
