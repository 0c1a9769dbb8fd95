"""Turn pydantic validation errors into plain-language findings at the right node."""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from sivistys_cli.display.literal import kind_of, scalar
from sivistys_cli.model import ID_PATTERN, LANG_PATTERN
from sivistys_cli.model.types import Loc

ID_CORE = "[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?"

_SINGULAR = {
    "themes": "theme",
    "goals": "goal",
    "actions": "action",
    "measures": "measure",
    "outcomes": "outcome",
    "tasks": "task",
    "risks": "risk",
    "stakeholders": "stakeholder",
    "sections": "section",
    "amendments": "amendment",
    "targets": "target",
    "costs": "cost item",
    "items": "item",
    "partners": "partner",
    "background_documents": "background document",
    "materials": "material",
    "interfaces": "interface",
    "dependencies": "dependency",
    "groups": "group",
    "members": "member",
    "phases": "phase",
    "financing": "financing entry",
}

# What each failing branch of a value expected, in words a non-programmer reads.
_EXPECT = {
    "int": "a whole number such as 2025",
    "constrained-int": "a year such as 2025",
    "constrained-decimal": "an amount in euros such as 98000",
    "date": "a date written as 2025-06-16",
    "bool": "true or false",
    "str": "text",
    "decimal": "an amount in euros such as 98000",
}


@dataclass(frozen=True)
class Finding:
    """A structural problem: a code, a data path, whether to point at the key, and a message."""

    code: str
    loc: Loc
    on_key: bool
    message: str


def validate(model: type[BaseModel], data: Any, what: str) -> tuple[BaseModel | None, list[Finding]]:
    """Validate `data`; on failure return one finding per distinct problem."""
    if not isinstance(data, dict):
        return None, [_not_a_mapping(model, data, what)]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _findings(model, data, exc.errors(include_url=False))


def _not_a_mapping(model: type[BaseModel], data: Any, what: str) -> Finding:
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    if data is None:
        msg = f"{what} is empty; it must be a mapping with at least: {', '.join(required)}"
    else:
        msg = f"{what} must be a mapping of 'key: value' lines (with at least: {', '.join(required)}), not {_kind(data)}"
    return Finding("SV103", (), False, msg)


def _findings(model: type[BaseModel], data: Any, errors: list[dict[str, Any]]) -> list[Finding]:
    grouped: dict[tuple[Loc, str], list[dict[str, Any]]] = {}
    for err in errors:
        loc, branches = _split_loc(data, tuple(err["loc"]))
        key = (loc, err["type"] if err["type"] in ("missing", "extra_forbidden") else "value")
        grouped.setdefault(key, []).append({**err, "_branches": branches})
    return [_finding(model, data, loc, errs) for (loc, _), errs in grouped.items()]


def _split_loc(data: Any, loc: Loc) -> tuple[Loc, list[str]]:
    """Keep the part of pydantic's loc that names real data; the rest are union branch tags."""
    real: list[str | int] = []
    branches: list[str] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and (part in node or not branches and _is_field(part)):
            real.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            real.append(part)
            node = node[part]
        else:
            branches.append(str(part))
    return tuple(real), branches


def _is_field(part: str) -> bool:
    return bool(re.fullmatch(r"[a-z_]+", part))


def _finding(model: type[BaseModel], data: Any, loc: Loc, errs: list[dict[str, Any]]) -> Finding:
    err = errs[0]
    kind = err["type"]
    where = _where(data, loc[:-1])
    field = loc[-1] if loc else ""
    if kind == "missing":
        near = _near_miss(_at(data, loc[:-1]), str(field))
        if near:
            return Finding("SV101", loc[:-1] + (near,), True,
                           f"{where} has no '{field}'; the key '{near}' is written differently: rename it '{field}'")
        desc = _description(model, loc)
        hint = f" ({desc[0].lower()}{desc[1:]})".replace(" (inclusive))", ", inclusive)") if desc else ""
        return Finding("SV101", loc[:-1], False, f"{where} has no '{field}'; add '{field}:'{hint}")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(field), allowed, n=1, cutoff=0.6)
        fix = f"did you mean '{close[0]}'?" if close else f"allowed keys are: {', '.join(allowed)}"
        if str(field).isdigit():
            fix = "inside { } a comma separates entries: write decimals with a point (6.1), not a comma (6,1)"
        return Finding("SV102", loc, True, f"unknown key '{field}' in {where}; {fix}")
    return _value_finding(model, data, loc, errs)


def _near_miss(mapping: Any, field: str) -> str | None:
    """A key present in the mapping that is a spelling variant of the missing `field` (organisation/organization)."""
    if not isinstance(mapping, dict):
        return None
    close = difflib.get_close_matches(field, [k for k in mapping if k != field], n=1, cutoff=0.8)
    return close[0] if close else None


