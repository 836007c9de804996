"""The demo project's linking opportunities, made through the services like real use.

The demo's own invented examples in its invented neighbourhood (no claim about a real
place or plan). Hooked into `projects.demo.create_demo_project`.
"""

from datetime import date

from django.utils import timezone

from wijkkoers.opportunities.models import Kind, Precision, Status
from wijkkoers.opportunities.services import OpportunityData, add_opportunity


def create_demo_opportunities(project, leader, member):
    """Four opportunities, social and physical, with windows from this year on."""
    parties = {party.party_type: party for party in project.parties.all()}
    year = timezone.localdate().year
    items = [
        OpportunityData(
            title="Vervanging riolering Voorbeeldstraat",
            kind=Kind.PHYSICAL,
            description="De gemeente vervangt het riool; de straat gaat dan toch open.",
            owner_party=parties.get("gemeente"),
            window_start=date(year + 1, 1, 1),
            window_start_precision=Precision.YEAR,
            window_end=date(year + 2, 12, 31),
            window_end_precision=Precision.YEAR,
            status=Status.EXPLORED,
            step_keys=["fysieke-koppelkansen"],
        ),
        OpportunityData(
            title="Energiecoaches via het welzijnswerk",
            kind=Kind.SOCIAL,
            description="Vrijwilligers van de coöperatie lopen mee met de huisbezoeken.",
            owner_party=parties.get("bewonersinitiatief"),
            window_start=date(year + 1, 3, 1),
            window_start_precision=Precision.MONTH,
            window_end=date(year + 1, 12, 31),
            window_end_precision=Precision.MONTH,
            status=Status.AGREED,
            step_keys=["sociale-koppelkansen"],
        ),
        OpportunityData(
            title="Groot onderhoud flats Hoogbouw Noord",
            kind=Kind.PHYSICAL,
            owner_party=parties.get("woningcorporatie"),
            window_start=date(year + 3, 1, 1),
            window_start_precision=Precision.YEAR,
            window_end=date(year + 4, 12, 31),
            window_end_precision=Precision.YEAR,
            status=Status.IDEA,
            step_keys=["fysieke-koppelkansen", "te-verbinden-opgaven"],
        ),
        OpportunityData(
            title="Speelplein opnieuw inrichten",
            kind=Kind.PHYSICAL,
            status=Status.IDEA,
        ),
    ]
    for item in items:
        add_opportunity(leader, project, item)
