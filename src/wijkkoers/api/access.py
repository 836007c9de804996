"""How API endpoints reach a project: the web's access functions, answered as JSON.

Not a member (or no such project, or a malformed id): 404. A member who may only read and
tries to write: 403. A writer in a closed project: 409 (ProjectClosed), as the services say.
"""

from django.http import Http404

from wijkkoers.api.errors import ProjectReadOnlyForYou
from wijkkoers.projects.access import access_project_for_user, is_public_id
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.rules import ROLE_RANK, can, role_in

EDIT = "projects.edit_content_project"


def project_for_reading(request, project_id: str):
    return access_project_for_user(request.auth, project_id)


def project_for_writing(request, project_id: str):
    """The project, if the token's user may change its content; else 404, 403 or 409."""
    project = access_project_for_user(request.auth, project_id)
    if not can(request.auth, EDIT, project):
        if ROLE_RANK.get(role_in(request.auth, project) or "", 0) < ROLE_RANK["teamlid"]:
            raise ProjectReadOnlyForYou
        raise ProjectClosed
    return project


def one_of(rows, public_id: str):
    """The row of `rows` (already limited to one project) with this public id, or 404."""
    found = rows.filter(public_id=public_id).first() if is_public_id(public_id) else None
    if found is None:
        raise Http404
    return found
