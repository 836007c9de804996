"""Projects through the API: the token user's projects, their members, step progress, and
the sub-projects with their own progress (read only)."""

from datetime import date, datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema

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
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.access import access_subproject, is_public_id
from wijkkoers.projects.errors import OwnerNotMember
from wijkkoers.projects.models import Membership, Project, Role, StepProgress, StepStatus
from wijkkoers.projects.queries import progress_by_key
from wijkkoers.projects.services import ProgressChange, set_step_progress

router = Router(tags=["Projects"])


class ProjectOut(Schema):
    id: str = Field(description="The project's public id.")
    name: str
    municipality: str
    status: str
    status_label: str
    role: str = Field(description="Your role: projectleider, teamlid or meelezer.")
    role_label: str


class ProjectDetailOut(ProjectOut):
    description: str
    start_date: date | None
    created_at: datetime


class MemberOut(Schema):
    id: str = Field(description="The membership's public id (use it as an owner).")
    name: str
    role: str
    role_label: str
    party: str | None


class OwnerOut(Schema):
    id: str = Field(description="The owner's membership id.")
    name: str


class ProgressOut(Schema):
    step_key: str
    step_number: str
    step_title: str
    status: str
    status_label: str
    reason: str
    owner: OwnerOut | None
    target_date: date | None
    note: str = Field(description="The note as written (Markdown).")
    note_html: str = Field(description="The note as the site shows it.")
    version: int = Field(description="Send this back when you change the step.")
    updated_at: datetime | None


class SubProjectOut(Schema):
    id: str
    name: str
    description: str


class SubProgressOut(ProgressOut):
    from_whole_project: bool = Field(
        description="True: the whole project's not-applicable holds here (none of its own)."
    )


class ProgressFilters(Schema):
    step: str | None = Field(None, max_length=120, description="One step's key.")
    status: StepStatus | None = None


class ProgressIn(Input):
    status: StepStatus
    reason: Text(500) = Field("", description="Required for status nvt (not applicable).")
    owner: str | None = Field(None, max_length=16, description="A membership id, or null.")
    target_date: IsoDate | None = None
    note: Text(5000) = Field("", description="Markdown.")
    version: int = Field(
        ge=0, le=2_147_483_647, description="The version you read; 0 for a step never set."
    )


def _project(project: Project, role: str, detail=False) -> dict:
    data = {
        "id": project.public_id,
        "name": project.name,
        "municipality": project.municipality,
        "status": project.status,
        "status_label": str(project.get_status_display()),
        "role": role,
        "role_label": str(Role(role).label),
    }
    if detail:
        data.update(
            description=project.description,
            start_date=project.start_date,
            created_at=project.created_at,
        )
    return data


@router.get("", response={200: Page[ProjectOut], **ERRORS}, summary="Your projects")
def projects(request, paging: Query[PageParams]):
    """The projects you are a member of, by name."""
    rows = (
        Membership.objects.filter(user=request.auth)
        .select_related("project")
        .order_by("project__name", "project__id")
    )
    return page_of(rows, paging, lambda m: _project(m.project, m.role))


@router.get("/{project_id}", response={200: ProjectDetailOut, **ERRORS}, summary="One project")
def project(request, project_id: str):
    found = project_for_reading(request, project_id)
    role = found.memberships.filter(user=request.auth).values_list("role", flat=True).first()
    return _project(found, role, detail=True)


def _team(project) -> dict:
    return {m.user_id: m for m in project.memberships.select_related("user", "party")}


def _member(membership) -> dict:
    return {
        "id": membership.public_id,
        "name": membership.user.display_name,
        "role": membership.role,
        "role_label": str(membership.get_role_display()),
        "party": membership.party.name if membership.party_id else None,
    }


@router.get("/{project_id}/members", response={200: Page[MemberOut], **ERRORS}, summary="Members")
def members(request, project_id: str, paging: Query[PageParams]):
    found = project_for_reading(request, project_id)
    rows = found.memberships.select_related("user", "party").order_by("user__name", "id")
    return page_of(rows, paging, _member)


