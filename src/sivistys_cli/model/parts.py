"""Format parts of the second edition: provenance, outside references, money ledgers, benchmarks, scales."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from sivistys_cli.model.types import (
    _TEXT_SCHEMA,
    Amount,
    Id,
    Model,
    Month,
    RowKind,
    Str,
    Text,
    Value,
    ValueType,
    Year,
)


class Interpretation(Model):
    """The encoder's reading of the document, not the document's own words."""

    note: Text | None = Field(None, description="Why or how the encoder read the document this way.")
    by: Text | None = Field(None, description="Who made the interpretation.")


def _interpreted_shorthand(value: Any) -> Any:
    """`interpreted: true`, `interpreted: "why"` and `interpreted: {note: …}` all mean the same thing."""
    if value is True:
        return {}
    if value is False:
        return None
    if isinstance(value, str) or (isinstance(value, dict) and value and not set(value) & {"note", "by"}):
        return {"note": value}
    return value


Interpreted = Annotated[
    Interpretation | None,
    BeforeValidator(_interpreted_shorthand),
    WithJsonSchema({
        "anyOf": [
            {"type": "boolean"},
            _TEXT_SCHEMA,
            {"type": "object", "properties": {"note": _TEXT_SCHEMA, "by": _TEXT_SCHEMA}, "additionalProperties": False},
            {"type": "null"},
        ],
        "description": "Marks an encoder's interpretation: true, a note why, or {note, by}.",
    }),
]

INTERPRETED_DOC = (
    "Set when this is the encoder's reading, not the document's own words: true, a note why, or {note, by}. "
    "Reports mark it."
)


class Link(Model):
    """A cascade link written as a mapping, so that it can carry provenance."""

    ref: Annotated[str, Field(pattern=r"^(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?:)?[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$")] = (
        Field(description="'program-id' or 'program-id:item-id', as in a plain link.")
    )
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)
    note: Text | None = Field(None, description="Anything else about the link.")


class ExternalRef(Model):
    """Something outside the repository an item implements or refers to, e.g. a city strategy goal 'P 5.3'."""

    document: Text | None = Field(None, description="The document, e.g. 'Kaupunkistrategia 2030'.")
    code: Str | None = Field(None, description="Its numbering in that document, e.g. 'P 5.3'.")
    title: Text | None = Field(None, description="The title of the referenced item, if the document gives it.")
    publisher: Text | None = Field(None, description="Who publishes the document, e.g. 'Kaupunginvaltuusto'.")
    url: Str | None = Field(None, description="Where it can be read.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class Benchmark(Model):
    """A reference level a measure is compared with, e.g. the regional average."""

    name: Text = Field(description="What the benchmark is, e.g. 'Pohjois-Savon keskiarvo'.")
    value: Value | None = Field(None, description="Its value, in the measure's unit.")
    year: Year | None = Field(None, description="The year of that value.")
    source: Text | None = Field(None, description="Where the benchmark value comes from.")


class Scale(Model):
    """The answer scale of a Likert-type measure, e.g. 1–5."""

    min: int = Field(description="The lowest answer, e.g. 1.")
    max: int = Field(description="The highest answer, e.g. 5 or 10.")
    low: Text | None = Field(None, description="What the lowest answer means, e.g. 'täysin eri mieltä'.")
    high: Text | None = Field(None, description="What the highest answer means, e.g. 'täysin samaa mieltä'.")


class Survey(Model):
    """The exact survey question behind a measure, and which answers it counts."""

    question: Text = Field(description="The question as asked.")
    options: tuple[Text, ...] = Field((), description="The answer options, in order.")
    counted: tuple[Text, ...] = Field((), description="Which of the options the measure counts, e.g. the two best.")


class Ratio(Model):
    """A value written as a fraction, e.g. '3/9 kokousta'."""

    numerator: Annotated[float, Field(ge=0)] = Field(description="The counted part, e.g. 3.")
    denominator: Annotated[float, Field(gt=0)] = Field(description="The whole, e.g. 9.")
    text: Text | None = Field(None, description="The value as written, e.g. '3/9 kokousta'.")


# --- money as a typed ledger --------------------------------------------------------


class LedgerColumn(Model):
    id: Id = Field(description="Stable id of the column, used as a key in the rows' amounts, e.g. 'ta2025'.")
    type: ValueType = Field(
        description="actual (TP), budget (TA), amended_budget, forecast, proposal, plan (TS), "
        "actual_to_date (TOT 1–8 kk) or previous_to_date (same period last year)."
    )
    year: Year = Field(description="The year the amounts are for.")
    label: Text | None = Field(None, description="The column heading as the document writes it, e.g. 'TA 2025'.")
    through_month: Month | None = Field(
        None, description="For part-year amounts: the last month covered, e.g. 8 for 'TOT 1–8 kk'."
    )
    as_of: dt.date | None = Field(None, description="The cut-off date of the amounts, YYYY-MM-DD, if stated.")


class LedgerRow(Model):
    id: Id = Field(description="Stable id of the row, unique in the table.")
    code: Str | None = Field(None, description="The row's number in the document, if any.")
    label: Text = Field(description="The row as the document writes it, e.g. 'Toimintakulut'.")
    kind: RowKind = Field(
        RowKind.other, description="income, expense, net, subtotal, total or other: rows of different kinds are never added."
    )
    amounts: dict[str, Amount] = Field(
        default_factory=dict, description="Amount per column id, signed as in the document, e.g. {ta2025: -1200000}."
    )
    sum_of: tuple[Annotated[str, Field(pattern=r"^-?[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$")], ...] = Field(
        (), description="Rows this row is the stated sum of, by id; '-id' subtracts. Checked column by column."
    )
    may_exceed: bool = Field(False, description="True when the row has a right to exceed (ylitysoikeus / överskridningsrätt).")
    note: Text | None = Field(None, description="Anything else about the row.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class Ledger(Model):
    """A money table as the document has it: rows × columns of one value type and year each."""

    id: Id = Field(description="Stable id of the table.")
    code: Str | None = Field(None, description="The table's number in the document, if any.")
    title: Text = Field(description="The table's heading, e.g. 'Käyttötalous' or 'Driftsekonomi'.")
    unit: Text | None = Field(None, description="The unit of the amounts when not euros, e.g. '1 000 €'.")
    columns: tuple[LedgerColumn, ...] = Field(description="The columns, in the document's order.")
    rows: tuple[LedgerRow, ...] = Field((), description="The rows, in the document's order.")
    note: Text | None = Field(None, description="Anything else about the table.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)
