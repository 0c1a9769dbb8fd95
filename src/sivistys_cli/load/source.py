"""Parse YAML fast (libyaml) into plain data plus a source map of 1-based positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from sivistys_cli.diagnostics import Msg
from sivistys_cli.display.messages import render
from sivistys_cli.model.types import Loc

try:  # libyaml is ~10x faster; the pure-Python loader gives the same nodes and marks.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


MAX_VALUES = 200_000  # aliases can make a small file expand exponentially ("billion laughs")

# Codes come first, separated by commas; anything after them is the author's reason. A code is read
# whole (SV5O5 with a letter O), so that a typo is reported rather than cut short at the letter.
_DISABLE = re.compile(
    r"#\s*sivistys:\s*(disable|disable-file)\s*=\s*((?:[A-Za-z][A-Za-z0-9]*)(?:\s*,\s*[A-Za-z][A-Za-z0-9]*)*)"
)


@dataclass(frozen=True)
class Problem:
    """A problem found while parsing: syntax errors and duplicate keys."""

    code: str
    line: int
    col: int
    message: str
    loc: Loc = ()
    msg: Msg | None = None  # the message as data (display/messages.py); `message` is its English


def _problem(code: str, line: int, col: int, msg: Msg, loc: Loc = ()) -> Problem:
    return Problem(code, line, col, render(msg), loc, msg)


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


@dataclass(frozen=True)
class Directive:
    """One code in one disable comment: where it is written, and the line it covers (0: the file, -1: none)."""

    line: int
    col: int
    code: str
    covers: int


@dataclass
class Suppressions:
    """`# sivistys: disable=SV203` for a line, `# sivistys: disable-file=SV503` for a file."""

    lines: dict[int, set[str]] = field(default_factory=dict)
    file: set[str] = field(default_factory=set)
    directives: list[Directive] = field(default_factory=list)  # so that unknown or unused ones can be named

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
        data = _Builder(smap, problems, loader).build(node, ()) if node is not None else None
    except _AliasError as exc:
        return Parsed(None, smap, [_problem("SV001", exc.line, exc.col, exc.msg)], suppressions)
    except yaml.MarkedYAMLError as exc:
        return Parsed(None, smap, [_syntax_problem(exc, text)], suppressions)
    except yaml.YAMLError as exc:  # e.g. a character libyaml refuses outright
        return Parsed(None, smap, [_problem("SV001", 1, 1, Msg("SV001.other", {"problem": str(exc)}))], suppressions)
    finally:
        loader.dispose()
    return Parsed(data, smap, problems, suppressions)


class _AliasError(Exception):
    def __init__(self, node: yaml.Node, msg: Msg) -> None:
        super().__init__(msg.key)
        self.msg = msg
        self.line, self.col = node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Node tree -> plain data, recording positions; guards against recursive and exploding aliases."""

    def __init__(self, smap: SourceMap, problems: list[Problem], loader: Any) -> None:
        self.smap, self.problems, self.loader = smap, problems, loader
        self.active: set[int] = set()
        self.built = 0

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.built += 1
        if self.built > MAX_VALUES:
            raise _AliasError(node, Msg("SV001.alias_bomb", {"limit": MAX_VALUES}))
        if id(node) in self.active:
            raise _AliasError(node, Msg("SV001.alias_loop"))
        self.smap.values.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._guarded(node, lambda: self._mapping(node, loc))
        if isinstance(node, yaml.SequenceNode):
            return self._guarded(node, lambda: [self.build(item, loc + (i,)) for i, item in enumerate(node.value)])
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:  # e.g. 2025-06-31 looks like a date but is none; validation explains
            return str(node.value)

    def _guarded(self, node: yaml.Node, make: Any) -> Any:
        self.active.add(id(node))
        try:
            return make()
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        merged: list[Any] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *defaults` fills in keys not given here
                value = self.build(value_node, loc)
                merged.extend(value if isinstance(value, list) else [value])
                continue
            key = _key(key_node, self.loader)
            key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = self.smap.keys[loc + (key,)]
                self.problems.append(_problem(
                    "SV002", *key_pos,
                    Msg("SV002.message", {"key": key, "line": first[0]}),
                    loc + (key,),
                ))
                continue
            self.smap.keys.setdefault(loc + (key,), key_pos)
            out[key] = self.build(value_node, loc + (key,))
        for source in merged:
            for key, value in (source.items() if isinstance(source, dict) else ()):
                out.setdefault(key, value)
        return out


def _key(node: yaml.Node, loader: Any) -> str:
    """Keys are kept as written: `no:` stays the text 'no', `2024:` the text '2024'."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return str(loader.construct_object(node, deep=True))


# The parser's words -> a hint in the catalogs (`yaml_hint.<key>`), in plain words.
_HINTS = (
    ("tab character", "tab"),
    ("mapping values are not allowed", "colon"),
    ("did not find expected '-' indicator", "dash"),
    ("did not find expected key", "key"),
    ("could not find expected ':'", "missing_colon"),
    ("found undefined alias", "alias"),
    ("did not find expected ',' or ']'", "list"),
    ("did not find expected ',' or '}'", "mapping"),
    ("found unexpected end of stream", "unclosed"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """A syntax error at the most useful position, with advice in plain words."""
    problem = exc.problem or exc.context or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    if "end of stream" in problem and exc.context_mark is not None:
        mark = exc.context_mark  # where the unclosed quote or bracket starts, not the end of the file
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines() or [""]
    line = min(line, len(lines))
    if "another document" in problem:
        return _problem("SV001", line, col, Msg("SV001.documents"))
    if "cannot start any token" in problem:
        char = lines[line - 1][col - 1:col] if col <= len(lines[line - 1]) else ""
        hint = Msg("yaml_hint.tab") if char == "\t" else Msg("yaml_hint.token", {"char": char})
        return _problem("SV001", line, col, Msg("SV001.message", {"problem": problem, "hint": hint}))
    hint_key = next((h for needle, h in _HINTS if needle in problem), "other")
    return _problem("SV001", line, col, Msg("SV001.message", {"problem": problem, "hint": Msg(f"yaml_hint.{hint_key}")}))


def _code(word: str) -> str:
    word = word.strip()
    return "all" if word.lower() == "all" else word.upper()


def _suppressions(text: str) -> Suppressions:
    sup = Suppressions()
    if "sivistys:" not in text:
        return sup
    pending: list[tuple[int, int, str]] = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        match = _DISABLE.search(raw)
        found = _written(match, number) if match else []
        codes = {code for _, _, code in found}
        if match and match.group(1) == "disable-file":
            sup.file |= codes
            sup.directives += [Directive(line, col, code, 0) for line, col, code in found]
            continue
        own_line = raw.lstrip().startswith("#")
        if own_line and codes:
            pending += found  # a comment on its own line covers the next content line
            continue
        if raw.strip() and not own_line:
            if found or pending:
                sup.lines.setdefault(number, set()).update(codes | {code for _, _, code in pending})
                sup.directives += [Directive(line, col, code, number) for line, col, code in pending + found]
            pending = []
    sup.directives += [Directive(line, col, code, -1) for line, col, code in pending]  # nothing follows them
    return sup


# The line breaks YAML counts (str.splitlines also breaks at \f, \v and \x1c-\x1e, which YAML does not),
# so that a comment's line number is the one the parser gives.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _written(match: re.Match[str], number: int) -> list[tuple[int, int, str]]:
    """Each code of a disable comment with its line and 1-based column."""
    return [(number, match.start(2) + m.start() + 1, _code(m.group()))
            for m in re.finditer(r"[A-Za-z][A-Za-z0-9]*", match.group(2))]
