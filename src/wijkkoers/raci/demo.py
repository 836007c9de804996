"""The demo project's roles and RACI rows, made through the services like real use.

The demo's own invented team (no claim about a real place). Hooked into
`projects.demo.create_demo_project`.
"""

from wijkkoers.raci.services import RoleData, RowData, add_role, add_row


def create_demo_roles(project, leader, member):
    """Four roles (one not filled yet) and three complete rows, one per step or activity."""
    parties = {party.party_type: party for party in project.parties.all()}
    memberships = {m.user_id: m for m in project.memberships.all()}
    director, corporation, cooperative, communication = (
        add_role(leader, project, data)
        for data in [
            RoleData(
                name="Procesregisseur gemeente",
                description="Houdt het overzicht en zit het kernteam voor.",
                member=memberships.get(leader.pk),
                party=parties.get("gemeente"),
            ),
            RoleData(
                name="Projectleider woningcorporatie",
                description="Brengt de plannen voor het eigen bezit in.",
                member=memberships.get(member.pk),
                party=parties.get("woningcorporatie"),
            ),
            RoleData(
                name="Contactpersoon energiecoöperatie",
                description="Spreekt namens de bewoners die in de coöperatie meedoen.",
                party=parties.get("bewonersinitiatief"),
            ),
            RoleData(
                name="Communicatieadviseur",
                description="Nog te vinden: schrijft mee aan brieven en de website.",
            ),
        ]
    )
    rows = [
        RowData(
            activity="RACI opstellen en bij elke fase herijken",
            step_key="verwachtingen-en-rollen",
            letters={director: "A", corporation: "R", cooperative: "C", communication: "I"},
        ),
        RowData(
            step_key="communicatieplan-bewoners",
            letters={director: "A", communication: "R", cooperative: "C", corporation: "C"},
        ),
        RowData(
            activity="Bewonersavond over de warmteplannen voorbereiden",
            letters={director: "A", cooperative: "R", communication: "R", corporation: "I"},
        ),
    ]
    for row in rows:
        add_row(leader, project, row)
