"""One way to add an output format: each command keeps a Registry of format name -> renderer.

A renderer is named as "module:function" and imported only when it is used, so that building the
command line (which lists every command's formats in --help) imports no renderer, template engine
or terminal library. Each command decides what its renderers take; every one returns str or bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from sivistys_cli.errors import said


@dataclass(frozen=True)
class Format:
    """One output format: its name, the renderer that makes it, a line of help, and other names for it."""

    name: str
    renderer: str  # "package.module:function"
    help: str
    aliases: tuple[str, ...] = ()
    parts: str | None = None  # "package.module:function": the renderer's output as a list of parts that join to it

    def load(self, renderer: str | None = None) -> Callable[..., Any]:
        module, _, function = (renderer or self.renderer).partition(":")
        return getattr(import_module(module), function)  # type: ignore[no-any-return]


class Registry:
    """The output formats of one command, in the order --help lists them; the first is the default."""

    def __init__(self, *formats: Format) -> None:
        self.formats = {f.name: f for f in formats}
        self.aliases = {alias: f.name for f in formats for alias in f.aliases}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.formats)

    @property
    def default(self) -> str:
        return self.names[0]

    def get(self, name: str) -> Format:
        """The format called `name` (or one of its aliases); a usage error listing the choices otherwise."""
        found = self.formats.get(self.aliases.get(name, name))
        if found is None:
            raise said("unknown_format", value=name, choices=self.choices())
        return found

    def renderer(self, name: str) -> Callable[..., Any]:
        return self.get(name).load()

    def parts(self, name: str) -> Callable[..., Any]:
        """The format's renderer of parts (a large output written a part at a time); else its renderer."""
        found = self.get(name)
        return found.load(found.parts)

    def choices(self) -> str:
        """'html, markdown (or md)'."""
        return ", ".join(f.name + (f" (or {', '.join(f.aliases)})" if f.aliases else "") for f in self.formats.values())

    def metavar(self) -> str:
        """What --help shows after --format: '[text|json|github]'."""
        return "[" + "|".join(self.names) + "]"

    def help(self) -> str:
        """The option's help: every format with its line, the default first."""
        parts = [f"{f.name}{' (or ' + ', '.join(f.aliases) + ')' if f.aliases else ''}: {f.help}"
                 for f in self.formats.values()]
        return "; ".join(parts) + "."
