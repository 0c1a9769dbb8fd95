"""Turn pydantic validation errors into plain-language findings at the right node."""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from sivistys_cli.diagnostics import Msg, PerLang
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

# What each failing branch of a value expected, in words a non-programmer reads (`expect.<branch>`).
_EXPECT = ("int", "constrained-int", "constrained-decimal", "date", "bool", "str", "decimal")
# pydantic's error types that the catalogs explain (`explain.<type>`); others show pydantic's words.
_EXPLAINED = (
    "enum", "literal_error", "int_parsing", "int_type", "int_from_float", "greater_than_equal", "less_than_equal",
    "date_from_datetime_parsing", "date_parsing", "date_type", "decimal_parsing", "decimal_type", "decimal_max_places",
    "finite_number", "bool_parsing", "bool_type", "tuple_type", "list_type", "model_type", "model_attributes_type",
    "dict_type", "string_type", "string_too_long", "string_pattern_mismatch", "too_short",
    # the format's own errors (model/types.py)
    "control_character", "text_type", "text_type_lang", "text_lang", "value_finite", "value_type",
)


@dataclass(frozen=True)
class Finding:
    """A structural problem: a code, a data path, whether to point at the key, and a message."""

    code: str
    loc: Loc
    on_key: bool
    message: Msg


def validate(model: type[BaseModel], data: Any, what: str) -> tuple[BaseModel | None, list[Finding]]:
    """Validate `data`; on failure return one finding per distinct problem."""
    if not isinstance(data, dict):
        return None, [_not_a_mapping(model, data, what)]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _findings(model, data, exc.errors(include_url=False))


def _not_a_mapping(model: type[BaseModel], data: Any, what: str) -> Finding:
    required = ", ".join(n for n, f in model.model_fields.items() if f.is_required())
    whom = Msg("format.what_program" if what == "program.yaml" else "format.what_outcomes")
    if data is None:
        return Finding("SV103", (), False, Msg("format.empty", {"what": whom, "keys": required}))
    return Finding("SV103", (), False, Msg("format.not_mapping", {"what": whom, "keys": required, "kind": _kind(data)}))


def _findings(model: type[BaseModel], data: Any, errors: list[dict[str, Any]]) -> list[Finding]:
    grouped: dict[tuple[Loc, str], list[dict[str, Any]]] = {}
    for err in errors:
        loc, branches = _split_loc(data, tuple(err["loc"]))
        key = (loc, err["type"] if err["type"] in ("missing", "extra_forbidden") else "value")
        grouped.setdefault(key, []).append({**err, "_branches": branches})
    findings = []
    for i, ((loc, _), errs) in enumerate(grouped.items()):
        findings.append(_finding(model, data, loc, errs, suggest=i < MAX_SUGGESTIONS))
    return findings


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


# "Did you mean" asks difflib to compare the key with every allowed one (about 12 µs a pair); a file
# with 20 000 unknown keys spent 1.5 s there. Beyond this many findings in a file, an unknown key's
# message lists the allowed keys instead (text output shows at most 1 000 findings per file anyway).
MAX_SUGGESTIONS = 1000


def _finding(model: type[BaseModel], data: Any, loc: Loc, errs: list[dict[str, Any]], suggest: bool = True) -> Finding:
    err = errs[0]
    kind = err["type"]
    where = _where(data, loc[:-1])
    field = loc[-1] if loc else ""
    if kind == "missing":
        near = _near_miss(_at(data, loc[:-1]), str(field))
        if near:
            return Finding("SV101", loc[:-1] + (near,), True,
                           Msg("SV101.near", {"where": where, "field": field, "near": near}))
        desc = _description(model, loc)
        # The format's own description of the key is English (the model's); other languages leave it out.
        hint = f" ({desc[0].lower()}{desc[1:]})".replace(" (inclusive))", ", inclusive)") if desc else ""
        return Finding("SV101", loc[:-1], False,
                       Msg("SV101.message", {"where": where, "field": field, "hint": PerLang((("en", hint),))}))
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(field), allowed, n=1, cutoff=0.6) if suggest else []
        fix = Msg("common.did_you_mean_bare", {"word": close[0]}) if close else Msg(
            "SV102.allowed", {"keys": ", ".join(allowed)})
        if str(field).isdigit():
            fix = Msg("SV102.comma")
        return Finding("SV102", loc, True, Msg("SV102.message", {"field": field, "where": where, "fix": fix}))
    return _value_finding(model, data, loc, errs)


def _near_miss(mapping: Any, field: str) -> str | None:
    """A key present in the mapping that is a spelling variant of the missing `field` (organisation/organization)."""
    if not isinstance(mapping, dict):
        return None
    return _closest(field, tuple(k for k in mapping if k != field and isinstance(k, str)))


@functools.lru_cache(maxsize=1024)
def _closest(field: str, keys: tuple[str, ...]) -> str | None:
    """Remembered: 25 000 items missing the same key under the same keys cost 0.5 s of difflib otherwise."""
    close = difflib.get_close_matches(field, keys, n=1, cutoff=0.8)
    return close[0] if close else None


