"""`sivistys init`: a new program directory with a commented program.yaml that passes `check`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sivistys_cli.atomic import write_text
from sivistys_cli.authoring.roundtrip import loads
from sivistys_cli.authoring.schema import modeline, repository_root, write_schemas
from sivistys_cli.display.messages import usage
from sivistys_cli.model.paths import PROGRAM_FILE
from sivistys_cli.model.types import ID_PATTERN


@dataclass(frozen=True)
class NewProgram:
    """What `init` is asked to make."""

    id: str
    title: str
    period: str  # "2025-2030"
    organization: str
    lang: str = "fi"


TEMPLATE = """\
{modeline}# {title}
# Every key is described in the JSON Schema (schema/program.schema.json); an editor with a
# YAML extension completes keys and shows their help. `sivistys check` finds what is missing.
id: {id}
title: {title_yaml}
organization: {organization_yaml}
period: {{start: {start}, end: {end}}}
status: draft                 # draft | approved | archived
languages: [{lang}]             # plain texts are in the first language; {{fi: …, sv: …}} for several
# What this program calls each level, as in its own document:
labels: {{theme: {theme}, goal: {goal}, action: {action}, measure: {measure}}}
# The top level. An example to copy, with its ids made of lowercase letters, digits and hyphens:
#
#   - id: oppimisen-tuki
#     title: Oppimisen tuki
#     goals:
#       - id: varhainen-tuki
#         title: Tuki annetaan ajoissa.
#     actions:
#       - id: tukiopetus
#         title: Tukiopetuksen malli kaikkiin kouluihin.
#         responsible: Opetuspäällikkö
#         schedule: {{start: {start}, end: {end}}}
#     measures:
#       - id: tukiopetustunnit
#         title: Tukiopetustuntien määrä
#         kind: count          # yes_no | count | percentage | change | number | qualitative
#         direction: increase
#         baseline: {{year: {baseline}, value: 0}}
#         targets: [{{year: {end}, value: 0}}]
#         data_source: {{name: Kouluhallintojärjestelmä}}
#         goals: [varhainen-tuki]
themes: []
"""

# Level names by language, so a new program's labels read right from the start.
LABELS = {
    "fi": ("Painopiste", "Tavoite", "Toimenpide", "Mittari"),
    "sv": ("Fokusområde", "Mål", "Åtgärd", "Mätare"),
    "en": ("Theme", "Goal", "Action", "Measure"),
}


def period(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", text)
    if not match:
        raise usage("authoring.not_a_period", value=text)
    start, end = int(match[1]), int(match[2])
    if end < start:
        raise usage("authoring.period_backwards", value=text)
    return start, end


def program_text(new: NewProgram, target: Path) -> str:
    start, end = period(new.period)
    theme, goal, action, measure = LABELS.get(new.lang, LABELS["fi"])
    return TEMPLATE.format(
        modeline=modeline(target, "program"), title=" ".join(new.title.split()), id=new.id,
        title_yaml=_scalar(new.title), organization_yaml=_scalar(new.organization), start=start, end=end,
        lang=new.lang, theme=theme, goal=goal, action=action, measure=measure, baseline=start - 1,
    )


def _scalar(text: str) -> str:
    """The text as a YAML scalar, quoted only when YAML needs it."""
    from sivistys_cli.authoring.roundtrip import dumps

    return dumps({"x": " ".join(text.split())}).removeprefix("x: ").rstrip("\n")


def init(directory: Path, new: NewProgram, schemas: bool = True) -> tuple[Path, list[Path]]:
    """Create DIR/program.yaml (and schema/ in the repository, if it is missing); never overwrite."""
    if not re.fullmatch(ID_PATTERN, new.id):
        raise usage("authoring.not_an_id", value=new.id)
    if new.lang not in LABELS:
        raise usage("authoring.init_lang", value=new.lang, langs=", ".join(LABELS))
    if not new.title.strip() or not new.organization.strip():
        raise usage("authoring.empty_title")
    target = directory / PROGRAM_FILE
    if target.exists():
        raise usage("authoring.exists", path=str(target))
    if directory.exists() and not directory.is_dir():
        raise usage("authoring.not_a_directory", path=str(directory))
    written = write_schemas(repository_root(directory), missing_only=True) if schemas else []
    directory.mkdir(parents=True, exist_ok=True)
    text = program_text(new, target)
    loads(text, str(target))  # a title YAML cannot hold is caught before anything is written
    write_text(target, text)
    return target, written
