"""Inline SVG trend charts: no scripts, no fonts to fetch, a <title> and <desc>, shape and dash beside colour."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

WIDTH, HEIGHT = 560, 280
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 84
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


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that divides `span` into about `ticks` parts."""
    raw = span / ticks if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _scale(lo: float, hi: float, size: float, start: float, invert: bool = False) -> Callable[[float], float]:
    span = hi - lo or 1.0
    if invert:
        return lambda v: round(start + size - (v - lo) / span * size, 1)
    return lambda v: round(start + (v - lo) / span * size, 1)


def _axis_range(values: Sequence[float]) -> tuple[float, float, float]:
    lo, hi = min(0.0, *values), max(values)
    if hi == lo:
        hi = lo + 1
    step = nice_step(hi - lo)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def trend_svg(
    chart_id: str,
    values: Sequence[Point],
    targets: Sequence[Point],
    text: ChartText,
    fmt: Callable[[Decimal], str],
) -> Markup:
    """A line chart of yearly values (solid, circles) and targets (dashed, diamonds)."""
    years = sorted({y for y, _ in values} | {y for y, _ in targets})
    lo, hi, step = _axis_range([float(v) for _, v in [*values, *targets]])
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
        *_series(values, x, y, VALUE_COLOUR, "", _circle, fmt),
        *_series(targets, x, y, TARGET_COLOUR, ' stroke-dasharray="6 4"', _diamond, None),
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


def _circle(cx: float, cy: float, colour: str) -> str:
    return f'<circle cx="{cx}" cy="{cy}" r="5" fill="{colour}"/>'


def _diamond(cx: float, cy: float, colour: str) -> str:
    return f'<path d="M{cx} {cy - 7}L{cx + 7} {cy}L{cx} {cy + 7}L{cx - 7} {cy}Z" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'


def _series(points: Sequence[Point], x, y, colour: str, dash: str, marker, fmt) -> list[str]:
    if not points:
        return []
    coords = [(x(yr), y(float(v))) for yr, v in points]
    out = []
    if len(coords) > 1:
        path = " ".join(f"{cx},{cy}" for cx, cy in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
    out.extend(marker(cx, cy, colour) for cx, cy in coords)
    if fmt is not None:
        out.extend(
            f'<text x="{cx}" y="{cy - 10}" text-anchor="middle" fill="{TEXT_COLOUR}" font-weight="bold">{escape(fmt(v))}</text>'
            for (cx, cy), (_, v) in zip(coords, points)
        )
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
