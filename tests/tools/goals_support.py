"""Data for the goals tool's tests: a goal, indicators and measurements made by the services,
and many rows at once (bulk, in the services' shapes) for the query-count tests."""

from datetime import date, timedelta
from decimal import Decimal

from wijkkoers.goals.models import Indicator, Measurement
from wijkkoers.goals.services import (
    GoalData,
    IndicatorData,
    MeasurementData,
    add_indicator,
    record_measurement,
    set_goal,
)

START, DEADLINE = date(2025, 1, 1), date(2030, 1, 1)


def a_goal(user, project):
    return set_goal(
        user,
        project,
        GoalData(goal_type="aardgasvrij", definition="Alle woningen **van het gas** af."),
    )


def indicator_data(**changes) -> IndicatorData:
    values = {
        "name": "Woningen van het gas",
        "unit": "woningen",
        "baseline_value": Decimal("0"),
        "baseline_on": START,
        "target_value": Decimal("400"),
        "deadline": DEADLINE,
        "verification": "Aansluitgegevens van de netbeheerder",
    }
    values.update(changes)
    return IndicatorData(**values)


def an_indicator(user, project, **changes) -> Indicator:
    return add_indicator(user, project, indicator_data(**changes))


def a_measurement(user, indicator, value="40", on=date(2025, 7, 1), note=""):
    return record_measurement(user, indicator, MeasurementData(Decimal(value), on, note))


def many_indicators(project, user, count: int, measurements: int = 24) -> None:
    """`count` indicators with `measurements` monthly measurements each, written in bulk."""
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                project=project,
                name=f"Indicator {n:03d}",
                unit="woningen",
                baseline_value=Decimal("0"),
                baseline_on=START,
                target_value=Decimal("400"),
                deadline=DEADLINE,
                created_by=user,
            )
            for n in range(count)
        ]
    )
    Measurement.objects.bulk_create(
        [
            Measurement(
                indicator=indicator,
                value=Decimal(5 * m),
                measured_on=START + timedelta(days=30 * m),
                created_by=user,
            )
            for indicator in indicators
            for m in range(measurements)
        ]
    )
