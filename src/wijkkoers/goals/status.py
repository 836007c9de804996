"""Is an indicator on course? A pure function of its baseline, target and newest measurement.

The trajectory is the straight line from the baseline (value, date) to the target (value,
deadline); before the baseline date it is the baseline, after the deadline the target. The
newest measurement is compared with the trajectory *at the measurement's date*.

The tolerance is a share of the whole change the indicator needs (|target - baseline|):

- **on track**: behind the trajectory by at most 10% of the needed change (or ahead of it);
- **at risk**: behind by more than 10% and at most 25%;
- **off track**: behind by more than 25%.

"Behind" follows the direction of the target, so rising targets (homes insulated) and
falling ones (homes on gas, tonnes of CO2) work alike. An indicator without a baseline has
no trajectory; one without a measurement has no status yet. A target equal to its baseline
is refused by the services; should one exist, only hitting the target exactly is on track.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

ON_TRACK_SHARE = Decimal("0.10")
AT_RISK_SHARE = Decimal("0.25")


class Standing(models.TextChoices):
    ON_TRACK = "op-koers", _("on track")
    AT_RISK = "risico", _("at risk")
    OFF_TRACK = "uit-koers", _("off track")
    NO_MEASUREMENT = "geen-meting", _("no measurement yet")
    NO_BASELINE = "geen-nulmeting", _("no baseline")


# What the pages show beside the words: a class for the colour and a text-free icon.
STANDING_ICON = {
    Standing.ON_TRACK: "✓",
    Standing.AT_RISK: "!",
    Standing.OFF_TRACK: "✗",
    Standing.NO_MEASUREMENT: "–",
    Standing.NO_BASELINE: "–",
}


@dataclass(frozen=True)
class Assessment:
    standing: str
    expected: Decimal | None = None  # the trajectory at the measurement's date
    shortfall: Decimal | None = None  # how far behind, in the indicator's unit (<= 0: ahead)


def trajectory_value(
    baseline_value: Decimal, baseline_on: date, target_value: Decimal, deadline: date, on: date
) -> Decimal:
    """The trajectory's value on a date: linear between baseline and target, flat outside."""
    if on <= baseline_on:
        return Decimal(baseline_value)
    if on >= deadline:
        return Decimal(target_value)
    share = Decimal((on - baseline_on).days) / Decimal((deadline - baseline_on).days)
    return Decimal(baseline_value) + (Decimal(target_value) - Decimal(baseline_value)) * share


def assess(
    *,
    baseline_value: Decimal | None,
    baseline_on: date | None,
    target_value: Decimal,
    deadline: date,
    value: Decimal | None,
    measured_on: date | None,
) -> Assessment:
    """The standing of the newest measurement (`value` on `measured_on`); see the module."""
    if baseline_value is None or baseline_on is None:
        return Assessment(Standing.NO_BASELINE)
    if value is None or measured_on is None:
        return Assessment(Standing.NO_MEASUREMENT)
    expected = trajectory_value(baseline_value, baseline_on, target_value, deadline, measured_on)
    needed = Decimal(target_value) - Decimal(baseline_value)
    direction = 1 if needed >= 0 else -1
    shortfall = (expected - Decimal(value)) * direction
    if needed == 0:
        standing = Standing.ON_TRACK if value == target_value else Standing.OFF_TRACK
    elif shortfall <= abs(needed) * ON_TRACK_SHARE:
        standing = Standing.ON_TRACK
    elif shortfall <= abs(needed) * AT_RISK_SHARE:
        standing = Standing.AT_RISK
    else:
        standing = Standing.OFF_TRACK
    return Assessment(standing, expected, shortfall)
