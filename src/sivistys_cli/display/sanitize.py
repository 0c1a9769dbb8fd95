"""The one function every user-derived string passes before a terminal, a CI annotation or a report shows it."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts terminal sequences, CSI U+009B does alone), DEL, line and paragraph
# separators, and the bidirectional overrides that make text read differently from what it is.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def sanitize(text: object) -> str:
    """`text` as one printable line: a newline becomes the two characters \\n, ESC becomes \\e and any
    other control or direction-changing character its code (\\u001b), so nothing in a file can start a
    new diagnostic line, move the cursor, clear the screen or make a link."""
    value = str(text)
    if not _UNSAFE.search(value):
        return value
    return _UNSAFE.sub(_escape, value)


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return _SHOWN.get(char) or f"\\u{ord(char):04x}"


def sanitize_lines(text: str) -> str:
    """A rendered output, each of its lines passed through `sanitize` (tabs kept): for outputs built from
    many user values, as a last guard behind the escaping each value already had."""
    if not _UNSAFE.search(text.replace("\n", "").replace("\t", "")):
        return text
    return "\n".join(sanitize(line).replace("\\t", "\t") for line in text.split("\n"))
