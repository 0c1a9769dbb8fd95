"""The hostile inputs, by class: each case is a folder of files and the commands to run on it.

Both the test suite (tests/test_hostile_commands.py, in-process) and the stress script
(bench/stress_hostile.py, one process per case and command, CPU time and memory measured) read
this list, so what is measured is what is tested.

Every case is a git repository whose last commit holds a valid program `programs/p`; the hostile
files are then written over it (uncommitted), and `base/p` holds the valid program for `diff --files`.
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

PROGRAM = """\
id: p
title: Testiohjelma
organization: Kuvitteellinen kunta
period: {start: 2025, end: 2027}
languages: [fi]
themes:
  - id: t1
    title: Teema
    goals:
      - id: g1
        title: Tavoite
        actions:
          - id: a1
            title: Toimenpide
            costs:
              - amount: 1000
                year: 2025
            measures:
              - id: m1
                title: Mittari
                kind: number
                baseline: {value: 5, year: 2024}
                targets: [{value: 10, year: 2027}]
"""
OUTCOMES = """\
program: p
year: 2025
outcomes:
  - ref: a1
    status: achieved
  - ref: m1
    status: partly
    value: 7
"""
P = "programs/p/program.yaml"
O = "programs/p/outcomes/2025.yaml"

# The commands every program case goes through; {d} is the program directory.
COMMANDS: dict[str, list[str]] = {
    "check-text": ["check", "programs/p"],
    "check-json": ["check", "-f", "json", "programs/p"],
    "check-github": ["check", "-f", "github", "programs/p"],
    "check-stats": ["check", "--statistics", "programs/p"],
    "summary": ["summary", "programs/p"],
    "report-md": ["report", "--kind", "program", "-f", "markdown", "programs/p"],
    "report-html": ["report", "--kind", "annual", "-f", "html", "programs/p"],
    "diff-files": ["diff", "--files", "base/p", "programs/p"],
    "diff-git": ["diff"],
    "check-sarif": ["check", "-f", "sarif", "programs/p"],
    "check-gitlab": ["check", "-f", "gitlab", "programs/p"],
}
# Every command but the two CI formats, which only the cases with many findings go through as well.
ALL = tuple(COMMANDS)[:-2]
MANY_FINDINGS = ALL + ("check-sarif", "check-gitlab")

Setup = Callable[[Path], None]

# Among siblings: the same case next to SIBLINGS small valid programs, so that every command takes the way
# it takes for a large repository: one program at a time, in worker processes (check/stream.py
# `map_programs`; summary/stream.py, diff/stream.py, report/batch.py). --jobs 2 makes the workers even on a
# one-core machine, where the default would be one process.
SIBLINGS = 17  # more programs than check/stream.py's SMALL (16)
AMONG: dict[str, list[str]] = {
    "check-text": ["check", "--jobs", "2", "programs"],
    "check-json": ["check", "--jobs", "2", "-f", "json", "programs"],
    "check-one": ["check", "--jobs", "2", "programs/p"],  # one program named, its siblings read as context
    "summary": ["summary", "--jobs", "2", "programs"],
    "report-md": ["report", "--jobs", "2", "--kind", "program", "-f", "markdown", "programs/p"],
    "report-all-md": ["report", "--all", "--jobs", "2", "--kind", "program", "-f", "markdown", "-o", "out-md",
                      "programs"],
    "report-all-html": ["report", "--all", "--jobs", "2", "--kind", "annual", "-f", "html", "-o", "out-html",
                        "programs"],
    "diff-files": ["diff", "--jobs", "2", "--files", "base", "programs"],
    "diff-git": ["diff", "--jobs", "2"],
}
# A case's named command -> the command that runs it among siblings.
AMONG_OF = {"check-text": "check-text", "check-json": "check-json", "check-github": "check-text",
            "check-stats": "check-json", "summary": "summary", "report-md": "report-md",
            "report-html": "report-all-html", "diff-files": "diff-files", "diff-git": "diff-git",
            "check-sarif": "check-json", "check-gitlab": "check-json"}


def sibling(n: int) -> str:
    """The program directory name of the n-th sibling."""
    return f"s{n:04d}"


def add_siblings(root: Path, n: int, where: tuple[str, ...] = ("programs", "base")) -> None:
    """`n` small valid programs, each with an outcome file, next to `p` in each folder of `where`."""
    for folder in where:
        for i in range(n):
            name = sibling(i)
            (root / folder / name / "outcomes").mkdir(parents=True, exist_ok=True)
            (root / folder / name / "program.yaml").write_text(PROGRAM.replace("id: p", f"id: {name}", 1),
                                                                encoding="utf-8")
            (root / folder / name / "outcomes" / "2025.yaml").write_text(
                OUTCOMES.replace("program: p", f"program: {name}"), encoding="utf-8")
    if n:
        for out in ("out-md", "out-html"):
            (root / out).mkdir(exist_ok=True)



@dataclass(frozen=True)
class Case:
    """One hostile input. `files` are written over the valid program; `setup` makes what bytes cannot
    (a FIFO, a symlink); `commands` are names from COMMANDS or argument lists of their own."""

    cls: str
    name: str
    files: dict[str, bytes | str | Callable[[], str]] = field(default_factory=dict)  # a callable: made when built
    setup: Setup | None = None
    commands: tuple[str | tuple[str, ...], ...] = ALL
    expect: str = ""  # a text the output of every command must contain (after the case's own checks)
    verify: Callable[[Path], None] | None = None  # checks on the files after the run (nothing else changed)
    in_process: bool = True  # False: could hang if broken, so the tests run it in a child process
    committed: bool = False  # also commit the hostile files, so `diff HEAD~1 HEAD` reads them from git
    env: tuple[tuple[str, str], ...] = ()  # set for the command's process (the runners run the case in a child)
    kill_worker: bool = False  # the runners kill -9 a worker process of each command once one is running

    @property
    def id(self) -> str:
        return f"{self.cls}/{self.name}"


def prog(body: str | Callable[[], str]) -> dict[str, str | Callable[[], str]]:
    return {P: body}


def with_theme(extra: str) -> dict[str, str]:
    return {P: PROGRAM + extra}


# ---------------------------------------------------------------- special files and symlinks

def _fifo(path: str) -> Setup:
    def make(root: Path) -> None:
        (root / path).unlink(missing_ok=True)
        os.mkfifo(root / path)
    return make


def _link(path: str, target: str) -> Setup:
    def make(root: Path) -> None:
        (root / path).unlink(missing_ok=True)
        os.symlink(target, root / path)
    return make


def _socket(path: str) -> Setup:
    def make(root: Path) -> None:
        (root / path).unlink(missing_ok=True)
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(root / path))
    return make


def _dir_named(path: str) -> Setup:
    def make(root: Path) -> None:
        (root / path).unlink(missing_ok=True)
        (root / path).mkdir()
    return make


def _outside_passwd(root: Path) -> None:
    secret = root.parent / f"{root.name}-secret.yaml"
    secret.write_text("root:x:0:0:SECRET-CONTENT:/root:/bin/bash\n", encoding="utf-8")
    _link(P, str(secret))(root)


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path)


def _outcome_hard_link(root: Path) -> None:
    """A hard link to a file outside the folder reads as a regular file: its content may be shown, as any
    outcome file's is, so the outside file here is a valid outcome file (nothing secret can be told apart)."""
    outside = root.parent / f"{root.name}-outside.yaml"
    outside.write_text(OUTCOMES, encoding="utf-8")
    (root / O).unlink()
    os.link(outside, root / O)


