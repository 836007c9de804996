"""How views reach logbook entries: through their project, by public id, else a 404.

"Not yours", "does not exist", "another kind" and a malformed id are all the same 404.
Other parts of the logbook add their access functions at the end of this file.
"""

from django.http import Http404

from wijkkoers.logbook.models import Entry, EntryKind
from wijkkoers.projects.access import is_public_id

# What each kind's detail pages read with the entry, in the same query.
DETAIL_RELATED = {
    EntryKind.DECISION: ["decision__current"],
    EntryKind.AGREEMENT: [
        "agreement__current__owner_member__user",
        "agreement__current__owner_party",
    ],
    EntryKind.ACTION: ["action__owner__user", "action__done_by"],
    EntryKind.MEETING: ["meeting_detail"],
    EntryKind.DOCUMENT: ["document"],
    EntryKind.LINK: ["link"],
}


def access_entry(project, kind: str, public_id) -> Entry:
    """The entry of this kind in this project with this id (and its detail), or 404."""
    if kind not in EntryKind.values or not is_public_id(public_id):
        raise Http404
    entry = (
        Entry.objects.select_related(
            "project", "created_by", "withdrawn_by", "meeting__entry", *DETAIL_RELATED[kind]
        )
        .filter(project=project, kind=kind, public_id=public_id)
        .first()
    )
    if entry is None:
        raise Http404
    return entry
