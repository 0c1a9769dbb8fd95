"""Standard output on a full disk (`> /dev/full`): a clear error in the user's language and exit 2, in every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ROOT / "programs" / "somero-sivistysohjelma"
FULL = Path("/dev/full")

COMMANDS = [
    ["check", str(PROGRAM)],
    ["check", "-f", "sarif", str(PROGRAM)],
    ["summary", str(PROGRAM)],
    ["rules"],
    ["report", "--kind", "annual", "-f", "markdown", str(ROOT / "programs" / "kuusilahti-hyvinvointiohjelma")],
    ["report", "--kind", "program", "-f", "html", str(PROGRAM)],
    ["diff", "--files", str(PROGRAM), str(PROGRAM)],
    ["export", "-f", "csv", str(PROGRAM)],
]
SAID = {"en": "could not write the output (", "fi": "tulostetta ei voitu kirjoittaa (", "sv": "utdata kunde inte skrivas ("}


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:3]))
@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_a_full_disk_under_standard_output_is_said_not_a_crash(args: list[str], lang: str, tmp_path: Path) -> None:
    with FULL.open("w") as out:
        done = subprocess.run([sys.executable, "-m", "sivistys_cli", *args], stdout=out, stderr=subprocess.PIPE,
                              cwd=tmp_path, env={**os.environ, "SIVISTYS_LANG": lang, "NO_COLOR": "1"},
                              text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert SAID[lang] in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert done.stderr.count("\n") == 1  # one line: no second error from Python's flush at exit
