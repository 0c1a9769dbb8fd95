"""Parse YAML fast (libyaml) into plain data plus a source map of 1-based positions."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from sivistys_cli.diagnostics import Msg
from sivistys_cli.display.messages import render
from sivistys_cli.load.marks import GiveUp, MarkTree, fast_parse
from sivistys_cli.model.types import Loc

try:  # libyaml is ~10x faster; the pure-Python loader gives the same events and marks.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# A program nests about ten levels deep; beyond this, later steps (validation, reports) would recurse
# too deep. Nesting made through aliases counts as well.
MAX_DEPTH = 64
# Aliases can make a small file expand exponentially ("billion laughs"). What is bounded is what the
# aliases add: the values and characters they repeat, in keys as in values; a file without aliases
# is never refused by these, whatever its size.
MAX_ALIAS_VALUES = 100_000
MAX_ALIAS_CHARS = 10 << 20
# Beyond 10^15 (a thousand trillion) no amount, count or year of a municipality is meant.
MAX_NUMBER = 10**15

# Codes come first, separated by commas; anything after them is the author's reason. A code is read
# whole (SV5O5 with a letter O), so that a typo is reported rather than cut short at the letter.
_DISABLE = re.compile(
    r"#\s*sivistys:\s*(disable|disable-file)\s*=\s*((?:[A-Za-z][A-Za-z0-9]*)(?:\s*,\s*[A-Za-z][A-Za-z0-9]*)*)"
)
# Line breaks as editors and `grep -n` count them: YAML 1.1 also breaks at U+0085, U+2028 and
# U+2029, but a reader looking for the line would not find it there.
_BREAK = re.compile(r"\r\n|\r|\n")
# Characters YAML refuses in a stream (C0 controls but tab and line breaks, DEL, C1 but NEL, surrogates).
_UNACCEPTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x08: "backspace", 0x0C: "form feed", 0x0B: "vertical tab"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Problem:
    """A problem found while parsing: syntax errors and duplicate keys."""

    code: str
    line: int
    col: int
    msg: Msg  # said in any language by display.messages.render
    loc: Loc = ()

    @property
    def message(self) -> str:
        """The message in English."""
        return render(self.msg)


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
        # Why not a set intersection: this is asked once per finding, 100 000 times for some files.
        if code in self.file or "all" in self.file:
            return True
        here = self.lines.get(line)
        return here is not None and (code in here or "all" in here)


@dataclass
class Parsed:
    data: Any
    source: SourceMap | MarkTree  # MarkTree: the fast reader's positions, computed when asked
    problems: list[Problem]
    suppressions: Suppressions


class Lines:
    """Character offsets -> (line, column), both 1-based and counted in characters, lines as editors count them."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each line begins; found when a position is first asked for (most files never need one)."""
        if "\r" in self.text:
            return [0] + [m.end() for m in _BREAK.finditer(self.text)]
        # Why: with \n the only break, the lengths of the split lines give the same starts in C loops,
        # a tenth of the regular expression's time (0.1 s on a 4 MB program with one finding).
        lengths = itertools.accumulate(map(len, self.text.split("\n")[:-1]))  # a line's start: the lengths
        return [0, *map(operator.add, lengths, itertools.count(1))]  # before it, plus one \n for each

    def pos(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def at(self, mark: Any) -> tuple[int, int]:
        return self.pos(mark.index) if mark is not None else (1, 1)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def count(self) -> int:
        return len(self.starts)


def split_lines(text: str) -> list[str]:
    """The lines of `text` as editors count them (not str.splitlines, which also breaks at U+2028 and others)."""
    return _BREAK.split(text)


def parse(text: str) -> Parsed:
    """Parse one YAML document; syntax errors come back as problems, never raised."""
    suppressions = _suppressions(text)
    lines = Lines(text)
    bad = _UNACCEPTABLE.search(text)
    if bad:
        return Parsed(None, SourceMap(), [_control_problem(bad, lines)], suppressions)
    fast = _fast_parse(text, lines)
    if fast is not None:
        return Parsed(fast[0], fast[1], [], suppressions)
    smap = SourceMap()
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        data = _Builder(smap, problems, loader, lines).document()
    except _Refused as exc:
        return Parsed(None, smap, [Problem("SV001", *exc.pos, exc.msg)], suppressions)
    except yaml.MarkedYAMLError as exc:
        return Parsed(None, smap, [_syntax_problem(exc, lines)], suppressions)
    except yaml.YAMLError as exc:  # e.g. a character libyaml refuses outright
        return Parsed(None, smap, [Problem("SV001", 1, 1, Msg("SV001.other", {"problem": str(exc)}))], suppressions)
    finally:
        loader.dispose()
    return Parsed(data, smap, problems, suppressions)


def _fast_parse(text: str, lines: Lines) -> tuple[Any, MarkTree] | None:
    """The ordinary file, read fast (load/marks.py says why); None: read it the careful way."""
    loader = _Loader(text)
    try:
        return fast_parse(loader, lines, MAX_DEPTH, _PLAIN_TAGS, MAX_NUMBER)
    except (GiveUp, yaml.YAMLError):
        return None
    finally:
        loader.dispose()


def _control_problem(found: re.Match[str], lines: Lines) -> Problem:
    code = ord(found.group())
    name = f" ({_NAMES[code]})" if code in _NAMES else ""
    return Problem("SV001", *lines.pos(found.start()), Msg("SV001.control", {"code": f"{code:04X}", "name": name}))


class _Refused(Exception):
    """A document that would be unsafe to build (too deep, exploding aliases): a positioned SV001."""

    def __init__(self, pos: tuple[int, int], msg: Msg) -> None:
        super().__init__(render(msg))
        self.pos, self.msg = pos, msg


@dataclass
class _Frame:
    """A mapping or list being built: where it goes and what it holds so far."""

    loc: Loc
    value: Any
    pos: tuple[int, int]
    anchor: str | None
    key: Any = None  # a mapping's pending key (a _Key) while its value is read
    merged: list[Any] = field(default_factory=list)
    height: int = 1
    size: int = 1
    chars: int = 0


@dataclass
class _Key:
    text: str
    pos: tuple[int, int]
    merge: bool = False


@dataclass
class _Anchored:
    value: Any
    height: int
    size: int
    chars: int


class _Builder:
    """Events -> plain data, recording positions, with an explicit stack instead of recursion.

    Aliases share the value their anchor built: repeating one costs nothing here, but every later
    step walks each repetition, so what they add is counted and bounded.
    """

    def __init__(self, smap: SourceMap, problems: list[Problem], loader: Any, lines: Lines) -> None:
        self.smap, self.problems, self.loader, self.lines = smap, problems, loader, lines
        self.anchors: dict[str, _Anchored] = {}
        self.anchor_pos: dict[str, tuple[int, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.alias_values = 0
        self.alias_chars = 0
        self.result: Any = None

    def document(self) -> Any:
        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # DocumentStart
        if loader.check_event(yaml.DocumentEndEvent):  # e.g. a file that is only '---'
            loader.get_event()
            self._single_document()
            return None
        self._node()
        while self.stack:
            self._node()
        loader.get_event()  # DocumentEnd
        self._single_document()
        return self.result

    def _single_document(self) -> None:
        if not self.loader.check_event(yaml.StreamEndEvent):
            event = self.loader.get_event()
            raise _Refused(self.lines.at(event.start_mark), Msg("SV001.documents"))

    def _node(self) -> None:
        event = self.loader.get_event()
        pos = self.lines.at(event.start_mark)
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self._close()
            return
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, pos)
            return
        anchor = event.anchor
        if anchor is not None:
            self._anchor(anchor, pos)
        loc = self._child_loc()
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event, pos)
            self._store(value, pos, 1, 1, len(value) if isinstance(value, str) else 1, anchor, loc)
            return
        self._collection_tag(event, pos)
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(pos, Msg("SV001.too_deep", {"depth": MAX_DEPTH}))
        value: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(loc if loc is not None else ("<key>",), value, pos, anchor))
        if anchor is not None:
            self.open_anchors.add(anchor)

    def _child_loc(self) -> Loc | None:
        """The data path of the next value; None while reading a mapping's key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return top.loc + (len(top.value),)
        if top.key is None:
            return None
        return top.loc + (top.key.text,)

    def _anchor(self, anchor: str, pos: tuple[int, int]) -> None:
        if anchor in self.anchor_pos:
            first = self.anchor_pos[anchor]
            raise _Refused(pos, Msg("SV001.anchor_twice", {"anchor": anchor, "line": first[0]}))
        self.anchor_pos[anchor] = pos

    def _alias(self, event: Any, pos: tuple[int, int]) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise _Refused(pos, Msg("SV001.alias_loop"))
        if name not in self.anchors:
            raise _Refused(pos, Msg("SV001.no_anchor", {"name": name}))
        found = self.anchors[name]
        self.alias_values += found.size
        self.alias_chars += found.chars
        if self.alias_values > MAX_ALIAS_VALUES or self.alias_chars > MAX_ALIAS_CHARS:
            raise _Refused(pos, Msg("SV001.alias_bomb", {"values": MAX_ALIAS_VALUES, "mib": MAX_ALIAS_CHARS >> 20}))
        self._store(found.value, pos, found.height, found.size, found.chars, None, self._child_loc())

    def _collection_tag(self, event: Any, pos: tuple[int, int]) -> None:
        tag = event.tag
        if tag not in (None, "!", _MAP, _SEQ):
            raise _Refused(pos, Msg("SV001.tag", {"tag": tag}))

    def _scalar(self, event: Any, pos: tuple[int, int]) -> Any:
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            if event.tag is None and event.value == "<<" and event.implicit[0]:
                return _Key("<<", pos, merge=True)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit) if tag is None else \
                "tag:yaml.org,2002:str"
        explicit = event.tag not in (None, "!")
        if tag not in _PLAIN_TAGS:
            raise _Refused(pos, Msg("SV001.tag", {"tag": event.tag or tag}))
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.yaml_constructors[tag](self.loader, node)
        except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError):
            if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and not explicit:
                raise _Refused(pos, _too_large(event.value)) from None  # more digits than Python converts
            if explicit:
                raise _Refused(pos, Msg("SV001.tag_value", {"value": event.value, "tag": event.tag})) from None
            return str(event.value)  # e.g. 2025-06-31 looks like a date but is none; validation explains
        return self._number(value, event.value, pos)

    def _number(self, value: Any, written: str, pos: tuple[int, int]) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return value
        if isinstance(value, float) and (math.isnan(value) or "inf" in written.lower()):
            return value  # written as .nan or .inf: validation says why it is no amount
        if abs(value) > MAX_NUMBER:
            raise _Refused(pos, _too_large(written))
        return value

    def _store(self, value: Any, pos: tuple[int, int], height: int, size: int, chars: int, anchor: str | None,
               loc: Loc | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = _Anchored(value, height, size, chars)
        if not self.stack:
            self.result = value
            self.smap.values.setdefault((), pos)
            return
        top = self.stack[-1]
        if len(self.stack) + height > MAX_DEPTH + 1:
            raise _Refused(pos, Msg("SV001.deep_aliases", {"depth": MAX_DEPTH}))
        top.height = max(top.height, height + 1)
        top.size += size
        top.chars += chars
        if isinstance(top.value, list):
            self.smap.values.setdefault(loc, pos)
            top.value.append(value)
        elif top.key is None:
            top.key = value if isinstance(value, _Key) else _Key(_key_text(value), pos)
        else:
            self._set(top, value, pos)

    def _set(self, top: _Frame, value: Any, pos: tuple[int, int]) -> None:
        key, top.key = top.key, None
        if key.merge:  # `<<: *defaults` fills in keys not given here
            top.merged.extend(value if isinstance(value, list) else [value])
            return
        loc = top.loc + (key.text,)
        if key.text in top.value:
            first = self.smap.keys[loc]
            self.problems.append(Problem("SV002", *key.pos, Msg("SV002.message", {"key": key.text, "line": first[0]}),
                                         loc))
            return
        self.smap.keys.setdefault(loc, key.pos)
        self.smap.values.setdefault(loc, pos)
        top.value[key.text] = value

    def _close(self) -> None:
        frame = self.stack.pop()
        if isinstance(frame.value, dict):
            for source in frame.merged:
                for key, value in (source.items() if isinstance(source, dict) else ()):
                    frame.value.setdefault(key, value)
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
        loc = frame.loc if frame.loc != ("<key>",) else None
        self._store(frame.value, frame.pos, frame.height, frame.size, frame.chars, frame.anchor, loc)


def _too_large(written: str) -> Msg:
    return Msg("SV001.too_large", {"number": written if len(written) <= 20 else written[:17] + "…"})


def _key_text(value: Any) -> str:
    """Keys are kept as written: `no:` stays the text 'no', `2024:` the text '2024'."""
    if isinstance(value, (dict, list)):
        text = str(value)
        return text if len(text) <= 200 else text[:199] + "…"
    return str(value)


# What the parser says -> the plain-language hint (`yaml_hint.<key>` in the message catalogs).
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


def _syntax_problem(exc: yaml.MarkedYAMLError, lines: Lines) -> Problem:
    """A syntax error at the most useful position, with advice in plain words."""
    problem = exc.problem or exc.context or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    if "end of stream" in problem and exc.context_mark is not None:
        mark = exc.context_mark  # where the unclosed quote or bracket starts, not the end of the file
    line, col = lines.at(mark)
    quote = _open_quote(lines, line)
    if quote is not None:
        return Problem("SV001", *quote, Msg("SV001.open_quote"))
    line = min(line, lines.count())
    if "another document" in problem:
        return Problem("SV001", line, col, Msg("SV001.documents"))
    if "cannot start any token" in problem:
        text = lines.line_text(line)
        char = text[col - 1:col] if col <= len(text) else ""
        hint = Msg("yaml_hint.tab") if char == "\t" else Msg("yaml_hint.token", {"char": char})
        return Problem("SV001", line, col, Msg("SV001.message", {"problem": problem, "hint": hint}))
    hint = Msg(f"yaml_hint.{next((h for needle, h in _HINTS if needle in problem), 'other')}")
    return Problem("SV001", line, col, Msg("SV001.message", {"problem": problem, "hint": hint}))


# A value that begins with a quote: `key: 'text`, `- "text`.
_QUOTE_START = re.compile(r"""^\s*(?:-\s+)*(?:[^'"#\s][^'"#]*?:\s+)?(['"])""")


def _open_quote(lines: Lines, upto: int) -> tuple[int, int] | None:
    """Where a quoted value begins that the error is a consequence of: a missing closing quote makes
    YAML read on to the next quote character, often far below, and fail there."""
    for number in range(min(upto, lines.count()) - 1, 0, -1):
        text = lines.line_text(number)
        found = _QUOTE_START.match(text)
        if not found or _quote_end(text, found.end(), found.group(1)) is not None:
            continue
        closing = next((n for n in range(number + 1, lines.count() + 1) if found.group(1) in lines.line_text(n)), None)
        if closing is None or closing >= upto - 1:
            return number, found.start(1) + 1
        return None
    return None


def _quote_end(text: str, at: int, quote: str) -> int | None:
    while at < len(text):
        if quote == '"' and text[at] == "\\":
            at += 2
            continue
        if text[at] == quote:
            if quote == "'" and text[at + 1:at + 2] == "'":
                at += 2
                continue
            return at
        at += 1
    return None


def _code(word: str) -> str:
    word = word.strip()
    return "all" if word.lower() == "all" else word.upper()


def _suppressions(text: str) -> Suppressions:
    sup = Suppressions()
    if "sivistys:" not in text:
        return sup
    pending: list[tuple[int, int, str]] = []
    for number, raw in enumerate(split_lines(text), start=1):
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
def _written(match: re.Match[str], number: int) -> list[tuple[int, int, str]]:
    """Each code of a disable comment with its line and 1-based column."""
    return [(number, match.start(2) + m.start() + 1, _code(m.group()))
            for m in re.finditer(r"[A-Za-z][A-Za-z0-9]*", match.group(2))]
