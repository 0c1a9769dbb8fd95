"""Values, targets, schedules and costs of a program as words in the report's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sivistys_cli.display.i18n import Localized, Translator
from sivistys_cli.model import Baseline, Measure, MeasureKind, Outcome, Schedule, Target
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
        """One target: its operator and level (a value, or relative to the baseline or benchmark), its text,
        what it is relative to, and its year unless it is `year`."""
        tr = self.tr
        if target.of is not None:
            shown: Shown = self._relative(measure, target)
        else:
            shown = self.value(measure, target.value) if target.value is not None else (
                tr.text(target.text) or tr("value.not_set")
            )
        if target.operator is not None and (target.value is not None or target.of is not None):
            shown = tr(f"operator.{target.operator.value}", value=str(shown))
        if (target.value is not None or target.of is not None) and target.text is not None:
            shown = f"{shown} – {tr.text(target.text).text}"  # type: ignore[union-attr]
        if target.relative_to is not None:
            shown = tr("value.relative_to", value=str(shown), benchmark=tr.text(target.relative_to).text)  # type: ignore[union-attr]
        if target.year is not None and target.year != year:
            shown = tr("value.in_year", value=str(shown), year=target.year)
        return shown

    def _relative(self, measure: Measure, target: Target) -> str:
        """'lähtötaso 3,0', 'Pohjois-Savon keskiarvo 2,9 (2023)', with a difference added: '… +0,5'."""
        tr = self.tr
        if target.of == "baseline":
            base, name = measure.baseline, tr("value.the_baseline")
        else:
            base = measure.benchmark
            name = tr.text(base.name).text if base else tr("value.the_benchmark")  # type: ignore[union-attr]
        shown = name
        if base is not None and base.value is not None:
            shown = f"{name} {self.value(measure, base.value)}"
        if target.value is not None and not isinstance(target.value, (bool, str)):
            shown = f"{shown} {tr.signed(target.value)}"
        return shown

    def observed(self, measure: Measure, outcome: Outcome) -> Shown | None:
        """An outcome's value as written: a ratio as its text or 'a/b', with its change and N when given."""
        tr = self.tr
        if outcome.value is not None:
            shown: Shown = self.value(measure, outcome.value)
        elif outcome.ratio is not None:
            ratio = outcome.ratio
            written = tr.text(ratio.text)
            shown = written if written else f"{tr.number(Decimal(str(ratio.numerator)))}/{tr.number(Decimal(str(ratio.denominator)))}"
        else:
            return None
        extra = []
        if outcome.change is not None:
            extra.append(tr("annual.change", change=self.change(measure, outcome.change)))
        if outcome.n is not None:
            extra.append(tr("annual.n", n=tr.number(outcome.n)))
        return f"{shown} ({', '.join(extra)})" if extra else shown

    def change(self, measure: Measure, change: Decimal) -> str:
        """A change as the document gives it: percentage points for a percentage, else in the measure's unit."""
        if measure.kind is MeasureKind.percentage:
            return self.tr("value.points", value=self.tr.signed(change))
        unit = self.tr.text(measure.unit)
        return f"{self.tr.signed(change)} {unit.text}" if unit else self.tr.signed(change)

    def point(self, value: dt.date | int | str | None) -> str:
        """A date, a year, or a month written YYYY-MM ('toukokuu 2024')."""
        if isinstance(value, str):
            year, month = value.split("-")
            return f"{self.tr.month(int(month))} {year}"
        return self.tr.when(value)

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
