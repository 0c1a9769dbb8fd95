"""Every user-facing word of summaries and reports in fi / sv / en, and CLDR formatting through Babel."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import format_currency, format_decimal, format_percent
from markupsafe import escape

from sivistys_cli.errors import said

LANGS = ("fi", "sv", "en")


def default_lang(main: str) -> str:
    """The language of a program's summary and reports unless --lang says otherwise."""
    return main if main in LANGS else "fi"


class Localized(NamedTuple):
    """A text in the language it is written in; `fallback` when that is not the language asked for."""

    text: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        """In HTML (Jinja autoescape): escaped, and wrapped with its `lang` when it fell back."""
        text = escape(self.text)
        pre = ' class="pre"' if "\n" in self.text else ""
        if not self.fallback and not pre:
            return text
        lang = f' lang="{self.lang}"' if self.fallback else ""
        return f"<span{lang}{pre}>{text}</span>"


@cache
def catalog(lang: str) -> dict[str, Any]:
    """The message catalog of a language, from the package's locales/<lang>.toml."""
    if lang not in LANGS:
        raise said("unknown_language", value=lang, langs=", ".join(LANGS))
    return tomllib.loads((files("sivistys_cli") / "locales" / f"{lang}.toml").read_text(encoding="utf-8"))


def flat_keys(data: dict[str, Any], prefix: str = "") -> set[str]:
    """All dotted keys of a catalog, for checking that every language has every message."""
    out: set[str] = set()
    for key, value in data.items():
        out |= flat_keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return out


