"""Check, format and CLI messages in fi / sv / en: looked up by a stable key, filled with named values.

A message is data (`locales/messages.<lang>.toml`): `Msg("SV501.message", {"goal": "x"})` is the
same finding in every language. A value may be a number or euros (`{total:money}`, formatted by the
one Translator of `display/i18n`), another Msg (a part of a message), or a PerLang text.
An entry that is a table with `one` and `other` is chosen by the value `n` (CLDR plural rules).
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from sivistys_cli import errors
from sivistys_cli.diagnostics import Diagnostic, Msg, PerLang
from sivistys_cli.display.i18n import Translator, flat_keys
from sivistys_cli.display.literal import quoted
from sivistys_cli.errors import UsageError


@cache
def messages(lang: str) -> dict[str, Any]:
    """The message catalog of a language, from the package's locales/messages.<lang>.toml."""
    Translator(lang)  # an unknown language is a usage error, said in one place
    path = files("sivistys_cli") / "locales" / f"messages.{lang}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def message_keys(lang: str) -> set[str]:
    return flat_keys(messages(lang))


@cache  # Why: a file with 100 000 findings asks for the same few entries 250 000 times
def entry(key: str, lang: str) -> Any:
    node: Any = messages(lang)
    for part in key.split("."):
        node = node[part]
    return node


class _Formatter(string.Formatter):
    """str.format with more specs: money, number (one-line, plain spaces), and value: a value as the author
    wrote it (true/false, a number in the language's notation, text in quotes)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.tr = _translator(lang)

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "money":
            return self.tr.plain_money(value)
        if format_spec == "number":
            return self.tr.plain_number(value)
        if format_spec == "value":
            return self._value(value)
        return super().format_field(value, format_spec)

    def _value(self, value: Any) -> str:
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return self.tr.plain_number(value)
        return quoted(value)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return super().convert_field(_value(value, self.lang), conversion)


@cache
def _translator(lang: str) -> Translator:
    return Translator(lang)


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return render(value, lang)
    if isinstance(value, PerLang):
        return value.get(lang)
    return value


def render(msg: Msg, lang: str = "en") -> str:
    """The message in `lang`; a plural table is chosen by the value `n`."""
    text = entry(msg.key, lang)
    if isinstance(text, dict):  # a plural table (the catalogs are read by tomllib: tables are dicts)
        n = msg.args["n"]
        form = _translator(lang).locale.plural_form(abs(Decimal(str(n))))
        text = text.get(form, text["other"])
    return _fill(text, msg.args, lang)


def _fill(text: str, args: Mapping[str, Any], lang: str) -> str:
    """`text` with its fields filled: what _Formatter does, from a template parsed once.

    string.Formatter parses the text on every call in pure Python; 100 000 findings in one file took
    1.5 s of CPU in it. Fields that are a plain name with an empty or a money/number spec are filled
    here; anything else goes to _Formatter."""
    parts = _parsed(text)
    if parts is None:
        return _Formatter(lang).format(text, **args)
    out = []
    for literal, name, spec in parts:
        out.append(literal)
        if name is None:
            continue
        value = args[name]
        if type(value) is str and not spec:  # Why: most values are ids and names, put in as they are
            out.append(value)
            continue
        value = _value(value, lang)
        out.append(_translator(lang).plain_money(value) if spec == "money" else
                   _translator(lang).plain_number(value) if spec == "number" else format(value, spec))
    return "".join(out)


@cache
def _parsed(text: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """(literal, field name, spec) pieces of a catalog text; None when a field is more than a plain name."""
    parts = []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None and (not name.isidentifier() or conversion or (spec or "") not in ("", "money", "number")):
            return None
        parts.append((literal, name, spec or ""))
    return tuple(parts)


def localize(diagnostics: list[Diagnostic], lang: str) -> list[Diagnostic]:
    """The same findings with their messages in `lang` (code, position and English for machines kept)."""
    if lang == "en":
        return diagnostics
    return [replace(d, message=render(d.msg, lang)) if d.msg is not None else d for d in diagnostics]


# The environment's locale variables, most specific first (as gettext reads them).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def choose_lang(option: str | None, configured: str | None, environ: Mapping[str, str], default: str = "en") -> str:
    """The language of messages: --lang, else SIVISTYS_LANG, else `lang` in sivistys.toml, else the
    locale (LC_ALL, LC_MESSAGES, LANG: the first one set) when it is Finnish or Swedish, else `default`."""
    for chosen in (option, environ.get("SIVISTYS_LANG") or None, configured):
        if chosen is not None:
            Translator(chosen)  # an unknown language is a usage error
            return chosen
    return locale_lang(environ) or default


def locale_lang(environ: Mapping[str, str]) -> str | None:
    """fi or sv when the first set locale variable names that language (fi_FI.UTF-8, sv_FI), else None."""
    value = next((environ[v] for v in LOCALE_VARIABLES if environ.get(v)), "")
    code = value.split(".")[0].split("_")[0].lower()
    return code if code in ("fi", "sv") else None


def usage(key: str, /, **args: object) -> UsageError:
    """A usage error (exit 2) whose message is in the catalogs: `error.<key>`."""
    msg = Msg(f"error.{key}", args)
    return UsageError(render(msg), msg)


def error_text(exc: Exception, lang: str) -> str:
    """An error's message in `lang` when it is in the catalogs, else as it was written."""
    msg = getattr(exc, "msg", None)
    return render(msg, lang) if isinstance(msg, Msg) else str(exc)


def say(key: str, lang: str = "en", /, **args: object) -> str:
    """A message by key, e.g. a CLI error or a summary line."""
    return render(Msg(key, args), lang)


errors.render_message = render  # errors raised below the display layer read as English text
