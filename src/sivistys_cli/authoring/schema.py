"""The JSON Schemas for editors: written into the user's repository, and the modeline that points at them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sivistys_cli.atomic import write_if_changed
from sivistys_cli.model import OutcomeYear, Program

SCHEMA_DIR = "schema"
MODELS = {"program": Program, "outcomes": OutcomeYear}


def schema_text(kind: str) -> str:
    return json.dumps(MODELS[kind].model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schemas(directory: Path, missing_only: bool = False) -> list[Path]:
    """Write schema/program.schema.json and schema/outcomes.schema.json under `directory`; the changed ones.

    `missing_only` leaves an existing schema alone (init adds what is missing, `schema --write` updates).
    """
    folder = directory / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in MODELS:
        path = folder / f"{kind}.schema.json"
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old is not None and missing_only:
            continue
        if write_if_changed(path, old, schema_text(kind)):
            written.append(path)
    return written


def repository_root(program_dir: Path) -> Path:
    """Where schema/ belongs: above programs/ (…/programs/<id>), else beside the program directory."""
    program_dir = program_dir.resolve()
    parent = program_dir.parent
    return parent.parent if parent.name == "programs" else parent


def modeline(file: Path, kind: str) -> str:
    """The yaml-language-server line for a file, if the repository has the schema; else nothing.

    VS Code's YAML extension reads a path relative to the file, with no network access needed.
    """
    program_dir = file.parent.parent if kind == "outcomes" else file.parent
    schema = repository_root(program_dir) / SCHEMA_DIR / f"{kind}.schema.json"
    if not schema.is_file():
        return ""
    rel = os.path.relpath(schema, file.parent.resolve()).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}\n"