SPECIAL = [
    Case("special", "fifo-program", setup=_fifo(P), in_process=False),
    Case("special", "fifo-outcome", setup=_fifo(O), in_process=False),
    Case("special", "dev-zero-link", setup=_link(P, "/dev/zero"), in_process=False),
    Case("special", "dev-urandom-link", setup=_link(O, "/dev/urandom"), in_process=False),
    Case("special", "dev-null-link", setup=_link(P, "/dev/null"), in_process=False),
    Case("special", "socket-program", setup=_socket(O), in_process=False),
    Case("special", "symlink-loop", setup=_link(P, "program.yaml"), in_process=False),
    Case("special", "dangling-symlink", setup=_link(P, "nowhere.yaml")),
    Case("special", "symlink-to-etc-passwd", setup=_link(P, "/etc/passwd"), in_process=False),
    Case("special", "symlink-out-of-folder", setup=_outside_passwd),
    Case("special", "directory-named-program-yaml", setup=_dir_named(O)),
    Case("special", "outcomes-dir-link-to-etc", setup=lambda r: (_rmtree(r / "programs/p/outcomes"),
                                                                 os.symlink("/etc", r / "programs/p/outcomes"))),
    Case("special", "outcome-hard-link-out-of-folder", setup=_outcome_hard_link),
    Case("special", "fifo-as-sivistys-toml", setup=_fifo("sivistys.toml"), commands=("check-text",), in_process=False),
    Case("special", "diff-files-dev-null-dev-zero", commands=(("diff", "--files", "/dev/null", "/dev/zero"),),
         in_process=False),
    Case("special", "diff-files-fifo", setup=_fifo("f.yaml"), commands=(("diff", "--files", "base/p", "f.yaml"),),
         in_process=False),
    Case("special", "diff-files-urandom", commands=(("diff", "--files", "/dev/urandom", "base/p"),), in_process=False),
]

# ---------------------------------------------------------------- recursion

def _nested_seq(depth: int) -> str:
    return PROGRAM.replace("title: Teema", "title: Teema\n    description: " + "[" * depth + "]" * depth)


def _nested_map(depth: int) -> str:
    return PROGRAM + "extra: " + "{a: " * depth + "1" + "}" * depth + "\n"


def _alias_chain(n: int) -> str:
    lines = ["x0: &a0 [1]"] + [f"x{i}: &a{i} [*a{i - 1}]" for i in range(1, n)]
    return "\n".join(lines) + "\n" + PROGRAM


RECURSION = [
    Case("recursion", "seq-300", prog(_nested_seq(300))),
    Case("recursion", "seq-5000", prog(_nested_seq(5000))),
    Case("recursion", "seq-100000", prog(lambda: _nested_seq(100_000))),
    Case("recursion", "map-300", prog(_nested_map(300))),
    Case("recursion", "map-3000", prog(_nested_map(3000))),
    Case("recursion", "block-map-1000", prog(PROGRAM + "".join(" " * i + f"k{i}:\n" for i in range(1000)))),
    Case("recursion", "block-seq-1000", prog(PROGRAM + "extra:\n" + "".join(" " * (i + 1) + "-\n" for i in range(1000)))),
    Case("recursion", "in-outcome-comment", {O: OUTCOMES + "    comment: " + "[" * 2000 + "]" * 2000 + "\n"}),
    Case("recursion", "in-outcome-block-map-1000", {O: OUTCOMES + "extra:\n" + "".join(" " * (i + 1) + f"k{i}:\n"
                                                                                   for i in range(1000))}),
    Case("recursion", "in-outcome-flow-map-5000", {O: OUTCOMES + "extra: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"}),
    Case("recursion", "mixed-seq-map-3000", prog(PROGRAM + "extra: " + "[{a: " * 1500 + "1" + "}]" * 1500 + "\n")),
    Case("recursion", "deep-sivistys-toml", files={"sivistys.toml": "[a]\n" + "b = " + "[" * 2000 + "]" * 2000 + "\n"},
         commands=("check-text",)),
    Case("recursion", "alias-chain-300", prog(_alias_chain(300))),
    Case("recursion", "alias-chain-3000", prog(_alias_chain(3000))),
    Case("recursion", "recursive-alias", prog(PROGRAM + "x: &r [1, *r]\n")),
    Case("recursion", "recursive-alias-in-key", prog(PROGRAM + "x: &r {? *r : 1}\n")),
]

# ---------------------------------------------------------------- alias expansion

def _laughs(where: str, levels: int = 9) -> str:
    out = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        refs = ", ".join([f"*l{i - 1}"] * 9)
        out.append(f"l{i}: &l{i} [{refs}]" if where == "value" else f"l{i}: &l{i} {{? [{refs}] : 1}}")
    return "\n".join(out) + "\n" + PROGRAM


def _key_laughs(levels: int = 10) -> str:
    out = ["k0: &k0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}"]
    for i in range(1, levels):
        out.append(f"k{i}: &k{i} {{" + ", ".join(f"? *k{i - 1} : {j}" for j in range(9)) + "}")
    return "\n".join(out) + "\n" + PROGRAM


def _big_scalar_aliased(size: int, times: int) -> str:
    body = PROGRAM.replace("title: Testiohjelma", "title: &big " + "x" * size)
    items = "".join(f"  - id: z{i}\n    title: *big\n" for i in range(times))
    return body + items


def _theme_aliased() -> str:
    body = PROGRAM.replace("  - id: t1\n", "  - &theme\n    id: t1\n")
    return body + "  - *theme\n  - *theme\n"


def _id_alias() -> str:
    return PROGRAM.replace("id: a1", "id: &dup a1") + "          - id: *dup\n            title: Kopio\n"


