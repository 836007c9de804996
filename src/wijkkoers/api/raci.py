"""The team's roles and the RACI matrix through the API: roles and rows for every member, new
and changed roles and rows for the team through the web's services (exactly one A, at least
one R; a role or row changed since it was read is a 409 naming its current version)."""

from typing import Literal

from ninja import Field, Query, Router, Schema, Status

from wijkkoers.api.access import project_for_reading, project_for_writing
from wijkkoers.api.schemas import ERRORS, WRITE_ERRORS, Input, Page, PageParams, Text, page_of
from wijkkoers.raci.access import access_role, access_row
from wijkkoers.raci.errors import MemberNotOfProject, PartyNotOfProject, RoleNotOfProject
from wijkkoers.raci.models import Letter, TeamRole
from wijkkoers.raci.queries import matrix, roles_of
from wijkkoers.raci.services import RoleData, RowData, add_role, add_row, update_role, update_row

router = Router(tags=["Roles (RACI)"])


class NamedRef(Schema):
    id: str
    name: str


class RoleOut(Schema):
    id: str
    name: str
    description: str
    member: NamedRef | None = Field(description="The member who fills the role, if any.")
    party: NamedRef | None = Field(description="The party that fills the role, if any.")
    version: int


class CellOut(Schema):
    role: str = Field(description="The role's id.")
    role_name: str
    letter: Literal["R", "A", "C", "I"]
    letter_label: str


class RowOut(Schema):
    id: str
    activity: str
    step_key: str
    step_label: str
    label: str = Field(description="How the row reads: its activity, else its step.")
    letters: list[CellOut] = Field(description="Only the roles with a letter, in role order.")
    complete: bool = Field(description="Exactly one A and at least one R.")
    problem: str = Field(description="What is missing, in Dutch; empty when complete.")
    version: int


class RoleIn(Input):
    name: Text(120)
    description: Text(500) = ""
    member: Text(16) | None = Field(None, description="A membership id: who fills it.")
    party: Text(16) | None = Field(None, description="A party id: who fills it.")


class RoleChangeIn(RoleIn):
    version: int = Field(ge=0, le=1_000_000, description="The role's version you read.")


class CellIn(Input):
    role: Text(16) = Field(description="A role's id.")
    letter: Literal["R", "A", "C", "I", ""] = Field(description="Empty: no letter.")


class RowIn(Input):
    activity: Text(300) = ""
    step_key: Text(120) = Field("", description="A step's key (activity or step, or both).")
    letters: list[CellIn] = Field(max_length=200, description="Exactly one A, at least one R.")


class RowChangeIn(RowIn):
    version: int = Field(ge=0, le=1_000_000, description="The row's version you read.")


def _named(obj) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "name": str(getattr(obj, "user", None) or obj)}


def _role(role: TeamRole) -> dict:
    return {
        "id": role.public_id,
        "name": role.name,
        "description": role.description,
        "member": _named(role.member),
        "party": _named(role.party),
        "version": role.version,
    }


def _row(found) -> dict:
    row = found.row
    return {
        "id": row.public_id,
        "activity": row.activity,
        "step_key": row.step_key,
        "step_label": row.step_label,
        "label": row.label,
        "letters": [
            {
                "role": role.public_id,
                "role_name": role.name,
                "letter": letter,
                "letter_label": str(Letter(letter).label),
            }
            for role, letter in found.cells
            if letter
        ],
        "complete": not found.problem,
        "problem": str(found.problem),
        "version": row.version,
    }


def _row_of(project, row_id: str) -> dict:
    return next(_row(found) for found in matrix(project).rows if found.row.public_id == row_id)


@router.get(
    "/{project_id}/roles", response={200: Page[RoleOut], **ERRORS}, summary="The team's roles"
)
def roles(request, project_id: str, paging: Query[PageParams]):
    """The roles in the order they were added, with who fills them."""
    return page_of(roles_of(project_for_reading(request, project_id)), paging, _role)


@router.get(
    "/{project_id}/raci", response={200: Page[RowOut], **ERRORS}, summary="The RACI matrix rows"
)
def raci_rows(request, project_id: str, paging: Query[PageParams]):
    """Each row with its letters, in the order the rows were added; incomplete rows say why."""
    return page_of(matrix(project_for_reading(request, project_id)).rows, paging, _row)


def _filled_by(rows, public_id, error):
    if not public_id:
        return None
    found = rows.filter(public_id=public_id).first()
    if found is None:
        raise error
    return found


def _role_data(project, data: RoleIn) -> RoleData:
    return RoleData(
        name=data.name,
        description=data.description,
        member=_filled_by(project.memberships, data.member, MemberNotOfProject),
        party=_filled_by(project.parties, data.party, PartyNotOfProject),
    )


def _role_of(project, role_id: str) -> dict:
    return _role(access_role(project, role_id))


@router.post("/{project_id}/roles", response={201: RoleOut, **WRITE_ERRORS}, summary="Add a role")
def new_role(request, project_id: str, data: RoleIn):
    """A role of the team (its name unique in the project), filled by a member, a party, both
    or nobody yet."""
    project = project_for_writing(request, project_id)
    role = add_role(request.auth, project, _role_data(project, data))
    return Status(201, _role_of(project, role.public_id))


@router.put(
    "/{project_id}/roles/{role_id}",
    response={200: RoleOut, **WRITE_ERRORS},
    summary="Change a role",
)
def change_role(request, project_id: str, role_id: str, data: RoleChangeIn):
    """The whole role as it should read now, with the `version` you read."""
    project = project_for_writing(request, project_id)
    role = access_role(project, role_id)
    update_role(request.auth, role, _role_data(project, data), expected_version=data.version)
    return _role_of(project, role_id)


def _data(project, data: RowIn) -> RowData:
    wanted = list(dict.fromkeys(cell.role for cell in data.letters))
    found = {role.public_id: role for role in TeamRole.objects.filter(project=project)}
    if any(public_id not in found for public_id in wanted):
        raise RoleNotOfProject
    letters = {found[cell.role]: cell.letter for cell in data.letters}
    return RowData(activity=data.activity, step_key=data.step_key, letters=letters)


@router.post("/{project_id}/raci", response={201: RowOut, **WRITE_ERRORS}, summary="Add a RACI row")
def new_row(request, project_id: str, data: RowIn):
    project = project_for_writing(request, project_id)
    row = add_row(request.auth, project, _data(project, data))
    return Status(201, _row_of(project, row.public_id))


@router.put(
    "/{project_id}/raci/{row_id}", response={200: RowOut, **WRITE_ERRORS}, summary="Change a row"
)
def change_row(request, project_id: str, row_id: str, data: RowChangeIn):
    """The whole row as it should read now, with the `version` you read."""
    project = project_for_writing(request, project_id)
    row = access_row(project, row_id)
    update_row(request.auth, row, _data(project, data), expected_version=data.version)
    return _row_of(project, row.public_id)
