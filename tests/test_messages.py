"""The message catalogs of check and format messages: complete in fi, sv and en, every key used,
every placeholder the same; and every finding of the golden cases is said from a catalog."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sivistys_cli.check.rules import RULES
from sivistys_cli.cli import app
from sivistys_cli.diagnostics import Msg, Severity
from sivistys_cli.display.i18n import LANGS
from sivistys_cli.display.messages import choose_lang, entry, message_keys, render
from sivistys_cli.load.discover import load
from sivistys_cli.load.validate import _EXPECT, _EXPLAINED, _SINGULAR
from sivistys_cli.model import MeasureKind

SOURCES = Path(__file__).resolve().parents[1] / "src" / "sivistys_cli"
CASES = Path(__file__).parent / "cases"
LITERALS = {node.value for p in SOURCES.rglob("*.py") for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}
# The start of a key built in code: f"{code}.{variant}", f"SV006.unused_{variant}", "value_kind." + kind.
PREFIXES = {text for text in LITERALS if re.fullmatch(r"[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*\.[A-Za-z0-9_]*", text) and not text.endswith(".py")}

# Sections whose second part is chosen from data rather than written in the code.
DOMAINS = {
    "noun": set(_SINGULAR.values()) | {"value"},
    "noun_a": {"program", "theme", "goal", "action", "measure"},
    "noun_the": {"theme", "goal", "action", "measure"},
    "measure_kind": {k.value for k in MeasureKind},
    "expect": set(_EXPECT),
    "explain": set(_EXPLAINED) | {"other"},
    "severity": {s.value for s in Severity},
    # help.<command>…: checked against the command tree in its own test below
    "help": {"app", "check", "rules", "explain", "schema", "diff", "export", "import", "fmt", "init", "report",
             "summary", "outcomes", "lang", "examples"},
}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(key: str, lang: str) -> dict[str, str]:
    value = entry(key, lang)
    return value if isinstance(value, dict) else {"": value}


def test_every_language_has_every_key() -> None:
    for lang in LANGS:
        assert message_keys(lang) == message_keys("en"), lang


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_placeholder_is_the_same_as_in_english(lang: str) -> None:
    wrong = []
    for key in sorted(message_keys("en")):
        english = set().union(*(_placeholders(t) for t in _forms(key, "en").values()))
        for form, text in _forms(key, lang).items():
            if _placeholders(text) != english:
                wrong.append((key, form, sorted(_placeholders(text)), sorted(english)))
    assert wrong == []


def test_no_catalog_has_an_unused_key() -> None:
    unused = []
    for key in sorted(message_keys("en")):
        section, _, rest = key.partition(".")
        variant = rest.split(".")[0]
        built = section in RULES or f"{section}." in PREFIXES  # f"{code}.{variant}", f"yaml_hint.{hint}"
        ok = (
            key in LITERALS
            or (section == "error" and rest in LITERALS)  # usage("config.lang", …) says error.config.lang
            or (section in DOMAINS and variant in DOMAINS[section])
            or (section in RULES and variant == "message")
            or (built and variant in LITERALS)
            or any(key.startswith(p) and len(p) > len(section) + 1 for p in PREFIXES)  # f"SV006.unused_{variant}"
        )
        if not ok:
            unused.append(key)
    assert unused == []


def test_every_check_code_has_its_messages_in_the_catalogs() -> None:
    with_messages = {key.split(".")[0] for key in message_keys("en") if key.startswith("SV")}
    assert sorted(set(RULES) - with_messages) == []


def test_plural_forms_follow_the_language() -> None:
    assert render(Msg("summary.errors", {"n": 1}), "fi") == "1 virhe"
    assert render(Msg("summary.errors", {"n": 2}), "fi") == "2 virhettä"
    assert render(Msg("summary.warnings", {"n": 2}), "sv") == "2 varningar"
    assert render(Msg("summary.warnings", {"n": 0}), "en") == "0 warnings"


def test_money_in_a_message_uses_the_one_formatter() -> None:
    msg = Msg("SV403.message", {"sum": 2000.5, "total": 1_234_567})
    assert "2 000,50 €" in render(msg, "fi") and "1 234 567 €" in render(msg, "fi")
    assert "2 000.50 €" in render(msg, "en")


def test_the_language_is_chosen_in_the_documented_order() -> None:
    env = {"LANG": "sv_FI.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}
    assert choose_lang("en", "fi", {**env, "SIVISTYS_LANG": "sv"}) == "en"
    assert choose_lang(None, "fi", {**env, "SIVISTYS_LANG": "sv"}) == "sv"
    assert choose_lang(None, "fi", env) == "fi"
    assert choose_lang(None, None, env) == "fi"  # LC_MESSAGES comes before LANG
    assert choose_lang(None, None, {"LANG": "sv_SE.UTF-8"}) == "sv"
    assert choose_lang(None, None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert choose_lang(None, None, {"LANG": "C.UTF-8"}) == "en"


def _keys(msg: Msg) -> set[str]:
    """The keys of a message and of every message inside it."""
    return {msg.key}.union(*(_keys(v) for v in msg.args.values() if isinstance(v, Msg)))


def _invalid_cases() -> list[Path]:
    return sorted(p for p in CASES.glob("*/invalid*") if p.is_dir())


@pytest.mark.parametrize("case", _invalid_cases(), ids=lambda c: f"{c.parent.name}/{c.name}")
def test_every_finding_of_a_golden_case_comes_from_a_catalog(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sivistys_cli.check.config import load as load_config
    from sivistys_cli.check.engine import run

    monkeypatch.chdir(case)
    diagnostics = run(load([]), load_config(None, RULES))
    assert diagnostics
    for d in diagnostics:
        assert d.msg is not None, d  # every finding is said from the catalogs
        assert "explain.other" not in _keys(d.msg), d  # pydantic's own English words
        assert render(d.msg, "en") == d.message
        assert render(d.msg, "fi") != d.message and render(d.msg, "sv") != d.message, d


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("case", _invalid_cases(), ids=lambda c: f"{c.parent.name}/{c.name}")
def test_golden_case_in_finnish_and_swedish(case: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """expected.fi.txt / expected.sv.txt: the same findings at the same positions, said in the language."""
    import os

    monkeypatch.chdir(case)
    args = (case / "args.txt").read_text().split() if (case / "args.txt").exists() else []
    result = CliRunner().invoke(app, ["check", *args, "--lang", lang])
    output = f"{result.stdout}{result.stderr if result.stderr else ''}exit: {result.exit_code}\n"
    golden = case / f"expected.{lang}.txt"
    if os.environ.get("SIVISTYS_UPDATE_GOLDENS") == "1":
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
    english = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    positions = [line.split(" ", 2)[:2] for line in output.splitlines()[:-2]]
    assert positions == [line.split(" ", 2)[:2] for line in english[:-2]]


def test_the_english_documentation_of_a_check_is_its_docstring() -> None:
    from sivistys_cli.check.docs import doc

    assert {code: doc(rule) for code, rule in RULES.items()} == {code: r.summary for code, r in RULES.items()}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_generated_check_docs_are_up_to_date(lang: str) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / f"checks.{lang}.md"
    result = CliRunner().invoke(app, ["rules", "--lang", lang, "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == docs.read_text(encoding="utf-8"), f"run: sivistys rules --lang {lang} --format markdown > {docs.name}"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_explain_shows_the_example_finding_in_the_language(lang: str) -> None:
    from sivistys_cli.check.docs import examples

    result = CliRunner().invoke(app, ["explain", "SV402", "--lang", lang])
    assert result.exit_code == 0
    assert examples()["SV402"]["bad"]["findings"][lang] in result.stdout
    assert examples()["SV402"]["bad"]["finding"] not in result.stdout


# One error of each family in a copy of the bundled programs: (file, text, replacement, code).
ONE_OF_EACH = [
    ("somero-sivistysohjelma/program.yaml", "unit: Sivistyspalvelut\n", "unit: Sivistyspalvelut\nunit: Sivistys\n", "SV002"),
    ("somero-sivistysohjelma/program.yaml", "organization: Someron kaupunki\n",
     "organization: Someron kaupunki\nvisio: Sujuvat palvelut\n", "SV102"),
    ("toiminnalliset-tavoitteet-2024/outcomes/2024.yaml", "  - ref: hakeutuvat-kirjastopalvelut\n",
     "  - ref: hakeutuvat-kirjastopalvelu\n", "SV202"),
    ("tammela-palveluprosessit/program.yaml", "        schedule: 2018\n", "        schedule: 2019\n", "SV302"),
    ("toiminnalliset-tavoitteet-2024/outcomes/2024.yaml", "    status: achieved\n    value: true\n",
     "    status: achieved\n    value: kyllä\n", "SV402"),
]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_check_in_the_language_on_the_bundled_programs_with_one_error_of_each_family(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[1] / "programs", tmp_path / "programs")
    for file, old, new, _ in ONE_OF_EACH:
        path = tmp_path / "programs" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    english = CliRunner().invoke(app, ["check"]).stdout.splitlines()
    result = CliRunner().invoke(app, ["check", "--lang", lang])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    families = {RULES[line.split(" ")[1]].family for line in lines[:-1]}
    assert {"input", "structure", "references", "time", "consistency", "measurability"} <= families
    assert {code for *_, code in ONE_OF_EACH} <= {line.split(" ")[1] for line in lines[:-1]}
    assert len(lines) == len(english)
    for mine, theirs in zip(lines[:-1], english[:-1], strict=True):
        assert mine.split(" ", 2)[:2] == theirs.split(" ", 2)[:2]  # file:line:col: and the code
        assert mine.split(": ", 2)[2] != theirs.split(": ", 2)[2]  # said in the language
    words = {"fi": ("virhe", "varoitus"), "sv": ("fel", "varning")}[lang]
    assert all(line.split(" ")[2].rstrip(":") in words for line in lines[:-1])
    assert lines[-1].startswith({"fi": "Löytyi ", "sv": "Hittade "}[lang])


def _help_keys(command: object, key: str = "app") -> set[str]:
    """The catalog key of every command summary and option help of the command tree (format help excepted)."""
    from sivistys_cli.cli.app import _param_help  # noqa: F401 - the lookup these keys serve

    keys = {f"{key}.summary"} if getattr(command, "help", None) else set()
    shared = {"lang"} if key in ("check", "rules", "explain", "diff") else set()
    keys |= {"lang" if p.name in shared else f"{key}.{p.name}" for p in command.params  # type: ignore[attr-defined]
             if getattr(p, "help", None) and p.name != "output_format"}
    for name, sub in getattr(command, "commands", {}).items():
        keys |= _help_keys(sub, name if key == "app" else f"{key}.{name}")
    return keys


def test_every_command_and_option_has_its_help_in_the_catalogs_and_no_other() -> None:
    import typer.main

    keys = _help_keys(typer.main.get_command(app)) | {"examples"}
    in_catalog = {k.removeprefix("help.") for k in message_keys("en") if k.startswith("help.")}
    assert in_catalog <= keys  # no help text for a command or option that does not exist
    assert {k for k in keys if k.startswith("check.")} <= in_catalog


@pytest.mark.parametrize(("lang", "summary", "option"), [
    ("fi", "Tarkista ohjelmat ja toteumatiedostot", "Laske löydökset tarkistuksen koodeittain"),
    ("sv", "Kontrollera program och utfallsfiler", "Räkna anmärkningarna per kontrollkod"),
])
def test_help_in_the_language_of_the_start_up(lang: str, summary: str, option: str) -> None:
    import typer.main
    from click.testing import CliRunner as ClickRunner

    from sivistys_cli.cli.app import help_lang, localized

    assert help_lang({"SIVISTYS_LANG": lang}) == lang
    assert help_lang({"LANG": f"{lang}_FI.UTF-8"}) == lang
    command = localized(typer.main.get_command(app), lang)
    result = ClickRunner().invoke(command, ["check", "--help"], terminal_width=200)
    assert summary in result.stdout and option in result.stdout
    assert "Count findings per check code" not in result.stdout
    assert {"fi": "Esimerkkejä:", "sv": "Exempel:"}[lang] in result.stdout


def test_lang_in_sivistys_toml_and_the_command_line_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    case = sorted((CASES / "SV502").glob("invalid*"))[0]
    monkeypatch.chdir(case)
    (case / "sivistys.toml").write_text('lang = "sv"\n', encoding="utf-8")
    try:
        swedish = CliRunner().invoke(app, ["check"])
        english = CliRunner().invoke(app, ["check", "--lang", "en"])
        (case / "sivistys.toml").write_text('lang = "de"\n', encoding="utf-8")
        wrong = CliRunner().invoke(app, ["check"])
    finally:
        (case / "sivistys.toml").unlink()
    assert swedish.stdout == (case / "expected.sv.txt").read_text(encoding="utf-8").rsplit("exit:", 1)[0]
    assert english.stdout == (case / "expected.txt").read_text(encoding="utf-8").rsplit("exit:", 1)[0]
    assert wrong.exit_code == 2 and "'lang' is 'de'; use fi, sv, en" in wrong.stderr


def test_json_sarif_and_gitlab_keep_english_codes_and_names_with_the_message_in_the_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    case = sorted((CASES / "SV502").glob("invalid*"))[0]
    monkeypatch.chdir(case)
    finding = json.loads(CliRunner().invoke(app, ["check", "--format", "json", "--lang", "fi"]).stdout)["diagnostics"][0]
    assert (finding["code"], finding["severity"]) == ("SV502", "warning")
    assert finding["message"].startswith("mittarilla ")
    sarif = json.loads(CliRunner().invoke(app, ["check", "--format", "sarif", "--lang", "sv"]).stdout)["runs"][0]
    rule = next(r for r in sarif["tool"]["driver"]["rules"] if r["id"] == "SV502")
    assert rule["name"] == "measure-without-target" and sarif["results"][0]["message"]["text"].startswith("mätaren ")
    gitlab = json.loads(CliRunner().invoke(app, ["check", "--format", "gitlab", "--lang", "fi"]).stdout)[0]
    assert gitlab["check_name"] == "SV502" and "tavoitetasoa" in gitlab["description"]


@pytest.mark.parametrize(("args", "english", "finnish", "swedish"), [
    (["check", "--fail-on", "x"], "sivistys: error: unknown --fail-on 'x'; use error, warning or info",
     "sivistys: virhe: tuntematon --fail-on 'x'; käytä jotakin näistä: error, warning tai info",
     "sivistys: fel: okänt --fail-on 'x'; använd error, warning eller info"),
    (["fmt", "no-such-dir"], "sivistys: error: no-such-dir: no such file or directory",
     "sivistys: virhe: no-such-dir: tiedostoa tai kansiota ei ole", "sivistys: fel: no-such-dir: filen eller mappen finns inte"),
    (["export", "nowhere"], "sivistys: error: nowhere: no such file or directory",
     "sivistys: virhe: nowhere: tiedostoa tai kansiota ei ole", "sivistys: fel: nowhere: filen eller mappen finns inte"),
    (["schema", "plan"], "sivistys: error: unknown schema 'plan'; use program or outcomes",
     "sivistys: virhe: tuntematon skeema 'plan'; käytä program tai outcomes",
     "sivistys: fel: okänt schema 'plan'; använd program eller outcomes"),
    (["diff", "--files", "a"], "sivistys: error: --files takes two paths: OLD NEW (files or directories)",
     "sivistys: virhe: --files tarvitsee kaksi polkua: VANHA UUSI (tiedostoja tai kansioita)",
     "sivistys: fel: --files tar två sökvägar: GAMMAL NY (filer eller mappar)"),
])
def test_errors_of_every_command_in_the_language(args: list[str], english: str, finnish: str, swedish: str,
                                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for lang, expected in (("en", english), ("fi", finnish), ("sv", swedish)):
        result = CliRunner().invoke(app, [*args, "--lang", lang])
        assert (result.exit_code, result.stderr.strip()) == (2, expected)
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert CliRunner().invoke(app, args).stderr.strip() == finnish


# Where messages are still written in the code, in English: the report templates' errors (they quote
# Jinja's own words, for template authors) and import's cell-by-cell refusals of an edited sheet.
WRITTEN_IN_CODE = {"report/templating.py"}  # its errors quote Jinja's own words
_ERRORS = ("UsageError", "SivistysError", "Refused")


def _written_messages(path: Path) -> list[int]:
    """Lines where an error is made with its message as a literal or an f-string, not from the catalogs."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = getattr(node.func, "id", getattr(node.func, "attr", "")) if isinstance(node, ast.Call) else ""
        if name in _ERRORS and node.args:
            first = node.args[0]
            if isinstance(first, (ast.JoinedStr, ast.BinOp)) or (isinstance(first, ast.Constant) and first.value):
                lines.append(node.lineno)
    return lines


def test_no_error_message_is_written_in_the_code() -> None:
    """Every usage error says its message from the catalogs (display.messages.usage, errors.said), so that it
    is said in fi, sv and en; an error made with a literal or f-string message would be English for everyone."""
    found = {rel: lines for p in sorted(SOURCES.rglob("*.py"))
             if (rel := p.relative_to(SOURCES).as_posix()) not in WRITTEN_IN_CODE and (lines := _written_messages(p))}
    assert found == {}
    assert _written_messages(SOURCES / "report" / "templating.py"), "the scan should find the known ones"


def test_every_command_takes_lang_for_its_messages() -> None:
    import typer.main

    def commands(group: object, prefix: str = "") -> dict[str, object]:
        out = {}
        for name, sub in getattr(group, "commands", {}).items():
            out.update(commands(sub, f"{prefix}{name} ") if hasattr(sub, "commands") else {f"{prefix}{name}": sub})
        return out

    lacking = [name for name, cmd in commands(typer.main.get_command(app)).items()
               if "--lang" not in {o for p in cmd.params for o in p.opts}]  # type: ignore[attr-defined]
    assert lacking == []


