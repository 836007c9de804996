"""How views reach a project's documents and links: one 404 for "missing" and "not yours"."""

from django.http import Http404

from wijkkoers.logbook.models import Document, Link
from wijkkoers.projects.access import access_project_for_user, is_public_id

VIEW = "projects.view_project"
EDIT = "projects.edit_content_project"


def access_logbook_project(user, project_id: str, *, write: bool = False):
    """The project if the user may read its logbook (members), or write to it (teamlid and
    up, project open); otherwise 404, as every project page answers."""
    return access_project_for_user(user, project_id, perm=EDIT if write else VIEW)


def access_document(project, public_id: str) -> Document:
    """A document of this project by its entry's public id, or 404."""
    if not is_public_id(public_id):
        raise Http404
    document = (
        Document.objects.select_related("entry", "entry__created_by", "entry__withdrawn_by")
        .filter(entry__project=project, entry__public_id=public_id)
        .first()
    )
    if document is None:
        raise Http404
    return document


def access_link(project, public_id: str) -> Link:
    """A link of this project by its entry's public id, or 404."""
    if not is_public_id(public_id):
        raise Http404
    link = (
        Link.objects.select_related("entry", "entry__created_by", "entry__withdrawn_by")
        .filter(entry__project=project, entry__public_id=public_id)
        .first()
    )
    if link is None:
        raise Http404
    return link
