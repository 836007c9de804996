"""Writes of housing-cost neutrality: definition versions, household archetypes, calculations.

Every write runs in one transaction that first locks the project row (and refuses a closed
project), then checks its rules (each a HousingCostRuleError), writes and audits. The
definition is never changed in place: a save is a new numbered version, based on the number
the user saw (DefinitionConflict when someone else saved a newer one meanwhile).
"""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from wijkkoers.audit.services import record_event
from wijkkoers.housingcost import calculator
from wijkkoers.housingcost.errors import (
    CalculationInputsMissing,
    ChangeReasonRequired,
    ComponentsRequired,
    DefinitionConflict,
    DefinitionRequired,
    GuarantorRequired,
    InputOutOfRange,
    InputsMissing,
    NameRequired,
    NameTaken,
    PeriodRequired,
    PriceOutOfRange,
    ReferenceRequired,
    SegmentNotInDefinition,
    SegmentsRequired,
    SubsidiesWhichRequired,
    UnknownChoice,
    ValueRequired,
)
from wijkkoers.housingcost.explain import number
from wijkkoers.housingcost.models import (
    INPUT_FIELDS,
    INPUT_LABELS,
    Archetype,
    Calculation,
    Comparison,
    Component,
    DefinitionVersion,
    Guarantee,
    Segment,
)
from wijkkoers.housingcost.queries import current_definition
from wijkkoers.method.markdown import linked_step_keys, render_markdown
from wijkkoers.projects.queries import step_urls_for
from wijkkoers.projects.services import lock_current, lock_open_project

# Sane bounds, stated in the error messages: (lowest, highest, unit).
PRICE_BOUNDS = {
    "gas_price": (Decimal("0.01"), Decimal("10"), "m³"),
    "electricity_price": (Decimal("0.01"), Decimal("5"), "kWh"),
    "heat_fixed_monthly": (Decimal("0"), Decimal("500"), None),
    "heat_price_per_gj": (Decimal("0"), Decimal("500"), "GJ"),
}
INPUT_BOUNDS = {
    "gas_m3": (Decimal("10000"), "m³"),
    "electricity_kwh": (Decimal("25000"), "kWh"),
    "heat_gj": (Decimal("200"), "GJ"),
}
MONTHLY_BOUND = Decimal("10000")
PERIOD_YEARS = (1, 60)


@dataclass
class DefinitionData:
    components: list
    reference: str
    gas_price: Decimal
    electricity_price: Decimal
    heat_fixed_monthly: Decimal
    heat_price_per_gj: Decimal
    prices_on: date
    segments: list
    price_note: str = ""
    comparison: str = Comparison.MOMENT
    period_years: int | None = None
    subsidies_counted: bool = False
    subsidies_which: str = ""
    guarantee: str = Guarantee.NOBODY
    guarantor: str = ""
    explanation: str = ""


DEFINITION_FIELDS = list(DefinitionData.__dataclass_fields__)


@dataclass
class ArchetypeData:
    name: str
    segment: str
    description: str = ""
    inputs: dict = field(default_factory=dict)  # INPUT_FIELDS -> Decimal or None


# --- Definition -----------------------------------------------------------------------------


def render_text(text: str) -> str:
    """User Markdown as sanitised HTML, rendered once when it is written."""
    if not text:
        return ""
    return render_markdown(text, step_urls_for(linked_step_keys(text)))


def rules_of(definition: DefinitionVersion) -> calculator.Rules:
    """What the calculator counts under this definition version."""
    return calculator.Rules(
        components=frozenset(definition.components),
        subsidies_counted=definition.subsidies_counted,
        prices=calculator.Prices(
            gas=definition.gas_price,
            electricity=definition.electricity_price,
            heat_fixed=definition.heat_fixed_monthly,
            heat_gj=definition.heat_price_per_gj,
        ),
    )


def _check_choices(values, choices, error) -> list:
    values = list(dict.fromkeys(values or []))
    if not values:
        raise error
    if any(value not in choices for value in values):
        raise UnknownChoice(field=error.field)
    # In the order of the choices, so versions compare and read the same.
    return [value for value in choices if value in values]


def _check_prices(data: DefinitionData) -> None:
    for name, (low, high, unit) in PRICE_BOUNDS.items():
        value = getattr(data, name)
        if value is None:
            raise ValueRequired(field=name)
        if not low <= value <= high:
            per = f" per {unit}" if unit else ""
            raise PriceOutOfRange(
                field=name, low=f"€ {number(low, 2)}{per}", high=f"€ {number(high, 2)}{per}"
            )


