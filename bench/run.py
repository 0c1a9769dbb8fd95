"""The speed and memory figures of issue 12, as ratios measured side by side in one run.

Run: python bench/run.py [--runs 3] [--programs 309] [--tiny] [--keep DIR]

Every figure times whole processes (start-up included), takes the median of --runs runs, and
divides by a reference measured in the same run on the same files, so that the ratios hold on a
busy or a different machine where seconds would not. Peak memory is the process's maximum resident
set size (from wait4). `--tiny` uses a few programs and one run, to prove the harness works (CI).
Optional references (yamllint, check-jsonschema) are used when installed and reported missing
otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402 - the generator beside this file

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAIN_LOAD = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


@dataclass
class Run:
    seconds: float
    peak_mib: float
    code: int


def run(cmd: list[str], cwd: Path, ok: tuple[int, ...] = (0, 1)) -> Run:
    """One process: wall time, peak RSS and exit code; output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(cmd[:4])} … exited {code}: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
    return Run(seconds, usage.ru_maxrss / 1024, code)


def median(cmd: list[str], cwd: Path, runs: int, ok: tuple[int, ...] = (0, 1)) -> Run:
    results = [run(cmd, cwd, ok) for _ in range(runs)]
    return Run(statistics.median(r.seconds for r in results), max(r.peak_mib for r in results), results[-1].code)


def sivistys(*args: str) -> list[str]:
    script = BIN / "sivistys"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "sivistys_cli", *args]


def yaml_files(root: Path) -> list[str]:
    return sorted(str(p) for p in (root / "programs").rglob("*.yaml"))


class Table:
    """The rows of the result; each is printed (and flushed) as soon as it is measured, so a run of
    half an hour shows its progress, and what was measured survives an interrupted run."""

    HEAD = "| figure | ratio or value | measured | target |\n|---|---:|---|---|"

    def __init__(self, echo: bool = False) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.echo = echo
        if echo:
            print(self.HEAD, flush=True)

    def _add(self, row: tuple[str, str, str, str]) -> None:
        self.rows.append(row)
        if self.echo:
            print("| " + " | ".join(row) + " |", flush=True)

    def ratio(self, figure: str, ours: Run, reference: Run, target: str) -> None:
        self._add((figure, f"{ours.seconds / reference.seconds:.2f}",
                   f"{ours.seconds:.2f} s / {reference.seconds:.2f} s", target))

    def memory(self, figure: str, ours: Run, reference: Run, target: str) -> None:
        self._add((figure, f"{ours.peak_mib:.0f} MiB", f"reference {reference.peak_mib:.0f} MiB", target))

    def missing(self, figure: str, why: str, target: str) -> None:
        self._add((figure, "–", why, target))

    def markdown(self) -> str:
        out = [self.HEAD]
        out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(out)


def measure(work: Path, args: argparse.Namespace, table: Table) -> None:
    runs, files = args.runs, yaml_files(work)
    plain = median([sys.executable, "-c", PLAIN_LOAD, *files], work, runs)
    check = median(sivistys("check", "--format", "json", "programs"), work, runs)
    table.ratio("`check` of the corpus / plain CSafeLoader load", check, plain, "≤ 0.75")
    table.memory("peak memory of `check` on the corpus", check, plain, "≤ 200 MiB")
    one_job = median(sivistys("check", "--format", "json", "--jobs", "1", "programs"), work, runs)
    table.ratio("`check --jobs 1` of the corpus / plain CSafeLoader load", one_job, plain, "–")
    table.memory("peak memory of `check --jobs 1` on the corpus", one_job, plain, "≤ 200 MiB")
    _growth(work, args, table, (check, plain))
    _jsonschema(work, runs, check, table)
    _one_file(work, runs, table)
    _commands(work, args, check, table)


def _growth(work: Path, args: argparse.Namespace, table: Table, whole: tuple[Run, Run]) -> None:
    """The ratio to the plain load at growing corpus sizes: it should stay flat."""
    for size in [s for s in (1, 10, 50, 100, 309) if s <= args.programs]:
        if size == args.programs:  # the whole corpus was measured already
            table.ratio(f"ratio to the plain load at {size} program(s)", *whole, "flat from 10 to 309")
            continue
        sub = work / f"sub-{size}"
        (sub / "programs").mkdir(parents=True, exist_ok=True)
        for n in range(size):
            name = corpus.program_id(corpus.REGIONS + n if n + corpus.REGIONS < args.programs else n)
            link = sub / "programs" / name
            if not link.exists():
                link.symlink_to(work / "programs" / name)
        files = yaml_files(sub)
        plain = median([sys.executable, "-c", PLAIN_LOAD, *files], sub, args.runs)
        ours = median(sivistys("check", "--format", "json", "programs"), sub, args.runs)
        table.ratio(f"ratio to the plain load at {size} program(s)", ours, plain, "flat from 10 to 309")


