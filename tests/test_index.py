"""Walking a program: ancestors, the top of the tree, and references resolved with one index per program."""

from __future__ import annotations

from pathlib import Path

import pytest

from sivistys_cli.display.i18n import Translator
from sivistys_cli.load.discover import load
from sivistys_cli.model import index as index_module
from sivistys_cli.model.index import ProgramIndex, Resolver
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render
from sivistys_cli.summary.build import summarize

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "report" / "programs"


def test_ancestors_and_top(bundled) -> None:
    index = ProgramIndex(bundled["toiminnalliset-tavoitteet-2024"].program)
    measure = index.by_id["kirjaston-asiakkuudet-kasvanut"]
    assert [a.kind for a in measure.ancestors()] == ["action", "goal", "theme"]
    assert measure.top is measure.parent.parent.parent and measure.top.top is measure.top
    assert measure.ancestor("goal") is measure.parent.parent and measure.ancestor("measure") is None


def test_resolver_finds_local_and_linked_items(bundled) -> None:
    programs = {pid: b.program for pid, b in bundled.items()}
    resolver = Resolver(programs)
    lanupe = resolver.index("lohja-lanupe-kehittamisohjelma")
    ref = next(r for i in lanupe.items for r in getattr(i.node, "implements", ()))
    assert resolver.item(ref, lanupe) is resolver.index(ref.split(":")[0]).by_id[ref.split(":")[1]]
    assert resolver.item(lanupe.items[0].id, lanupe) is lanupe.items[0]
    assert resolver.item("no-such-program:x", lanupe) is None and resolver.item("no-such-item", lanupe) is None
    assert resolver.index("lohja-kaupunkistrategia") is resolver.index("lohja-kaupunkistrategia")


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of each program a ProgramIndex is built for, in order."""
    ids: list[str] = []
    original = ProgramIndex.__init__

    def counting(self: ProgramIndex, program) -> None:  # type: ignore[no-untyped-def]
        ids.append(program.id)
        original(self, program)

    monkeypatch.setattr(index_module.ProgramIndex, "__init__", counting)
    return ids


@pytest.mark.parametrize(("program", "kind"), [("lohja-lanupe-kehittamisohjelma", "program"),
                                             ("toiminnalliset-tavoitteet-2024", "annual")])
def test_a_report_indexes_each_program_at_most_once(built: list[str], monkeypatch: pytest.MonkeyPatch,
                                                    program: str, kind: str) -> None:
    corpus = load([ROOT / "programs" / program], cwd=ROOT)
    monkeypatch.setattr("sivistys_cli.report.gate.program_errors", lambda corpus, pd: [])  # the checks index on their own
    render(corpus, ReportOptions(kind, "html", "fi", 2024 if kind == "annual" else None))
    assert program in built
    assert sorted(built) == sorted(set(built))


def test_a_summary_indexes_its_program_once(built: list[str]) -> None:
    pd = load([FIXTURE / "sibbo-hyvinvointi"], cwd=ROOT).programs[0]
    built.clear()
    summarize(pd, 2024, Translator("fi"))
    assert built == ["sibbo-hyvinvointi"]


@pytest.mark.parametrize(("program", "kind"), [("lohja-lanupe-kehittamisohjelma", "program"),
                                             ("toiminnalliset-tavoitteet-2024", "annual")])
def test_a_report_and_its_checks_share_the_programs_index(built: list[str], program: str, kind: str) -> None:
    """The checks a report runs first (report/gate.py) index the program; the report uses that index."""
    corpus = load([ROOT / "programs" / program], cwd=ROOT)
    render(corpus, ReportOptions(kind, "html", "fi", 2024 if kind == "annual" else None))
    assert built.count(program) == 1
