"""The one comment-preserving YAML reader and writer every authoring command edits files through.

ruamel.yaml's round-trip mode keeps comments, block scalars, flow or block style and key order;
the settings below are the canonical layout `sivistys fmt` writes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from sivistys_cli.atomic import write_if_changed
from sivistys_cli.display.messages import usage

# Long texts are never folded: ruamel's folding leaves a space at the end of each broken line, and
# a title broken over lines makes a one-word change a two-line diff.
WIDTH = 4096


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.preserve_quotes = False  # quotes only where YAML needs them
    yaml.allow_unicode = True
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass
class Document:
    """One YAML file as read: its path, the exact text, and the editable tree."""

    path: Path
    text: str
    data: Any

    def dump(self) -> str:
        return dumps(self.data)

    def save(self) -> bool:
        """Write the tree back if, and only if, it changed the file; True when it did."""
        return write_if_changed(self.path, self.text, self.dump())


def loads(text: str, name: str = "<text>") -> Any:
    try:
        return _yaml().load(text)
    except (MarkedYAMLError, YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise usage("authoring.not_valid_yaml", where=where, name=name) from None


def dumps(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def read(path: Path) -> Document:
    """Read one YAML file for editing; a missing, unreadable or broken file is a usage error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise usage("no_such_file", path=str(path)) from None
    except OSError as exc:
        raise usage("cannot_read", path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise usage("not_utf8", path=str(path)) from None
    return Document(path, raw.decode("utf-8"), loads(text, str(path)))
