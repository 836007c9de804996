"""Housing-cost data for tests, made through the services (a definition, households)."""

from datetime import date
from decimal import Decimal as D

from wijkkoers.housingcost.services import (
    ArchetypeData,
    DefinitionData,
    add_archetype,
    save_definition,
)


def definition_data(**changes) -> DefinitionData:
    values = {
        "components": ["energie", "financiering", "huur"],
        "reference": "De huidige situatie met een cv-ketel op aardgas.",
        "gas_price": D("1.45"),
        "electricity_price": D("0.40"),
        "heat_fixed_monthly": D("35"),
        "heat_price_per_gj": D("48"),
        "prices_on": date(2026, 11, 1),
        "segments": ["eigenaar", "corporatiehuurder"],
        "price_note": "Aanname van het projectteam.",
    }
    values.update(changes)
    return DefinitionData(**values)


def define(user, project, *, based_on=0, change_reason="", **changes):
    return save_definition(
        user, project, definition_data(**changes), based_on=based_on, change_reason=change_reason
    )


OWNER_INPUTS = {
    "gas_m3_before": D("1200"),
    "gas_m3_after": D("0"),
    "electricity_kwh_before": D("2500"),
    "electricity_kwh_after": D("4500"),
    "heat_gj_before": D("0"),
    "heat_gj_after": D("0"),
    "financing_before": D("500"),
    "financing_after": D("600"),
}
TENANT_INPUTS = {
    "gas_m3_before": D("1200"),
    "gas_m3_after": D("0"),
    "electricity_kwh_before": D("2400"),
    "electricity_kwh_after": D("2400"),
    "heat_gj_before": D("0"),
    "heat_gj_after": D("20"),
    "rent_before": D("600"),
    "rent_after": D("630"),
}


def household(user, project, name="Koopwoning tussenwoning", segment="eigenaar", **inputs):
    given = dict(OWNER_INPUTS if segment == "eigenaar" else TENANT_INPUTS)
    given.update(inputs)
    return add_archetype(user, project, ArchetypeData(name=name, segment=segment, inputs=given))