ALIASES = [
    Case("aliases", "laughs-in-values", prog(_laughs("value"))),
    Case("aliases", "laughs-in-keys", prog(_laughs("key"))),
    Case("aliases", "laughs-in-mapping-keys", prog(_key_laughs())),
    Case("aliases", "laughs-in-merge-keys", prog("b0: &b0 {a: 1}\n" + "".join(
        f"b{i}: &b{i} {{<<: [{', '.join([f'*b{i - 1}'] * 9)}]}}\n" for i in range(1, 9)) + PROGRAM)),
    Case("aliases", "1mib-scalar-aliased-300-times", prog(lambda: _big_scalar_aliased(1 << 20, 300))),
    Case("aliases", "theme-aliased-twice", prog(_theme_aliased())),
    Case("aliases", "id-reused-through-alias", prog(_id_alias())),
    Case("aliases", "laughs-in-outcome-file", {O: OUTCOMES + "\n".join(_laughs("value").split("\n")[:9]) + "\n"}),
    Case("aliases", "outcomes-list-aliased", {O: OUTCOMES.replace("outcomes:\n", "outcomes: &all\n") + "more: *all\n"}),
    Case("aliases", "undefined-alias", prog(PROGRAM + "x: *nowhere\n")),
    Case("aliases", "alias-as-key-of-id", prog(PROGRAM.replace("id: p", "? &k id\n: p\nother: 1\n? *k\n: q", 1))),
]

# ---------------------------------------------------------------- huge inputs

def _themes(n: int) -> str:
    head = PROGRAM.split("themes:")[0] + "themes:\n"
    return head + "".join(f"  - id: t{i}\n    title: Teema {i}\n" for i in range(n))


HUGE = [
    Case("huge", "5mib-line", prog(lambda: PROGRAM.replace("title: Teema", "title: " + "ä" * (5 << 20)))),
    Case("huge", "100mib-one-scalar", prog(lambda: "id: p\ntitle: '" + "x" * (100 << 20) + "'\n")),
    Case("huge", "11mib-just-over-limit", prog(lambda: PROGRAM + "# " + "x" * (11 << 20) + "\n")),
    Case("huge", "1.9m-themes", prog(lambda: _themes(1_900_000))),
    Case("huge", "10000-duplicate-keys", prog(PROGRAM + "".join("x: 1\n" for _ in range(10_000)))),
    Case("huge", "100000-errors", prog(_themes(1).split("themes:")[0] + "themes:\n" + "  - {id: X}\n" * 25_000)),
    Case("huge", "many-unknown-keys", prog(PROGRAM + "".join(f"bad{i}: 1\n" for i in range(20_000)))),
    Case("huge", "100000-outcome-errors", {O: "program: p\nyear: 2025\noutcomes:\n" + "  - {ref: X, status: maybe}\n" * 25_000}),
    Case("huge", "10000-duplicate-ids", prog(lambda: _themes(10_000).replace("id: t", "id: t0 #"))),
    Case("huge", "5mib-line-in-outcome", {O: lambda: OUTCOMES.replace("status: achieved", "status: achieved\n    comment: "
                                                                    + "ö" * (5 << 20))}),
    Case("huge", "outcomes-100mib", {O: lambda: "program: p\nyear: 2025\n# " + "x" * (100 << 20) + "\n"}),
    Case("huge", "many-outcome-files", {f"programs/p/outcomes/{2025 + i}.yaml": OUTCOMES.replace("2025", str(2025 + i))
                                        for i in range(200)}),
]
HUGE = [replace(c, commands=MANY_FINDINGS) for c in HUGE]

# ---------------------------------------------------------------- legitimate large programs

def _full_themes(n: int) -> str:
    """A legitimate big program: each theme with a goal, an action with a cost and a measure."""
    head = PROGRAM.split("themes:")[0] + "themes:\n"
    theme = PROGRAM.split("themes:\n")[1]
    return head + "".join(theme.replace("t1", f"t{i}").replace("g1", f"g{i}").replace("a1", f"a{i}")
                          .replace("m1", f"m{i}").replace("Teema", f"Teema {i}") for i in range(n))


def _full_outcomes(n: int) -> str:
    return "program: p\nyear: 2025\noutcomes:\n" + "".join(
        f"  - ref: a{i}\n    status: achieved\n  - ref: m{i}\n    status: partly\n    value: 7\n" for i in range(n))


LARGE = [
    Case("large", "10000-themes", prog(lambda: _themes(10_000)), expect=""),
    Case("large", "10000-themes-with-outcomes", {P: lambda: _full_themes(10_000), O: lambda: _full_outcomes(10_000)}),
    Case("large", "9mib-program", prog(lambda: _themes(1).rstrip("\n") + "\n    description: '" + "a" * (9 << 20) + "'\n")),
    Case("large", "20000-anchors-each-used-once", prog(PROGRAM.split("themes:")[0] + "themes:\n" + "".join(
        f"  - id: &i{i} t{i}\n    title: *i{i}\n" for i in range(20_000)))),
    # diff's neighbours of the big program: its 10 000 themes removed (HEAD~1 is the small program), and the
    # big program against itself with one title changed, where both versions are big and nearly all is equal.
    Case("large", "10000-themes-removed", {P: lambda: _full_themes(10_000), O: lambda: _full_outcomes(10_000)},
         commands=(("diff", "--files", "programs/p", "base/p"), ("diff", "HEAD", "HEAD~1"),
                   ("diff", "-f", "json", "--files", "programs/p", "base/p")), committed=True, expect="t9999"),
    Case("large", "10000-themes-one-title-changed", setup=lambda root: _one_title_changed(root),
         commands=("diff-files", "diff-git", ("diff", "-f", "markdown", "--files", "base/p", "programs/p")),
         expect="t5000"),
]


def _one_title_changed(root: Path) -> None:
    """HEAD and base/p hold the big program; the working tree has one theme's title changed."""
    for base in ("programs/p", "base/p"):
        (root / base / "program.yaml").write_text(_full_themes(10_000), encoding="utf-8")
        (root / base / "outcomes" / "2025.yaml").write_text(_full_outcomes(10_000), encoding="utf-8")
    _git(root, "add", "programs")
    _git(root, "commit", "-qm", "big")
    changed = _full_themes(10_000).replace("title: Teema 5000\n", "title: Teema viisituhatta\n")
    (root / P).write_text(changed, encoding="utf-8")

# ---------------------------------------------------------------- numbers

def _num(value: str, where: str = "amount") -> dict[str, str]:
    if where == "amount":
        return prog(PROGRAM.replace("amount: 1000", f"amount: {value}"))
    if where == "baseline":
        return prog(PROGRAM.replace("{value: 5, year: 2024}", f"{{value: {value}, year: 2024}}"))
    if where == "target":
        return prog(PROGRAM.replace("{value: 10, year: 2027}", f"{{value: {value}, year: 2027}}"))
    if where == "outcome":
        return {O: OUTCOMES.replace("value: 7", f"value: {value}")}
    if where == "year":
        return prog(PROGRAM.replace("year: 2025", f"year: {value}", 1))
    return prog(PROGRAM.replace("period: {start: 2025, end: 2027}", f"period: {{start: 2025, end: {value}}}"))


NUMBERS = [Case("numbers", f"{where}-{label}", _num(value, where))
           for where in ("amount", "baseline", "target", "outcome", "year", "period")
           for label, value in (("1e400-int", "1" + "0" * 400), ("1e400-float", "1e400"), ("-1e400", "-1e400"),
                                ("inf", ".inf"), ("nan", ".nan"), ("hex", "0x" + "f" * 200),
                                ("1e308", "1.7e308"), ("tiny", "1e-400"))]
