"""The stakeholder register through the API: stakeholders with their newest power and
interest, each one's dated assessments, and a new assessment (the web's service)."""

from datetime import date, datetime

from ninja import Field, Query, Router, Schema, Status

from wijkkoers.api.access import one_of, project_for_reading, project_for_writing
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
from wijkkoers.stakeholders.models import SCORE_MAX, SCORE_MIN, Position, Stakeholder
from wijkkoers.stakeholders.queries_register import register_rows, stakeholder_history
from wijkkoers.stakeholders.services.register import record_assessment

router = Router(tags=["Stakeholders"])

SCORE = {"ge": SCORE_MIN, "le": SCORE_MAX}


class StakeholderOut(Schema):
    id: str = Field(description="The stakeholder's public id.")
    party_id: str = Field(description="The project party it is.")
    name: str
    role_in_project: str
    contact_name: str
    interests: str
    position: str
    position_label: str
    power: int | None = Field(description="Power in the newest assessment (1-5), or null.")
    interest: int | None = Field(description="Interest in the newest assessment (1-5).")
    assessed_on: date | None = Field(description="The date of the newest assessment.")


class AssessmentOut(Schema):
    id: str
    assessed_on: date
    power: int
    interest: int
    note: str
    created_at: datetime


class StakeholderDetailOut(StakeholderOut):
    assessments: list[AssessmentOut] = Field(description="Every assessment, newest first.")


class StakeholderFilters(Schema):
    position: Position | None = None


class AssessmentIn(Input):
    power: int = Field(**SCORE, description="1 (little) to 5 (much).")
    interest: int = Field(**SCORE, description="1 (little) to 5 (much).")
    assessed_on: IsoDate | None = Field(None, description="Not after today; default today.")
    note: Text(1000) = ""


def _stakeholder(row: Stakeholder, power=None, interest=None, on=None) -> dict:
    return {
        "id": row.public_id,
        "party_id": row.party.public_id,
        "name": row.party.name,
        "role_in_project": row.role_in_project,
        "contact_name": row.contact_name,
        "interests": row.interests,
        "position": row.position,
        "position_label": str(row.get_position_display()),
        "power": power,
        "interest": interest,
        "assessed_on": on,
    }


def _row(row) -> dict:
    return _stakeholder(row, row.now_power, row.now_interest, row.now_on)


def _assessment(assessment) -> dict:
    names = ("assessed_on", "power", "interest", "note", "created_at")
    return {"id": assessment.public_id, **{name: getattr(assessment, name) for name in names}}


def _detail(stakeholder: Stakeholder) -> dict:
    history = stakeholder_history(stakeholder)
    newest = history[0] if history else None
    scores = (newest.power, newest.interest, newest.assessed_on) if newest else ()
    return {
        **_stakeholder(stakeholder, *scores),
        "assessments": [_assessment(row) for row in history],
    }


def _one(project, stakeholder_id: str) -> Stakeholder:
    rows = Stakeholder.objects.filter(project=project).select_related("party")
    found = one_of(rows, stakeholder_id)
    found.project = project
    return found


@router.get(
    "/{project_id}/stakeholders",
    response={200: Page[StakeholderOut], **ERRORS},
    summary="Stakeholders",
)
def stakeholders(
    request, project_id: str, filters: Query[StakeholderFilters], paging: Query[PageParams]
):
    """The register by party name, each with its newest assessment. Filter by position."""
    project = project_for_reading(request, project_id)
    rows = register_rows(project)
    if filters.position:
        rows = [row for row in rows if row.position == filters.position]
    return page_of(rows, paging, _row)


@router.get(
    "/{project_id}/stakeholders/{stakeholder_id}",
    response={200: StakeholderDetailOut, **ERRORS},
    summary="One stakeholder with its assessments",
)
def stakeholder(request, project_id: str, stakeholder_id: str):
    project = project_for_reading(request, project_id)
    return _detail(_one(project, stakeholder_id))


@router.post(
    "/{project_id}/stakeholders/{stakeholder_id}/assessments",
    response={201: StakeholderDetailOut, **WRITE_ERRORS},
    summary="Record an assessment of power and interest",
)
def new_assessment(request, project_id: str, stakeholder_id: str, data: AssessmentIn):
    """A new dated judgement; earlier ones are kept (the map shows the movement)."""
    project = project_for_writing(request, project_id)
    found = _one(project, stakeholder_id)
    record_assessment(request.auth, found, **data.model_dump())
    return Status(201, _detail(found))
