"""How views reach roles and RACI rows: through their project, by public id, else a 404."""

from django.http import Http404

from wijkkoers.projects.access import is_public_id
from wijkkoers.raci.models import RaciRow, TeamRole


def _one(queryset, project, public_id):
    if not is_public_id(public_id):
        raise Http404
    found = queryset.filter(project=project, public_id=public_id).first()
    if found is None:
        raise Http404
    found.project = project
    return found


def access_role(project, public_id) -> TeamRole:
    """One of this project's roles, with who fills it; another project's role is a 404."""
    return _one(TeamRole.objects.select_related("member__user", "party"), project, public_id)


def access_row(project, public_id) -> RaciRow:
    """One of this project's RACI rows, or 404."""
    return _one(RaciRow.objects.all(), project, public_id)
