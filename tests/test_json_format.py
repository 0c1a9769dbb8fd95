"""`check --format json` is laid out by hand for speed: it must be exactly what json.dumps(indent=2) gives."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sivistys_cli.check.formats.json import _C1, render
from sivistys_cli.diagnostics import Diagnostic, Severity, count

_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
_diagnostic = st.builds(Diagnostic, _text, st.integers(0, 10**12), st.integers(0, 10**6), _text,
                        st.sampled_from(list(Severity)), _text, _text)


def _by_json_dumps(diagnostics: list[Diagnostic], files: int) -> str:
    c = count(diagnostics)
    doc = {"version": 1, "summary": {"files": files, "errors": c.errors, "warnings": c.warnings, "infos": c.infos},
           "diagnostics": [d.as_dict() for d in diagnostics]}
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


@settings(max_examples=200, deadline=None)
@given(st.lists(_diagnostic, max_size=4), st.integers(0, 400))
def test_the_same_text_as_json_dumps(diagnostics: list[Diagnostic], files: int) -> None:
    assert render(diagnostics, files) == _by_json_dumps(diagnostics, files)


def test_control_characters_and_separators_stay_escaped() -> None:
    d = Diagnostic('a/"b\\c\n.yaml', 3, 4, "SV101", Severity.error, 'x\x1b\x9b\u2028 "ä"\ud800', "p/q")
    out = render([d], 1)
    assert out == _by_json_dumps([d], 1)
    assert "\x1b" not in out and "\x9b" not in out and "\u2028" not in out
    assert json.loads(out)["diagnostics"][0]["message"] == 'x\x1b\x9b\u2028 "ä"\ud800'
