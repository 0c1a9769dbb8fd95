"""What the program calls each level (theme, goal, action …), in the report's language."""

from __future__ import annotations

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.model import Program, Theme
from sivistys_cli.model.index import Item


class LevelNames:
    """What the program calls each level, in the report's language (see Translator.label)."""

    def __init__(self, program: Program, tr: Translator) -> None:
        self.theme = tr.label(program.labels.theme, "theme")
        self.goal = tr.label(program.labels.goal, "goal")
        self.action = tr.label(program.labels.action, "action")
        self.measure = tr.label(program.labels.measure, "measure")
        self.program = tr.label(program.labels.program, "program")
        self._tr = tr
        self._levels = program.labels.theme_levels
        # The program's own words for the target, outcome and comment columns, else the generic ones.
        self.target = self._column(program.labels.target, "annual.target")
        self.target_level = self._column(program.labels.target, "program.target")
        self.outcome = self._column(program.labels.outcome, "annual.status")
        self.comment = self._column(program.labels.comment, "annual.comment")

    def _column(self, value: str | dict[str, str] | None, key: str) -> Localized:
        tr = self._tr
        if isinstance(value, dict) and tr.lang in value:
            return Localized(value[tr.lang], tr.lang, False)
        if isinstance(value, str) and tr.lang == tr.main_lang:
            return Localized(value, tr.lang, False)
        return Localized(tr(key), tr.lang, False)

    def theme_at(self, item: Item | Theme, depth: int | None = None) -> Localized:
        """A theme level's name: the theme's own `label`, else the program's name for its depth, else 'theme'."""
        node = item.node if isinstance(item, Item) else item
        depth = item.depth if isinstance(item, Item) else (depth or 0)
        if node.label is not None:  # type: ignore[union-attr]
            return self._tr.label(node.label, "theme")  # type: ignore[union-attr]
        if depth < len(self._levels):
            return self._tr.label(self._levels[depth], "theme")
        return self.theme

    def of(self, kind: str) -> Localized:
        return getattr(self, kind)
