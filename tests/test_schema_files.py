"""The committed JSON Schemas and the loader agree: every bundled and golden-case file that loads
without a structure error validates against the schema an editor would use, and a few shorthands the
README documents (`schedule: 2018`, `interpreted: true`, a Unicode minus) are accepted by both."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from sivistys_cli.model import OutcomeYear, Program

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = {kind: json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
           for kind in ("program", "outcomes")}
BUNDLED = sorted((ROOT / "programs").glob("*/program.yaml")) + sorted((ROOT / "programs").glob("*/outcomes/*.yaml"))


def _kind(path: Path) -> str:
    return "outcomes" if path.parent.name == "outcomes" else "program"


def _plain(data: object) -> object:
    """YAML dates as the strings an editor's JSON Schema validator sees."""
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if hasattr(data, "isoformat"):
        return data.isoformat()
    return data


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMAS[kind], format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", BUNDLED, ids=[str(p.relative_to(ROOT)) for p in BUNDLED])
def test_bundled_file_validates_against_committed_schema(path: Path) -> None:
    data = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(_kind(path)).iter_errors(data)]
    assert not errors, errors[:5]


def test_there_are_bundled_files_to_validate() -> None:
    assert len(BUNDLED) >= 8
    assert any(_kind(p) == "outcomes" for p in BUNDLED)


SHORTHANDS = {
    "schedule: 2018": {"id": "a", "title": "A", "schedule": 2018},
    "schedule as text": {"id": "a", "title": "A", "schedule": "maalis–huhtikuu 2017"},
    "interpreted: true": {"id": "a", "title": "A", "interpreted": True},
    "interpreted: note": {"id": "a", "title": "A", "interpreted": "Päätelty tekstistä"},
    "link mapping": {"id": "a", "title": "A", "implements": [{"ref": "kaupunki:tavoite", "interpreted": True}]},
}


@pytest.mark.parametrize("name", SHORTHANDS)
def test_loader_and_schema_both_accept_documented_shorthands(name: str) -> None:
    program = {"id": "p", "title": "P", "organization": "O", "period": {"start": 2017, "end": 2019},
               "goals": [{"id": "g", "title": "G", "actions": [SHORTHANDS[name]]}]}
    Program.model_validate(program)
    assert not list(_validator("program").iter_errors(program))


def test_a_unicode_minus_is_an_amount_for_both() -> None:
    program = {"id": "p", "title": "P", "organization": "O", "period": {"start": 2025, "end": 2025},
               "ledgers": [{"id": "t", "title": "T", "columns": [{"id": "ta", "type": "budget", "year": 2025}],
                            "rows": [{"id": "kate", "label": "Toimintakate", "amounts": {"ta": "−1 234 500,50"}}]}]}
    loaded = Program.model_validate(program)
    assert str(loaded.ledgers[0].rows[0].amounts["ta"]) == "-1234500.50"
    assert not list(_validator("program").iter_errors(program))


def test_schema_rejects_what_the_loader_rejects() -> None:
    outcome = {"program": "p", "year": 2025, "outcomes": [{"ref": "a", "status": "valmis"}]}
    assert list(_validator("outcomes").iter_errors(outcome))
    with pytest.raises(ValueError):
        OutcomeYear.model_validate(outcome)
