"""Inline SVG trend charts: no scripts, no fonts to fetch, a <title> and <desc>, shape and dash beside colour.

The axis rule: a count (kind `count`: visits, members, diplomas) starts at nothing, so its axis
starts at zero and the line's height is the amount; fitted to the data, 100 → 110 visits would
look like a tenfold rise. Every other quantity (a percentage, a rate, an index, a change) is read
as a level, so its axis is fitted to the values with a margin: 61,5 % → 66,2 % is then a visible
rise, not a flat line at the top of a 0–100 scale. Such an axis says so in words under the chart
("the axis does not start at zero"), and every gridline is labelled.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 80, 24, 28, 84
VALUE_COLOUR = "#1d4f91"  # 8.0:1 on white
TARGET_COLOUR = "#7a4a00"  # 7.0:1 on white
GRID_COLOUR = "#c8ced6"
TEXT_COLOUR = "#1a1a1a"

Point = tuple[int, Decimal]


@dataclass(frozen=True)
class ChartText:
    """The words of one chart, already in the report's language."""

    title: str
    desc: str
    legend_value: str
    legend_target: str
    axis: str = ""  # the scale's name and unit, above the value axis
    not_from_zero: str = ""  # said under an axis that does not start at zero


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that divides `span` into about `ticks` parts."""
    raw = span / ticks if span / ticks > 0 else 1.0  # a subnormal span (5e-324) divides to 0.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _scale(lo: float, hi: float, size: float, start: float, invert: bool = False) -> Callable[[float], float]:
    span = hi - lo or 1.0
    if invert:
        return lambda v: round(start + size - (v - lo) / span * size, 1)
    return lambda v: round(start + (v - lo) / span * size, 1)


def axis_range(values: Sequence[float], from_zero: bool) -> tuple[float, float, float]:
    """Low end, high end and step of the value axis (see the module docstring for the rule)."""
    lo, hi = min(values), max(values)
    if from_zero:
        lo, hi = min(0.0, lo), max(0.0, hi)
    else:
        # A margin of a fifth of the span (or of the level, for a flat series) keeps the points
        # off the frame without flattening the change.
        pad = (hi - lo) * 0.2 or abs(hi) * 0.1 or 1.0
        # A quantity that is never negative does not get a negative axis from the margin.
        lo, hi = (max(0.0, lo - pad) if lo >= 0 else lo - pad), hi + pad
    if hi == lo:
        hi = lo + 1
    step = nice_step(hi - lo)
    # Rounding first keeps 0.3 / 0.1 from becoming 3.0000000000000004 steps; the checks after it
    # keep a value that rounding moved past the end on the axis all the same.
    low, high = math.floor(round(lo / step, 9)) * step, math.ceil(round(hi / step, 9)) * step
    return low - step if low > lo else low, high + step if high < hi else high, step


def trend_svg(
    chart_id: str,
    values: Sequence[Point],
    targets: Sequence[Point],
    text: ChartText,
    fmt: Callable[[Decimal], str],
    from_zero: bool = False,
) -> Markup:
    """A line chart of yearly values (solid, circles) and targets (dashed, diamonds)."""
    years = sorted({y for y, _ in values} | {y for y, _ in targets})
    lo, hi, step = axis_range([float(v) for _, v in [*values, *targets]], from_zero)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x = _scale(years[0], years[-1], plot_w, LEFT) if len(years) > 1 else (lambda _y: LEFT + plot_w / 2)
    y = _scale(lo, hi, plot_h, TOP, invert=True)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="inherit" font-size="13">',
        f'<title id="{chart_id}-title">{escape(text.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(text.desc)}</desc>',
        *_grid(lo, hi, step, y, fmt, plot_w),
        *(f'<text x="{x(yr)}" y="{TOP + plot_h + 20}" text-anchor="middle" fill="{TEXT_COLOUR}">{yr}</text>' for yr in years),
        *_axis_text(text, lo, plot_h),
        *_series(targets, x, y, TARGET_COLOUR, ' stroke-dasharray="6 4"', _diamond),
        *_series(values, x, y, VALUE_COLOUR, "", _circle),
        *_value_labels(values, targets, x, y, fmt),
        *_legend(text, plot_h, bool(targets)),
        "</svg>",
    ]
    return Markup("\n".join(parts))


def _grid(lo: float, hi: float, step: float, y: Callable[[float], float], fmt: Callable[[Decimal], str], plot_w: float) -> list[str]:
    out = []
    count = round((hi - lo) / step)
    for i in range(count + 1):
        v = lo + i * step
        yy = y(v)
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{yy}" y2="{yy}" stroke="{GRID_COLOUR}" stroke-width="1"/>')
        label = escape(fmt(Decimal(str(round(v, 6))).normalize()))
        out.append(f'<text x="{LEFT - 8}" y="{yy + 4}" text-anchor="end" fill="{TEXT_COLOUR}">{label}</text>')
    return out


def _axis_text(text: ChartText, lo: float, plot_h: float) -> list[str]:
    """The scale's name above the axis; under an axis that does not start at zero, words that say so."""
    out = [f'<text x="{LEFT - 8}" y="{TOP - 12}" text-anchor="start" fill="{TEXT_COLOUR}" font-size="12">{escape(text.axis)}</text>'
           ] if text.axis else []
    if lo > 0:
        out.append(f'<text x="{WIDTH - RIGHT}" y="{TOP + plot_h + 40}" text-anchor="end" fill="{TEXT_COLOUR}" '
                   f'font-size="12" font-style="italic">{escape(text.not_from_zero)}</text>')
    return out


