"""How views reach linking opportunities: through their project, by public id, else a 404."""

from django.http import Http404

from wijkkoers.opportunities.models import Opportunity
from wijkkoers.projects.access import is_public_id


def access_opportunity(project, public_id) -> Opportunity:
    """One of this project's opportunities, with its owner; another project's is a 404."""
    if not is_public_id(public_id):
        raise Http404
    found = (
        Opportunity.objects.select_related("owner_member__user", "owner_party")
        .filter(project=project, public_id=public_id)
        .first()
    )
    if found is None:
        raise Http404
    found.project = project
    return found