def _value_finding(model: type[BaseModel], data: Any, loc: Loc, errs: list[dict[str, Any]]) -> Finding:
    value = _at(data, loc)
    shown = _show(value)
    name: str | Msg = str(loc[-1]) if loc and isinstance(loc[-1], str) else Msg(
        f"noun.{_SINGULAR.get(str(loc[-2]) if len(loc) > 1 else '', 'value')}")
    err = errs[0]
    pattern = (err.get("ctx") or {}).get("pattern", "")
    if err["type"] == "string_pattern_mismatch" and ID_CORE in pattern:
        suggestion = slugify(str(value))
        return Finding("SV104", loc, False, Msg("SV104.message", {
            "value": shown,
            "example": Msg("SV104.example", {"id": suggestion}) if suggestion else "",
            "link": Msg("SV104.link") if pattern != ID_PATTERN else "",
        }))
    if err["type"] == "string_pattern_mismatch" and pattern == LANG_PATTERN:
        return Finding("SV103", loc, False, Msg("SV103.language", {"value": shown}))
    if err["type"] in ("model_type", "model_attributes_type") and not isinstance(value, (dict, list)):
        example = _example(model, loc)
        return Finding("SV103", loc, False, Msg("SV103.mapping", {"name": name, "value": shown, "example": example}))
    if err["type"] in ("date_from_datetime_parsing", "date_parsing") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return Finding("SV103", loc, False, Msg("SV103.not_a_date", {"name": name, "value": shown}))
    if len(errs) > 1 and all(e["_branches"] for e in errs):
        wanted: list[Msg | str] = []
        for e in errs:
            branch = _expected(e["_branches"][0].split("[")[0])
            wanted += [] if branch in wanted else [branch]
        return Finding("SV103", loc, False, Msg("SV103.expected", {"name": name, "value": shown,
                                                                   "expected": _either(wanted)}))
    return Finding("SV103", loc, False, Msg("SV103.message", {"name": name, "value": shown, "explain": _explain(err)}))


def _expected(branch: str) -> Msg | str:
    return Msg(f"expect.{branch}") if branch in _EXPECT else branch


def _either(wanted: list[Msg | str]) -> Msg | str:
    """'a or b or c', in the language of the message."""
    if len(wanted) == 1:
        return wanted[0]
    return Msg("common.or", {"a": wanted[0], "b": _either(wanted[1:])})


def _explain(err: dict[str, Any]) -> Msg:
    kind, ctx = err["type"], err.get("ctx", {}) or {}
    kind = "text_type_lang" if kind == "text_type" and "lang" in ctx else kind
    if kind not in _EXPLAINED:
        return Msg("explain.other", {"text": err["msg"].rstrip(".")})
    args = {"choices": _choices(ctx.get("expected", "")), "ge": ctx.get("ge"), "le": ctx.get("le"),
            "max_length": ctx.get("max_length"), "code": ctx.get("code"), "lang": ctx.get("lang"),
            "n": ctx.get("min_length")}
    return Msg(f"explain.{kind}", args)


def _choices(expected: str) -> str:
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _where(data: Any, loc: Loc) -> Msg:
    """Name the mapping at `loc` the way a reader would: "goal 'sujuva-asiointi'"."""
    if not loc:
        return Msg("where.file")
    node = _at(data, loc)
    container = str(loc[-2]) if isinstance(loc[-1], int) and len(loc) > 1 else str(loc[-1])
    # A key the format names in words (goal, cost item) is said in the reader's language; another key as written.
    noun: Msg | str = Msg(f"noun.{_SINGULAR[container]}") if container in _SINGULAR else container.replace("_", " ")
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return Msg("where.id", {"noun": noun, "id": node["id"]})
    if isinstance(node, dict) and isinstance(node.get("ref"), str):
        return Msg("where.ref", {"noun": noun, "ref": node["ref"]})
    if isinstance(loc[-1], int):
        return Msg("where.nth", {"noun": noun, "n": loc[-1] + 1})
    return Msg("where.key", {"noun": noun})


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _show(value: Any) -> Msg | str:
    text = scalar(value)
    if kind_of(value) is not None:
        return Msg("value_kind." + ("mapping" if isinstance(value, dict) else "list" if isinstance(value, list) else "empty"))
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _kind(value: Any) -> Msg:
    return Msg("value_kind." + {list: "list", str: "text", int: "number", float: "number", bool: "true_false"}.get(
        type(value), "single"))


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    return _model_by_keys(model, tuple(part for part in loc if not isinstance(part, int)))


@functools.lru_cache(maxsize=1024)
def _model_by_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Remembered by the keys alone (list indexes do not change the model): 25 000 findings under the
    same kind of item walked pydantic's model_fields 100 000 times, 0.4 s."""
    current: Any = model
    for part in loc:
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
