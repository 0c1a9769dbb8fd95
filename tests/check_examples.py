"""Build the bad and good example of every check code from its golden cases (tests/cases/<CODE>/).

The bad example is the lines around the first finding of an `invalid-*` case, with that finding;
the good example is the same place in a `valid-*` case, found by aligning the two files, so that
it usually shows the fix. `sivistys explain CODE` prints both from the packaged examples.json.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

CASES_DIR = Path(__file__).parent / "cases"
EXAMPLES_FILE = Path(__file__).resolve().parents[1] / "src" / "sivistys_cli" / "check" / "examples.json"
UPDATE = os.environ.get("SIVISTYS_UPDATE_GOLDENS") == "1"
_CONTEXT_BEFORE, _CONTEXT_AFTER = 4, 2
_FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: (?P<code>SV\d+) ")


def build(codes: list[str]) -> dict[str, dict[str, dict[str, object]]]:
    return {code: _examples(code) for code in codes if (CASES_DIR / code).is_dir()}


def render(codes: list[str]) -> str:
    return json.dumps(build(codes), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _examples(code: str) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for case in sorted(p for p in (CASES_DIR / code).glob("invalid*") if p.is_dir()):
        finding = _first_finding(case, code)
        if finding is not None:
            out["bad"] = _excerpt(case, finding[0], finding[1], finding[2])
            out["bad"]["findings"] = _translated(case, finding[2])
            good = _good(code, case, finding[0], finding[1])
            if good is not None:
                out["good"] = good
            break
    return out


def _first_finding(case: Path, code: str) -> tuple[str, int, str] | None:
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        match = _FINDING.match(line)
        if match and match["code"] == code:
            return match["file"], int(match["line"]), line
    return None


def _translated(case: Path, finding: str) -> dict[str, str]:
    """The same finding as `sivistys check --lang fi|sv` prints it (expected.fi.txt, expected.sv.txt)."""
    index = (case / "expected.txt").read_text(encoding="utf-8").splitlines().index(finding)
    return {lang: (case / f"expected.{lang}.txt").read_text(encoding="utf-8").splitlines()[index] for lang in ("fi", "sv")}


def _excerpt(case: Path, file: str, line: int, finding: str | None = None) -> dict[str, object]:
    lines = _lines(case / file)
    start = max(1, line - _CONTEXT_BEFORE)
    end = min(len(lines), line + _CONTEXT_AFTER)
    out: dict[str, object] = {"file": file, "line": start, "text": "\n".join(lines[start - 1:end]) + "\n"}
    if finding is not None:
        out["finding"] = finding
    return out


def _good(code: str, bad_case: Path, file: str, line: int) -> dict[str, object] | None:
    """The valid case's lines that align with the bad lines (its whole file when there is no match)."""
    for case in sorted(p for p in (CASES_DIR / code).glob("valid*") if p.is_dir()):
        target = case / file if (case / file).is_file() else _any_yaml(case, Path(file).name)
        if target is None:
            continue
        rel = target.relative_to(case).as_posix()
        bad = _lines(bad_case / file)
        good = _lines(target)
        start = max(0, line - 1 - _CONTEXT_BEFORE)
        end = min(len(bad), line + _CONTEXT_AFTER)
        matcher = difflib.SequenceMatcher(None, bad, good, autojunk=False)
        g0, g1 = _map(matcher, start, False), _map(matcher, end, True)
        g0, g1 = (g0, max(g1, g0 + 1)) if g1 > g0 else (0, len(good))
        return {"file": rel, "line": g0 + 1, "text": "\n".join(good[g0:g1]) + "\n"}
    return None


def _any_yaml(case: Path, name: str) -> Path | None:
    found = sorted(case.rglob(name)) or sorted(case.rglob("program.yaml"))
    return found[0] if found else None


def _map(matcher: difflib.SequenceMatcher, index: int, end: bool) -> int:
    """Where line `index` of the bad file falls in the good file."""
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= index < i2 or (end and index == i2):
            if tag == "equal":
                return j1 + (index - i1)
            return j2 if end else j1
    return len(matcher.b) if end else 0


def _lines(path: Path) -> list[str]:
    """The file's lines; bytes that are not UTF-8 (the example of SV003) shown as \\xNN."""
    return path.read_bytes().decode("utf-8", errors="backslashreplace").splitlines()
