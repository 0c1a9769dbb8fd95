"""The format's building blocks: value types, ids, texts, enumerations and the base of every model."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

Loc = tuple[str | int, ...]
"""A place in a file's data: keys and list indexes from the top, e.g. ("themes", 0, "goals", 1)."""

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$"
LANG_PATTERN = r"^[a-z]{2,3}$"


# Control characters (ESC, BEL, …) would reach terminals and reports; only tab and newlines are text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control(text: str) -> str:
    found = _CONTROL.search(text)
    if found:
        raise PydanticCustomError(
            "control_character",
            "it contains an invisible control character (U+{code}); remove it",
            {"code": f"{ord(found.group()):04X}"},
        )
    return text


def _validate_text(value: Any) -> str | dict[str, str]:
    """Accept a plain string (the program's main language) or a {lang: text} mapping."""
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("text_type", "expected text")
    if isinstance(value, (str, int, float, Decimal)):
        return _no_control(str(value))
    if isinstance(value, dict) and value:
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not isinstance(lang, str) or not _is_lang(lang):
                raise PydanticCustomError(
                    "text_lang", "'{lang}' is not a language code; use fi, sv or en", {"lang": lang}
                )
            if not isinstance(text, (str, int, float)) or isinstance(text, bool):
                raise PydanticCustomError("text_type", "expected text for language '{lang}'", {"lang": lang})
            out[lang] = _no_control(str(text))
        return out
    raise PydanticCustomError("text_type", "expected text")


def _is_lang(code: str) -> bool:
    return 2 <= len(code) <= 3 and code.isascii() and code.isalpha() and code.islower()


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {"type": "string"},
            "minProperties": 1,
        },
    ]
}

Text = Annotated[
    Union[str, dict[str, str]],
    PlainValidator(_validate_text),
    WithJsonSchema(_TEXT_SCHEMA),
]
"""Human text: a plain string in the program's main language, or {fi: …, sv: …, en: …}."""


def _validate_value(value: Any) -> bool | int | Decimal | str:
    if isinstance(value, bool) or isinstance(value, int):
        return value
    if isinstance(value, (float, Decimal)):
        if not math.isfinite(value):
            raise PydanticCustomError("value_finite", "expected a number, not infinity or 'not a number'")
        return Decimal(str(value))
    if isinstance(value, str):
        return _no_control(value)
    raise PydanticCustomError(
        "value_type", "expected a number, true/false or a short text, not a list or mapping"
    )


Value = Annotated[
    Union[bool, int, Decimal, str],
    PlainValidator(_validate_value),
    WithJsonSchema({"type": ["boolean", "number", "string"]}),
]
"""A measured or target value: true/false (kyllä/ei), a number, or a short text."""

Str = Annotated[str, AfterValidator(_no_control)]
"""A short technical string (a URL, a section number): like text, free of control characters."""

Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=80)]
Ref = Annotated[
    str,
    Field(
        pattern=r"^(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?:)?[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$",
        description="An item id in this program, or 'program-id:item-id' in another program.",
    ),
]
Year = Annotated[int, Field(ge=1900, le=2200)]
Month = Annotated[int, Field(ge=1, le=12)]
# An explicit schema: YAML authors write euros as numbers, and pydantic's own Decimal schema varies by version.
Euros = Annotated[
    Decimal,
    Field(ge=0, decimal_places=2, allow_inf_nan=False),
    WithJsonSchema({"type": "number", "minimum": 0, "description": "Euros, e.g. 98000 or 1200.50."}),
]


def _validate_amount(value: Any) -> Decimal:
    """An amount of money: a number, or text such as '−1 234,50' (a Unicode minus and spaces are understood)."""
    if isinstance(value, bool):
        raise PydanticCustomError("amount_type", "expected an amount of money, e.g. -1200.50, not true/false")
    if isinstance(value, (int, float, Decimal)):
        if not math.isfinite(value):
            raise PydanticCustomError("value_finite", "expected a number, not infinity or 'not a number'")
        return Decimal(str(value))
    if isinstance(value, str) and _AMOUNT.fullmatch(value.strip()):
        text = re.sub(r"[\s\u00a0\u202f]", "", value.strip())
        return Decimal(text.replace("\u2212", "-").replace("\u2013", "-").replace(",", "."))
    raise PydanticCustomError(
        "amount_type",
        "expected an amount of money such as -1200.50 or '−1 200,50' (a minus sign − or -, a decimal point or comma)",
    )