def _progress(step, row: StepProgress | None, team: dict) -> dict:
    owner = team.get(row.owner_id) if row and row.owner_id else None
    status = row.status if row else StepStatus.NOT_STARTED
    return {
        "step_key": step.key,
        "step_number": step.display_number,
        "step_title": step.title,
        "status": status,
        "status_label": str(StepStatus(status).label),
        "reason": row.reason if row else "",
        "owner": {"id": owner.public_id, "name": owner.user.display_name} if owner else None,
        "target_date": row.target_date if row else None,
        "note": row.note if row else "",
        "note_html": row.note_html if row else "",
        "version": row.version if row else 0,
        "updated_at": row.updated_at if row else None,
    }


@router.get(
    "/{project_id}/progress",
    response={200: Page[ProgressOut], **ERRORS},
    summary="Progress per step",
)
def progress(request, project_id: str, filters: Query[ProgressFilters], paging: Query[PageParams]):
    """Every step of the method in method order with the whole project's status (a step
    nobody set yet reads "niet_gestart", version 0). Filter by step key or status."""
    found = project_for_reading(request, project_id)
    rows = {row.step_key: row for row in found.progress.filter(subproject=None)}
    team = _team(found)
    return page_of(_steps(rows, filters), paging, lambda item: _progress(*item, team))


def _steps(rows: dict, filters: ProgressFilters) -> list:
    """(step, its row or None) in method order, filtered by step key and status."""
    items = []
    for phase in get_catalogue().phases:
        for step in phase.steps:
            row = rows.get(step.key)
            status = row.status if row else StepStatus.NOT_STARTED
            if filters.step and step.key != filters.step:
                continue
            if filters.status and status != filters.status:
                continue
            items.append((step, row))
    return items


@router.get(
    "/{project_id}/subprojects",
    response={200: Page[SubProjectOut], **ERRORS},
    summary="Sub-projects",
)
def subprojects(request, project_id: str, paging: Query[PageParams]):
    """The parts of the approach with their own progress, by name."""
    found = project_for_reading(request, project_id)
    rows = found.subprojects.order_by("name", "id")
    return page_of(rows, paging, lambda sub: _fields(sub, ["name", "description"], sub.public_id))


def _fields(obj, names, public_id) -> dict:
    return {"id": public_id, **{name: getattr(obj, name) for name in names}}


@router.get(
    "/{project_id}/subprojects/{subproject_id}/progress",
    response={200: Page[SubProgressOut], **ERRORS},
    summary="A sub-project's progress per step",
)
def subproject_progress(
    request,
    project_id: str,
    subproject_id: str,
    filters: Query[ProgressFilters],
    paging: Query[PageParams],
):
    """As the project's progress, for one sub-project: its own status per step; a step the
    whole project marked not applicable (nvt) is not applicable here either, until the
    sub-project records its own."""
    found = project_for_reading(request, project_id)
    subproject = access_subproject(found, subproject_id)
    rows = progress_by_key(found, subproject)
    team = _team(found)

    def convert(item):
        step, row = item
        whole = row is not None and row.subproject_id is None
        return {**_progress(step, row, team), "from_whole_project": whole}

    return page_of(_steps(rows, filters), paging, convert)


@router.put(
    "/{project_id}/progress/{step_key}",
    response={200: ProgressOut, **WRITE_ERRORS},
    summary="Set a step's progress",
)
def set_progress(request, project_id: str, step_key: str, data: ProgressIn):
    """Replace the step's status, reason, owner, target date and note (fields left out are
    emptied). `version` must be the one you read: if someone changed the step since, the
    answer is 409 and nothing is saved."""
    found = project_for_writing(request, project_id)
    step = get_catalogue().steps.get(step_key)
    if step is None:
        raise Http404
    team = _team(found)
    owner = None
    if data.owner is not None:
        membership = next((m for m in team.values() if m.public_id == data.owner), None)
        if membership is None or not is_public_id(data.owner):
            raise OwnerNotMember(field="owner")
        owner = membership.user
    change = ProgressChange(
        status=data.status.value,
        reason=data.reason.strip(),
        owner=owner,
        target_date=data.target_date,
        note=data.note,
    )
    row = set_step_progress(request.auth, found, step_key, change, expected_version=data.version)
    return _progress(step, row, team)
