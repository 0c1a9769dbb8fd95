"""Values, targets, schedules and costs of a program as words in the report's language."""

from __future__ import annotations

from decimal import Decimal

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.model import Baseline, Measure, MeasureKind, Schedule, Target
from sivistys_cli.model.targets import target_for_year

Shown = str | Localized


class Formatter:
    """Turns model values into display text with one Translator; used by the views and templates."""

    def __init__(self, tr: Translator) -> None:
        self.tr = tr

    def value(self, measure: Measure, value: object) -> Shown:
        """A measured, target or baseline value: kyllä/ei, 1 331 henkeä, 12,5 %, +400, or a text."""
        tr = self.tr
        if value is None:
            return tr("value.none")
        if isinstance(value, bool):
            return tr("value.yes" if value else "value.no")
        if isinstance(value, str):
            return tr.text(value)  # type: ignore[return-value]
        if measure.kind is MeasureKind.percentage:
            return tr.percent(value)  # type: ignore[arg-type]
        number = tr.signed(value) if measure.kind is MeasureKind.change else tr.number(value)  # type: ignore[arg-type]
        unit = tr.text(measure.unit)
        return f"{number} {unit.text}" if unit else number

    def target(self, measure: Measure, target: Target, year: int | None = None) -> Shown:
        """One target: its value or text, what it is relative to, and its year unless it is `year`."""
        tr = self.tr
        shown: Shown = self.value(measure, target.value) if target.value is not None else (
            tr.text(target.text) or tr("value.not_set")
        )
        if target.value is not None and target.text is not None:
            shown = f"{shown} – {tr.text(target.text).text}"  # type: ignore[union-attr]
        if target.relative_to is not None:
            shown = tr("value.relative_to", value=str(shown), benchmark=tr.text(target.relative_to).text)  # type: ignore[union-attr]
        if target.year is not None and target.year != year:
            shown = tr("value.in_year", value=str(shown), year=target.year)
        return shown

    def targets(self, measure: Measure, year: int | None = None) -> list[Shown]:
        """The target for `year` if one is set for it; otherwise every target with its year."""
        if year is not None:
            current = target_for_year(measure, year)
            if current is not None:
                return [self.target(measure, current, year)]
        if measure.targets:
            return [self.target(measure, t) for t in measure.targets]
        return [self.tr("value.pending" if measure.target_pending else "value.not_set")]

    def baseline(self, measure: Measure, baseline: Baseline | None) -> Shown:
        if baseline is None:
            return self.tr("value.none")
        shown = self.value(measure, baseline.value)
        return self.tr("value.in_year", value=str(shown), year=baseline.year) if baseline.year else shown

    def schedule(self, schedule: Schedule | None) -> Shown:
        """'2017–2018', '1.3.2017–31.1.2018', 'jatkuva', or the schedule as written when it has words."""
        tr = self.tr
        if schedule is None:
            return tr("value.none")
        if schedule.text is not None:
            return tr.text(schedule.text)  # type: ignore[return-value]
        if schedule.continuous:
            return tr("value.continuous")
        start, end = tr.when(schedule.start), tr.when(schedule.end)
        if start and end and start != end:
            return tr("value.range", start=start, end=end)
        return start or end or tr("value.none")

    def money(self, amount: Decimal | int) -> str:
        return self.tr.money(amount)

    def numeric(self, measure: Measure, value: Decimal) -> str:
        """A number on a chart axis or label, in the measure's own terms but without the unit."""
        if measure.kind is MeasureKind.percentage:
            return self.tr.percent(value)
        return self.tr.signed(value) if measure.kind is MeasureKind.change else self.tr.number(value)
