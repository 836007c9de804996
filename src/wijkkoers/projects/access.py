"""The only way views reach project objects. "Not yours" and "does not exist" are one 404."""

from django.http import Http404

from wijkkoers.projects.models import Invitation, Membership, Party, Project, SubProject
from wijkkoers.projects.rules import role_in


def projects_for_user(user):
    """Every project the user is a member of. Staff see no more than anyone else."""
    if not user.is_authenticated:
        return Project.objects.none()
    return Project.objects.filter(memberships__user=user)


def access_project_for_user(
    user, public_id: str, *, perm: str = "projects.view_project"
) -> Project:
    """The project with this id if the user holds `perm` on it; otherwise 404."""
    project = projects_for_user(user).filter(public_id=public_id).first()
    if project is None or not user.has_perm(perm, project):
        raise Http404
    return project


def access_subproject(project: Project, public_id: str) -> SubProject:
    subproject = project.subprojects.filter(public_id=public_id).first()
    if subproject is None:
        raise Http404
    return subproject


def access_membership(project: Project, public_id: str) -> Membership:
    membership = project.memberships.select_related("user").filter(public_id=public_id).first()
    if membership is None:
        raise Http404
    return membership


def access_party(project: Project, public_id: str) -> Party:
    """One of this project's parties; another project's party is a 404 like a missing one."""
    party = project.parties.filter(public_id=public_id).first()
    if party is None:
        raise Http404
    return party


def access_invitation(project: Project, public_id) -> Invitation:
    invitation = project.invitations.filter(public_id=public_id).first()
    if invitation is None:
        raise Http404
    return invitation


def user_role(user, project: Project) -> str | None:
    return role_in(user, project)


def project_context(request, project: Project, **extra) -> dict:
    """What every project page's header needs: the project, the user's role, manage rights."""
    return {
        "project": project,
        "role": role_in(request.user, project),
        "perms_manage": request.user.has_perm("projects.manage_project", project),
        **extra,
    }