def _value_finding(model: type[BaseModel], data: Any, loc: Loc, errs: list[dict[str, Any]]) -> Finding:
    value = _at(data, loc)
    shown = _show(value)
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else _SINGULAR.get(str(loc[-2]) if len(loc) > 1 else "", "value")
    err = errs[0]
    pattern = (err.get("ctx") or {}).get("pattern", "")
    if err["type"] == "string_pattern_mismatch" and ID_CORE in pattern:
        suggestion = slugify(str(value))
        return Finding(
            "SV104",
            loc,
            False,
            f"{shown} is not a valid id: use lowercase letters a-z, digits, hyphens and underscores"
            + (f", e.g. '{suggestion}'" if suggestion else "")
            + ("; a link to another program is written 'program-id:item-id'" if pattern != ID_PATTERN else ""),
        )
    if err["type"] == "string_pattern_mismatch" and pattern == LANG_PATTERN:
        return Finding("SV103", loc, False, f"{shown} is not a language code; use e.g. fi, sv or en")
    if err["type"] in ("model_type", "model_attributes_type") and not isinstance(value, (dict, list)):
        example = _example(model, loc)
        return Finding("SV103", loc, False, f"'{name}' is {shown}; expected a mapping, e.g. {name}: {example}")
    if err["type"] in ("date_from_datetime_parsing", "date_parsing") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return Finding("SV103", loc, False, f"'{name}' is {shown}, which is not a real date; check the day and month")
    if len(errs) > 1 and all(e["_branches"] for e in errs):
        wanted = [_EXPECT.get(e["_branches"][0].split("[")[0], e["_branches"][0]) for e in errs]
        return Finding("SV103", loc, False, f"'{name}' is {shown}; expected {' or '.join(dict.fromkeys(wanted))}")
    return Finding("SV103", loc, False, f"'{name}' is {shown}; {_explain(err)}")


def _explain(err: dict[str, Any]) -> str:
    kind, ctx = err["type"], err.get("ctx", {}) or {}
    table = {
        "enum": lambda: f"use one of: {_choices(ctx.get('expected', ''))}",
        "literal_error": lambda: f"use one of: {_choices(ctx.get('expected', ''))}",
        "int_parsing": lambda: "expected a whole number such as 2025",
        "int_type": lambda: "expected a whole number such as 2025",
        "int_from_float": lambda: "expected a whole number, without decimals",
        "greater_than_equal": lambda: f"it must be at least {ctx.get('ge')}",
        "less_than_equal": lambda: f"it must be at most {ctx.get('le')}",
        "date_from_datetime_parsing": lambda: "write dates as YYYY-MM-DD, e.g. 2025-06-16",
        "date_parsing": lambda: "write dates as YYYY-MM-DD, e.g. 2025-06-16",
        "date_type": lambda: "write dates as YYYY-MM-DD, e.g. 2025-06-16",
        "decimal_parsing": lambda: "expected an amount in euros as a number, e.g. 98000",
        "decimal_type": lambda: "expected an amount in euros as a number, e.g. 98000",
        "decimal_max_places": lambda: "use at most two decimals (cents)",
        "finite_number": lambda: "expected a number, not infinity or 'not a number'",
        "bool_parsing": lambda: "expected true or false",
        "bool_type": lambda: "expected true or false",
        "tuple_type": lambda: "expected a list: one item per line, each starting with '- '",
        "list_type": lambda: "expected a list: one item per line, each starting with '- '",
        "model_type": lambda: "expected a mapping of 'key: value' lines",
        "model_attributes_type": lambda: "expected a mapping of 'key: value' lines",
        "dict_type": lambda: "expected a mapping of 'key: value' lines",
        "string_type": lambda: "expected text",
        "string_too_long": lambda: f"it is too long (at most {ctx.get('max_length')} characters)",
        "string_pattern_mismatch": lambda: "it does not have the expected form",
        "too_short": lambda: f"it needs at least {ctx.get('min_length')} item (e.g. [fi]); or leave the key out",
    }
    return table.get(kind, lambda: err["msg"].rstrip("."))()


def _choices(expected: str) -> str:
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _where(data: Any, loc: Loc) -> str:
    """Name the mapping at `loc` the way a reader would: "goal 'sujuva-asiointi'"."""
    if not loc:
        return "the file"
    node = _at(data, loc)
    container = str(loc[-2]) if isinstance(loc[-1], int) and len(loc) > 1 else str(loc[-1])
    noun = _SINGULAR.get(container, container.replace("_", " "))
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return f"{noun} '{node['id']}'"
    if isinstance(node, dict) and isinstance(node.get("ref"), str):
        return f"{noun} for '{node['ref']}'"
    if isinstance(loc[-1], int):
        return f"{noun} #{loc[-1] + 1}"
    return f"'{noun}'"


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _show(value: Any) -> str:
    text = scalar(value)
    return kind_of(value) or repr(text if len(text) <= 40 else text[:37] + "...")


def _kind(value: Any) -> str:
    return {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), "a single value"
    )


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Dig a model class out of tuple[X, ...], X | None, Annotated[X, …]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (tuple, list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _example(model: type[BaseModel], loc: Loc) -> str:
    """A flow-mapping example with the required keys of the model expected at `loc`."""
    target = _model_at(model, loc)
    if target is None:
        return "{…}"
    keys = [n for n, f in target.model_fields.items() if f.is_required()] or list(target.model_fields)[:2]
    return "{" + ", ".join(f"{k}: …" for k in keys) + "}"


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _model_at(model, loc)
    return list(target.model_fields) if target else []


def _description(model: type[BaseModel], loc: Loc) -> str:
    target = _model_at(model, loc[:-1])
    if target is None or loc[-1] not in target.model_fields:
        return ""
    return (target.model_fields[str(loc[-1])].description or "").rstrip(".")


def slugify(text: str) -> str:
    """Suggest an id for a title: 'Asiakaskokemus ja -lähtöisyys' -> 'asiakaskokemus-ja-lahtoisyys'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:60].rstrip("-")
