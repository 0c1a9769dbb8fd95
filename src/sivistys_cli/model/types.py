"""The format's building blocks: value types, ids, texts, enumerations and the base of every model."""

from __future__ import annotations

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


class Model(BaseModel):
    """Base for every format object: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True, defer_build=True)


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

