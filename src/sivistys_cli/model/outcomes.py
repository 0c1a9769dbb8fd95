"""The outcome file of one year: a status, value and commentary for each assessed action or measure."""

from __future__ import annotations

from pydantic import Field

from sivistys_cli.model.program import Decision
from sivistys_cli.model.types import Id, Model, OutcomeStatus, Ref, Text, Value, Year


class Outcome(Model):
    ref: Ref = Field(description="Id of the action or measure this outcome is for.")
    status: OutcomeStatus = Field(description="achieved, partly, not_achieved or not_assessed.")
    value: Value | None = Field(None, description="The measured value for a measure, if any.")
    comment: Text | None = Field(None, description="Commentary (kommentointi); may be long.")
    reported_by: Text | None = Field(None, description="Who wrote the assessment.")


class OutcomeYear(Model):
    program: Id = Field(description="Id of the program these outcomes belong to.")
    year: Year = Field(description="The year assessed; by convention also the file name, e.g. 2024.yaml.")
    title: Text | None = Field(None, description="Title of the annual report, if it has one.")
    summary: Text | None = Field(None, description="An overall commentary for the year.")
    decision: Decision | None = Field(None, description="Where the annual report was handled.")
    outcomes: tuple[Outcome, ...] = Field((), description="One entry per assessed action or measure.")
