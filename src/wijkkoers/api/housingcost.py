"""Housing-cost neutrality (woonlastenneutraliteit) through the API: the definition in force
and its earlier versions, the typical households and the saved calculations (each as it was
saved: its own copy of the inputs and the definition version it used). Writes: a new
version of the definition (with the version read: 409 when someone saved one meanwhile) and
a saved calculation for a household, through the web's services."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Query, Router, Schema, Status

from wijkkoers.api.access import project_for_reading, project_for_writing
from wijkkoers.api.schemas import (
    ERRORS,
    WRITE_ERRORS,
    Input,
    IsoDate,
    Page,
    PageParams,
    Text,
    page_of,
)
from wijkkoers.housingcost import explain
from wijkkoers.housingcost.access import access_archetype, access_calculation
from wijkkoers.housingcost.errors import HousingCostRuleError
from wijkkoers.housingcost.models import (
    INPUT_FIELDS,
    Archetype,
    Calculation,
    Comparison,
    Component,
    DefinitionVersion,
    Guarantee,
    Segment,
)
from wijkkoers.housingcost.queries import archetypes_of, current_definition
from wijkkoers.housingcost.services import (
    DefinitionData,
    recompute,
    save_calculation,
    save_definition,
)

router = Router(tags=["Housing-cost neutrality"])
BASE = "/{project_id}/housing-cost"


class Choice(Schema):
    value: str
    label: str


class DefinitionOut(Schema):
    id: str
    version: int
    components: list[Choice] = Field(description="The cost components it counts.")
    reference: str
    gas_price: Decimal = Field(description="EUR per m³.")
    electricity_price: Decimal = Field(description="EUR per kWh.")
    heat_fixed_monthly: Decimal = Field(description="EUR per month.")
    heat_price_per_gj: Decimal = Field(description="EUR per GJ.")
    prices_on: date
    price_note: str
    comparison: Comparison
    comparison_label: str
    period_years: int | None
    segments: list[Choice]
    subsidies_counted: bool
    subsidies_which: str
    guarantee: Guarantee
    guarantee_label: str
    guarantor: str
    explanation_html: str
    change_reason: str
    created_at: datetime


class CurrentDefinitionOut(Schema):
    definition: DefinitionOut | None = Field(description="None while the team has none.")


class HouseholdOut(Schema):
    id: str
    name: str
    segment: Segment
    segment_label: str
    description: str
    inputs: dict[str, Decimal | None] = Field(
        description="Before and after, per input (`gas_m3_before`, ...); null: not given."
    )
    latest_neutral: bool | None = Field(description="Of its newest saved calculation.")
    latest_difference: Decimal | None
    latest_definition: int | None = Field(description="The definition version it used.")


class LineOut(Schema):
    key: str
    label: str
    before: Decimal = Field(description="EUR per month.")
    after: Decimal
    difference: Decimal
    how_before: str = Field(description="How the amount was made, in Dutch.")
    how_after: str


class CalculationOut(Schema):
    id: str
    household: str | None = Field(description="The household's id, if it still exists.")
    household_name: str = Field(description="Its name when the calculation was saved.")
    segment: Segment
    segment_label: str
    definition_version: int
    total_before: Decimal = Field(description="EUR per month.")
    total_after: Decimal
    difference: Decimal
    neutral: bool
    note: str
    created_at: datetime


class CalculationDetailOut(CalculationOut):
    verdict: str
    inputs: dict[str, Decimal | None]
    lines: list[LineOut]


def _price(max_digits: int, places: int):
    return Field(max_digits=max_digits, decimal_places=places, ge=0, le=10 ** (max_digits - places))


class DefinitionIn(Input):
    components: list[Component] = Field(max_length=10)
    reference: Text(2000)
    gas_price: Decimal = _price(7, 4)
    electricity_price: Decimal = _price(7, 4)
    heat_fixed_monthly: Decimal = _price(8, 2)
    heat_price_per_gj: Decimal = _price(8, 2)
    prices_on: IsoDate
    price_note: Text(1000) = ""
    segments: list[Segment] = Field(max_length=10)
    comparison: Comparison = Comparison.MOMENT
    period_years: int | None = Field(None, ge=0, le=1000, description="For a period: 1 to 60.")
    subsidies_counted: bool = False
    subsidies_which: Text(1000) = ""
    guarantee: Guarantee = Guarantee.NOBODY
    guarantor: Text(300) = ""
    explanation: Text(20000) = Field("", description="Markdown.")
    version: int = Field(
        ge=0, le=1_000_000, description="The version in force you read; 0 when there is none."
    )
    change_reason: Text(1000) = Field("", description="Required from the second version on.")


class CalculationIn(Input):
    note: Text(1000) = ""


def _choices(values, choices) -> list[dict]:
    labels = dict(choices)
    return [{"value": v, "label": str(labels[v])} for v in labels if v in values]


def _definition(found: DefinitionVersion) -> dict:
    names = [
        "reference",
        "gas_price",
        "electricity_price",
        "heat_fixed_monthly",
        "heat_price_per_gj",
        "prices_on",
        "price_note",
        "comparison",
        "period_years",
        "subsidies_counted",
        "subsidies_which",
        "guarantee",
        "guarantor",
        "explanation_html",
        "change_reason",
        "created_at",
    ]
    return {
        "id": found.public_id,
        "version": found.number,
        **{name: getattr(found, name) for name in names},
        "components": _choices(found.components, Component.choices),
        "segments": _choices(found.segments, Segment.choices),
        "comparison_label": str(found.get_comparison_display()),
        "guarantee_label": str(found.get_guarantee_display()),
    }


def _household(found: Archetype) -> dict:
    return {
        "id": found.public_id,
        "name": found.name,
        "segment": found.segment,
        "segment_label": str(found.get_segment_display()),
        "description": found.description,
        "inputs": found.inputs(),
        "latest_neutral": found.latest_neutral,
        "latest_difference": found.latest_difference,
        "latest_definition": found.latest_definition,
    }


def _calculation(found: Calculation) -> dict:
    return {
        "id": found.public_id,
        "household": found.archetype.public_id if found.archetype_id else None,
        "household_name": found.archetype_name,
        "segment": found.segment,
        "segment_label": str(found.get_segment_display()),
        "definition_version": found.definition.number,
        **{
            name: getattr(found, name)
            for name in ("total_before", "total_after", "difference", "neutral", "note")
        },
        "created_at": found.created_at,
    }


@router.get(
    f"{BASE}/definition",
    response={200: CurrentDefinitionOut, **ERRORS},
    summary="The housing-cost definition in force",
)
def definition(request, project_id: str):
    found = current_definition(project_for_reading(request, project_id))
    return {"definition": _definition(found) if found else None}


@router.get(
    f"{BASE}/definitions",
    response={200: Page[DefinitionOut], **ERRORS},
    summary="Every version of the definition",
)
def definitions(request, project_id: str, paging: Query[PageParams]):
    """Newest first: the first is the one in force. Versions are never changed."""
    project = project_for_reading(request, project_id)
    rows = DefinitionVersion.objects.filter(project=project).order_by("-number")
    return page_of(rows, paging, _definition)


@router.get(
    f"{BASE}/households",
    response={200: Page[HouseholdOut], **ERRORS},
    summary="Typical households",
)
def households(request, project_id: str, paging: Query[PageParams]):
    """By name, each with its inputs and its newest saved calculation's outcome."""
    return page_of(archetypes_of(project_for_reading(request, project_id)), paging, _household)


