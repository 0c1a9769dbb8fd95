"""`sivistys diff` on real git repositories: matching by id, every kind of change, every format, every error.

Golden outputs are in tests/golden/diff/; regenerate them with
`SIVISTYS_UPDATE_GOLDENS=1 pytest tests/test_diff.py` and review their diff like code.
"""

from __future__ import annotations

import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from sivistys_cli import git
from sivistys_cli.cli import app
from sivistys_cli.diff.compare import Change, compare
from sivistys_cli.diff.formats.markdown import LIMIT
from sivistys_cli.diff.formats.markdown import render as markdown
from sivistys_cli.diff.snapshots import load_snapshot
from sivistys_cli.errors import UsageError

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"
GOLDEN = Path(__file__).resolve().parent / "golden" / "diff"
UPDATE = os.environ.get("SIVISTYS_UPDATE_GOLDENS") == "1"
SOMERO = Path("programs/somero-sivistysohjelma/program.yaml")
TAVOITTEET = Path("programs/toiminnalliset-tavoitteet-2024/program.yaml")
OUTCOMES = Path("programs/toiminnalliset-tavoitteet-2024/outcomes/2024.yaml")


# --- a real repository in a temporary directory ------------------------------------


def run_git(*args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Testi", "-c", "user.email=testi@example.fi", *args],
                          check=True, capture_output=True, text=True)
    return done.stdout


def commit(message: str, tag: str | None = None) -> None:
    run_git("add", "-A")
    run_git("commit", "-q", "-m", message)
    if tag:
        run_git("tag", tag)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled programs committed on `main` (tag v0), as the current directory; no user git config."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    shutil.copytree(PROGRAMS, root / "programs")
    monkeypatch.chdir(root)
    run_git("init", "-q", "-b", "main")
    commit("Bundled programs", tag="v0")
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def invoke(*args: str):
    return CliRunner().invoke(app, ["diff", *args])


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# --- a realistic revision of Somero: approved 1.0, then a mid-term 1.1 ------------------


def approve_somero() -> None:
    """Version 1.0 as approved by the council, with a measured percentage target."""
    edit(SOMERO, "status: draft\n", 'status: approved\nversion: "1.0"\n'
         'decision: {body: Kaupunginvaltuusto, date: 2025-06-16, section: "§ 45"}\n')
    edit(SOMERO, "        kind: percentage\n", "        kind: percentage\n        unit: '%'\n"
         "        baseline: {year: 2024, value: 8}\n"
         "        targets: [{year: 2027, value: 10}, {year: 2030, value: 20}]\n")
    edit(SOMERO, "        title: Henkilöstön digiosaamisen lisääminen.\n",
         "        title: Henkilöstön digiosaamisen lisääminen.\n        schedule: {start: 2025, end: 2027}\n")


PALAUTEKANAVAT = ("      - id: palautekanavat\n"
                  "        title: Palautekanavien kehittäminen ja asiakkaiden kuulemisen käytännöt.\n")


def revise_somero() -> None:
    """Version 1.1: each kind of change the board memo must name, plus noise that must not show."""
    edit(SOMERO, 'version: "1.0"\n', 'version: "1.1"\n')
    edit(SOMERO, 'section: "§ 45"}\n', 'section: "§ 45"}\namendments:\n  - version: "1.1"\n    date: 2027-03-15\n'
         "    description: Väliarviointi; käyttöasteen tavoitetta nostettiin ja brändikampanja korvattiin\n"
         "      lapsiperheiden markkinoinnilla.\n"
         '    decision: {body: Sivistyslautakunta, date: 2027-03-15, section: "§ 21"}\n')
    edit(SOMERO, "{year: 2027, value: 10}", "{year: 2027, value: 15}")
    count = "        title: asiointien määrät\n        purpose: Palveluiden sujuvuuden kehittäminen\n        kind: count\n"
    edit(SOMERO, count, count + "        baseline: {year: 2026, value: 5400}\n"
         "        targets: [{year: 2030, value: 6000}]\n        data_source: {name: Asiointijärjestelmä}\n")
    edit(SOMERO, PALAUTEKANAVAT, "")  # moved to the theme yhteistyo, with a responsible person
    edit(SOMERO, "        title: Kuntalaisfoorumit ja osallistavat työpajat.\n",
         "        title: Kuntalaisfoorumit ja osallistavat työpajat.\n" + PALAUTEKANAVAT
         + "        responsible: Sivistysjohtaja\n")
    edit(SOMERO, "      - id: sujuva-somero-brandi\n        title: >-\n"
         "          Sujuva Somero -brändin rakentaminen ja markkinointikampanja, joka esittelee\n          sujuvat palvelut.\n", "")
    edit(SOMERO, "        title: Kohdennettu markkinointi erityisesti lapsiperheille.\n",
         "        title: Kohdennettu markkinointi erityisesti lapsiperheille.\n        actions:\n"
         "          - id: lapsiperheiden-markkinointi\n"
         "            title: Lapsiperheille suunnattu markkinointikampanja naapurikuntiin.\n"
         "            responsible: Viestintäpäällikkö\n            schedule: {start: 2027, end: 2028}\n"
         "            costs: [{year: 2027, amount: 15000}, {year: 2028, amount: 10000}]\n")
    edit(SOMERO, "      - id: muuttaneet-lapsiperheet\n",
         "      - id: kuntaan-muuttaneet-lapsiperheet\n        previous_ids: [muuttaneet-lapsiperheet]\n")
    edit(SOMERO, "title: Digiosaava henkilöstö.", "title: Digiosaava ja digirohkea henkilöstö.")
    edit(SOMERO, "schedule: {start: 2025, end: 2027}", "schedule: {start: 2025, end: 2028}")
    # Noise: a comment, quoting, and key order never count.
    edit(SOMERO, "    title: Asiakaskokemus ja -lähtöisyys\n",
         '    # Teeman nimi tarkistettu 2027.\n    title: "Asiakaskokemus ja -lähtöisyys"\n')
    edit(SOMERO, "organization: Someron kaupunki\nunit: Sivistyspalvelut\n",
         "unit: Sivistyspalvelut\norganization: 'Someron kaupunki'\n")