NUMBERS += [
    Case("numbers", "chart-span-overflow", prog(PROGRAM.replace("{value: 5, year: 2024}", "{value: -1.7e308, year: 2024}")
                                                .replace("{value: 10, year: 2027}", "{value: 1.7e308, year: 2027}"))),
    Case("numbers", "cost-sum-overflow", prog(PROGRAM.replace("              - amount: 1000\n",
                                                              "              - amount: 9e307\n" * 4))),
    Case("numbers", "year-huge", _num("9" * 30, "year")),
    Case("numbers", "negative-zero-and-tiny-target", prog(PROGRAM.replace("{value: 10, year: 2027}", "{value: -0.0, year: 2027}")
                                                          .replace("{value: 5, year: 2024}", "{value: 5e-324, year: 2024}"))),
    Case("numbers", "cost-in-many-types", prog(PROGRAM.replace("amount: 1000", "amount: 1_000_000_000_000_000_000_000"))),
    Case("numbers", "digits-5000", _num("9" * 5000, "outcome")),
]

# ---------------------------------------------------------------- encodings

def _enc(codec: str, bom: bytes = b"") -> dict[str, bytes]:
    return {P: bom + PROGRAM.replace("Teema", "Teemä").encode(codec)}


ENCODINGS = [
    Case("encodings", "utf-16-le-bom", _enc("utf-16-le", b"\xff\xfe"), expect="UTF-16"),
    Case("encodings", "utf-16-be-bom", _enc("utf-16-be", b"\xfe\xff"), expect="UTF-16"),
    Case("encodings", "utf-16-le", _enc("utf-16-le"), expect="UTF-16"),
    Case("encodings", "utf-16-be", _enc("utf-16-be"), expect="UTF-16"),
    Case("encodings", "utf-32-le-bom", _enc("utf-32-le", b"\xff\xfe\x00\x00"), expect="UTF-32"),
    Case("encodings", "utf-32-be-bom", _enc("utf-32-be", b"\x00\x00\xfe\xff"), expect="UTF-32"),
    Case("encodings", "utf-32-le", _enc("utf-32-le"), expect="UTF-32"),
    Case("encodings", "utf-32-be", _enc("utf-32-be"), expect="UTF-32"),
    Case("encodings", "latin-1", _enc("latin-1"), expect=":8:16:"),
    Case("encodings", "utf-8-bom", {P: b"\xef\xbb\xbf" + PROGRAM.encode()}),
    Case("encodings", "lone-surrogate-bytes", {P: PROGRAM.encode() + b"x: \xed\xa0\x80\n"}),
    Case("encodings", "invalid-utf8-in-outcome", {O: OUTCOMES.encode() + b"    comment: \xff\xfe\n"}),
    Case("encodings", "utf-16-outcome", {O: b"\xff\xfe" + OUTCOMES.encode("utf-16-le")}, expect="UTF-16"),
    Case("encodings", "bom-and-nul", {P: b"\xef\xbb\xbf" + PROGRAM.replace("Toimenpide", "Toimen\0pide").encode()}),
    # FF FE 00 00 opens both a UTF-16 text and a UTF-32 one; the longer BOM wins, as Python's decoders say.
    Case("encodings", "utf-16-bom-then-nul-garbage", {P: b"\xff\xfe" + b"\x00" * 64}, expect="UTF-32"),
    Case("encodings", "utf-8-bom-twice", {P: b"\xef\xbb\xbf\xef\xbb\xbf" + PROGRAM.encode()}),
    Case("encodings", "latin-1-outcome", {O: OUTCOMES.replace("status: achieved", "status: achieved\n    comment: Hyvä")
                                          .encode("latin-1")}),
    Case("encodings", "binary-garbage", {P: bytes(range(256)) * 40}),
]

# ---------------------------------------------------------------- forged output

ESC_KEYS = {
    "esc-clear-screen-key": '"\\e[2J\\e[Hx": 1\n',
    "osc8-hyperlink-key": '"\\e]8;;https://evil.example/\\e\\\\click\\e]8;;\\e\\\\": 1\n',
    "newline-in-key": '"x\\nprograms/p/program.yaml:1:1: SV000 error: forged": 1\n',
    "carriage-return-in-key": '"x\\rprograms/p/program.yaml:1:1: SV000 error: forged": 1\n',
    "c1-csi-key": '"\\u009b2Jx": 1\n',
    "bell-key": '"\\a\\a": 1\n',
    "bidi-override-key": '"\\u202eevil": 1\n',
    "line-separator-key": '"x\\u2028programs/p/program.yaml:1:1: SV000 error: forged": 1\n',
    "github-command-key": '"x\\n::error file=evil::forged": 1\n',
}
FORGED = [Case("forged", name, prog(PROGRAM + key)) for name, key in ESC_KEYS.items()]
FORGED += [
    Case("forged", "esc-in-id", prog(PROGRAM.replace("id: a1", 'id: "a1\\e[31m"'))),
    Case("forged", "esc-in-status", {O: OUTCOMES.replace("status: achieved", 'status: "\\e]0;pwned\\a"')}),
    Case("forged", "newline-in-ref", {O: OUTCOMES.replace("ref: a1", 'ref: "a1\\n::error ::forged"')}),
    Case("forged", "esc-in-title", prog(PROGRAM.replace("title: Teema", 'title: "Teema\\e[2J"'))),
    Case("forged", "esc-in-duplicate-key", prog(PROGRAM + '"\\e[2J": 1\n"\\e[2J": 2\n')),
    Case("forged", "esc-in-anchor-name-area", prog(PROGRAM + "x: *\x1b[2J\n")),
    Case("forged", "raw-esc-byte", prog(PROGRAM + "x\x1b[2J: 1\n")),
    Case("forged", "esc-in-program-id", prog(PROGRAM.replace("id: p", 'id: "p\\e[2J"', 1))),
    Case("forged", "esc-in-tag", prog(PROGRAM + "x: !<tag:\x1b[2J> 1\n")),
]


