"""The diff's output formats by name: each turns (changes, old label, new label, color) into a string."""

from __future__ import annotations

from sivistys_cli.render import diff_json, diff_markdown, diff_text

DIFF_FORMATS = {"text": diff_text.render, "markdown": diff_markdown.render, "json": diff_json.render}
