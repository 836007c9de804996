"""The demo project's ambitions, tensions, mutual gains and checklist, made through the
services like real use. The demo's own invented example, no claim about a real place."""

from wijkkoers.logbook.models import Entry, EntryKind
from wijkkoers.stakeholders.models import Stakeholder
from wijkkoers.stakeholders.services.ambitions import (
    Ambitions,
    GainData,
    TensionData,
    check_mga_item,
    record_mutual_gain,
    record_tension,
    update_ambitions,
)

# Party name -> (interests, for the whole neighbourhood, for its own property).
AMBITIONS = {
    "Gemeente Voorbeeldstad": (
        "Betaalbaar voor alle huishoudens; een aanpak die de gemeenteraad steunt.",
        "Als regisseur: Voorbeeldwijk aardgasvrij, met een plan dat bewoners mee hebben gemaakt.",
        "Als eigenaar: het buurthuis en de basisschool als eerste van het gas af.",
    ),
    "Woonstichting Voorbeeld": (
        "Huren blijven betaalbaar; onderhoud en verduurzaming in één keer.",
        "Een wijk waar huurders en kopers dezelfde keuzes krijgen.",
        "De flats aan de noordkant in één onderhoudsronde aardgasvrij-klaar.",
    ),
    "Energiecoöperatie Voorbeeldwijk": (
        "Bewoners praten mee en kunnen zelf investeren.",
        "Een warmtevoorziening waarin bewoners mede-eigenaar zijn.",
        "",
    ),
}


def _stakeholders(project, leader) -> dict:
    """The demo's parties as stakeholders (the register's demo may have made them)."""
    found = {}
    for party in project.parties.all():
        found[party.name] = Stakeholder.objects.get_or_create(
            party=party, defaults={"project": project, "created_by": leader}
        )[0]
    return found


def create_demo_ambitions(project, leader, member):
    """Write the demo's matrix, one tension, one mutual gain and two checklist ticks."""
    rows = _stakeholders(project, leader)
    for name, (interests, neighbourhood, own) in AMBITIONS.items():
        row = rows.get(name)
        if row is not None:
            update_ambitions(
                leader,
                row,
                Ambitions(interests, neighbourhood, own),
                expected_version=row.version,
            )
    decision = (
        Entry.objects.filter(project=project, kind=EntryKind.DECISION)
        .order_by("-occurred_on", "-id")
        .first()
    )
    decisions = [decision] if decision else []
    municipality = rows.get("Gemeente Voorbeeldstad")
    corporation = rows.get("Woonstichting Voorbeeld")
    cooperative = rows.get("Energiecoöperatie Voorbeeldwijk")
    if municipality and corporation:
        record_tension(
            member,
            project,
            TensionData(
                title="Tempo tegenover onderhoudsplanning",
                description="De gemeente wil de hele wijk snel in beweging; de woonstichting "
                "wil de flats pas meenemen bij de geplande onderhoudsronde.",
                stakeholders=[municipality, corporation],
                severity="middel",
                status="besproken",
                decisions=decisions,
            ),
        )
    if municipality and cooperative:
        record_mutual_gain(
            leader,
            project,
            GainData(
                title="Buurthuis als eerste aansluiting",
                description="Het buurthuis van de gemeente kan de eerste afnemer zijn van de "
                "warmte waar de coöperatie aan werkt.",
                stakeholders=[municipality, cooperative],
                decisions=decisions,
            ),
        )
    check_mga_item(leader, project, "eigen-belangen-gerangschikt", note="Op de startbijeenkomst.")
    check_mga_item(member, project, "belangen-achter-standpunten")
