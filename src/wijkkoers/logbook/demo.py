"""The demo project's logbook, made through the services like real use.

A kick-off meeting at which two decisions and an agreement were recorded, one decision
revised later, and an action. The demo's own invented story, no claim about a real place.
"""

from datetime import timedelta

from django.utils import timezone

from wijkkoers.logbook.models import MeetingKind
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_at_meeting,
    revise_decision,
)

KICK_OFF_STEP = "de-juiste-partijen-aan-tafel"
AMBITION_STEP = "helderheid-over-ambities"


def create_demo_logbook(project, leader, member):
    """Write the demo logbook; the project has its parties and members already."""
    today = timezone.localdate()
    held_on = today - timedelta(days=100)
    parties = list(project.parties.order_by("name"))
    municipality = next(p for p in parties if p.party_type == "gemeente")
    members = list(project.memberships.filter(user__in=[leader, member]))
    kick_off = create_meeting(
        leader,
        project,
        MeetingData(
            title="Startbijeenkomst met de partners",
            held_on=held_on,
            kind=MeetingKind.KICK_OFF,
            place="Buurthuis Voorbeeldwijk",
            attendee_members=members,
            attendee_parties=parties,
            other_attendees=6,
            agenda="1. Kennismaking\n2. Waarom deze wijk\n3. Wie doet wat\n4. Vervolgafspraken",
            minutes=(
                "Alle partners waren aanwezig. We hebben de belangen per partij op een rij "
                "gezet en afgesproken hoe we samenwerken."
            ),
            step_keys=[KICK_OFF_STEP],
        ),
    )
    leader_member = project.memberships.get(user=leader)
    made = record_at_meeting(
        leader,
        kick_off,
        decisions=[
            DecisionData(
                title="We werken als kernteam met de drie partners",
                text="Het kernteam komt elke maand bij elkaar; de gemeente zit het voor.",
                decided_by="Startbijeenkomst",
                parties_agreed=parties,
                step_keys=[KICK_OFF_STEP],
            ),
            DecisionData(
                title="Eerst de ambities per partij ophalen",
                text="Voor we een gezamenlijke ambitie schrijven, zet elke partij haar eigen "
                "ambities op papier.",
                decided_by="Startbijeenkomst",
                parties_agreed=parties,
                step_keys=[KICK_OFF_STEP, AMBITION_STEP],
            ),
        ],
        agreements=[
            AgreementData(
                title="Ambities per partij aanleveren bij het kernteam",
                made_on=None,
                owner_party=municipality,
                due_on=held_on + timedelta(days=42),
                step_keys=[AMBITION_STEP],
            )
        ],
    )
    first = made.decisions[0]
    revise_decision(
        leader,
        first,
        DecisionData(
            title="We werken als kernteam met de drie partners",
            text=(
                "Het kernteam komt elke maand bij elkaar; de voorzitter wisselt per kwartaal "
                "tussen de partners."
            ),
            decided_on=held_on,
            decided_by="Startbijeenkomst",
            parties_agreed=parties,
            step_keys=[KICK_OFF_STEP],
        ),
        based_on=1,
        reason="Op verzoek van de partners wisselt het voorzitterschap.",
    )
    create_action(
        member,
        project,
        ActionData(
            title="Verslag van de startbijeenkomst rondsturen",
            owner=leader_member,
            due_on=held_on + timedelta(days=7),
            step_keys=[KICK_OFF_STEP],
        ),
        meeting=kick_off,
    )
    return kick_off
