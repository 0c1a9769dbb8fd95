"""The outcome file of one year: a status, value and commentary for each assessed action or measure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field

from sivistys_cli.model.parts import INTERPRETED_DOC, Interpreted, Ratio
from sivistys_cli.model.program import Decision
from sivistys_cli.model.types import Id, Model, OutcomeStatus, Ref, Str, Text, Value, Year


class Outcome(Model):
    ref: Ref = Field(description="Id of the goal, action or measure this outcome is for.")
    status: OutcomeStatus | None = Field(
        None,
        description="achieved, partly, not_achieved or not_assessed; left out when the document states no status "
        "(a commentary only) or gives its own word in `status_word`.",
    )
    status_word: Text | None = Field(
        None, description="The document's own status word, e.g. 'Kesken' or 'MÅLET UPPNÅS'; mapped in the "
        "program's `status_words`."
    )
    value: Value | None = Field(None, description="The measured value for a measure, if any.")
    ratio: Ratio | None = Field(
        None, description="A value written as a fraction, e.g. {numerator: 3, denominator: 9, text: '3/9 kokousta'}."
    )
    change: Decimal | None = Field(
        None, description="The change from the previous measurement as the document gives it, e.g. 1.9 (%-points)."
    )
    n: int | None = Field(None, ge=0, description="Sample size (N) behind the value, e.g. the number of respondents.")
    comment: Text | None = Field(None, description="Commentary (kommentointi); may be long.")
    also: tuple[Ref, ...] = Field(
        (), description="Further items the same commentary and status cover, when the document reports them together."
    )
    reported_by: Text | None = Field(None, description="Who wrote the assessment.")
    updated: dt.date | None = Field(None, description="When this record was last updated, YYYY-MM-DD.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class OutcomeYear(Model):
    program: Id = Field(description="Id of the program these outcomes belong to.")
    year: Year = Field(description="The year assessed; by convention also the file name, e.g. 2024.yaml.")
    title: Text | None = Field(None, description="Title of the annual report, if it has one.")
    summary: Text | None = Field(None, description="An overall commentary for the year.")
    decision: Decision | None = Field(None, description="Where the annual report was handled.")
    as_of: dt.date | None = Field(
        None, description="The cut-off date the outcomes report at, e.g. 2025-10-31 for 'tilanne 31.10.'."
    )
    period_text: Text | None = Field(None, description="The reporting period as written, e.g. '1–8 kk' or 'tilanne 31.10.'.")
    source: Str | None = Field(None, description="The document these outcomes were encoded from.")
    outcomes: tuple[Outcome, ...] = Field((), description="One entry per assessed goal, action or measure.")