def _dirname_case(name: str, dirname: str) -> Case:
    def make(root: Path) -> None:
        (root / "programs" / dirname).mkdir(parents=True)
        (root / "programs" / dirname / "program.yaml").write_text("id: [broken\n", encoding="utf-8")
        (root / "programs" / dirname / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    return Case("forged", name, setup=make, commands=(("check", "programs"), ("check", "-f", "github", "programs"),
                                                       ("summary", "programs"), ("diff", "--files", "base", "programs")))


FORGED += [
    Case("forged", "esc-in-outcome-key", {O: OUTCOMES + '"\\e]8;;https://evil.example/\\e\\\\x": 1\n'}),
    Case("forged", "newline-in-outcome-ref", {O: OUTCOMES.replace("ref: a1", 'ref: "a1\\nprograms/p/program.yaml:1:1: SV000 error: forged"')}),
    Case("forged", "esc-in-title-shown-by-summary", prog(PROGRAM.replace("title: Teema", 'title: "\\e[2J\\e[31mTeema"'))),
]
FORGED += [
    _dirname_case("newline-in-directory-name", "q\nprograms/p/program.yaml:1:1: SV000 error: forged"),
    _dirname_case("esc-in-directory-name", "q\x1b[2J\x1b]8;;http://x\x07"),
]

# ---------------------------------------------------------------- positions

POSITIONS = [
    Case("positions", "column-after-umlauts", prog(PROGRAM.replace("title: Teema", "title: ääööåå: x")),
         expect=":8:18:"),
    Case("positions", "u0085-in-title", prog(PROGRAM.replace("title: Tavoite", "title: Ta\u0085voite") + "bad: 1\n"),
         expect=":12:16:"),  # YAML breaks the plain title at U+0085; the error is where an editor shows it
    Case("positions", "u2028-in-title", prog(PROGRAM.replace("title: Tavoite", "title: Ta\u2028vo\u2029ite") + "bad: 1\n"),
         expect=":11:22:"),  # not shifted: the separators are within line 11 as an editor shows it
    Case("positions", "nul-byte", prog(PROGRAM.replace("title: Toimenpide", "title: Toimen\0pide")), expect=":14:26:"),
    Case("positions", "duplicate-through-alias", prog(PROGRAM.replace("id: t1", "id: &t t1") +
                                                      "  - id: *t\n    title: Toinen\n"), expect=":24:"),
    Case("positions", "tab-indentation", prog(PROGRAM.replace("    title: Teema", "\ttitle: Teema"))),
    Case("positions", "crlf-line-ends", {P: PROGRAM.replace("\n", "\r\n").replace("title: Teema", "titel: Teema")},
         expect=":8:5:"),
    Case("positions", "cr-only-line-ends", {P: PROGRAM.replace("\n", "\r")}),
    Case("positions", "bom-then-fault", {P: b"\xef\xbb\xbf" + PROGRAM.replace("title: Teema", "titel: Teema").encode()},
         expect=":8:5:"),
    Case("positions", "combining-chars-before-fault", prog(PROGRAM.replace("title: Teema", "title: a\u0308a\u0308 : x")),
         expect=":8:17:"),  # columns count code points, as for the astral characters below
    Case("positions", "astral-chars-before-fault", prog(PROGRAM.replace("title: Teema", "title: 😀😀 : x")),
         expect=":8:15:"),
]

# ---------------------------------------------------------------- silent diff (duplicate ids)

DUP_ACTION = PROGRAM + "          - id: a1\n            title: Uusi\n            costs: [{amount: 50000, year: 2025}]\n"
DIFF_CMDS = ("diff-files", "diff-git", "check-text")
SILENT_DIFF = [
    Case("silent-diff", "copied-action-same-id", prog(DUP_ACTION), commands=DIFF_CMDS, expect="a1"),
    Case("silent-diff", "same-id-other-theme", prog(PROGRAM + "  - id: t2\n    title: T\n    goals:\n"
                                                    "      - id: a1\n        title: G\n"), commands=DIFF_CMDS),
    Case("silent-diff", "duplicate-in-old-version", prog(DUP_ACTION), commands=(("diff", "--files", "programs/p",
                                                                                 "base/p"),), expect="a1"),
    Case("silent-diff", "duplicate-committed", prog(DUP_ACTION), committed=True,
         commands=(("diff", "HEAD~1", "HEAD"), ("diff", "HEAD", "HEAD~1")), expect="a1"),
    Case("silent-diff", "duplicate-theme-through-alias", prog(PROGRAM.replace("  - id: t1\n", "  - &th\n    id: t1\n")
                                                              + "  - *th\n"), commands=DIFF_CMDS),
    Case("silent-diff", "duplicate-outcome-ref", {O: OUTCOMES + "  - ref: a1\n    status: not_achieved\n"},
         commands=DIFF_CMDS),
]

# ---------------------------------------------------------------- unclear messages and odd documents

UNCLOSED = PROGRAM.replace("title: Toimenpide", "title: 'Toimenpide") + "".join(f"# {i}\n" for i in range(30))
MESSAGES = [
    Case("messages", "redefined-anchor", prog(PROGRAM.replace("title: Teema", "title: &a Teema")
                                              .replace("title: Tavoite", "title: &a Tavoite")), expect="anchor"),
    Case("messages", "id-yes", prog(PROGRAM.replace("id: a1", "id: yes")), expect="true"),
    Case("messages", "unclosed-quote", prog(UNCLOSED), expect=":14:"),
    Case("messages", "unclosed-double-quote", prog(PROGRAM.replace("title: Toimenpide", 'title: "Toimenpide')),
         expect=":14:"),
    Case("messages", "only-document-marker", prog("---\n")),
    Case("messages", "empty-file", prog("")),
    Case("messages", "only-comments", prog("# nothing\n")),
    Case("messages", "empty-languages", prog(PROGRAM.replace("languages: [fi]", "languages: []"))),
    Case("messages", "bool-tag-on-text", prog(PROGRAM.replace("title: Teema", "title: !!bool maybe"))),
    Case("messages", "int-tag-on-text", prog(PROGRAM.replace("title: Teema", "title: !!int many"))),
    Case("messages", "bad-timestamp-tag", prog(PROGRAM.replace("title: Teema", "title: !!timestamp 2025-13-45"))),
    Case("messages", "float-tag-on-text", prog(PROGRAM.replace("amount: 1000", "amount: !!float lots"))),
    Case("messages", "python-tag", prog(PROGRAM + "x: !!python/object/apply:os.system ['echo PWNED']\n")),
    Case("messages", "unknown-tag", prog(PROGRAM + "x: !evil 1\n")),
    Case("messages", "binary-tag", prog(PROGRAM + "x: !!binary '@@@'\n")),
    Case("messages", "set-tag-key", prog(PROGRAM + "x: !!set {a, b}\n")),
    Case("messages", "two-documents", prog(PROGRAM + "---\nid: q\n")),
    Case("messages", "top-level-list", prog("- 1\n- 2\n")),
    Case("messages", "top-level-scalar", prog("just text\n")),
    Case("messages", "key-is-a-list", prog(PROGRAM + "? [a, b]\n: 1\n")),
    Case("messages", "key-is-a-mapping", prog(PROGRAM + "? {a: 1}\n: 1\n")),
    Case("messages", "null-key", prog(PROGRAM + "~: 1\n")),
    Case("messages", "date-that-is-none", prog(PROGRAM.replace("year: 2025", "year: 2025-02-30", 1))),
    Case("messages", "id-no", prog(PROGRAM.replace("id: a1", "id: no")), expect="false"),
    Case("messages", "id-null", prog(PROGRAM.replace("id: a1", "id: ~"))),
    Case("messages", "id-octal-number", prog(PROGRAM.replace("id: a1", "id: 0o17"))),
    Case("messages", "tab-after-colon", prog(PROGRAM.replace("title: Teema", "title:\tTeema"))),
    Case("messages", "directive-only", prog("%YAML 1.1\n---\n")),
    Case("messages", "bad-directive", prog("%YAML 9.9\n---\nid: p\n")),
]

# ---------------------------------------------------------------- templates (report --template-dir)

PAYLOADS = {
    "class-walk-popen": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals-os": "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
    "self-module": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
    "format-attr": "{{ '{0.__class__}'.format(1) }}",
    # Markup's own format (a Python method, which the sandbox's quick path for calls must not let through)
    "markup-format-attr": "{{ ('{0.__class__.__mro__}' | safe).format(1) }}",
    "format-map-attr": "{{ '{a.__class__.__mro__}'.format_map({'a': 1}) }}",
    "markup-format-map-attr": "{{ ('{a.__init__.__globals__}' | safe).format_map({'a': cycler}) }}",
    "request-builtins": "{{ namespace.__init__.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    "include-absolute": "{% include '/etc/passwd' %}",
    "include-dotdot": "{% include '../../../../../../etc/passwd' %}",
    "import-dotdot": "{% import '../secret.j2' as s %}{{ s }}",
    "syntax-error": "{% if %}",
    "undefined": "{{ nothing.here }}",
    "raise-in-filter": "{{ 1 | int('x') }}",
    "loop-bomb": "{% for i in range(100000000) %}{% endfor %}",
    "string-bomb": "{{ 'x' * 1000000000 }}",
    "deep-recursion-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
}


def _template(name: str, text: str) -> Setup:
    def make(root: Path) -> None:
        (root / "tpl").mkdir(exist_ok=True)
        (root / "secret.j2").write_text("SECRET-CONTENT", encoding="utf-8")
        for kind in ("annual.html.j2", "program.md.j2"):
            (root / "tpl" / kind).write_text(text, encoding="utf-8")
    return make


def _template_link(target: str) -> Setup:
    def make(root: Path) -> None:
        (root / "tpl").mkdir(exist_ok=True)
        (root / "secret.j2").write_text("SECRET-CONTENT", encoding="utf-8")
        for kind in ("annual.html.j2", "program.md.j2"):
            os.symlink(target.replace("{root}", str(root)), root / "tpl" / kind)
    return make


def _template_hard_link(root: Path) -> None:
    (root / "tpl").mkdir(exist_ok=True)
    (root / "secret.j2").write_text("SECRET-CONTENT", encoding="utf-8")
    for kind in ("annual.html.j2", "program.md.j2"):
        os.link(root / "secret.j2", root / "tpl" / kind)


def _template_dir_link(root: Path) -> None:
    """A folder inside the template folder that is a link to a folder outside it."""
    (root / "outside").mkdir()
    (root / "outside" / "x.j2").write_text("SECRET-CONTENT", encoding="utf-8")
    _template("include", "{% include 'sub/x.j2' %}")(root)
    os.symlink(root / "outside", root / "tpl" / "sub")


def _template_fifo(root: Path) -> None:
    (root / "tpl").mkdir(exist_ok=True)
    for kind in ("annual.html.j2", "program.md.j2"):
        os.mkfifo(root / "tpl" / kind)


def _no_pwned(root: Path) -> None:
    assert not (root / "PWNED").exists(), "a template ran a command"


TPL_CMDS = (("report", "--kind", "annual", "-f", "html", "--template-dir", "tpl", "programs/p"),
            ("report", "--kind", "program", "-f", "markdown", "--template-dir", "tpl", "programs/p"))
TEMPLATES = [Case("templates", name, setup=_template(name, text), commands=TPL_CMDS, verify=_no_pwned,
                  in_process=name not in ("loop-bomb", "string-bomb"))
             for name, text in PAYLOADS.items()]
TEMPLATES += [
    Case("templates", "symlink-to-etc-passwd", setup=_template_link("/etc/passwd"), commands=TPL_CMDS),
    Case("templates", "symlink-out-of-folder", setup=_template_link("{root}/secret.j2"), commands=TPL_CMDS),
    Case("templates", "symlink-to-dev-zero", setup=_template_link("/dev/zero"), commands=TPL_CMDS, in_process=False),
    Case("templates", "hard-link-out-of-folder", setup=_template_hard_link, commands=TPL_CMDS),
    Case("templates", "include-symlinked-dir", setup=_template_dir_link, commands=TPL_CMDS),
    Case("templates", "template-is-fifo", setup=_template_fifo, commands=TPL_CMDS, in_process=False),
    Case("templates", "template-dir-is-a-file", setup=lambda r: (r / "tpl").write_text("x", encoding="utf-8"),
         commands=TPL_CMDS),
    Case("templates", "template-dir-missing", commands=TPL_CMDS),
]

# ---------------------------------------------------------------- writing (report -o)

def _victim(root: Path) -> Path:
    return root.parent / f"{root.name}-victim.txt"


def _out_link(root: Path) -> None:
    _victim(root).write_text("PRECIOUS", encoding="utf-8")
    (root / "out").mkdir()
    os.symlink(_victim(root), root / "out" / "x.html")


def _victim_intact(root: Path) -> None:
    assert _victim(root).read_text(encoding="utf-8") == "PRECIOUS", "wrote through a symlink"
    assert not list((root / "out").glob("*.tmp")), "left a temporary file"


def _readonly(root: Path) -> None:
    (root / "out").mkdir()
    (root / "out" / "x.html").write_text("PRECIOUS", encoding="utf-8")
    (root / "out" / "x.html").chmod(0o444)


def _readonly_intact(root: Path) -> None:
    assert (root / "out" / "x.html").read_text(encoding="utf-8") == "PRECIOUS", "replaced a read-only file"


def _unwritable(root: Path) -> None:
    (root / "out").mkdir()
    (root / "out").chmod(0o555)


def _stale_tmp(root: Path) -> None:
    (root / "out").mkdir()
    (root / "out" / ".x.html.sivistys-123456.tmp").write_text("stale", encoding="utf-8")
    old = 1_000_000_000
    os.utime(root / "out" / ".x.html.sivistys-123456.tmp", (old, old))


def _stale_removed(root: Path) -> None:
    assert not list((root / "out").glob("*.tmp")), "a stale temporary file was left"
    assert (root / "out" / "x.html").exists()


def _out(path: str) -> tuple[tuple[str, ...], ...]:
    return (("report", "--kind", "annual", "-o", path, "programs/p"),)


WRITING = [
    Case("writing", "output-symlink-out-of-folder", setup=_out_link, commands=_out("out/x.html"), verify=_victim_intact),
    Case("writing", "output-symlink-in-folder", setup=lambda r: (_out_link(r), (r / "out" / "x.html").unlink(),
                                                                (r / "out" / "real.html").write_text("old"),
                                                                os.symlink("real.html", r / "out" / "x.html")),
         commands=_out("out/x.html")),
    Case("writing", "output-dangling-symlink-out", setup=lambda r: ((r / "out").mkdir(),
                                                                   os.symlink("/tmp/sivistys-nowhere/x", r / "out" / "x.html")),
         commands=_out("out/x.html")),
    Case("writing", "read-only-target", setup=_readonly, commands=_out("out/x.html"), verify=_readonly_intact),
    Case("writing", "unwritable-folder", setup=_unwritable, commands=_out("out/x.html")),
    Case("writing", "name-too-long", commands=_out("x" * 300 + ".html")),
    Case("writing", "path-too-long", commands=_out("/".join(["d" * 200] * 30) + "/x.html")),
    Case("writing", "missing-folder", commands=_out("nowhere/x.html")),
    Case("writing", "output-is-directory", setup=lambda r: (r / "out").mkdir(), commands=_out("out")),
    Case("writing", "output-is-program-file", commands=_out(P)),
    Case("writing", "stale-temp-file", setup=_stale_tmp, commands=_out("out/x.html"), verify=_stale_removed),
    Case("writing", "output-dash", commands=_out("-")),
    Case("writing", "output-is-directory-with-slash", setup=lambda r: (r / "out").mkdir(), commands=_out("out/")),
    Case("writing", "output-is-fifo", setup=_fifo("out.html"), commands=_out("out.html"), in_process=False),
    Case("writing", "output-is-dev-null", commands=_out("/dev/null")),
    Case("writing", "output-is-outcome-file", commands=_out(O)),
    Case("writing", "output-newline-in-name", commands=_out("x\nSV000.html"), verify=lambda r: None),
    Case("writing", "output-nul-in-name", commands=_out("x\0y.html")),
]

# ---------------------------------------------------------------- revisions and arguments

ARGS = [
    Case("arguments", "revision-name-too-long", commands=(("diff", "r" * 5000),)),
    Case("arguments", "revision-with-newline", commands=(("diff", "HEAD\nSV000"),)),
    Case("arguments", "revision-option-like", commands=(("diff", "--output=/tmp/x"),)),
    Case("arguments", "two-revisions-with-newline", commands=(("diff", "HEAD", "HEAD\nprograms/p/program.yaml:1:1: SV000"),)),
    Case("arguments", "revision-range-dots", commands=(("diff", "HEAD...", "..HEAD"),)),
    Case("arguments", "revision-is-a-path", commands=(("diff", "programs/p/program.yaml"),)),
    Case("arguments", "unknown-lang", commands=(("check", "--lang", "\x1b[2Jxx", "programs/p"),)),
    Case("arguments", "path-too-long", commands=(("check", "x" * 5000),)),
    Case("arguments", "path-with-escape", commands=(("check", "no\x1b[2Jwhere"),)),
    Case("arguments", "diff-files-path-with-newline", commands=(("diff", "--files", "a\nb", "base/p"),)),
]

# ---------------------------------------------------------------- many programs, worker processes

def _siblings(n: int, extra: Callable[[Path], object] | None = None) -> Setup:
    """`n` siblings next to p (not committed: `diff` sees them as new programs), then `extra`."""
    def make(root: Path) -> None:
        add_siblings(root, n)
        if extra is not None:
            extra(root)
    return make


def _program_in(folder: str, body: str = PROGRAM) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / "programs" / folder / "outcomes").mkdir(parents=True)
        (root / "programs" / folder / "program.yaml").write_text(body, encoding="utf-8")
        (root / "programs" / folder / "outcomes" / "2025.yaml").write_text(OUTCOMES, encoding="utf-8")
    return make