@router.get(
    f"{BASE}/calculations",
    response={200: Page[CalculationOut], **ERRORS},
    summary="Saved calculations",
)
def calculations(request, project_id: str, paging: Query[PageParams]):
    """Newest first."""
    project = project_for_reading(request, project_id)
    rows = (
        Calculation.objects.select_related("definition", "archetype")
        .filter(project=project)
        .order_by("-created_at", "-id")
    )
    return page_of(rows, paging, _calculation)


@router.get(
    f"{BASE}/calculations/{{calculation_id}}",
    response={200: CalculationDetailOut, **ERRORS},
    summary="One saved calculation, line by line",
)
def calculation(request, project_id: str, calculation_id: str):
    """As it was saved: its own inputs and the definition version it used, explained."""
    found = access_calculation(project_for_reading(request, project_id), calculation_id)
    return _calculation_detail(found)


def _calculation_detail(found: Calculation) -> dict:
    result = recompute(found)
    explained = explain.rows(result)
    stored = {line["key"]: line for line in found.lines}
    lines = [
        {
            "key": line.key,
            "label": str(shown["label"]),
            "before": Decimal(stored.get(line.key, {}).get("before", line.before)),
            "after": Decimal(stored.get(line.key, {}).get("after", line.after)),
            "difference": Decimal(stored.get(line.key, {}).get("difference", line.difference)),
            "how_before": str(shown["how_before"]),
            "how_after": str(shown["how_after"]),
        }
        for line, shown in zip(result.lines, explained, strict=True)
    ]
    inputs = {name: found.inputs.get(name) for name in INPUT_FIELDS}
    return {
        **_calculation(found),
        "verdict": str(explain.verdict(result)),
        "inputs": {k: None if v is None else Decimal(v) for k, v in inputs.items()},
        "lines": lines,
    }


@router.post(
    f"{BASE}/definitions",
    response={201: DefinitionOut, **WRITE_ERRORS},
    summary="Record a new version of the definition",
)
def new_definition(request, project_id: str, data: DefinitionIn):
    """The whole definition as it should read now; the earlier versions stay as they are."""
    project = project_for_writing(request, project_id)
    fields = {name: getattr(data, name) for name in DefinitionData.__dataclass_fields__}
    enums = {
        "components": [item.value for item in data.components],
        "segments": [item.value for item in data.segments],
        "comparison": data.comparison.value,
        "guarantee": data.guarantee.value,
    }
    found = save_definition(
        request.auth,
        project,
        DefinitionData(**{**fields, **enums}),
        based_on=data.version,
        change_reason=data.change_reason,
    )
    return Status(201, _definition(found))


@router.post(
    f"{BASE}/households/{{household_id}}/calculations",
    response={201: CalculationDetailOut, **WRITE_ERRORS},
    summary="Save a calculation for a household",
)
def new_calculation(request, project_id: str, household_id: str, data: CalculationIn):
    """Runs the calculator for the household under the definition in force and keeps it."""
    project = project_for_writing(request, project_id)
    household = access_archetype(project, household_id)
    try:
        found = save_calculation(request.auth, household, note=data.note)
    except HousingCostRuleError as error:
        if error.field == "archetype":  # the web's form field; here it is the path
            error.field = None
        raise
    return Status(201, _calculation_detail(access_calculation(project, found.public_id)))
