"""Trend charts: the axis rule (a count from zero, a level fitted to its values), labels and words."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sivistys_cli.report.charts import ChartText, axis_range, trend_svg

TEXT = ChartText("Osuus: kehitys 2022–2024", "Toteuma: …", "Toteuma", "Tavoite", axis="prosenttiosuus (%)",
                 not_from_zero="Pystyakseli ei ala nollasta.")


def show(v: Decimal) -> str:
    return f"{v} %"


def test_a_level_is_fitted_to_its_values_so_the_change_shows() -> None:
    lo, hi, step = axis_range([61.5, 66.2], from_zero=False)
    assert 55 <= lo < 61.5 and 66.2 < hi <= 70
    # the change fills at least half of the axis, not a twentieth of a 0–100 scale
    assert (66.2 - 61.5) / (hi - lo) >= 0.3


def test_a_count_starts_at_zero() -> None:
    assert axis_range([1200, 1650], from_zero=True)[0] == 0


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=8), st.booleans())
def test_every_value_is_on_the_axis(values: list[float], from_zero: bool) -> None:
    lo, hi, step = axis_range(values, from_zero)
    assert lo <= min(values) and max(values) <= hi and step > 0
    if min(values) >= 0:
        assert lo >= 0  # a margin never invents negative values


def test_an_axis_not_from_zero_says_so_and_names_its_scale() -> None:
    svg = trend_svg("c", [(2022, Decimal("61.5")), (2024, Decimal("66.2"))], [], TEXT, show)
    assert "Pystyakseli ei ala nollasta." in svg and "prosenttiosuus (%)" in svg
    counted = trend_svg("c", [(2022, Decimal(1200)), (2024, Decimal(1650))], [], TEXT, show, from_zero=True)
    assert "Pystyakseli ei ala nollasta." not in counted


def test_a_value_label_does_not_sit_on_the_target_marker_just_above_it() -> None:
    svg = trend_svg("c", [(2022, Decimal(1200)), (2024, Decimal(1650))], [(2024, Decimal(1700))], TEXT, show, True)
    label_y = float(re.search(r'<text x="[\d.]+" y="([\d.]+)"[^>]*font-weight="bold">1650 %', svg).group(1))
    diamond_y = float(re.search(r'<path d="M[\d.]+ ([\d.]+)L', svg).group(1)) + 7  # the marker's centre
    point_y = float(re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', svg)[1])
    assert diamond_y < point_y < label_y  # the target is above the point, so the label goes below it


def test_a_sparkline_is_a_named_image_with_one_point_per_year() -> None:
    from sivistys_cli.report.charts import SPARK_H, sparkline_svg

    svg = sparkline_svg([(2022, Decimal("61.5")), (2023, Decimal("63")), (2024, Decimal("66.2"))], "Osuus <&>: 61,5 → 66,2")
    assert 'role="img"' in svg and 'aria-label="Osuus &lt;&amp;&gt;: 61,5 → 66,2"' in svg
    points = re.search(r'points="([^"]+)"', svg).group(1).split()  # type: ignore[union-attr]
    ys = [float(p.split(",")[1]) for p in points]
    assert len(points) == 3 and ys[0] > ys[1] > ys[2]  # a rise goes up the small chart too
    # the same axis rule as the full chart: a count from zero keeps 6 -> 7 low and nearly flat
    count = sparkline_svg([(2024, Decimal(6)), (2025, Decimal(7))], "Kylät", from_zero=True)
    count_ys = [float(p.split(",")[1]) for p in re.search(r'points="([^"]+)"', count).group(1).split()]  # type: ignore[union-attr]
    assert abs(count_ys[0] - count_ys[1]) < SPARK_H / 4


def test_the_annual_overview_has_a_small_multiple_of_the_trends_in_both_formats() -> None:
    from pathlib import Path

    from sivistys_cli.load.discover import load
    from sivistys_cli.report.options import ReportOptions
    from sivistys_cli.report.render import render

    root = Path(__file__).resolve().parents[1]
    corpus = load([root / "programs" / "kuusilahti-hyvinvointiohjelma"], cwd=root)
    html = render(corpus, ReportOptions("annual", "html", "fi", 2025))
    overview = html.split('<ul class="sparks">', 1)[1].split("</ul>", 1)[0]
    assert overview.count('<svg') == overview.count('<li>') == 4
    assert 'href="#trend-liikkuvat-oppilaat"' in overview and 'id="trend-liikkuvat-oppilaat"' in html
    md = render(corpus, ReportOptions("annual", "markdown", "fi", 2025))
    assert "- Suosituksen mukaan liikkuvien oppilaiden osuus: 32,5\u00a0% → 34,4\u00a0% (2024–2025)" in md
