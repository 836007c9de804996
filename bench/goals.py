"""Bench data: per project a goal and 5 indicators with 24 monthly measurements each.

In the shapes `goals.services` writes (a Goal pointing at its version 1, rendered Markdown,
indicators with a baseline before their deadline and a target that differs from it), but in
bulk and, like the logbook's bulk data, without audit entries: the large project's trail
keeps exactly its 5,000 entries.
"""

from datetime import timedelta
from decimal import Decimal

from wijkkoers.goals.models import Goal, GoalVersion, Indicator, Measurement
from wijkkoers.goals.services import _render

INDICATORS = 5
MEASUREMENTS = 24
BATCH = 2_000
DEFINITION = "Alle woningen in de wijk zijn **van het aardgas af**, met een betaalbaar alternatief."
KINDS = [
    ("Woningen van het gas", "woningen", "0", "400"),
    ("Woningen met isolatie op standaard", "woningen", "120", "600"),
    ("Uitstoot voor warmte", "ton CO2", "5200", "1500"),
    ("Bewoners die zich goed geïnformeerd voelen", "%", "35", "80"),
    ("Aansluitingen op het warmtenet", "aansluitingen", "0", "350"),
]


def add_goals(generator, plans) -> int:
    """Goals, indicators and measurements for `plans` (projects already written); returns
    the number of measurements."""
    rng, today = generator.rng, generator.now.date()
    html = _render(DEFINITION)
    goals = Goal.objects.bulk_create([Goal(project=plan.project) for plan in plans])
    versions = GoalVersion.objects.bulk_create(
        [
            GoalVersion(
                goal=goal,
                number=1,
                goal_type="aardgasvrij",
                definition=DEFINITION,
                definition_html=html,
                created_by=plan.team[0][0],
            )
            for goal, plan in zip(goals, plans, strict=True)
        ]
    )
    for goal, version in zip(goals, versions, strict=True):
        goal.current = version
    Goal.objects.bulk_update(goals, ["current"])
    start = today - timedelta(days=30 * MEASUREMENTS)
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                project=plan.project,
                name=name,
                unit=unit,
                baseline_value=Decimal(baseline),
                baseline_on=start,
                target_value=Decimal(target),
                deadline=start + timedelta(days=365 * 8),
                created_by=plan.team[0][0],
            )
            for plan in plans
            for name, unit, baseline, target in KINDS[:INDICATORS]
        ],
        batch_size=BATCH,
    )
    measurements = []
    for indicator in indicators:
        step = (indicator.target_value - indicator.baseline_value) / 96  # 8 years in months
        pace = Decimal(str(rng.uniform(0.6, 1.2)))
        for month in range(1, MEASUREMENTS + 1):
            measurements.append(
                Measurement(
                    indicator=indicator,
                    value=round(indicator.baseline_value + step * month * pace, 1),
                    measured_on=start + timedelta(days=30 * month),
                    created_by=indicator.created_by,
                )
            )
    Measurement.objects.bulk_create(measurements, batch_size=BATCH)
    return len(measurements)
