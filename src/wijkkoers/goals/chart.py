"""The indicator's line chart as geometry for a server-rendered SVG (goals/_chart.html).

Measurements that count (a line with dots), the trajectory from baseline to target (a
dashed line) and the target (a horizontal line). The template only places what this
computes; the table beside it carries the same numbers for readers without the picture.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from wijkkoers.goals import numbers
from wijkkoers.goals.status import Standing

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 16, 40
Y_TICKS = 5


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    points: list = field(default_factory=list)
    line: str = ""  # "x,y x,y ..." of the counting measurements
    trajectory: tuple | None = None  # (x1, y1, x2, y2)
    target_y: float | None = None
    y_ticks: list = field(default_factory=list)  # (y, label)
    x_ticks: list = field(default_factory=list)  # (x, label, anchor)
    plot: tuple = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)


def _scale(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """(low, high, step): round numbers around the values, about Y_TICKS lines apart."""
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    raw = (high - low) / (Y_TICKS - 1)
    power = Decimal(10) ** math.floor(math.log10(raw))
    step = next(power * n for n in (1, 2, 5, 10) if raw <= power * n)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def build_chart(indicator, measurements) -> Chart:
    """Geometry for `indicator` and its counting `measurements` (oldest first)."""
    has_baseline = indicator.baseline_value is not None and indicator.baseline_on is not None
    dates = [m.measured_on for m in measurements] + [indicator.deadline]
    values = [Decimal(m.value) for m in measurements] + [Decimal(indicator.target_value)]
    if has_baseline:
        dates.append(indicator.baseline_on)
        values.append(Decimal(indicator.baseline_value))
    start, end = min(dates), max(dates)
    if start == end:
        start -= timedelta(days=1)
    low, high, tick = _scale(values)
    left, top, right, bottom = LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM

    def x(on: date) -> float:
        return round(left + (right - left) * (on - start).days / (end - start).days, 1)

    def y(value) -> float:
        share = (Decimal(value) - low) / (high - low)
        return round(float(bottom - (bottom - top) * share), 1)

    chart = Chart()
    chart.points = [
        Point(x(m.measured_on), y(m.value), f"{numbers.show(m.value)}, {_day(m.measured_on)}")
        for m in measurements
    ]
    chart.line = " ".join(f"{p.x},{p.y}" for p in chart.points)
    if has_baseline:
        chart.trajectory = (
            x(indicator.baseline_on),
            y(indicator.baseline_value),
            x(indicator.deadline),
            y(indicator.target_value),
        )
    chart.target_y = y(indicator.target_value)
    ticks = int((high - low) / tick) + 1
    chart.y_ticks = [(y(low + tick * i), numbers.show(low + tick * i)) for i in range(ticks)]
    chart.x_ticks = [(x(start), _day(start), "start"), (x(end), _day(end), "end")]
    return chart


def _day(on: date) -> str:
    return formats.date_format(on, "j M Y")


def describe(indicator, row, count: int) -> str:
    """The chart in one sentence, for its <desc> (the table below carries every number)."""
    unit = indicator.unit
    parts = []
    if indicator.baseline_on:
        parts.append(
            _("Baseline %(value)s %(unit)s on %(date)s")
            % {
                "value": numbers.show(indicator.baseline_value),
                "unit": unit,
                "date": _day(indicator.baseline_on),
            }
        )
    parts.append(
        _("target %(value)s %(unit)s by %(date)s")
        % {
            "value": numbers.show(indicator.target_value),
            "unit": unit,
            "date": _day(indicator.deadline),
        }
    )
    if row.newest_on:
        parts.append(
            _("%(count)s measurements, the newest %(value)s %(unit)s on %(date)s")
            % {
                "count": count,
                "value": numbers.show(row.newest_value),
                "unit": unit,
                "date": _day(row.newest_on),
            }
        )
    else:
        parts.append(_("no measurement yet"))
    return "; ".join(parts) + ": " + str(Standing(row.standing).label) + "."
