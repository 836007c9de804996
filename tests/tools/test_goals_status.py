"""The on-track computation, against cases computed by hand.

Baseline and deadline two years apart (730 days): on 2026-01-01, 365 days in, the
trajectory is exactly halfway. Tolerances: behind by <= 10% of the needed change is on
track, <= 25% at risk, more is off track.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from wijkkoers.goals.status import Standing, assess, trajectory_value

START, HALFWAY, DEADLINE = date(2025, 1, 1), date(2026, 1, 1), date(2027, 1, 1)


def standing(baseline, target, value, on=HALFWAY, start=START, deadline=DEADLINE):
    return assess(
        baseline_value=Decimal(baseline),
        baseline_on=start,
        target_value=Decimal(target),
        deadline=deadline,
        value=Decimal(value),
        measured_on=on,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("60", Standing.ON_TRACK),  # ahead of the line (50)
        ("45", Standing.ON_TRACK),  # 5 behind = 5% of 100
        ("40", Standing.ON_TRACK),  # 10 behind: the edge is still on track
        ("39", Standing.AT_RISK),  # 11%
        ("25", Standing.AT_RISK),  # 25%: the edge is still at risk
        ("24.9", Standing.OFF_TRACK),  # 25.1%
        ("0", Standing.OFF_TRACK),
    ],
)
def test_status_rising_target_uses_the_share_of_the_needed_change(value, expected):
    result = standing("0", "100", value)
    assert result.expected == Decimal("50")
    assert result.standing == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("90", Standing.ON_TRACK),  # fewer homes on gas than the line (100): ahead
        ("110", Standing.ON_TRACK),  # 10 behind = 5% of 200
        ("130", Standing.AT_RISK),  # 30 behind = 15%
        ("150", Standing.AT_RISK),  # 50 = 25%
        ("160", Standing.OFF_TRACK),  # 60 = 30%
    ],
)
def test_status_falling_target_counts_behind_upwards(value, expected):
    result = standing("200", "0", value)
    assert result.expected == Decimal("100")
    assert result.standing == expected


def test_status_exactly_on_the_line_is_on_track_with_no_shortfall():
    # 10 days from 10 to 30: on day 3 the line is at 10 + 20 * 3/10 = 16.
    result = standing(
        "10", "30", "16", on=date(2025, 1, 4), start=date(2025, 1, 1), deadline=date(2025, 1, 11)
    )
    assert result.expected == Decimal("16")
    assert result.shortfall == 0
    assert result.standing == Standing.ON_TRACK


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100", Standing.ON_TRACK),
        ("95", Standing.ON_TRACK),
        ("80", Standing.AT_RISK),
        ("70", Standing.OFF_TRACK),
    ],
)
def test_status_past_the_deadline_compares_with_the_target(value, expected):
    result = standing("0", "100", value, on=date(2027, 6, 1))
    assert result.expected == Decimal("100")
    assert result.standing == expected


def test_status_before_the_baseline_date_compares_with_the_baseline():
    result = standing("0", "100", "0", on=date(2024, 6, 1))
    assert result.expected == Decimal("0")
    assert result.standing == Standing.ON_TRACK


def test_status_without_a_measurement_says_so():
    result = assess(
        baseline_value=Decimal("0"),
        baseline_on=START,
        target_value=Decimal("100"),
        deadline=DEADLINE,
        value=None,
        measured_on=None,
    )
    assert result.standing == Standing.NO_MEASUREMENT
    with translation.override("nl"):
        assert str(Standing(result.standing).label) == "nog geen meting"


def test_status_without_a_baseline_has_no_trajectory():
    result = assess(
        baseline_value=None,
        baseline_on=None,
        target_value=Decimal("100"),
        deadline=DEADLINE,
        value=Decimal("10"),
        measured_on=HALFWAY,
    )
    assert result.standing == Standing.NO_BASELINE


def test_trajectory_value_interpolates_by_days():
    # 2025-01-01 to 2025-04-11 is 100 days; 25 days in, a quarter of the way from 40 to 0.
    assert trajectory_value(
        Decimal("40"), date(2025, 1, 1), Decimal("0"), date(2025, 4, 11), date(2025, 1, 26)
    ) == Decimal("30")