def _value_labels(values: Sequence[Point], targets: Sequence[Point], x, y, fmt: Callable[[Decimal], str]) -> list[str]:
    """Each value's label above its point, or below it where the year's target marker is above (no collision)."""
    goal = {yr: float(v) for yr, v in targets}
    out = []
    for yr, v in values:
        cx, cy = x(yr), y(float(v))
        above = yr not in goal or goal[yr] <= float(v) or y(goal[yr]) < cy - 30
        ty = cy - 11 if above and cy - 11 > TOP - 2 else cy + 22
        # At the ends the label runs inwards, away from the axis labels and the frame.
        anchor = "start" if cx <= LEFT + 1 else "end" if cx >= WIDTH - RIGHT - 1 else "middle"
        out.append(f'<text x="{cx}" y="{ty}" text-anchor="{anchor}" fill="{TEXT_COLOUR}" font-weight="bold">'
                   f'{escape(fmt(v))}</text>')
    return out


def _circle(cx: float, cy: float, colour: str) -> str:
    return f'<circle cx="{cx}" cy="{cy}" r="5" fill="{colour}"/>'


def _diamond(cx: float, cy: float, colour: str) -> str:
    return f'<path d="M{cx} {cy - 7}L{cx + 7} {cy}L{cx} {cy + 7}L{cx - 7} {cy}Z" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'


def _series(points: Sequence[Point], x, y, colour: str, dash: str, marker) -> list[str]:
    if not points:
        return []
    coords = [(x(yr), y(float(v))) for yr, v in points]
    out = []
    if len(coords) > 1:
        path = " ".join(f"{cx},{cy}" for cx, cy in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
    out.extend(marker(cx, cy, colour) for cx, cy in coords)
    return out


def _legend(text: ChartText, plot_h: float, with_targets: bool) -> list[str]:
    ly = TOP + plot_h + 46
    out = [
        f'<line x1="{LEFT}" x2="{LEFT + 28}" y1="{ly - 4}" y2="{ly - 4}" stroke="{VALUE_COLOUR}" stroke-width="2.5"/>',
        _circle(LEFT + 14, ly - 4, VALUE_COLOUR),
        f'<text x="{LEFT + 38}" y="{ly}" fill="{TEXT_COLOUR}">{escape(text.legend_value)}</text>',
    ]
    if with_targets:
        ly += 22
        out += [
            f'<line x1="{LEFT}" x2="{LEFT + 28}" y1="{ly - 4}" y2="{ly - 4}" stroke="{TARGET_COLOUR}" '
            'stroke-width="2.5" stroke-dasharray="6 4"/>',
            _diamond(LEFT + 14, ly - 4, TARGET_COLOUR),
            f'<text x="{LEFT + 38}" y="{ly}" fill="{TEXT_COLOUR}">{escape(text.legend_target)}</text>',
        ]
    return out


SPARK_W, SPARK_H, SPARK_PAD = 120, 32, 4


def sparkline_svg(values: Sequence[Point], label: str, from_zero: bool = False) -> Markup:
    """A small trend line for the overview, one of a small multiple: the same axis rule as the full chart,
    no axes or labels (the full chart further down has them), and the values in words as its name."""
    lo, hi, _ = axis_range([float(v) for _, v in values], from_zero)
    x = _scale(values[0][0], values[-1][0], SPARK_W - 2 * SPARK_PAD, SPARK_PAD)
    y = _scale(lo, hi, SPARK_H - 2 * SPARK_PAD, SPARK_PAD, invert=True)
    line = " ".join(f"{x(yr)},{y(float(v))}" for yr, v in values)
    end_x, end_y = x(values[-1][0]), y(float(values[-1][1]))
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" width="{SPARK_W}" height="{SPARK_H}" '
        f'viewBox="0 0 {SPARK_W} {SPARK_H}" role="img" aria-label="{escape(label)}">'
        f'<polyline points="{line}" fill="none" stroke="{VALUE_COLOUR}" stroke-width="2"/>'
        f'<circle cx="{end_x}" cy="{end_y}" r="3" fill="{VALUE_COLOUR}"/></svg>'
    )
