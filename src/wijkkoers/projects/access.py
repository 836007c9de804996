"""The only way views reach project objects. "Not yours" and "does not exist" are one 404.

Ids from URLs and query strings are checked for their shape before any query: a malformed
one (a NUL byte, which PostgreSQL refuses in text) is a 404 like any unknown id.
"""

import re
import uuid

from django.db.models import F
from django.http import Http404

from wijkkoers.projects.models import (
    Invitation,
    Membership,
    Neighbourhood,
    Party,
    Project,
    SubProject,
)
from wijkkoers.projects.rules import can, remember_role, role_in

# new_public_id(): secrets.token_urlsafe(9), 12 characters of the URL-safe alphabet.
PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{12}")


def is_public_id(value) -> bool:
    return isinstance(value, str) and PUBLIC_ID.fullmatch(value) is not None


def _checked_public_id(value) -> str:
    if not is_public_id(value):
        raise Http404
    return value


def projects_for_user(user):
    """Every project the user is a member of. Staff see no more than anyone else."""
    if not user.is_authenticated:
        return Project.objects.none()
    return Project.objects.filter(memberships__user=user)


def access_project_for_user(
    user, public_id: str, *, perm: str = "projects.view_project"
) -> Project:
    """The project with this id if the user's membership gives `perm`; otherwise 404.

    The membership's role comes in the same query (the join that finds the project) and is
    kept where rules.role_in looks for it: the permission check needs no query of its own."""
    project = (
        projects_for_user(user)
        .filter(public_id=_checked_public_id(public_id))
        .annotate(member_role=F("memberships__role"))
        .first()
    )
    if project is not None:
        remember_role(project, user, project.member_role)
    if project is None or not can(user, perm, project):
        raise Http404
    return project


def access_subproject(project: Project, public_id: str) -> SubProject:
    """A sub-project of this project (from a URL or ?deelproject=), or 404."""
    subproject = project.subprojects.filter(public_id=_checked_public_id(public_id)).first()
    if subproject is None:
        raise Http404
    return subproject


def access_membership(project: Project, public_id: str) -> Membership:
    """A membership of this project, with its user, or 404."""
    membership = (
        project.memberships.select_related("user")
        .filter(public_id=_checked_public_id(public_id))
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def access_party(project: Project, public_id: str) -> Party:
    """One of this project's parties; another project's party is a 404 like a missing one."""
    party = project.parties.filter(public_id=_checked_public_id(public_id)).first()
    if party is None:
        raise Http404
    return party


def access_neighbourhood(project: Project, public_id: str) -> Neighbourhood:
    """One of this project's neighbourhoods, or 404."""
    hood = project.neighbourhoods.filter(public_id=_checked_public_id(public_id)).first()
    if hood is None:
        raise Http404
    return hood


def access_invitation(project: Project, public_id) -> Invitation:
    """An invitation of this project by its UUID, or 404."""
    try:
        public_id = uuid.UUID(str(public_id))
    except ValueError:
        raise Http404 from None
    invitation = project.invitations.select_related("project").filter(public_id=public_id).first()
    if invitation is None:
        raise Http404
    return invitation


def project_context(request, project: Project, **extra) -> dict:
    """What every project page's header needs: the project, the user's role and rights."""
    return {
        "project": project,
        "role": role_in(request.user, project),
        "perms_manage": can(request.user, "projects.manage_project", project),
        "can_edit_content": can(request.user, "projects.edit_content_project", project),
        **extra,
    }
