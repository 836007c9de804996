"""The chart's geometry: where the trajectory, the target and the measurements land."""

from datetime import date
from decimal import Decimal

from wijkkoers.goals.chart import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, build_chart
from wijkkoers.goals.models import Indicator, Measurement


def indicator(**changes):
    values = {
        "name": "Woningen van het gas",
        "unit": "woningen",
        "baseline_value": Decimal("0"),
        "baseline_on": date(2025, 1, 1),
        "target_value": Decimal("400"),
        "deadline": date(2029, 1, 1),
    }
    return Indicator(**{**values, **changes})


def test_chart_runs_the_trajectory_corner_to_corner_on_round_ticks():
    chart = build_chart(indicator(), [])
    left, right, bottom, top = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP
    assert chart.trajectory == (left, bottom, right, top)
    assert chart.target_y == top
    assert [label for _y, label in chart.y_ticks] == ["0", "100", "200", "300", "400"]


def test_chart_places_a_measurement_halfway():
    # 2027-01-01 is 730 of 1461 days in; 200 is halfway up.
    measured = Measurement(value=Decimal("200"), measured_on=date(2027, 1, 1))
    chart = build_chart(indicator(), [measured])
    point = chart.points[0]
    assert round(point.x) == round(LEFT + (WIDTH - RIGHT - LEFT) * 730 / 1461)
    assert point.y == (HEIGHT - BOTTOM + TOP) / 2
    assert chart.line == f"{point.x},{point.y}"


def test_chart_without_baseline_has_no_trajectory():
    chart = build_chart(indicator(baseline_value=None, baseline_on=None), [])
    assert chart.trajectory is None
    assert chart.target_y is not None
