"""A fuzzer over mutations of the bundled programs, through check, summary, report and diff.

Each example takes one bundled program's text, damages it (a slice replaced by YAML-ish bytes, a
line duplicated or dropped, indentation shifted) and runs every command on it in-process: the exit
code must be 0, 1 or 2 and no traceback may escape. CI runs a bounded number of examples; for a long
run set SIVISTYS_FUZZ_EXAMPLES (e.g. 5000), see the README's Hostile input section.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = sorted(p.name for p in (ROOT / "programs").iterdir() if (p / "program.yaml").is_file())
EXAMPLES = int(os.environ.get("SIVISTYS_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PIECES = st.sampled_from([b":", b"- ", b"&a ", b"*a", b"[", b"{", b"'", b'"', b"\t", b"\n", b"  ", b"#",
                          b"!!bool ", b"1e400", b"\x1b[2J", b"\xe4", b"\x00", b"\xff\xfe", b"? ", b"<<: *a"])
FILLER = st.one_of(st.binary(max_size=12), st.lists(PIECES, max_size=6).map(b"".join))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(PROGRAMS))
    text = (ROOT / "programs" / name / "program.yaml").read_bytes()
    lines = text.splitlines(keepends=True)
    kind = draw(st.sampled_from(["splice", "duplicate", "drop", "indent"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "splice":
        at = draw(st.integers(0, len(text)))
        return name, text[:at] + draw(FILLER) + text[at + draw(st.integers(0, 40)):]
    if kind == "duplicate":
        return name, b"".join(lines[: i + 1] + lines[i:])
    if kind == "drop":
        return name, b"".join(lines[:i] + lines[i + 1:])
    return name, b"".join(lines[:i] + [b"  " + lines[i]] + lines[i + 1:])


def _commands(name: str) -> list[list[str]]:
    here = f"programs/{name}"
    return [["check", here], ["check", "-f", "json", here], ["summary", here],
            ["report", "--kind", "program", "-f", "markdown", here],
            ["report", "--kind", "annual", "-f", "html", here],
            ["diff", "--files", f"base/{name}", here]]


@FUZZ
@given(mutation=mutations())
def test_mutated_program_through_every_command(tmp_path_factory: pytest.TempPathFactory,
                                               monkeypatch: pytest.MonkeyPatch, mutation: tuple[str, bytes]) -> None:
    name, damaged = mutation
    work = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "programs" / name, work / "base" / name)
    shutil.copytree(ROOT / "programs" / name, work / "programs" / name)
    (work / "programs" / name / "program.yaml").write_bytes(damaged)
    monkeypatch.chdir(work)
    monkeypatch.setenv("NO_COLOR", "1")
    for args in _commands(name):
        result = CliRunner().invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output[-2000:])
        assert "Traceback" not in result.output, (args, result.output[-2000:])