def _each(*makers: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        for m in makers:
            m(root)
    return make


def _no_models_left(root: Path) -> None:
    assert not list((root / "models-tmp").iterdir()), "report --all left its temporary folder of models behind"


def _read_only_dir(root: Path) -> None:
    (root / "ro-tmp").mkdir()
    (root / "ro-tmp").chmod(0o555)


def _all(*extra: str) -> tuple[tuple[str, ...], ...]:
    """Every streamed command with `extra` options (as AMONG, over programs/)."""
    return tuple(tuple(a for a in args if a not in ("--jobs", "2")) + extra
                 for label, args in AMONG.items() if label not in ("check-json", "check-one", "report-md"))


def _jobs(value: str) -> tuple[tuple[str, ...], ...]:
    return (("check", "--jobs", value, "programs"), ("summary", "--jobs", value, "programs"),
            ("report", "--all", "--jobs", value, "-o", "out-md", "-f", "markdown", "programs"),
            ("diff", "--jobs", value), ("diff", "--jobs", value, "--files", "base", "programs"))


# No "/" in a directory name: a forged GitHub annotation (see problems) and terminal sequences.
FORGED_NAME = "q\n::error file=evil::forged\x1b[2J\x1b]8;;http://x\x07"
TINY = 3000  # programs in the `many-tiny-programs` case
WORKERS = [
    Case("workers", "jobs-0", setup=_siblings(SIBLINGS), commands=_jobs("0")),
    Case("workers", "jobs-minus-1", setup=_siblings(SIBLINGS), commands=_jobs("-1")),
    Case("workers", "jobs-not-a-number", setup=_siblings(SIBLINGS), commands=_jobs("two")),
    Case("workers", "jobs-10000", setup=_siblings(SIBLINGS), commands=_jobs("10000")),
    Case("workers", "jobs-1-among-many", setup=_siblings(SIBLINGS), commands=_jobs("1")),
    # Two folders, one program id: the duplicate is found across workers, as in one process.
    Case("workers", "same-id-in-two-folders", setup=_siblings(SIBLINGS, _program_in("q")), commands=_all("--jobs", "2")),
    Case("workers", "same-id-in-two-folders-one-broken",
         setup=_siblings(SIBLINGS, _program_in("q", PROGRAM + "title: twice\n")), commands=_all("--jobs", "2")),
    # A directory name that would forge a line or reach the terminal, shown by report --all's lines.
    Case("workers", "control-characters-in-directory-names",
         setup=_siblings(SIBLINGS, _each(_program_in(FORGED_NAME, PROGRAM.replace("id: p", "id: q", 1)),
                                         _program_in("r\x1b[31m", "id: [broken\n"))),
         commands=_all("--jobs", "2")),
    Case("workers", "control-characters-in-program-id",
         setup=_siblings(SIBLINGS, _program_in("q", PROGRAM.replace("id: p", 'id: "q\\e[2J\\nSV000"', 1))),
         commands=_all("--jobs", "2")),
    # The folder of models that report --all puts aside (report/batch.py) cannot be made where TMPDIR says.
    Case("workers", "tmpdir-missing", setup=_siblings(SIBLINGS), env=(("TMPDIR", "/nonexistent/sivistys"),),
         commands=_all("--jobs", "2"), in_process=False),
    Case("workers", "tmpdir-read-only", setup=_siblings(SIBLINGS, _read_only_dir), env=(("TMPDIR", "ro-tmp"),),
         commands=_all("--jobs", "2"), in_process=False),
    # A worker killed (kill -9, or by the kernel when memory runs out) while it reads a program.
    Case("workers", "worker-killed", setup=_siblings(400, lambda r: (r / "models-tmp").mkdir()), kill_worker=True,
         in_process=False, expect="--jobs 1", env=(("TMPDIR", "models-tmp"),), verify=_no_models_left,
         commands=(("check", "--jobs", "2", "programs"), ("summary", "--jobs", "2", "programs"),
                   ("report", "--all", "--jobs", "2", "-o", "out-md", "-f", "markdown", "programs"))),
    # Many small programs: the whole corpus streams through the workers in a bounded time and memory.
    Case("workers", "many-tiny-programs", setup=_siblings(TINY), commands=(
        ("check", "programs"), ("check", "--jobs", "1", "programs"), ("check", "-f", "json", "programs/p"),
        ("summary", "programs"), ("report", "--all", "-o", "out-md", "-f", "markdown", "programs"),
        ("report", "--kind", "program", "-f", "markdown", "programs/p"), ("diff", "--files", "base", "programs"))),
]

CASES: list[Case] = (SPECIAL + RECURSION + ALIASES + HUGE + LARGE + NUMBERS + ENCODINGS + FORGED + POSITIONS
                     + SILENT_DIFF + MESSAGES + TEMPLATES + WRITING + ARGS + WORKERS)


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def build(case: Case, root: Path, siblings: int = 0) -> Path:
    """Make the case's folder under `root`: a git repository, the valid program committed, then the hostile files.

    With `siblings`, that many small valid programs stand next to `programs/p` (and `base/p`), committed
    too, and the empty folders `out-md` and `out-html` wait for `report --all` (see AMONG)."""
    root.mkdir(parents=True, exist_ok=True)
    for base in ("programs/p", "base/p"):
        (root / base / "outcomes").mkdir(parents=True)
        (root / base / "program.yaml").write_text(PROGRAM, encoding="utf-8")
        (root / base / "outcomes" / "2025.yaml").write_text(OUTCOMES, encoding="utf-8")
    add_siblings(root, siblings)
    _git(root, "init", "-q")
    _git(root, "add", "programs")
    _git(root, "commit", "-qm", "valid")
    for name, content in case.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        content = content() if callable(content) else content
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (root / name).write_bytes(data)
    if case.setup is not None:
        case.setup(root)
    if case.committed:
        _git(root, "add", "programs")
        _git(root, "commit", "-qm", "hostile")
    return root


def argv(case: Case, among: bool = False) -> list[tuple[str, list[str]]]:
    """(label, arguments) for each command of the case; `among`: the commands as they run among siblings
    (a named command becomes its AMONG version, and an argument list runs as it is, next to the siblings)."""
    if not among:
        return [(c, COMMANDS[c]) if isinstance(c, str) else (_label(c), list(c)) for c in case.commands]
    if case.commands in (ALL, MANY_FINDINGS):
        return list(AMONG.items())
    named = [AMONG_OF[c] for c in case.commands if isinstance(c, str)]
    return ([(label, AMONG[label]) for label in dict.fromkeys(named)]
            + [(_label(c), list(c)) for c in case.commands if not isinstance(c, str)])


def _label(args: tuple[str, ...]) -> str:
    return "diff-git" if args[0] == "diff" and "--files" not in args else " ".join(args)[:40]


def kill_a_worker(pid: int, wait: float = 20.0) -> bool:
    """kill -9 one worker process of the command running as `pid`, once one is running; False if none came.

    A worker is a child forked from the command (the same command line), unlike git or a resource tracker."""
    import signal
    import time

    own = Path(f"/proc/{pid}/cmdline")
    end = time.monotonic() + wait
    while time.monotonic() < end:
        try:
            line = own.read_bytes()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return False  # the command has ended
        for child in children:
            try:
                if Path(f"/proc/{child}/cmdline").read_bytes() == line:
                    os.kill(int(child), signal.SIGKILL)
                    return True
            except OSError:
                continue
        time.sleep(0.005)
    return False


def run_child(case: Case, args: list[str], folder: Path, timeout: float = 120) -> tuple[int, str]:
    """Run the command in a child process (with the case's environment, killing a worker if it asks):
    its exit code and its output, stdout and stderr together."""
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "sivistys_cli", *args], cwd=folder, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1", **dict(case.env)})
    killed = kill_a_worker(proc.pid) if case.kill_worker else None
    try:
        out, _ = proc.communicate(timeout=timeout)
    finally:
        proc.kill()
    assert killed is not False, "no worker process came to be killed"
    return proc.returncode, out.decode("utf-8", "replace")


