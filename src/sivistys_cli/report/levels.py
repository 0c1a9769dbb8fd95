"""What the program calls each level (theme, goal, action …), in the report's language."""

from __future__ import annotations

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.model import Program


class LevelNames:
    """What the program calls each level, in the report's language (see Translator.label)."""

    def __init__(self, program: Program, tr: Translator) -> None:
        self.theme = tr.label(program.labels.theme, "theme")
        self.goal = tr.label(program.labels.goal, "goal")
        self.action = tr.label(program.labels.action, "action")
        self.measure = tr.label(program.labels.measure, "measure")
        self.program = tr.label(program.labels.program, "program")

    def of(self, kind: str) -> Localized:
        return getattr(self, kind)
