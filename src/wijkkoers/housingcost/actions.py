"""Audit actions of housing-cost neutrality: the definition, households, calculations."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import display
from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)


def _money(value) -> str:
    from wijkkoers.housingcost.explain import money

    try:
        return money(value)
    except (TypeError, ValueError, ArithmeticError):
        return display.text(value)


def _number(value) -> str:
    from wijkkoers.housingcost.explain import number

    try:
        return number(value)
    except (TypeError, ValueError, ArithmeticError):
        return display.text(value)


def register():
    from wijkkoers.housingcost.models import (
        INPUT_FIELDS,
        Archetype,
        Calculation,
        Component,
        DefinitionVersion,
        Segment,
    )

    register_group("housingcost", _("Housing costs"))
    register_object_type(DefinitionVersion, "housing_definition", describe=str)
    register_object_type(Archetype, "housing_archetype", describe=lambda row: row.name)
    register_object_type(
        Calculation, "housing_calculation", describe=lambda row: row.archetype_name
    )
    prices = {
        name: Field(label=DefinitionVersion._meta.get_field(name).verbose_name, show=_number)
        for name in ["gas_price", "electricity_price", "heat_fixed_monthly", "heat_price_per_gj"]
    }
    definition = fields_of(
        DefinitionVersion,
        [
            "reference",
            "prices_on",
            "price_note",
            "comparison",
            "period_years",
            "subsidies_counted",
            "subsidies_which",
            "guarantee",
            "guarantor",
            "explanation",
            "change_reason",
        ],
        components=Field(
            label=_("cost components counted"), show=display.choice(Component.choices)
        ),
        segments=Field(label=_("segments"), show=display.choice(Segment.choices)),
        **prices,
    )
    register_action(
        "housingcost.definition_saved",
        group="housingcost",
        summary=_("%(actor)s recorded a new version of the definition %(object)s"),
        fields=definition,
    )
    archetype = fields_of(
        Archetype,
        ["name", "segment", "description"],
        **{
            name: Field(label=Archetype._meta.get_field(name).verbose_name, show=_number)
            for name in INPUT_FIELDS
        },
    )
    register_action(
        "housingcost.archetype_added",
        group="housingcost",
        summary=_("%(actor)s added the household %(object)s"),
        fields=archetype,
    )
    register_action(
        "housingcost.archetype_changed",
        group="housingcost",
        summary=_("%(actor)s changed the household %(object)s"),
        fields=archetype,
    )
    register_action(
        "housingcost.archetype_removed",
        group="housingcost",
        summary=_("%(actor)s removed the household %(object)s"),
        fields=archetype,
    )
    register_action(
        "housingcost.calculation_saved",
        group="housingcost",
        summary=_("%(actor)s saved a housing-cost calculation for %(object)s"),
        fields={
            "definition": Field(label=_("definition version")),
            "total_before": Field(label=_("total before (per month)"), show=_money),
            "total_after": Field(label=_("total after (per month)"), show=_money),
            "difference": Field(label=_("difference per month"), show=_money),
            "neutral": Field(label=_("neutral"), show=display.yes_no),
            "note": Field(label=_("note")),
        },
    )
