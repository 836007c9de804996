"""How views reach a project's households and calculations: by public id, else a 404."""

from django.http import Http404

from wijkkoers.housingcost.models import Archetype, Calculation
from wijkkoers.projects.access import is_public_id


def access_archetype(project, public_id) -> Archetype:
    """This project's household archetype with this id, or 404 (also for a malformed id)."""
    if not is_public_id(public_id):
        raise Http404
    archetype = Archetype.objects.filter(project=project, public_id=public_id).first()
    if archetype is None:
        raise Http404
    archetype.project = project
    return archetype


def access_calculation(project, public_id) -> Calculation:
    """This project's saved calculation with this id, with its definition version, or 404."""
    if not is_public_id(public_id):
        raise Http404
    calculation = (
        Calculation.objects.select_related("definition", "created_by", "archetype")
        .filter(project=project, public_id=public_id)
        .first()
    )
    if calculation is None:
        raise Http404
    return calculation
