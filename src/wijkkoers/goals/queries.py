"""Reads of the goal, the indicators and their measurements, in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils import timezone

from wijkkoers.audit.queries import history_of
from wijkkoers.goals.models import Goal, GoalVersion, Indicator, Measurement
from wijkkoers.goals.status import Assessment, Standing, assess, trajectory_value
from wijkkoers.projects.access import is_public_id

INDICATOR_OBJECT = "goal_indicator"
GOAL_OBJECT = "goal"


def current_goal(project) -> GoalVersion | None:
    """The goal's current version (with who made it), or None: one query."""
    goal = (
        Goal.objects.select_related("current__created_by")
        .filter(project=project, current__isnull=False)
        .first()
    )
    return goal.current if goal else None


def goal_versions(project) -> list[GoalVersion]:
    """Every version of the goal, newest first."""
    return list(GoalVersion.objects.filter(goal__project=project).select_related("created_by"))


def goal_history(project):
    return history_of(project, GOAL_OBJECT, project.public_id)


def access_indicator(project, public_id: str) -> Indicator:
    """One of this project's indicators (retired ones too), or 404."""
    if not is_public_id(public_id):
        raise Http404
    found = (
        Indicator.objects.select_related("project", "owner_member__user", "owner_party")
        .filter(project=project, public_id=public_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


def access_measurement(indicator: Indicator, public_id: str) -> Measurement:
    if not is_public_id(public_id):
        raise Http404
    found = indicator.measurements.filter(public_id=public_id).first()
    if found is None:
        raise Http404
    found.indicator = indicator
    return found


@dataclass
class IndicatorRow:
    indicator: Indicator
    newest_value: Decimal | None
    newest_on: date | None
    assessment: Assessment
    today_value: Decimal | None  # the trajectory today (None without a baseline)

    @property
    def standing(self) -> str:
        return self.assessment.standing


def _counting(indicator_ref):
    """Measurements that count: not replaced by a correction; newest first."""
    return Measurement.objects.filter(indicator=indicator_ref, correction__isnull=True).order_by(
        "-measured_on", "-id"
    )


def row_for(indicator: Indicator, value, measured_on, today: date) -> IndicatorRow:
    has_baseline = indicator.baseline_value is not None and indicator.baseline_on is not None
    return IndicatorRow(
        indicator=indicator,
        newest_value=value,
        newest_on=measured_on,
        assessment=assess(
            baseline_value=indicator.baseline_value,
            baseline_on=indicator.baseline_on,
            target_value=indicator.target_value,
            deadline=indicator.deadline,
            value=value,
            measured_on=measured_on,
        ),
        today_value=trajectory_value(
            indicator.baseline_value,
            indicator.baseline_on,
            indicator.target_value,
            indicator.deadline,
            today,
        )
        if has_baseline
        else None,
    )


def indicator_rows(project, *, retired: bool = False, owners: bool = True) -> list[IndicatorRow]:
    """The project's indicators (current, or retired) with their newest counting
    measurement and standing: one query, whatever the number of measurements. Without
    `owners` (the tool's summary counts standings) the owners are not joined."""
    newest = _counting(OuterRef("pk"))
    indicators = Indicator.objects.filter(project=project, retired_at__isnull=not retired)
    if owners:
        indicators = indicators.select_related("owner_member__user", "owner_party")
    indicators = indicators.annotate(
        newest_value=Subquery(newest.values("value")[:1]),
        newest_on=Subquery(newest.values("measured_on")[:1]),
    )
    today = timezone.localdate()
    return [row_for(i, i.newest_value, i.newest_on, today) for i in indicators]


@dataclass
class MeasurementRow:
    measurement: Measurement
    counts: bool  # False when a correction replaced it


def measurement_rows(indicator: Indicator) -> list[MeasurementRow]:
    """Every measurement of the indicator, oldest first, marked whether it still counts."""
    rows = list(
        indicator.measurements.select_related("created_by", "corrects", "correction").order_by(
            "measured_on", "id"
        )
    )
    result = []
    for row in rows:
        try:
            replaced = row.correction is not None
        except Measurement.DoesNotExist:
            replaced = False
        result.append(MeasurementRow(row, counts=not replaced))
    return result


def indicator_view(indicator: Indicator):
    """(row with standing, measurement rows) for the detail page."""
    rows = measurement_rows(indicator)
    counting = [r.measurement for r in rows if r.counts]
    newest = max(counting, key=lambda m: (m.measured_on, m.pk), default=None)
    row = row_for(
        indicator,
        newest.value if newest else None,
        newest.measured_on if newest else None,
        timezone.localdate(),
    )
    return row, rows


def indicator_history(indicator: Indicator):
    return history_of(indicator.project, INDICATOR_OBJECT, indicator.public_id)


def standing_counts(rows: list[IndicatorRow]) -> list[tuple[str, str, int]]:
    """(standing, label, number of indicators) for every standing that occurs, in order."""
    counts = dict.fromkeys(Standing.values, 0)
    for row in rows:
        counts[row.standing] += 1
    return [(value, label, counts[value]) for value, label in Standing.choices if counts[value]]
