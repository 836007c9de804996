"""Rules of housing-cost neutrality, on the services: versions, validation, calculations."""

from decimal import Decimal as D

import pytest

from tests.tools.housingcost_rows import OWNER_INPUTS, define, definition_data, household
from wijkkoers.audit.models import AuditEvent
from wijkkoers.housingcost.errors import (
    CalculationInputsMissing,
    ChangeReasonRequired,
    ComponentsRequired,
    DefinitionConflict,
    DefinitionRequired,
    GuarantorRequired,
    InputOutOfRange,
    InputsMissing,
    NameTaken,
    PeriodRequired,
    PriceOutOfRange,
    SegmentNotInDefinition,
    SubsidiesWhichRequired,
)
from wijkkoers.housingcost.models import Archetype, Calculation, DefinitionVersion
from wijkkoers.housingcost.services import (
    ArchetypeData,
    add_archetype,
    recompute,
    save_calculation,
    save_definition,
    update_archetype,
)
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.services import close_project

pytestmark = pytest.mark.django_db


def test_definition_versions_are_numbered_and_never_overwritten(project, alice, bob):
    first = define(alice, project, explanation="We **streven** ernaar.")
    second = define(bob, project, based_on=1, change_reason="Nieuwe gasprijs", gas_price=D("1.60"))

    first.refresh_from_db()
    assert (first.number, first.gas_price, first.created_by) == (1, D("1.4500"), alice)
    assert (second.number, second.gas_price, second.change_reason) == (
        2,
        D("1.6000"),
        "Nieuwe gasprijs",
    )
    assert "<strong>streven</strong>" in first.explanation_html
    events = AuditEvent.objects.filter(action="housingcost.definition_saved").order_by("id")
    assert [event.new["gas_price"] for event in events] == ["1.45", "1.60"]
    assert events[1].old["gas_price"] == "1.4500"


def test_definition_based_on_an_older_version_is_refused(project, alice, bob):
    define(alice, project)
    define(bob, project, based_on=1, change_reason="Tarief")

    with pytest.raises(DefinitionConflict) as error:
        define(alice, project, based_on=1, change_reason="Ook een tarief")

    assert error.value.current.number == 2
    assert DefinitionVersion.objects.filter(project=project).count() == 2


def test_definition_change_needs_a_reason(project, alice):
    define(alice, project)

    with pytest.raises(ChangeReasonRequired):
        define(alice, project, based_on=1)


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        ({"components": []}, ComponentsRequired, "components"),
        ({"gas_price": D("0")}, PriceOutOfRange, "gas_price"),
        ({"electricity_price": D("5.01")}, PriceOutOfRange, "electricity_price"),
        ({"heat_price_per_gj": D("-1")}, PriceOutOfRange, "heat_price_per_gj"),
        ({"comparison": "periode"}, PeriodRequired, "period_years"),
        ({"subsidies_counted": True}, SubsidiesWhichRequired, "subsidies_which"),
        ({"guarantee": "partij"}, GuarantorRequired, "guarantor"),
    ],
)
def test_definition_bad_input_is_refused_at_its_field(project, alice, changes, error, field):
    with pytest.raises(error) as raised:
        save_definition(alice, project, definition_data(**changes), based_on=0)

    assert raised.value.field == field
    assert not DefinitionVersion.objects.filter(project=project).exists()
    assert not AuditEvent.objects.filter(action="housingcost.definition_saved").exists()


def test_price_message_states_the_bounds(project, alice):
    with pytest.raises(PriceOutOfRange) as raised:
        save_definition(alice, project, definition_data(gas_price=D("12")), based_on=0)

    assert "€ 0,01 per m³" in str(raised.value)
    assert "€ 10,00 per m³" in str(raised.value)


def test_archetype_inputs_must_be_within_bounds(project, alice):
    with pytest.raises(InputOutOfRange) as raised:
        household(alice, project, gas_m3_before=D("-1"))

    assert raised.value.field == "gas_m3_before"
    assert "10.000 m³" in str(raised.value)
    with pytest.raises(InputOutOfRange) as raised:
        household(alice, project, financing_after=D("10000.01"))
    assert "€ 10.000,00" in str(raised.value)
    assert not Archetype.objects.exists()


def test_archetype_needs_the_inputs_the_definition_counts(project, alice):
    define(alice, project)
    inputs = {**OWNER_INPUTS, "heat_gj_after": None, "financing_before": None}

    with pytest.raises(InputsMissing) as raised:
        add_archetype(alice, project, ArchetypeData(name="Koop", segment="eigenaar", inputs=inputs))

    assert raised.value.fields == ["heat_gj_after", "financing_before"]