def _check_definition(data: DefinitionData) -> None:
    data.components = _check_choices(data.components, Component.values, ComponentsRequired())
    data.segments = _check_choices(data.segments, Segment.values, SegmentsRequired())
    data.reference = (data.reference or "").strip()
    if not data.reference:
        raise ReferenceRequired
    _check_prices(data)
    if data.prices_on is None:
        raise ValueRequired(field="prices_on")
    if data.comparison not in Comparison.values:
        raise UnknownChoice(field="comparison")
    if data.comparison == Comparison.PERIOD:
        low, high = PERIOD_YEARS
        if data.period_years is None or not low <= data.period_years <= high:
            raise PeriodRequired
    else:
        data.period_years = None
    data.subsidies_which = data.subsidies_which.strip() if data.subsidies_counted else ""
    if data.subsidies_counted and not data.subsidies_which:
        raise SubsidiesWhichRequired
    if data.guarantee not in Guarantee.values:
        raise UnknownChoice(field="guarantee")
    data.guarantor = data.guarantor.strip() if data.guarantee == Guarantee.PARTY else ""
    if data.guarantee == Guarantee.PARTY and not data.guarantor:
        raise GuarantorRequired


def definition_values(version: DefinitionVersion | None) -> dict:
    if version is None:
        return {}
    return {name: getattr(version, name) for name in DEFINITION_FIELDS}


@transaction.atomic
def save_definition(
    actor, project, data: DefinitionData, *, based_on: int, change_reason: str = ""
) -> DefinitionVersion:
    """Record a new version of the project's definition; the earlier ones stay as they are.

    `based_on` is the version number the user saw (0 for none). Side effects: one
    DefinitionVersion row, one audit entry `housingcost.definition_saved`.
    """
    project = lock_open_project(project)
    previous = current_definition(project)
    number_now = previous.number if previous else 0
    if based_on != number_now:
        raise DefinitionConflict(current=previous)
    _check_definition(data)
    change_reason = (change_reason or "").strip()
    if previous and not change_reason:
        raise ChangeReasonRequired
    version = DefinitionVersion.objects.create(
        project=project,
        number=number_now + 1,
        explanation_html=render_text(data.explanation),
        change_reason=change_reason,
        created_by=actor,
        **asdict(data),
    )
    record_event(
        project=project,
        actor=actor,
        action="housingcost.definition_saved",
        obj=version,
        old=definition_values(previous),
        new={**definition_values(version), "change_reason": change_reason},
    )
    return version


# --- Archetypes -----------------------------------------------------------------------------


def _check_inputs(inputs: dict) -> dict:
    checked = {}
    for name in INPUT_FIELDS:
        value = inputs.get(name)
        stem = name.rsplit("_", 1)[0]
        high, unit = INPUT_BOUNDS.get(stem, (MONTHLY_BOUND, None))
        if value is not None and not Decimal(0) <= value <= high:
            shown = f"{number(high)} {unit}" if unit else f"€ {number(high, 2)}"
            raise InputOutOfRange(field=name, high=shown)
        checked[name] = value
    return checked


def _check_archetype(project, data: ArchetypeData, itself=None) -> None:
    data.name = (data.name or "").strip()
    if not data.name:
        raise NameRequired
    others = Archetype.objects.filter(project=project, name__iexact=data.name)
    if itself is not None:
        others = others.exclude(pk=itself.pk)
    if others.exists():
        raise NameTaken
    if data.segment not in Segment.values:
        raise UnknownChoice(field="segment")
    data.inputs = _check_inputs(data.inputs)
    definition = current_definition(project)
    if definition is None:
        return
    if data.segment not in definition.segments:
        raise SegmentNotInDefinition
    if missing := calculator.missing_inputs(rules_of(definition), data.segment, data.inputs):
        raise InputsMissing(missing)


def archetype_values(archetype: Archetype) -> dict:
    return {
        "name": archetype.name,
        "segment": archetype.segment,
        "description": archetype.description,
        **archetype.inputs(),
    }


def _apply(archetype: Archetype, data: ArchetypeData) -> None:
    archetype.name = data.name
    archetype.segment = data.segment
    archetype.description = data.description.strip()
    for name in INPUT_FIELDS:
        setattr(archetype, name, data.inputs.get(name))


