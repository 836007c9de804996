"""The demo project's goal and indicators, made through the services like real use.

An aardgasvrij goal, changed once to name its scope; two indicators with measurements over
the last year, one of them corrected. The demo's own invented numbers, no claim about a
real neighbourhood.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from wijkkoers.goals.services import (
    GoalData,
    IndicatorData,
    MeasurementData,
    add_indicator,
    correct_measurement,
    record_measurement,
    set_goal,
)


def create_demo_goals(project, leader, member, *, corporation):
    """Write the demo goal, indicators and measurements; members and parties exist."""
    today = timezone.localdate()
    goal = GoalData(
        goal_type="aardgasvrij",
        definition=(
            "Alle woningen in de Voorbeeldwijk verwarmen, douchen en koken zonder aardgas, "
            "met een alternatief dat bewoners kunnen betalen."
        ),
    )
    set_goal(leader, project, goal)
    goal.scope = "De 420 woningen binnen de wijkgrens, huur en koop; winkels doen vrijwillig mee."
    set_goal(member, project, goal, based_on=1, reason="Afbakening afgesproken in het kernteam")

    start = today - timedelta(days=365)
    owner = project.memberships.get(user=member)
    disconnected = add_indicator(
        leader,
        project,
        IndicatorData(
            name="Woningen van het aardgas af",
            unit="woningen",
            baseline_value=Decimal("0"),
            baseline_on=start,
            target_value=Decimal("420"),
            deadline=start + timedelta(days=365 * 6),
            owner_member=owner,
            verification="Afgesloten aansluitingen volgens de netbeheerder, elk kwartaal.",
        ),
    )
    for days, value in [(270, "8"), (180, "21"), (90, "52"), (10, "66")]:
        on = today - timedelta(days=days)
        measurement = record_measurement(
            member, disconnected, MeasurementData(Decimal(value), on, "Opgave netbeheerder")
        )
    correct_measurement(
        member,
        measurement,
        MeasurementData(Decimal("61"), measurement.measured_on, "Vijf woningen dubbel geteld"),
    )
    insulated = add_indicator(
        leader,
        project,
        IndicatorData(
            name="Huurwoningen geïsoleerd tot de standaard",
            unit="woningen",
            baseline_value=Decimal("40"),
            baseline_on=start,
            target_value=Decimal("180"),
            deadline=start + timedelta(days=365 * 3),
            owner_party=corporation,
            verification="Opleverlijsten van de woningcorporatie.",
        ),
    )
    record_measurement(
        member,
        insulated,
        MeasurementData(Decimal("52"), today - timedelta(days=60), "Opleverlijst corporatie"),
    )
