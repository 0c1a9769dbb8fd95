"""Message catalogs in fi / sv / en, and CLDR formatting of numbers, dates and money through Babel."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from sivistys_cli.display.i18n import LANGS, Localized, Translator, catalog, flat_keys
from sivistys_cli.errors import UsageError

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "sivistys_cli" / "templates"
SOURCES = Path(__file__).resolve().parents[1] / "src" / "sivistys_cli"


def test_every_language_has_every_message() -> None:
    keys = flat_keys(catalog("fi"))
    for lang in LANGS:
        assert flat_keys(catalog(lang)) == keys, lang


def test_every_message_used_exists() -> None:
    used = set()
    for path in [*TEMPLATES.glob("*.j2"), *SOURCES.rglob("*.py")]:
        used |= set(re.findall(r'\bt(?:r)?\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used, "the pattern should find the messages"
    missing = sorted(k for k in used if k not in flat_keys(catalog("fi")))
    assert missing == []


def test_every_section_of_the_catalogs_is_used() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*TEMPLATES.glob("*.j2"), *SOURCES.rglob("*.py")])
    unused = [section for section in catalog("fi") if not re.search(rf"[\"']{section}[.\"']", code)]
    assert unused == []


@pytest.mark.parametrize(
    ("lang", "date", "count", "percent", "money", "cents"),
    [
        ("fi", "16.6.2025", "1\u00a0331", "12,5\u00a0%", "98\u00a0000\u00a0€", "1\u00a0500,50\u00a0€"),
        ("sv", "16 juni 2025", "1\u00a0331", "12,5\u00a0%", "98\u00a0000\u00a0€", "1\u00a0500,50\u00a0€"),
        ("en", "16 Jun 2025", "1,331", "12.5%", "€98,000", "€1,500.50"),
    ],
)
def test_numbers_dates_and_money(lang: str, date: str, count: str, percent: str, money: str, cents: str) -> None:
    tr = Translator(lang)
    assert tr.date(dt.date(2025, 6, 16)) == date
    assert tr.number(1331) == count
    assert tr.percent(Decimal("12.5")) == percent
    assert tr.money(Decimal("98000")) == money
    assert tr.money(Decimal("1500.5")) == cents


def test_text_falls_back_to_the_main_language_and_says_so() -> None:
    tr = Translator("sv", main_lang="fi")
    assert tr.text({"fi": "Tavoite", "sv": "Mål"}) == Localized("Mål", "sv", False)
    assert tr.text("Tavoite") == Localized("Tavoite", "fi", True)
    assert tr.text({"fi": "Tavoite", "en": "Goal"}) == Localized("Tavoite", "fi", True)
    assert tr.fallbacks == {"fi"}
    assert Localized("<b>", "fi", True).__html__() == '<span lang="fi">&lt;b&gt;</span>'
    assert Localized("a\nb", "sv", False).__html__() == '<span class="pre">a\nb</span>'


def test_program_labels_are_used_only_in_their_language() -> None:
    assert Translator("fi").label("Strategiakärki", "theme").text == "Strategiakärki"
    assert Translator("en").label("Strategiakärki", "theme").text == "Theme"
    assert Translator("sv").label({"fi": "Painopiste", "sv": "Fokusområde"}, "theme").text == "Fokusområde"


def test_unknown_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown language 'de'"):
        Translator("de")