@transaction.atomic
def add_archetype(actor, project, data: ArchetypeData) -> Archetype:
    """Add a household archetype; its inputs must cover what the current definition counts."""
    project = lock_open_project(project)
    _check_archetype(project, data)
    archetype = Archetype(project=project, created_by=actor)
    _apply(archetype, data)
    archetype.save()
    record_event(
        project=project,
        actor=actor,
        action="housingcost.archetype_added",
        obj=archetype,
        new=archetype_values(archetype),
    )
    return archetype


@transaction.atomic
def update_archetype(actor, archetype: Archetype, data: ArchetypeData) -> Archetype:
    """Change a household archetype; saved calculations keep the inputs they used."""
    project, archetype = lock_current(archetype)
    _check_archetype(project, data, itself=archetype)
    old = archetype_values(archetype)
    _apply(archetype, data)
    archetype.save()
    new = archetype_values(archetype)
    changed = [key for key in new if new[key] != old[key]]
    if changed:
        record_event(
            project=project,
            actor=actor,
            action="housingcost.archetype_changed",
            obj=archetype,
            old={key: old[key] for key in changed},
            new={key: new[key] for key in changed},
        )
    return archetype


@transaction.atomic
def remove_archetype(actor, archetype: Archetype) -> int:
    """Remove a household archetype; returns how many saved calculations it had.

    Nothing is lost with it: a saved calculation keeps its own copy of the name, inputs,
    result and definition version (its link to the household becomes empty), so saved
    calculations never stop a removal. Side effect: the audit entry
    `housingcost.archetype_removed` with the household's last values, so the trail still
    says what it was. A closed project refuses (`ProjectClosed`); a household already
    removed by someone else is `NotFound`.
    """
    project, current = lock_current(archetype)
    kept = current.calculations.count()
    record_event(
        project=project,
        actor=actor,
        action="housingcost.archetype_removed",
        obj=current,
        old=archetype_values(current),
    )
    current.delete()
    return kept


# --- Calculations ---------------------------------------------------------------------------


def run_calculation(archetype: Archetype, definition: DefinitionVersion | None):
    """The result for this household under this definition (reads only, saves nothing)."""
    if definition is None:
        raise DefinitionRequired
    if archetype.segment not in definition.segments:
        raise SegmentNotInDefinition(field="archetype")
    rules = rules_of(definition)
    inputs = archetype.inputs()
    if missing := calculator.missing_inputs(rules, archetype.segment, inputs):
        names = sorted({str(INPUT_LABELS[name.rsplit("_", 1)[0]]) for name in missing})
        raise CalculationInputsMissing(names=", ".join(names))
    return calculator.calculate(rules, archetype.segment, inputs)


def _stored_lines(result) -> list[dict]:
    return [
        {
            "key": line.key,
            "before": str(line.before),
            "after": str(line.after),
            "difference": str(line.difference),
        }
        for line in result.lines
    ]


@transaction.atomic
def save_calculation(actor, archetype: Archetype, *, note: str = "") -> Calculation:
    """Run the calculator for this household under the current definition and keep it.

    Stores a copy of the inputs, the result and the definition version, so the
    calculation reads the same after either changes. Side effects: one Calculation row,
    one audit entry `housingcost.calculation_saved`.
    """
    project, archetype = lock_current(archetype)
    definition = current_definition(project)
    result = run_calculation(archetype, definition)
    calculation = Calculation.objects.create(
        project=project,
        archetype=archetype,
        archetype_name=archetype.name,
        segment=archetype.segment,
        definition=definition,
        inputs={
            name: None if value is None else str(value)
            for name, value in archetype.inputs().items()
        },
        lines=_stored_lines(result),
        total_before=result.total_before,
        total_after=result.total_after,
        difference=result.difference,
        neutral=result.neutral,
        note=(note or "").strip(),
        created_by=actor,
    )
    record_event(
        project=project,
        actor=actor,
        action="housingcost.calculation_saved",
        obj=calculation,
        new={
            "definition": definition.number,
            "total_before": result.total_before,
            "total_after": result.total_after,
            "difference": result.difference,
            "neutral": result.neutral,
            "note": calculation.note,
        },
    )
    return calculation


def stored_inputs(calculation: Calculation) -> dict:
    """A saved calculation's inputs as Decimal (or None), as the calculator takes them."""
    return {
        name: None if value is None else Decimal(value)
        for name, value in calculation.inputs.items()
    }


def recompute(calculation: Calculation):
    """The saved calculation's lines again, from its own inputs and definition version."""
    return calculator.calculate(
        rules_of(calculation.definition), calculation.segment, stored_inputs(calculation)
    )
