"""Output formats for diagnostics: each is a function from diagnostics to a string."""

from __future__ import annotations

from collections.abc import Callable

from sivistys_cli.render import github, json_format, statistics, text

Renderer = Callable[..., str]  # (diagnostics, files, color=False) -> str

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "statistics": statistics.render,
}
