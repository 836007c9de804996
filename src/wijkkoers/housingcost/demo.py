"""The demo project's housing-cost definition, two households and their calculations.

Made through the services like real use. The prices are the demo's own round assumptions,
not current rates, and the households are invented.
"""

from datetime import timedelta
from decimal import Decimal as D

from django.utils import timezone

from wijkkoers.housingcost.services import (
    ArchetypeData,
    DefinitionData,
    add_archetype,
    save_calculation,
    save_definition,
)

EXPLANATION = (
    "We **streven** ernaar dat de maandlasten van een huishouden niet stijgen op het moment "
    "dat de woning van het gas af gaat. Dat is een streven, geen garantie.\n\n"
    "We rekenen met de huidige situatie als vergelijking en met vaste prijsaannames, zodat "
    "berekeningen onderling te vergelijken zijn. Bij nieuwe tarieven maken we een nieuwe versie."
)
HOUSEHOLDS = [
    (
        "Koopwoning tussenwoning",
        "eigenaar",
        "Jaren-zeventig tussenwoning; na isolatie een warmtepomp, betaald met een lening.",
        {
            "gas_m3": ("1350", "0"),
            "electricity_kwh": ("2800", "5200"),
            "heat_gj": ("0", "0"),
            "financing": ("640", "715"),
        },
    ),
    (
        "Huurwoning corporatie, appartement",
        "corporatiehuurder",
        "Portiekflat; aansluiting op het warmtenet.",
        {
            "gas_m3": ("950", "0"),
            "electricity_kwh": ("2100", "2100"),
            "heat_gj": ("0", "18"),
            "rent": ("640", "655"),
        },
    ),
]


def _definition(**changes) -> DefinitionData:
    values = {
        "components": ["energie", "financiering", "huur"],
        "reference": "De huidige situatie: verwarmen en koken op aardgas met een cv-ketel.",
        "gas_price": D("1.40"),
        "electricity_price": D("0.35"),
        "heat_fixed_monthly": D("40"),
        "heat_price_per_gj": D("45"),
        "prices_on": timezone.localdate() - timedelta(days=60),
        "price_note": "Ronde aannames voor dit voorbeeldproject, geen actuele tarieven.",
        "segments": ["eigenaar", "corporatiehuurder"],
        "explanation": EXPLANATION,
    }
    values.update(changes)
    return DefinitionData(**values)


def create_demo_housingcost(project, leader, member):
    """Two versions of the definition, two households, a calculation for each."""
    save_definition(leader, project, _definition(), based_on=0)
    save_definition(
        member,
        project,
        _definition(subsidies_counted=True, subsidies_which="De gemeentelijke isolatiesubsidie"),
        based_on=1,
        change_reason="Afgesproken in het kernteam: subsidies tellen mee, apart zichtbaar.",
    )
    for name, segment, description, values in HOUSEHOLDS:
        inputs = {
            f"{stem}_{when}": D(value)
            for stem, pair in values.items()
            for when, value in zip(("before", "after"), pair, strict=True)
        }
        if segment == "eigenaar":
            inputs["subsidy_after"] = D("25")
        archetype = add_archetype(
            member,
            project,
            ArchetypeData(name=name, segment=segment, description=description, inputs=inputs),
        )
        save_calculation(member, archetype, note="Voor de bewonersavond")