FORBIDDEN = ("Traceback", "internal error", "SECRET-CONTENT", "PRECIOUS", "root:x:0", "PWNED", "\x1b", "\x07", "\x9b")
FORGED_LINE = "SV000"


# Where a message with its position must appear; summary and JSON say the same in their own way.
EXPECT_IN = {"check-text", "check-one", "report-md", "report-html", "report-all-md", "report-all-html",
             "diff-files", "diff-git"}


def problems(case: Case, label: str, code: int, out: str) -> list[str]:
    """What is wrong with one command's result: a crash, a leak, a forged line; empty when all is well."""
    found = []
    if code not in (0, 1, 2):
        found.append(f"exit code {code}")
    found += [f"output contains {bad!r}" for bad in FORBIDDEN if bad in out]
    if any(line.lstrip().startswith("programs/p/program.yaml:1:1: SV000") or line.startswith("::error file=evil")
           for line in out.splitlines()):
        found.append("a forged diagnostic line")
    # The program document does not read outcome files (it is made despite broken ones): a case that
    # only breaks an outcome file has nothing to say there.
    outcomes_only = bool(case.files) and all("/outcomes/" in name for name in case.files)
    if case.expect and label in EXPECT_IN and not (outcomes_only and label in ("report-md", "report-all-md")) and case.expect not in out:
        found.append(f"expected {case.expect!r} in the output")
    return found


def case_folder(case: Case, folders: dict[str, Path], make: Callable[[str], Path], siblings: int = 0) -> Path:
    """The case built once per test session (again for a case whose files are verified after its run).

    `make(name)` gives a new empty folder (pytest's tmp_path_factory.mktemp)."""
    if case.id not in folders or case.verify is not None:
        folders[case.id] = build(case, make(case.cls) / "case", siblings)
    return folders[case.id]


def run_in_process(args: list[str], folder: Path, monkeypatch: Any) -> tuple[int, str]:
    """(exit code, output) of the command run through typer's runner in `folder`; an unexpected exception is raised."""
    from typer.testing import CliRunner

    from sivistys_cli.cli import app

    monkeypatch.chdir(folder)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output