@pytest.fixture
def revised(repo: Path) -> Path:
    approve_somero()
    commit("Somero 1.0", tag="v1.0")
    revise_somero()
    commit("Somero 1.1: mid-term revision", tag="v1.1")
    return repo


@pytest.mark.parametrize("fmt,ext", [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_revision_in_every_format(revised: Path, fmt: str, ext: str) -> None:
    result = invoke("v1.0", "v1.1", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert_golden(f"revision.{ext}", result.stdout)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_revision_memo_in_finnish_and_swedish(revised: Path, lang: str) -> None:
    """The board memo in the reader's language (reviewed by reading revision.<lang>.md), same structure as English."""
    result = invoke("v1.0", "v1.1", "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert_golden(f"revision.{lang}.md", result.stdout)
    english = invoke("v1.0", "v1.1", "--format", "markdown").stdout
    assert [line.count("|") for line in result.stdout.splitlines()] == [line.count("|") for line in english.splitlines()]
    for word in ("added", "changed", "removed", "moved", "editorial", "substantive", "Plan diff"):
        assert word not in result.stdout


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_revision_as_text_in_finnish_and_swedish(revised: Path, lang: str) -> None:
    result = invoke("v1.0", "v1.1", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert_golden(f"revision.{lang}.txt", result.stdout)
    for word in ("added", "changed", "removed", "moved from", "editorial", "substantive", "decision behind"):
        assert word not in result.stdout


def test_revision_substantive_only(revised: Path) -> None:
    result = invoke("v1.0", "v1.1", "--substantive")
    assert result.exit_code == 0
    assert_golden("revision-substantive.txt", result.stdout)
    assert "editorial" not in result.stdout


def test_revision_kinds_by_id(revised: Path) -> None:
    doc = json.loads(invoke("v1.0", "v1.1", "--format", "json").stdout)
    kinds = {(c["kind"], c["path"].split("/")[-1], c["field"]) for c in doc["changes"]}
    assert ("changed", "sahkoisten-palveluiden-kayttoaste", "targets[2027].value") in kinds
    assert ("moved", "palautekanavat", "") in kinds
    assert ("removed", "sujuva-somero-brandi", "") in kinds
    assert ("added", "lapsiperheiden-markkinointi", "") in kinds
    assert ("renamed", "kuntaan-muuttaneet-lapsiperheet", "") in kinds
    target = next(c for c in doc["changes"] if c["field"] == "targets[2027].value")
    assert (target["old"], target["new"], target["substantive"]) == (10, 15, True)
    moved = next(c for c in doc["changes"] if c["kind"] == "moved")
    assert (moved["old"], moved["new"]) == ("somero-sivistysohjelma/asiakaskokemus", "somero-sivistysohjelma/yhteistyo")
    # the noise (comment, quoting, key order) is not there, and no change is reported twice
    noise = [c for c in doc["changes"] if c["field"] in ("title", "organization") and c["item"] in ("theme", "program")]
    assert noise == []
    assert len({json.dumps(c, sort_keys=True) for c in doc["changes"]}) == len(doc["changes"])


# --- the "done when": a fresh clone, one target edited ---------------------------------

PERIAATTEET_TARGET = ("              - id: periaatteet-valmiit\n                title: Periaatteet valmiit\n"
                      "                kind: yes_no\n                targets:\n                  - value: {}\n")


@pytest.mark.parametrize("fmt,ext", [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_editing_one_target_shows_exactly_that_change(
    repo: Path, fmt: str, ext: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = repo.parent / "clone"
    run_git("clone", "-q", str(repo), str(clone))
    monkeypatch.chdir(clone)
    edit(TAVOITTEET, PERIAATTEET_TARGET.format("true"), PERIAATTEET_TARGET.format("false"))
    result = invoke("--format", fmt, "--exit-code")
    assert result.exit_code == 1
    assert_golden(f"target.{ext}", result.stdout)


def test_one_change_in_json_by_id(repo: Path) -> None:
    edit(OUTCOMES, "  - ref: periaatteet-valmiit\n    status: achieved\n    value: true\n",
         "  - ref: periaatteet-valmiit\n    status: partly\n    value: true\n")
    doc = json.loads(invoke("--format", "json").stdout)
    assert doc["changes"] == [{
        "kind": "changed", "item": "outcome", "program": "toiminnalliset-tavoitteet-2024",
        "path": "toiminnalliset-tavoitteet-2024@2024/periaatteet-valmiit", "field": "status",
        "old": "achieved", "new": "partly", "substantive": True, "probable": False, "title": "",
        "parent": "toiminnalliset-tavoitteet-2024@2024", "theme": "@2024", "theme_title": "",
        "program_title": "Strategian toteutumista tukevat toiminnalliset tavoitteet",
    }]
    assert doc["summary"]["items"]["outcome"] == {"added": 0, "changed": 1, "removed": 0}


# --- identity: renames, moves, reformatting --------------------------------------------


def snapshots(old: str, new: str, name: str = "programs/p/program.yaml"):
    return load_snapshot("old", "old", {name: old.encode()}), load_snapshot("new", "new", {name: new.encode()})


BASE = """\
id: p
title: Ohjelma
organization: Kunta
period: {start: 2025, end: 2028}
themes:
  - id: t1
    title: Ensimmäinen teema
    goals:
      - id: g1
        title: Lasten harrastaminen lisääntyy kaikissa kylissä.
        actions:
          - id: a1
            title: Harrastustakuu jokaiselle koululaiselle.
            responsible: Vapaa-aikajohtaja
  - id: t2
    title: Toinen teema
    goals:
      - id: g2
        title: Kirjastopalvelut tavoittavat ikäihmiset.
"""


def kinds(old: str, new: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.path, c.field) for c in compare(*snapshots(old, new))]


def test_declared_rename_of_a_goal_does_not_move_its_actions() -> None:
    new = BASE.replace("      - id: g1\n", "      - id: harrastaminen\n        previous_ids: [g1]\n")
    assert kinds(BASE, new) == [("renamed", "p/t1/harrastaminen", "")]


def test_undeclared_rename_with_the_same_content_is_a_probable_rename() -> None:
    new = BASE.replace("id: a1", "id: harrastustakuu")
    [change] = compare(*snapshots(BASE, new))
    assert (change.kind, change.old, change.new, change.probable, change.substantive) == (
        "renamed", "a1", "harrastustakuu", True, True)


def test_different_content_under_a_new_id_is_a_removal_and_an_addition() -> None:
    new = BASE.replace("id: a1\n            title: Harrastustakuu jokaiselle koululaiselle.",
                       "id: a9\n            title: Uimahallin aukioloaikojen laajentaminen.")
    assert kinds(BASE, new) == [("added", "p/t1/g1/a9", ""), ("removed", "p/t1/g1/a1", "")]


def test_action_moved_to_another_goal_is_moved_not_removed_and_added() -> None:
    action = ("        actions:\n          - id: a1\n            title: Harrastustakuu jokaiselle koululaiselle.\n"
              "            responsible: Vapaa-aikajohtaja\n")
    new = BASE.replace(action, "") + action
    [change] = compare(*snapshots(BASE, new))
    assert (change.kind, change.path, change.old, change.new) == ("moved", "p/t2/g2/a1", "p/t1/g1", "p/t2/g2")


def test_renamed_and_moved_is_both() -> None:
    action = ("        actions:\n          - id: a1\n            title: Harrastustakuu jokaiselle koululaiselle.\n"
              "            responsible: Vapaa-aikajohtaja\n")
    moved = action.replace("- id: a1\n", "- id: takuu\n            previous_ids: [a1]\n")
    assert kinds(BASE, BASE.replace(action, "") + moved) == [("renamed", "p/t2/g2/takuu", ""),
                                                              ("moved", "p/t2/g2/takuu", "")]


def test_reordering_items_is_not_a_change() -> None:
    t2 = BASE[BASE.index("  - id: t2"):]
    reordered = BASE.replace(t2, "").replace("themes:\n", "themes:\n" + t2)
    assert kinds(BASE, reordered) == []


@pytest.mark.parametrize("path", sorted(PROGRAMS.glob("*/program.yaml")) + sorted(PROGRAMS.glob("*/outcomes/*.yaml")),
                         ids=lambda p: p.parent.name if p.name == "program.yaml" else p.name)
def test_comments_key_order_quoting_and_wrapping_never_count(path: Path) -> None:
    """Re-serialise a bundled file with sorted keys, no comments, other quoting and line widths."""
    text = path.read_text(encoding="utf-8")
    rewritten = yaml.safe_dump(yaml.safe_load(text), sort_keys=True, allow_unicode=True, width=40,
                               default_style=None, default_flow_style=True)
    name = str(path.relative_to(PROGRAMS.parent))
    assert compare(*snapshots(text, rewritten, name)) == []


def test_ten_and_ten_point_zero_are_equal_but_true_and_one_are_not() -> None:
    base = BASE.replace("    title: Toinen teema\n", "    title: Toinen teema\n    measures:\n      - id: m\n"
                        "        title: Mittari\n        kind: number\n        targets: [{year: 2027, value: 10}]\n")
    assert kinds(base, base.replace("value: 10}", "value: 10.0}")) == []
    one = base.replace("value: 10}", "value: 1}")
    assert kinds(one, one.replace("value: 1}", "value: true}")) == [("changed", "p/t2/m", "targets[2027].value")]


def test_a_text_in_two_languages_is_compared_as_a_whole() -> None:
    old = BASE.replace("title: Toinen teema", "title: {fi: Toinen teema, sv: Andra temat}")
    new = old.replace("sv: Andra temat", "sv: Det andra temat")
    [change] = compare(*snapshots(old, new))
    assert (change.field, change.old, change.new, change.substantive) == (
        "title", {"fi": "Toinen teema", "sv": "Andra temat"}, {"fi": "Toinen teema", "sv": "Det andra temat"}, False)


def test_outcome_follows_its_renamed_measure(repo: Path) -> None:
    edit(TAVOITTEET, "id: periaatteet-valmiit\n", "id: turvallisen-tilan-periaatteet-valmiit\n"
         "                previous_ids: [periaatteet-valmiit]\n")
    edit(OUTCOMES, "ref: periaatteet-valmiit\n", "ref: turvallisen-tilan-periaatteet-valmiit\n")
    doc = json.loads(invoke("--format", "json").stdout)
    assert [(c["kind"], c["item"]) for c in doc["changes"]] == [("renamed", "measure")]


# --- outcomes, programs added and removed ----------------------------------------------


def test_outcomes_added_removed_and_changed(repo: Path) -> None:
    edit(OUTCOMES, "  - ref: vertaisohjaajien-maara-kasvanut\n    status: achieved\n    value: true\n",
         "  - ref: vertaisohjaajien-maara-kasvanut\n    status: not_achieved\n    value: false\n")
    edit(OUTCOMES, "  - ref: periaatteet-valmiit\n    status: achieved\n    value: true\n", "")
    shutil.copy(OUTCOMES, OUTCOMES.with_name("2025.yaml"))
    edit(OUTCOMES.with_name("2025.yaml"), "year: 2024", "year: 2025")
    result = invoke("--exit-code")
    assert result.exit_code == 1
    assert_golden("outcomes.txt", result.stdout)


def test_program_added_and_deleted(repo: Path) -> None:
    shutil.rmtree("programs/kuntaliitto-sivistyskunta")
    Path("programs/uusi").mkdir()
    Path("programs/uusi/program.yaml").write_text(
        "id: uusi\ntitle: Uusi ohjelma\norganization: Kunta\nperiod: {start: 2026, end: 2029}\n", encoding="utf-8")
    result = invoke("--format", "markdown")
    assert result.exit_code == 0
    assert_golden("programs-added-removed.md", result.stdout)


# --- revisions: defaults, one revision, two, merge base, paths -------------------------


def test_default_is_head_against_the_working_tree(repo: Path) -> None:
    assert invoke().stdout.splitlines()[-1] == "No changes."
    edit(SOMERO, "status: draft", "status: approved")
    assert "~ program  status: draft → approved" in invoke().stdout
    commit("approve")
    assert invoke().stdout.splitlines()[-1] == "No changes."
    assert "status: draft → approved" in invoke("HEAD~1").stdout
    assert "status: draft → approved" in invoke("v0", "HEAD").stdout
    assert "status: draft → approved" in invoke("v0..HEAD").stdout


def test_merge_base_compares_from_where_the_branch_started(repo: Path) -> None:
    run_git("checkout", "-q", "-b", "muutos")
    edit(SOMERO, "status: draft", "status: approved")
    commit("on the branch")
    run_git("checkout", "-q", "main")
    edit(TAVOITTEET, "period: {start: 2024, end: 2024}", "period: {start: 2024, end: 2025}")
    commit("on main meanwhile")
    plain = invoke("main", "muutos", "--format", "json")
    merge = invoke("--merge-base", "main", "muutos", "--format", "json")
    dots = invoke("main...muutos", "--format", "json")
    fields = lambda r: [c["field"] for c in json.loads(r.stdout)["changes"]]  # noqa: E731
    assert fields(plain) == ["status", "period.end"]  # main's own change shows up reversed
    assert fields(merge) == fields(dots) == ["status"]
    assert json.loads(merge.stdout)["old"].startswith("merge base of main and muutos (")


def test_paths_after_double_dash_limit_the_diff(repo: Path) -> None:
    edit(SOMERO, "status: draft", "status: approved")
    edit(TAVOITTEET, "status: draft", "status: approved")
    result = invoke("--format", "json", "HEAD", "--", "programs/somero-sivistysohjelma")
    assert [c["program"] for c in json.loads(result.stdout)["changes"]] == ["somero-sivistysohjelma"]
    assert json.loads(result.stdout)["old"] == "HEAD"


def test_paths_are_relative_to_the_current_directory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(SOMERO, "status: draft", "status: approved")
    monkeypatch.chdir("programs")
    result = invoke("--", "somero-sivistysohjelma")
    assert "status: draft → approved" in result.stdout


# --- errors: exit 2, naming the revision and the file ----------------------------------


def test_unknown_revision(repo: Path) -> None:
    result = invoke("no-such-branch")
    assert result.exit_code == 2
    assert "sivistys: error: unknown revision 'no-such-branch'" in result.stderr


def test_a_path_given_as_revision_gets_a_hint(repo: Path) -> None:
    result = invoke("programs/somero-sivistysohjelma")
    assert result.exit_code == 2
    assert "put it after --: sivistys diff -- programs/somero-sivistysohjelma" in result.stderr


def test_path_not_in_the_repository(repo: Path, tmp_path: Path) -> None:
    result = invoke("--", "programs/no-such-program")
    assert result.exit_code == 2
    assert "programs/no-such-program: not in revision 'HEAD' nor in the working tree" in result.stderr
    outside = invoke("--", str(tmp_path))
    assert outside.exit_code == 2 and "outside the repository" in outside.stderr


def test_a_revision_whose_file_does_not_parse(repo: Path) -> None:
    edit(SOMERO, "period: {start: 2025, end: 2030}", "period: {start: 2025, end: 2030")
    commit("broken")
    edit(SOMERO, "period: {start: 2025, end: 2030", "period: {start: 2025, end: 2030}")
    result = invoke("HEAD", "--exit-code")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"sivistys: error: revision 'HEAD': {SOMERO}:14:1: SV001 YAML syntax error")
    assert "does not load" in result.stderr


def test_a_working_tree_file_that_does_not_validate(repo: Path) -> None:
    edit(SOMERO, "period: {start: 2025, end: 2030}", "period: {start: 2025, end: 20x0}")
    result = invoke()
    assert result.exit_code == 2
    assert (f"sivistys: error: the working tree: {SOMERO}:12:28: SV103 'end' is '20x0'; "
            "expected a whole number such as 2025") in result.stderr


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "x").mkdir()
    monkeypatch.chdir(tmp_path / "x")
    result = invoke()
    assert result.exit_code == 2
    assert "not inside a git repository; use --files OLD NEW" in result.stderr


HOSTILE = ["--output=/tmp/sivistys-pwned", "--exec=touch /tmp/sivistys-pwned", "-o/tmp/sivistys-pwned"]


@pytest.mark.parametrize("rev", HOSTILE)
def test_hostile_revisions_never_become_git_options(repo: Path, rev: str, tmp_path: Path) -> None:
    target = Path("/tmp/sivistys-pwned")
    target.unlink(missing_ok=True)
    for call in (lambda: git.resolve(rev, repo), lambda: git.merge_base(rev, "HEAD", repo),
                 lambda: git.list_blobs(rev, rev, ["programs"], repo), lambda: git.read_blobs({"x": rev}, rev, repo)):
        with pytest.raises(UsageError):
            call()
    result = invoke("HEAD", "--", rev)  # after -- it is a path
    assert result.exit_code == 2
    for args in ([rev], ["HEAD", rev], ["--merge-base", rev]):  # before --, click refuses an unknown option
        assert invoke(*args).exit_code == 2
    assert not target.exists()


def test_hostile_revision_inside_a_range_is_still_a_revision(repo: Path) -> None:
    result = invoke("HEAD...--output=/tmp/sivistys-pwned")
    assert result.exit_code == 2
    assert "unknown revision '--output=/tmp/sivistys-pwned'" in result.stderr
    assert not Path("/tmp/sivistys-pwned").exists()


def test_exit_codes(repo: Path) -> None:
    assert invoke("--exit-code").exit_code == 0
    edit(SOMERO, "title: Digiosaava henkilöstö.", "title: Digiosaava henkilöstö!")
    assert invoke().exit_code == 0
    assert invoke("--exit-code").exit_code == 1
    assert invoke("--exit-code", "--substantive").exit_code == 0  # wording only
    assert invoke("--format", "yaml").exit_code == 2


# --- outside git: --files, and git's diff driver ---------------------------------------


def test_files_compares_two_directories_and_two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(PROGRAMS, tmp_path / "old")
    shutil.copytree(PROGRAMS, tmp_path / "new")
    monkeypatch.chdir(tmp_path)
    edit(Path("new") / SOMERO.relative_to("programs"), "status: draft", "status: archived")
    assert "status: draft → archived" in invoke("--files", "old", "new").stdout
    single = invoke("--files", "old/somero-sivistysohjelma/program.yaml", "new/somero-sivistysohjelma/program.yaml")
    assert single.stdout.splitlines()[0] == (
        "sivistys diff: old/somero-sivistysohjelma/program.yaml → new/somero-sivistysohjelma/program.yaml")
    assert "status: draft → archived" in single.stdout
    assert invoke("--files", "old").exit_code == 2
    assert invoke("--files", "old", "nowhere").exit_code == 2


def test_files_with_an_outcome_file_under_another_name(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes((PROGRAMS.parent / OUTCOMES).read_bytes())
    (tmp_path / "b.yaml").write_text((PROGRAMS.parent / OUTCOMES).read_text(encoding="utf-8").replace(
        "status: partly", "status: achieved"), encoding="utf-8")
    result = invoke("--files", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert "~ outcome osallisuus-ja-tiedolla-johtaminen  status: partly → achieved" in result.stdout


def driver_setup() -> None:
    Path(".gitattributes").write_text("programs/**/*.yaml diff=sivistys\n", encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m sivistys_cli diff --files"
    run_git("config", "diff.sivistys.command", command)


def test_git_diff_driver(repo: Path) -> None:
    driver_setup()
    commit("diff driver")
    edit(SOMERO, "status: draft", "status: approved")
    assert_golden("driver-git-diff.txt", run_git("diff"))
    commit("approve")
    log = run_git("log", "-p", "--ext-diff", "-1", "--format=%s")
    assert "approve\n" in log and "~ program  status: draft → approved" in log
    assert "status: draft\n" not in run_git("log", "-p", "--ext-diff", "-1")  # no line diff for program files


def test_git_diff_driver_survives_a_file_that_does_not_parse(repo: Path) -> None:
    driver_setup()
    commit("diff driver")
    edit(SOMERO, "period: {start: 2025, end: 2030}", "period: [2025")
    edit(TAVOITTEET, "status: draft", "status: approved")
    out = run_git("diff")  # git would stop at a driver that fails; this one shows the lines and goes on
    assert (f"sivistys diff: b/{SOMERO}: {SOMERO}:14:1: SV001 YAML syntax error") in out
    assert "(this version of the file does not load, so it cannot be compared); the lines that changed:\n" in out
    assert f"--- a/{SOMERO}\n+++ b/{SOMERO}\n" in out
    assert "\n-period: {start: 2025, end: 2030}\n+period: [2025\n" in out
    assert "~ program  status: draft → approved" in out


def test_git_diff_driver_for_added_and_deleted_files(repo: Path) -> None:
    driver_setup()
    commit("diff driver")
    shutil.rmtree("programs/kuntaliitto-sivistyskunta")
    commit("remove kuntaliitto")
    log = run_git("log", "-p", "--ext-diff", "-1", "--format=%s")
    assert "- program  removed: period 2017–2019, archived" in log


# --- the Markdown limit ----------------------------------------------------------------


def action_change(i: int, theme: str = "t1", kind: str = "added", **fields) -> Change:
    return Change(kind, "action", "p", f"p/{theme}/a{i}", title=f"Toimenpide {i} " + "pitkä kuvaus " * 8,
                  parent=f"p/{theme}", theme=theme, theme_title=f"Teema {theme}", program_title="Ohjelma", **fields)


def test_markdown_lists_every_change_when_they_fit() -> None:
    out = markdown([action_change(i) for i in range(3)], "v1", "v2")
    assert out.count("| added | action `a") == 3 and "Too many changes" not in out and "cut short" not in out


def test_markdown_leaves_out_editorial_changes_first() -> None:
    editorial = [action_change(i, kind="changed", field="title", old="vanha " * 8, new="uusi " * 8, substantive=False)
                 for i in range(1500)]
    status = action_change(9999, kind="changed", field="status", old="planned", new="ongoing")
    out = markdown([status, *editorial], "v1", "v2")
    assert len(out.encode("utf-8")) <= LIMIT
    assert ("_Too many changes for one comment: editorial changes are counted, not listed; "
            "run `sivistys diff --format json` for everything._") in out
    assert "| changed | action `a9999` Toimenpide 9999" in out and "| `status` | planned | ongoing |" in out
    assert "_1500 editorial changes not listed._" in out and "`title`" not in out


def test_markdown_counts_per_theme_when_the_substantive_changes_do_not_fit() -> None:
    actions = "".join(f"          - id: toimenpide-{i}\n            title: Toimenpide numero {i} "
                      f"{'pitkä kuvaus ' * 10}\n            responsible: Vastuuhenkilö {i}\n" for i in range(1500))
    new = BASE.replace(LIBRARY_GOAL, LIBRARY_GOAL + "        actions:\n" + actions)
    out = markdown(compare(*snapshots(BASE, new)), "v1", "v2")
    assert len(out.encode("utf-8")) <= LIMIT
    assert "| Actions | 1500 | 0 | 0 |" in out
    assert "_Too many changes for one comment: counts only; run `sivistys diff --format json` for everything._" in out
    assert "#### Toinen teema (`t2`)\n\n1500 added.\n" in out and "| change |" not in out


def test_markdown_is_cut_short_when_even_the_counts_do_not_fit() -> None:
    out = markdown([action_change(i, theme=f"teema-{i}") for i in range(3000)], "v1", "v2")
    assert len(out.encode("utf-8")) <= LIMIT
    assert "counts only" in out and "#### Teema teema-0 (`teema-0`)\n\n1 added.\n" in out
    assert "teema-2999" not in out
    kept, note = out.rsplit("\n\n", 1)
    assert note == "_… cut short to fit one comment; run `sivistys diff --format json` for everything._\n"
    assert kept.endswith(("added.", "`)"))  # cut at the end of a line


# --- more shapes: a program without themes, classification, escaping -------------------

TAMMELA = Path("programs/tammela-palveluprosessit/program.yaml")


def test_costs_schedule_and_implementers_in_a_program_without_themes(repo: Path) -> None:
    edit(TAMMELA, "        implementers: [Kunta, Yhdistykset, Yritykset, Asukkaat]\n"
         "        # AIKATAULU reads \"2017 2018\".\n"
         "        schedule: {start: 2017, end: 2018}\n        costs:\n          - amount: 2000\n",
         "        implementers: [Kunta, Yhdistykset, Yritykset]\n"
         "        schedule: {start: 2017, end: 2019}\n        costs:\n          - amount: 3500\n")
    result = invoke("--format", "markdown")
    assert_golden("tammela-costs.md", result.stdout)
    assert "| changed | action `kumppanuuspoyta` Kumppanuuspöytä | `costs.amount` | 2000 | 3500 |" in result.stdout


@pytest.mark.parametrize("field,editorial", [
    ("title", True), ("description", True), ("decision.note", True), ("budget.items[2017].note", True),
    ("background", True), ("sections[aluksi].title", True), ("amendments[1.1].description", True),
    ("targets[2027].value", False), ("targets[2027].text", False), ("schedule.text", False),
    ("status", False), ("responsible", False), ("costs[2017 Kokouskulut].amount", False), ("decision", False),
    ("amendments[1.1]", False), ("baseline", False), ("data_source.name", False),
])
def test_substantive_or_editorial(field: str, editorial: bool) -> None:
    from sivistys_cli.diff.fields import is_editorial

    assert is_editorial(field) is editorial


def test_every_bundled_action_renamed_without_saying_so_is_a_probable_rename() -> None:
    text = (PROGRAMS / "tammela-palveluprosessit/program.yaml").read_text(encoding="utf-8")
    old, new = snapshots(text, text.replace("      - id: ", "      - id: uusi-"), "programs/t/program.yaml")
    renamed = [c for c in compare(old, new) if c.kind == "renamed"]
    assert renamed and all(c.probable and c.new == "uusi-" + c.old for c in renamed)
    assert {c.kind for c in compare(old, new)} == {"renamed"}


def test_markdown_escapes_what_the_files_say() -> None:
    new = BASE.replace("title: Toinen teema", "title: 'Toinen | <b>teema</b> *tärkeä*'")
    from sivistys_cli.diff.formats.markdown import render

    out = render(compare(*snapshots(BASE, new)), "a", "b")
    assert r"Toinen \| \<b\>teema\</b\> \*tärkeä\*" in out


def test_git_diff_driver_for_a_renamed_file(repo: Path) -> None:
    driver_setup()
    commit("diff driver")
    run_git("mv", "programs/kuntaliitto-sivistyskunta", "programs/kuntaliitto")
    edit(Path("programs/kuntaliitto/program.yaml"), "status: archived", "status: approved")
    run_git("add", "-A")
    out = run_git("diff", "--cached", "-M")  # git passes nine arguments for a rename
    assert out.splitlines()[0] == ("sivistys diff: a/programs/kuntaliitto-sivistyskunta/program.yaml → "
                                   "b/programs/kuntaliitto/program.yaml")
    assert "~ program  status: archived → approved" in out


# --- one id in two files: an error, never a hidden change ------------------------------


def test_two_directories_with_one_program_id_are_an_error(repo: Path) -> None:
    shutil.copytree(TAVOITTEET.parent, "programs/zz-copy")
    commit("a copy under another directory")
    edit(Path("programs/zz-copy/program.yaml"), PERIAATTEET_TARGET.format("true"), PERIAATTEET_TARGET.format("false"))
    result = invoke("--exit-code")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"sivistys: error: revision 'HEAD': {TAVOITTEET} and programs/zz-copy/program.yaml both have the program id "
        "'toiminnalliset-tavoitteet-2024'")


def test_two_outcome_files_for_one_year_are_an_error(repo: Path) -> None:
    shutil.copy(OUTCOMES, OUTCOMES.with_name("kopio-2024.yaml"))
    edit(OUTCOMES.with_name("kopio-2024.yaml"), "status: partly", "status: achieved")
    result = invoke("--exit-code")
    assert result.exit_code == 2
    assert (f"the working tree: {OUTCOMES} and {OUTCOMES.with_name('kopio-2024.yaml')} both have the outcomes "
            "of program 'toiminnalliset-tavoitteet-2024' for 2024") in result.stderr


# --- diff reads the files check reads ---------------------------------------------------


def test_only_the_files_check_reads_are_compared(repo: Path) -> None:
    """An old copy deeper down, or an outcome file in a subdirectory, is not a program file: not for check, not here."""
    somero = SOMERO.parent
    (somero / "arkisto").mkdir()
    shutil.copy(SOMERO, somero / "arkisto" / "program.yaml")
    (OUTCOMES.parent / "vanhat").mkdir()
    shutil.copy(OUTCOMES, OUTCOMES.parent / "vanhat" / "2024.yaml")
    commit("an archived copy and an old outcome file")
    shutil.copytree("programs", repo.parent / "vanha")
    edit(SOMERO, "status: draft", "status: approved")
    edit(OUTCOMES.parent / "vanhat" / "2024.yaml", "status: partly", "status: achieved")
    for result in (invoke("--format", "json"), invoke("--files", str(repo.parent / "vanha"), "programs", "-f", "json")):
        assert result.exit_code == 0, result.stderr
        assert [(c["program"], c["field"]) for c in json.loads(result.stdout)["changes"]] == [
            ("somero-sivistysohjelma", "status")]
    old_outcomes = repo.parent / "vanha" / OUTCOMES.parent.relative_to("programs")
    nothing = invoke("--files", str(OUTCOMES.parent), str(old_outcomes))
    assert nothing.exit_code == 2 and f"no programs in {OUTCOMES.parent} nor in" in nothing.stderr


def test_a_path_with_no_programs_is_an_error(repo: Path) -> None:
    Path("programs/somero-sivistysohjelma/muistiinpanot.yaml").write_text("a: 1\n", encoding="utf-8")
    commit("notes")
    top = invoke("--", ".")  # programs are at programs/<id>/program.yaml: as for `sivistys check .`
    assert top.exit_code == 2
    assert "no programs in revision 'HEAD' nor in the working tree; expected ./program.yaml" in top.stderr
    notes = invoke("--", "programs/somero-sivistysohjelma/muistiinpanot.yaml")
    assert notes.exit_code == 2 and "not a program file" in notes.stderr


# --- where it runs: paths are the current directory's, the default is the repository's ---


@pytest.mark.parametrize("where", ["programs", "programs/somero-sivistysohjelma/outcomes"])
def test_default_path_is_programs_at_the_top_of_the_repository(repo: Path, where: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    Path("programs/somero-sivistysohjelma/outcomes").mkdir()
    edit(SOMERO, "status: draft", "status: approved")
    monkeypatch.chdir(where)
    result = invoke()
    assert result.exit_code == 0, result.stderr
    assert "~ program  status: draft → approved" in result.stdout


# --- git: one process per side, whatever the number of files ---------------------------


def test_git_runs_a_fixed_number_of_times(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(12):
        shutil.copytree(TAVOITTEET.parent, f"programs/kopio-{i}")
        edit(Path(f"programs/kopio-{i}/program.yaml"), "id: toiminnalliset-tavoitteet-2024\n", f"id: kopio-{i}\n")
        edit(Path(f"programs/kopio-{i}/outcomes/2024.yaml"), "program: toiminnalliset-tavoitteet-2024",
             f"program: kopio-{i}")
    commit("twelve more programs")
    edit(SOMERO, "status: draft", "status: approved")
    commit("approve")
    calls: list[tuple[list[str], bytes | None]] = []
    real = subprocess.run

    def counting(args, *rest, **kwargs):
        calls.append((args, kwargs.get("input")))
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(git.subprocess, "run", counting)
    result = invoke("HEAD~1", "HEAD", "--format", "json")
    assert [c["field"] for c in json.loads(result.stdout)["changes"]] == ["status"]
    commands = [args[2] for args, _ in calls]  # git --no-pager COMMAND …
    # per side: one ls-tree, one cat-file --batch-check (sizes before reading), one cat-file --batch
    assert sorted(commands) == ["--literal-pathspecs", "--literal-pathspecs", "cat-file", "cat-file", "cat-file",
                                "cat-file", "rev-parse", "rev-parse", "rev-parse"]
    reads = [stdin.decode().split() for _, stdin in calls if stdin]  # blob ids, never paths
    files = [*Path("programs").glob("*/program.yaml"), *Path("programs").glob("*/outcomes/*.yaml")]
    assert len(reads[0]) == len(files)
    # each read comes after a size check of the same ids; the unchanged files are not read again
    assert reads[0] == reads[1] and reads[2] == reads[3]
    assert reads[2] == [run_git("rev-parse", f"HEAD:{SOMERO}").strip()]


def test_a_path_with_a_newline_asks_git_for_nothing_else(repo: Path) -> None:
    strange = Path("programs/uusi\nHEAD:programs")
    strange.mkdir()
    (strange / "program.yaml").write_text(
        "id: uusi\ntitle: Uusi ohjelma\norganization: Kunta\nperiod: {start: 2026, end: 2029}\n", encoding="utf-8")
    commit("a directory name with a newline")
    edit(strange / "program.yaml", "end: 2029", "end: 2030")
    commit("extended")
    result = invoke("HEAD~1", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [(c["program"], c["field"], c["old"], c["new"]) for c in json.loads(result.stdout)["changes"]] == [
        ("uusi", "period.end", 2029, 2030)]


# --- probable renames: quick, and bounded -----------------------------------------------

LIBRARY_GOAL = "        title: Kirjastopalvelut tavoittavat ikäihmiset.\n"


def with_actions(n: int, prefix: str, extra: str = "") -> str:
    """BASE with n actions under one goal, each with a title of its own (made-up words) and a responsible person."""
    def title(i: int) -> str:
        rnd = random.Random(i)
        return " ".join("".join(rnd.choices("aeiouykstlnmrhpv", k=rnd.randint(4, 9))) for _ in range(6))

    actions = "".join(f"          - id: {prefix}{i}\n            title: {title(i)}{extra}\n"
                      f"            responsible: Kirjastotoimenjohtaja {i}\n" for i in range(n))
    return BASE.replace(LIBRARY_GOAL, LIBRARY_GOAL + "        actions:\n" + actions)


def test_three_hundred_renamed_actions_pair_at_once() -> None:
    start = time.perf_counter()
    changes = compare(*snapshots(with_actions(300, "toimi-"), with_actions(300, "uusi-")))
    assert time.perf_counter() - start < 5  # 26 s when every pair was scored with difflib
    assert len(changes) == 300 and all(c.kind == "renamed" and c.probable for c in changes)
    assert [(c.old, c.new) for c in changes[:2]] == [("toimi-0", "uusi-0"), ("toimi-1", "uusi-1")]


def test_renamed_and_reworded_is_still_a_probable_rename() -> None:
    changes = compare(*snapshots(with_actions(20, "toimi-"), with_actions(20, "uusi-", " nyt")))
    assert [(c.old, c.new) for c in changes if c.kind == "renamed"] == [(f"toimi-{i}", f"uusi-{i}") for i in range(20)]
    assert {(c.kind, c.field) for c in changes} == {("renamed", ""), ("changed", "title")}


def test_too_many_candidates_are_not_guessed_at() -> None:
    """101 removed and 101 added actions are 10,201 pairs, over MAX_PAIRS: shown as removed and added."""
    start = time.perf_counter()
    changes = compare(*snapshots(with_actions(101, "toimi-"), with_actions(101, "uusi-", " nyt")))
    assert time.perf_counter() - start < 5
    assert sorted({c.kind for c in changes}) == ["added", "removed"] and len(changes) == 202


# --- git's diff driver: a line diff, never a failure ------------------------------------


def test_git_diff_driver_shows_the_lines_of_a_yaml_file_that_is_not_a_program(repo: Path) -> None:
    driver_setup()
    notes = Path("programs/somero-sivistysohjelma/muistiinpanot.yaml")
    notes.write_text("muistiin: yksi\nkaksi: 2\n", encoding="utf-8")
    commit("diff driver, and notes")
    notes.write_text("muistiin: kolme\nkaksi: 2\n", encoding="utf-8")
    Path("programs/uusi.yaml").write_text("uusi: true", encoding="utf-8")
    run_git("add", "programs/uusi.yaml")
    out = run_git("diff", "HEAD")
    assert (f"sivistys diff: {notes} is not a program file; expected <program-id>/program.yaml or "
            "<program-id>/outcomes/<year>.yaml; the lines that changed:\n"
            f"--- a/{notes}\n+++ b/{notes}\n@@ -1,2 +1,2 @@\n-muistiin: yksi\n+muistiin: kolme\n kaksi: 2\n") in out
    assert "--- /dev/null\n+++ b/programs/uusi.yaml\n@@ -0,0 +1 @@\n+uusi: true\n\\ No newline at end of file\n" in out


# --- Markdown: nothing from the files becomes markup ------------------------------------

MD_HOSTILE = (
    '- <script>alert("x")</script> | cell # heading <img src=x onerror=alert(1)> &amp; &lt;b&gt; *em* _u_ '
    "`code` [link](javascript:alert(1)) ![i](http://x/i.png) ~~s~~ $x$ <!-- c -->\n"
    "# h1 line\n- list item\n1. ordered\n> quote\n---\n| a | b |\nends with #"
)


def versions_with_text(text: str):
    """Two versions of a program and its outcomes in which every kind of change carries `text`."""
    line = text.splitlines()[0]

    def program(version: str, actions: list[dict]) -> str:
        data = {
            "id": "p", "title": text, "organization": text, "period": {"start": 2025, "end": 2028},
            "status": "approved", "version": version,
            "background_documents": [{"title": text, "publisher": f"{text} {version}"}],
            "themes": [{"id": "t1", "title": text, "goals": [{"id": "g1", "title": text, "actions": actions}]}],
        }
        if version == "1.1":
            data["amendments"] = [{"version": "1.1", "date": "2026-03-01", "description": text,
                                   "decision": {"body": text, "date": "2026-03-01", "section": line}}]
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    def outcomes(year: int, comment: str) -> str:
        return yaml.safe_dump({"program": "p", "year": year, "outcomes": [
            {"ref": "a1", "status": "achieved", "value": text, "comment": comment}]}, allow_unicode=True)

    old = {"programs/p/program.yaml": program("1.0", [
        {"id": "a1", "title": text, "responsible": text}, {"id": "a2", "title": "Poistuva", "responsible": text},
        {"id": "a3", "title": text, "description": text}]),
        "programs/p/outcomes/2025.yaml": outcomes(2025, text)}
    new = {"programs/p/program.yaml": program("1.1", [
        {"id": "a1", "title": text, "responsible": f"{text} 2"}, {"id": "a4", "title": text, "description": text},
        {"id": "a5", "title": text}]),
        "programs/p/outcomes/2025.yaml": outcomes(2025, f"{text} 2"),
        "programs/p/outcomes/2026.yaml": outcomes(2026, text)}
    return (load_snapshot("old", "old", {k: v.encode() for k, v in old.items()}),
            load_snapshot("new", "new", {k: v.encode() for k, v in new.items()}))


def md_tokens(md: str) -> tuple[list[str], set[str]]:
    """The block tokens, and the kinds of inline token (raw HTML with its text)."""
    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(md)
    inline = {c.type + (c.content if c.type == "html_inline" else "") for t in tokens for c in t.children or []}
    return [t.type for t in tokens], inline


def test_markdown_shows_hostile_text_as_text() -> None:
    from sivistys_cli.diff.formats.markdown import render

    changes = compare(*versions_with_text(MD_HOSTILE))
    assert {c.kind for c in changes} == {"added", "removed", "changed", "renamed"}
    hostile = render(changes, MD_HOSTILE.splitlines()[0], "| `b` #")
    harmless = render(compare(*versions_with_text("x\ny")), "x", "b")
    (blocks, inline), (expected_blocks, expected_inline) = md_tokens(hostile), md_tokens(harmless)
    assert blocks == expected_blocks
    assert inline <= expected_inline | {"text"}  # no strike, link, image, emphasis, code or HTML from the files
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(hostile)
    assert "<script" not in html and "<img" not in html and "<del>" not in html and 'href="javascript' not in html
    assert "- &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | cell # heading" in html
    assert "&amp;amp; &amp;lt;b&amp;gt;" in html and "~~s~~ $x$" in html
    assert "ends with # (<code>t1</code>)</h4>" in html  # a trailing # does not close the heading


# --- wording ------------------------------------------------------------------------------


def test_one_outcome_is_one_outcome() -> None:
    program = (PROGRAMS / "toiminnalliset-tavoitteet-2024/program.yaml").read_bytes()
    one = b"program: toiminnalliset-tavoitteet-2024\nyear: 2024\noutcomes:\n  - ref: periaatteet-valmiit\n" \
          b"    status: achieved\n"
    old = load_snapshot("a", "a", {"programs/t/program.yaml": program})
    new = load_snapshot("b", "b", {"programs/t/program.yaml": program, "programs/t/outcomes/2024.yaml": one})
    from sivistys_cli.diff.formats.text import render

    assert "    + outcome year 2024  added: 1 outcome\n" in render(compare(old, new), "a", "b")


NESTED = BASE.replace("""  - id: t2
    title: Toinen teema
""", """  - id: t2
    title: Toinen teema
    label: Näkökulma
    themes:
      - id: t3
        title: Kolmannen tason teema
        goals:
          - id: g3
            code: "2.1"
            title: Liikuntapaikat ovat esteettömiä.
""")


def test_a_goal_in_a_nested_theme_is_matched_at_its_depth() -> None:
    new = NESTED.replace("title: Liikuntapaikat ovat esteettömiä.", "title: Liikuntapaikat ovat esteettömiä.\n"
                         "            binding: true")
    assert kinds(NESTED, new) == [("changed", "p/t2/t3/g3", "binding")]
    [change] = compare(*snapshots(NESTED, new))
    assert change.substantive


def test_adding_a_nested_theme_is_one_addition_and_its_code_is_editorial() -> None:
    assert [k for k in kinds(BASE, NESTED) if k[0] == "added"] == [
        ("added", "p/t2/t3", ""), ("added", "p/t2/t3/g3", "")]
    [change] = compare(*snapshots(NESTED, NESTED.replace('code: "2.1"', 'code: "2.2"')))
    assert (change.field, change.substantive) == ("code", False)


def test_a_goal_moved_from_a_nested_theme_to_the_top_is_moved() -> None:
    goal = ("        goals:\n          - id: g3\n            code: \"2.1\"\n"
            "            title: Liikuntapaikat ovat esteettömiä.\n")
    new = NESTED.replace(goal, "") + ("      - id: g3\n        code: \"2.1\"\n"
                                      "        title: Liikuntapaikat ovat esteettömiä.\n")
    moved = [c for c in compare(*snapshots(NESTED, new)) if c.kind == "moved"]
    assert [(c.old, c.new) for c in moved] == [("p/t2/t3", "p/t2")]