def test_archetype_segment_must_be_in_the_definition(project, alice):
    define(alice, project, segments=["eigenaar"])

    with pytest.raises(SegmentNotInDefinition):
        household(alice, project, name="Flat", segment="corporatiehuurder")


def test_archetype_names_are_unique_within_a_project(project, alice):
    household(alice, project, name="Koopwoning")

    with pytest.raises(NameTaken):
        household(alice, project, name="koopwoning ")


def test_archetype_change_is_audited_with_old_and_new(project, alice):
    archetype = household(alice, project)
    data = ArchetypeData(
        name=archetype.name, segment="eigenaar", inputs={**OWNER_INPUTS, "gas_m3_before": D(1300)}
    )

    update_archetype(alice, archetype, data)

    event = AuditEvent.objects.get(action="housingcost.archetype_changed")
    assert event.old == {"gas_m3_before": "1200.00"}
    assert event.new == {"gas_m3_before": "1300"}


def test_calculation_keeps_its_inputs_and_definition_version(project, alice, bob):
    define(alice, project)
    archetype = household(alice, project)

    saved = save_calculation(bob, archetype, note="Voor de bewonersavond")
    define(alice, project, based_on=1, change_reason="Duurder gas", gas_price=D("2"))
    household_inputs = {**OWNER_INPUTS, "financing_after": D("900")}
    update_archetype(
        alice,
        archetype,
        ArchetypeData(name=archetype.name, segment="eigenaar", inputs=household_inputs),
    )

    saved.refresh_from_db()
    assert saved.definition.number == 1
    assert (saved.total_before, saved.total_after, saved.difference) == (
        D("728.33"),
        D("750.00"),
        D("21.67"),
    )
    assert saved.neutral is False
    assert saved.inputs["financing_after"] == "600.00"
    assert recompute(saved).total_after == D("750.00")
    event = AuditEvent.objects.get(action="housingcost.calculation_saved")
    assert event.new["neutral"] is False
    assert event.new["definition"] == 1


def test_calculation_needs_a_definition(project, alice):
    archetype = household(alice, project)

    with pytest.raises(DefinitionRequired):
        save_calculation(alice, archetype)

    assert not Calculation.objects.exists()


def test_calculation_refused_when_inputs_lack_after_the_definition_changed(project, alice):
    define(alice, project, components=["energie"])
    archetype = household(alice, project, financing_before=None, financing_after=None)
    define(alice, project, based_on=1, change_reason="Financiering telt mee")

    with pytest.raises(CalculationInputsMissing) as raised:
        save_calculation(alice, archetype)

    assert "financieringslasten" in str(raised.value) or "financing" in str(raised.value)


def test_writes_refused_in_a_closed_project(project, alice):
    define(alice, project)
    archetype = household(alice, project)
    close_project(alice, project, reason="Klaar")

    with pytest.raises(ProjectClosed):
        define(alice, project, based_on=1, change_reason="Toch")
    with pytest.raises(ProjectClosed):
        household(alice, project, name="Nog een")
    with pytest.raises(ProjectClosed):
        save_calculation(alice, archetype)
    assert Calculation.objects.count() == 0


def test_audit_entries_read_in_dutch_words(project, alice):
    from django.utils import translation

    from wijkkoers.audit.entries import entry_for

    define(alice, project)
    define(alice, project, based_on=1, change_reason="Tarief", gas_price=D("1.60"))
    save_calculation(alice, household(alice, project))

    with translation.override("nl"):
        events = AuditEvent.objects.filter(action__startswith="housingcost.").order_by("id")
        entries = [entry_for(event) for event in events]
        assert "legde een nieuwe versie vast van de definitie" in entries[1].summary
        assert "gasprijs (euro per m³): van ‘1,45’ naar ‘1,6’" in entries[1].changes
        # Any order: PostgreSQL's jsonb does not keep the keys' order.
        assert any(
            change.startswith("meegetelde kostenposten: energie (gas, elektriciteit, warmte), ")
            for change in entries[0].changes
        )
        saved = entries[-1]
        assert "bewaarde een woonlastenberekening voor Koopwoning tussenwoning" in saved.summary
        assert "verschil per maand: € 6,67" in saved.changes  # 750 - (160 + 83,33 + 500)