def _jsonschema(work: Path, runs: int, check: Run, table: Table) -> None:
    """check-jsonschema with the schemas `sivistys schema` exports: programs and outcome files, one process each."""
    tool = shutil.which("check-jsonschema") or (str(BIN / "check-jsonschema") if (BIN / "check-jsonschema").exists() else None)
    if tool is None:
        table.missing("`check` of the corpus / check-jsonschema with our schema", "check-jsonschema not installed", "–")
        return
    schemas = work / "schemas"
    schemas.mkdir(exist_ok=True)
    for kind in ("program", "outcomes"):
        with open(schemas / f"{kind}.json", "wb") as out:
            subprocess.run(sivistys("schema", kind), stdout=out, check=True)
    files = yaml_files(work)
    programs = [f for f in files if f.endswith("/program.yaml")]
    outcomes = [f for f in files if "/outcomes/" in f]
    runs_of = [median([tool, "--schemafile", str(schemas / f"{kind}.json"), *names], work, runs)
               for kind, names in (("program", programs), ("outcomes", outcomes)) if names]
    both = Run(sum(r.seconds for r in runs_of), max(r.peak_mib for r in runs_of), 0)
    table.ratio("`check` of the corpus / check-jsonschema with our schema", check, both, "– (< 1: faster)")


def _one_file(work: Path, runs: int, table: Table) -> None:
    one = ROOT / "programs" / "somero-sivistysohjelma" / "program.yaml"
    yamllint = shutil.which("yamllint") or (str(BIN / "yamllint") if (BIN / "yamllint").exists() else None)
    version = median(sivistys("--version"), work, runs)
    if yamllint is None:
        table.missing("`check` of one bundled program / yamllint", "yamllint not installed", "≤ 0.75")
        table.missing("`sivistys --version` / `yamllint --version`", "yamllint not installed", "≤ 0.8")
        return
    ours = median(sivistys("check", "--format", "json", str(one)), work, runs)
    table.ratio("`check` of one bundled program / yamllint of the same file", ours,
                median([yamllint, "-d", "relaxed", str(one)], work, runs), "≤ 0.75")
    table.ratio("`sivistys --version` / `yamllint --version`", version, median([yamllint, "--version"], work, runs), "≤ 0.8")


def _commands(work: Path, args: argparse.Namespace, check: Run, table: Table) -> None:
    runs = args.runs
    names = sorted(p.name for p in (work / "programs").iterdir() if any((p / "outcomes").glob("*.yaml")))[:3]
    reports = [median(sivistys("report", f"programs/{n}", "--kind", "annual", "--format", "html"), work, runs)
               for n in names]
    total = Run(sum(r.seconds for r in reports), max(r.peak_mib for r in reports), 0)
    table.ratio(f"`report --kind annual` of {len(names)} corpus programs / `check` of all", total, check, "see below")
    summary = median(sivistys("summary", "programs"), work, runs)
    table.ratio("`summary` of the corpus / `check` of it", summary, check, "–")
    for kind in ("annual", "program"):
        out = work / f"reports-{kind}"
        out.mkdir(exist_ok=True)
        every = median(sivistys("report", "programs", "--all", "--kind", kind, "--format", "html", "-o", str(out)),
                       work, runs)
        table.ratio(f"`report --all --kind {kind}` of the corpus / `check` of it", every, check, "≤ 1.5")
    _diff(work, args, table)


def _diff(work: Path, args: argparse.Namespace, table: Table) -> None:
    repo = work / "repo"
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.fi", "-c", "commit.gpgsign=false"]
    corpus.write(repo, args.programs)
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=repo, check=True)
    old = median(sivistys("check", "--format", "json", "programs"), repo, args.runs)
    corpus.write(repo, args.programs, revised=True)
    subprocess.run([*git, "commit", "-qam", "v2"], cwd=repo, check=True)
    new = median(sivistys("check", "--format", "json", "programs"), repo, args.runs)
    diff = median(sivistys("diff", "HEAD~1", "HEAD", "--format", "json"), repo, args.runs)
    both = Run(old.seconds + new.seconds, max(old.peak_mib, new.peak_mib), 0)
    table.ratio("`diff` of two corpus revisions / `check` of both", diff, both, "≤ 0.6")


def main(argv: list[str] | None = None, echo: bool = False) -> str:
    """Measure and return the table; with `echo`, print the heading and each row as they come."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--programs", type=int, default=309)
    ap.add_argument("--tiny", action="store_true", help="a few programs, one run: proves the harness works")
    ap.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    args = ap.parse_args(argv)
    if args.tiny:
        args.runs, args.programs = 1, corpus.REGIONS + 3
    work = args.keep or Path(tempfile.mkdtemp(prefix="sivistys-bench-"))
    try:
        size = corpus.write(work, args.programs)
        head = (f"{args.programs} programs, {size / 1e6:.1f} MB of YAML, median of {args.runs} run(s), "
                f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
        if echo:
            print(head + "\n", flush=True)
        table = Table(echo)
        measure(work, args, table)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return head + "\n\n" + table.markdown() + "\n"


if __name__ == "__main__":
    main(echo=True)