_AMOUNT = re.compile(r"[-\u2212\u2013]?\s?\d[\d \u00a0\u202f]*(?:[.,]\d+)?")

Amount = Annotated[
    Decimal,
    PlainValidator(_validate_amount),
    WithJsonSchema({
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": r"^[-\u2212\u2013]?\s?\d[\d \u00a0\u202f]*(?:[.,]\d+)?$"},
        ],
        "description": "A signed amount, e.g. -1200.50; text such as '−1 200,50' (Unicode minus) is understood.",
    }),
]
"""A signed amount of money in a ledger: negative for expenses or a deficit, as the document writes it."""

YEAR_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def _validate_point(value: Any) -> dt.date | int | str:
    """A date, a year alone (2024) or a month alone ('2024-05'), as precisely as the document says."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, str):
        text = value.strip()
        if YEAR_MONTH.fullmatch(text):
            return text
        if re.fullmatch(r"\d{4}", text):
            return int(text)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    # The loader words 'date_parsing' as it does for every date (a real date? YYYY-MM-DD?).
    raise PydanticCustomError(
        "date_parsing", "expected a date YYYY-MM-DD, a month YYYY-MM or a year YYYY"
    )


PointInTime = Annotated[
    Union[dt.date, int, str],
    PlainValidator(_validate_point),
    WithJsonSchema({
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"},
            {"type": "integer", "minimum": 1900, "maximum": 2200},
        ]
    }),
]
"""When something happened, as precisely as the document says: a date, a month ('2024-05') or a year."""


class Model(BaseModel):
    """Base for every format object: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


# --- enumerations -----------------------------------------------------------------


class ProgramStatus(str, Enum):
    draft = "draft"
    approved = "approved"
    archived = "archived"


class MeasureKind(str, Enum):
    yes_no = "yes_no"
    count = "count"
    percentage = "percentage"
    change = "change"
    number = "number"
    qualitative = "qualitative"


class Direction(str, Enum):
    increase = "increase"
    decrease = "decrease"
    reach = "reach"
    maintain = "maintain"


class OutcomeStatus(str, Enum):
    achieved = "achieved"
    partly = "partly"
    not_achieved = "not_achieved"
    not_assessed = "not_assessed"


class TaskStatus(str, Enum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


class PartnerType(str, Enum):
    municipal = "municipal"
    wellbeing_services_county = "wellbeing_services_county"
    region = "region"
    state = "state"
    association = "association"
    company = "company"
    education = "education"
    residents = "residents"
    other = "other"



class ValueType(str, Enum):
    """What kind of amount a money column holds; amounts of different types are never added together."""

    actual = "actual"  # TP, tilinpäätös / bokslut
    budget = "budget"  # TA, talousarvio / budget
    amended_budget = "amended_budget"  # muutettu TA / ändrad budget
    forecast = "forecast"  # ennuste / prognos
    proposal = "proposal"  # ehdotus / förslag
    plan = "plan"  # TS, taloussuunnitelma / ekonomiplan
    actual_to_date = "actual_to_date"  # TOT 1–8 kk: actual for part of the year
    previous_to_date = "previous_to_date"  # EDV 1–8 kk: the same period last year


class RowKind(str, Enum):
    income = "income"
    expense = "expense"
    net = "net"
    subtotal = "subtotal"
    total = "total"
    other = "other"


class Tier(str, Enum):
    strategic = "strategic"
    tactical = "tactical"
    operational = "operational"


class Operator(str, Enum):
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    less_than = "less_than"
    equal = "equal"


class StatusRule(str, Enum):
    """How a goal's status follows from its measures."""

    all = "all"
    any = "any"
    manual = "manual"


class DecisionKind(str, Enum):
    proposal = "proposal"
    approval = "approval"
    conditional_approval = "conditional_approval"
    amendment = "amendment"
    noted = "noted"
    rejected = "rejected"
    returned = "returned"
