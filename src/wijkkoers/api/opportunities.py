"""Linking opportunities (koppelkansen) through the API: the list and one opportunity for every
member, new and changed ones for the team through the web's services (a change based on an
older version is a 409 naming the current one)."""

from datetime import date, datetime

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
from wijkkoers.opportunities.access import access_opportunity
from wijkkoers.opportunities.errors import OwnerNotOfProject
from wijkkoers.opportunities.models import Kind, Opportunity, Precision
from wijkkoers.opportunities.models import Status as Stage
from wijkkoers.opportunities.queries import opportunities_of, window_text
from wijkkoers.opportunities.services import (
    OpportunityData,
    add_opportunity,
    update_opportunity,
)

router = Router(tags=["Linking opportunities"])


class NamedRef(Schema):
    id: str
    name: str


class OpportunityOut(Schema):
    id: str
    title: str
    kind: Kind
    kind_label: str
    description: str
    owner_member: NamedRef | None
    owner_party: NamedRef | None
    window_start: date | None = Field(description="The window's first day.")
    window_start_precision: Precision | None = Field(description="How precisely it was given.")
    window_end: date | None = Field(description="The window's last day.")
    window_end_precision: Precision | None
    window_text: str = Field(description="The window as written, in Dutch.")
    status: Stage
    status_label: str
    step_keys: list[str]
    version: int
    updated_at: datetime


class OpportunityFilters(Schema):
    kind: Kind | None = None
    status: Stage | None = None


class OpportunityIn(Input):
    title: Text(300)
    kind: Kind
    description: Text(4000) = ""
    owner_member: Text(16) | None = Field(None, description="A membership id (or owner_party).")
    owner_party: Text(16) | None = Field(None, description="A party id (or owner_member).")
    window_start: IsoDate | None = Field(
        None, description="With `jaar` or `maand` precision: any day of that year or month."
    )
    window_start_precision: Precision = Precision.DAY
    window_end: IsoDate | None = None
    window_end_precision: Precision = Precision.DAY
    status: Stage = Stage.IDEA
    step_keys: list[Text(120)] = Field(default_factory=list, max_length=100)


class OpportunityChangeIn(OpportunityIn):
    version: int = Field(ge=0, le=1_000_000, description="The version you read.")


def _named(obj) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "name": str(getattr(obj, "user", None) or obj)}


def _opportunity(found: Opportunity) -> dict:
    names = ["title", "kind", "description", "status", "step_keys", "version", "updated_at"]
    return {
        "id": found.public_id,
        **{name: getattr(found, name) for name in names},
        "kind_label": str(found.get_kind_display()),
        "status_label": str(found.get_status_display()),
        "owner_member": _named(found.owner_member),
        "owner_party": _named(found.owner_party),
        "window_start": found.window_start,
        "window_start_precision": found.window_start_precision or None,
        "window_end": found.window_end,
        "window_end_precision": found.window_end_precision or None,
        "window_text": window_text(found),
    }


def _owner(rows, public_id, field: str):
    if not public_id:
        return None
    found = rows.filter(public_id=public_id).first()
    if found is None:
        raise OwnerNotOfProject(field=field)
    return found


def _data(project, data: OpportunityIn) -> OpportunityData:
    return OpportunityData(
        title=data.title,
        kind=data.kind,
        description=data.description,
        owner_member=_owner(project.memberships, data.owner_member, "owner_member"),
        owner_party=_owner(project.parties, data.owner_party, "owner_party"),
        window_start=data.window_start,
        window_start_precision=data.window_start_precision,
        window_end=data.window_end,
        window_end_precision=data.window_end_precision,
        status=data.status,
        step_keys=data.step_keys,
    )


def _read(project, public_id: str) -> dict:
    return _opportunity(access_opportunity(project, public_id))


@router.get(
    "/{project_id}/opportunities",
    response={200: Page[OpportunityOut], **ERRORS},
    summary="Linking opportunities",
)
def opportunities(
    request, project_id: str, filters: Query[OpportunityFilters], paging: Query[PageParams]
):
    """Earliest window first (those without a window last), then by title."""
    project = project_for_reading(request, project_id)
    rows = opportunities_of(project, kind=filters.kind or "", status=filters.status or "")
    return page_of(rows, paging, _opportunity)


@router.get(
    "/{project_id}/opportunities/{opportunity_id}",
    response={200: OpportunityOut, **ERRORS},
    summary="One linking opportunity",
)
def opportunity(request, project_id: str, opportunity_id: str):
    return _read(project_for_reading(request, project_id), opportunity_id)


@router.post(
    "/{project_id}/opportunities",
    response={201: OpportunityOut, **WRITE_ERRORS},
    summary="Add a linking opportunity",
)
def new_opportunity(request, project_id: str, data: OpportunityIn):
    project = project_for_writing(request, project_id)
    found = add_opportunity(request.auth, project, _data(project, data))
    return Status(201, _read(project, found.public_id))


@router.put(
    "/{project_id}/opportunities/{opportunity_id}",
    response={200: OpportunityOut, **WRITE_ERRORS},
    summary="Change a linking opportunity",
)
def change_opportunity(request, project_id: str, opportunity_id: str, data: OpportunityChangeIn):
    """The whole opportunity as it should read now (its status too), with the `version` you
    read."""
    project = project_for_writing(request, project_id)
    found = access_opportunity(project, opportunity_id)
    update_opportunity(request.auth, found, _data(project, data), expected_version=data.version)
    return _read(project, opportunity_id)
