"""The demo project's stakeholder register, made through the services like real use.

The three parties at the demo's table (the demo keeps exactly three), each with interests
and priorities, and power and interest assessed twice (about three months
ago and last month), so the map shows movement. The demo's own invented example.
"""

from datetime import timedelta

from django.utils import timezone

from wijkkoers.stakeholders.models import Position
from wijkkoers.stakeholders.services.register import (
    StakeholderData,
    record_assessment,
    record_stakeholder,
)

# party name -> register values, (power, interest) then, (power, interest) now
REGISTER = {
    "Gemeente Voorbeeldstad": (
        StakeholderData(
            role_in_project="Regisseur van de wijkaanpak",
            interests="Een haalbaar plan voor de hele wijk, met draagvlak bij de bewoners.",
            position=Position.LEADING,
            priorities=["Betaalbaar voor iedereen", "Planning van de transitievisie halen"],
        ),
        (5, 5),
        (5, 5),
    ),
    "Woonstichting Voorbeeld": (
        StakeholderData(
            role_in_project="Eigenaar van de huurwoningen in de flats",
            interests="Woonlasten van huurders gelijk houden; werk combineren met groot onderhoud.",
            position=Position.NEUTRAL,
            priorities=["Woonlasten huurders", "Aansluiten bij de onderhoudsplanning"],
        ),
        (4, 2),
        (4, 4),
    ),
    "Energiecoöperatie Voorbeeldwijk": (
        StakeholderData(
            role_in_project="Stem van de bewoners en mogelijke exploitant",
            interests="Zeggenschap van bewoners over de warmtevoorziening.",
            position=Position.SUPPORTIVE,
            priorities=["Zeggenschap", "Lokale opwek"],
        ),
        (2, 4),
        (3, 5),
    ),
}


def create_demo_register(project, leader, member):
    """Write the demo register; the project has its parties and members already."""
    today = timezone.localdate()
    then, now = today - timedelta(days=90), today - timedelta(days=30)
    parties = {party.name: party for party in project.parties.all()}
    made = []
    for name, (data, before, after) in REGISTER.items():
        if name in parties:
            stakeholder = record_stakeholder(leader, project, party=parties[name], data=data)
            made.append((stakeholder, before, after))
    for stakeholder, (power, interest), (power_now, interest_now) in made:
        record_assessment(leader, stakeholder, power=power, interest=interest, assessed_on=then)
        record_assessment(
            member,
            stakeholder,
            power=power_now,
            interest=interest_now,
            assessed_on=now,
            note="Na het gesprek over de planning."
            if (power, interest) != (power_now, interest_now)
            else "",
        )
