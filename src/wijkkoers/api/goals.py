"""The goal's indicators through the API: each with its newest counting measurement and
standing, one with all its measurements, and new measurements and corrections (the web's
services: a measurement is never edited, a correction names the one it replaces)."""

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
from wijkkoers.goals.queries import (
    access_indicator,
    access_measurement,
    indicator_rows,
    indicator_view,
)
from wijkkoers.goals.services import MeasurementData, correct_measurement, record_measurement
from wijkkoers.goals.status import Standing

router = Router(tags=["Goal and indicators"])

# The columns hold 16 digits, 3 after the point.
VALUE = Field(max_digits=16, decimal_places=3, ge=-(10**13), le=10**13)


class IndicatorOut(Schema):
    id: str
    name: str
    unit: str
    baseline_value: Decimal | None
    baseline_on: date | None
    target_value: Decimal
    deadline: date
    version: int
    retired: bool
    newest_value: Decimal | None = Field(description="The newest measurement that counts.")
    newest_on: date | None
    standing: Standing
    standing_label: str


class MeasurementOut(Schema):
    id: str
    value: Decimal
    measured_on: date
    note: str
    counts: bool = Field(description="False when a correction replaced it.")
    corrects: str | None = Field(description="The id of the measurement it corrects.")
    created_at: datetime


class IndicatorDetailOut(IndicatorOut):
    measurements: list[MeasurementOut] = Field(description="Oldest first.")


class IndicatorFilters(Schema):
    retired: bool = Field(False, description="true: the retired indicators instead.")


class MeasurementIn(Input):
    value: Decimal = VALUE
    measured_on: IsoDate = Field(description="Not after today.")
    note: Text(1000) = Field("", description="Required for a correction: what was wrong.")


def _indicator(row) -> dict:
    indicator = row.indicator
    names = ("name", "unit", "baseline_value", "baseline_on", "target_value", "deadline")
    return {
        "id": indicator.public_id,
        **{name: getattr(indicator, name) for name in names},
        "version": indicator.version,
        "retired": indicator.retired_at is not None,
        "newest_value": row.newest_value,
        "newest_on": row.newest_on,
        "standing": row.standing,
        "standing_label": str(Standing(row.standing).label),
    }


def _measurement(row) -> dict:
    measurement = row.measurement
    return {
        "id": measurement.public_id,
        "value": measurement.value,
        "measured_on": measurement.measured_on,
        "note": measurement.note,
        "counts": row.counts,
        "corrects": measurement.corrects.public_id if measurement.corrects_id else None,
        "created_at": measurement.created_at,
    }


def _detail(project, indicator_id: str) -> dict:
    row, measurements = indicator_view(access_indicator(project, indicator_id))
    return {**_indicator(row), "measurements": [_measurement(r) for r in measurements]}


@router.get(
    "/{project_id}/indicators", response={200: Page[IndicatorOut], **ERRORS}, summary="Indicators"
)
def indicators(
    request, project_id: str, filters: Query[IndicatorFilters], paging: Query[PageParams]
):
    """The goal's indicators with their newest measurement and standing (by name)."""
    project = project_for_reading(request, project_id)
    rows = sorted(
        indicator_rows(project, retired=filters.retired),
        key=lambda row: (row.indicator.name.lower(), row.indicator.pk),
    )
    return page_of(rows, paging, _indicator)


@router.get(
    "/{project_id}/indicators/{indicator_id}",
    response={200: IndicatorDetailOut, **ERRORS},
    summary="One indicator with its measurements",
)
def indicator(request, project_id: str, indicator_id: str):
    return _detail(project_for_reading(request, project_id), indicator_id)


def _data(data: MeasurementIn) -> MeasurementData:
    return MeasurementData(value=data.value, measured_on=data.measured_on, note=data.note)


@router.post(
    "/{project_id}/indicators/{indicator_id}/measurements",
    response={201: IndicatorDetailOut, **WRITE_ERRORS},
    summary="Record a measurement",
)
def new_measurement(request, project_id: str, indicator_id: str, data: MeasurementIn):
    project = project_for_writing(request, project_id)
    record_measurement(request.auth, access_indicator(project, indicator_id), _data(data))
    return Status(201, _detail(project, indicator_id))


@router.post(
    "/{project_id}/indicators/{indicator_id}/measurements/{measurement_id}/correction",
    response={201: IndicatorDetailOut, **WRITE_ERRORS},
    summary="Correct a measurement",
)
def new_correction(
    request, project_id: str, indicator_id: str, measurement_id: str, data: MeasurementIn
):
    """A new measurement that replaces a wrong one; the wrong one stays, marked. Needs a note."""
    project = project_for_writing(request, project_id)
    wrong = access_measurement(access_indicator(project, indicator_id), measurement_id)
    correct_measurement(request.auth, wrong, _data(data))
    return Status(201, _detail(project, indicator_id))