class Translator:
    """Messages, program texts and numbers in one language; remembers which texts fell back."""

    def __init__(self, lang: str, main_lang: str = "fi") -> None:
        self.lang = lang
        self.main_lang = main_lang
        self.messages = catalog(lang)
        self.locale = Locale.parse(self.messages["meta"]["locale"])
        self.fallbacks: set[str] = set()
        # Babel formats a number in ~80 µs; a report of 10 000 measures formats the same few values
        # (years, targets, costs) 190 000 times. Keyed by type and text: 1, 1.0, -0.0 and Decimal('1.0') differ.
        self._numbers: dict[tuple[Any, ...], str] = {}

    # --- messages -------------------------------------------------------------------

    def __call__(self, key: str, **params: object) -> str:
        node: Any = self.messages
        for part in key.split("."):
            node = node[part]
        return node.format(**params) if params else node

    # --- program texts --------------------------------------------------------------

    def text(self, value: str | dict[str, str] | None) -> Localized | None:
        """A Text field in the asked language, else the program's main language, else any."""
        if value is None:
            return None
        if isinstance(value, str):
            return self._mark(value, self.main_lang)
        if self.lang in value:
            return Localized(value[self.lang], self.lang, False)
        lang = self.main_lang if self.main_lang in value else sorted(value)[0]
        return self._mark(value[lang], lang)

    def _mark(self, text: str, lang: str) -> Localized:
        if lang != self.lang:
            self.fallbacks.add(lang)
        return Localized(text, lang, lang != self.lang)

    def label(self, value: str | dict[str, str] | None, level: str) -> Localized:
        """What the program calls a level, if it says so in this language; else the generic word."""
        if isinstance(value, dict) and self.lang in value:
            return Localized(value[self.lang], self.lang, False)
        if isinstance(value, str) and self.lang == self.main_lang:
            return Localized(value, self.lang, False)
        return Localized(self(f"level.{level}"), self.lang, False)

    # --- numbers, money, dates --------------------------------------------------------

    def number(self, value: int | Decimal | float) -> str:
        key = (type(value), value if type(value) is int else str(value))  # no str() of a 5 000-digit int
        if key not in self._numbers:
            self._numbers[key] = self._number(value)
        return self._numbers[key]

    def _remembered(self, kind: str, value: Any, make: Any) -> str:
        """`make(value)`, computed once per kind and value (keyed as in `number`): percentages, sums and dates
        repeat as numbers do, and Babel parses its pattern again for each (60 000 percentages in the trend
        charts of a corpus's annual reports)."""
        key = (kind, type(value), value if type(value) is int else str(value))
        shown = self._numbers.get(key)
        if shown is None:
            shown = self._numbers[key] = make(value)
        return shown  # type: ignore[no-any-return]

    def _number(self, value: int | Decimal | float) -> str:
        if not _formattable(value):
            return _plain(value)
        return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def signed(self, value: int | Decimal) -> str:
        plus = self.locale.number_symbols["latn"]["plusSign"]
        return (plus if value > 0 else "") + self.number(value)

    def percent(self, value: int | Decimal) -> str:
        """A percentage given on the 0–100 scale, e.g. 12.5 -> '12,5 %'."""
        return self._remembered("%", value, self._percent)

    def _percent(self, value: int | Decimal) -> str:
        if not _formattable(value):
            return f"{_plain(value)} %"
        return format_percent(Decimal(str(value)) / 100, locale=self.locale, decimal_quantization=False)

    def money(self, amount: int | Decimal) -> str:
        """Euros in the locale's pattern, without cents when the amount is whole: '98 000 €'."""
        return self._remembered("€", amount, self._money)

    def _money(self, amount: int | Decimal) -> str:
        if not _formattable(amount):
            return f"{_plain(amount)} €"
        pattern = self.locale.currency_formats["standard"].pattern
        if Decimal(amount) == Decimal(amount).to_integral_value():
            pattern = pattern.replace("0.00", "0")
        return format_currency(amount, "EUR", format=pattern, locale=self.locale, currency_digits=False)

    def plain_money(self, amount: int | Decimal) -> str:
        """Euros in a one-line message (a CI log, a terminal): the locale's decimal sign, a plain space
        between thousands as ISO 80000 writes them for any reader, the euro sign after: '2 000.50 €'."""
        amount = Decimal(amount)
        pattern = "#,##0 ¤" if amount == amount.to_integral_value() else "#,##0.00 ¤"
        text = format_currency(amount, "EUR", format=pattern, locale=self.locale, currency_digits=False)
        return self._plain_spaces(text)

    def plain_number(self, value: int | Decimal | float) -> str:
        """A number in a one-line message, with the decimals it was written with (3.0 stays 3,0 / 3.0): the
        locale's decimal sign, plain spaces between thousands."""
        if isinstance(value, bool) or not _formattable(value):
            return self._plain_spaces(self.number(value))
        # A float does not remember how it was written; a whole one is shown whole (9.0 as 9).
        number = Decimal(int(value)) if isinstance(value, float) and value.is_integer() else Decimal(str(value))
        places = -number.as_tuple().exponent  # type: ignore[operator]
        if places <= 0:
            return self._plain_spaces(self.number(number))
        text = format_decimal(number, format="#,##0." + "0" * places, locale=self.locale)
        return self._plain_spaces(text)

    def _plain_spaces(self, text: str) -> str:
        group = self.locale.number_symbols["latn"]["group"]
        return text.replace(group, " ").replace("\u00a0", " ").replace("\u202f", " ")

    def date(self, value: dt.date) -> str:
        return self._remembered("date", value, self._date)

    def _date(self, value: dt.date) -> str:
        return format_date(value, self.messages["meta"]["date_format"], locale=self.locale)

    def when(self, value: dt.date | int | None) -> str:
        """A schedule point: a year as is, a date in the locale's format."""
        if value is None:
            return ""
        return self.date(value) if isinstance(value, dt.date) else str(value)

    def month(self, month: int) -> str:
        return get_month_names("wide", context="stand-alone", locale=self.locale)[month]


# Babel expands a number to all its digits; beyond this a value is shown in scientific notation instead,
# so no value a file can hold (10^400, infinity) makes a renderer fail or print a page of zeros.
_MAX_SHOWN = Decimal(10) ** 18


def _formattable(value: object) -> bool:
    try:
        number = Decimal(str(value))
    except (ArithmeticError, ValueError):
        return False
    return number.is_finite() and abs(number) < _MAX_SHOWN and number.as_tuple().exponent >= -12  # type: ignore[operator]


def _plain(value: object) -> str:
    try:
        number = Decimal(str(value))
    except (ArithmeticError, ValueError):
        return str(value)
    return f"{number:.6E}" if number.is_finite() else str(value)
